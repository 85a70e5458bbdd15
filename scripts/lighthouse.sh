#!/usr/bin/env bash
# Lighthouse (desktop preset) on the production build: the dashboard's overview, signed in as the
# demo admin, and the public processor list; prints the median scores and writes them into the
# "## Lighthouse" section of docs/performance.md (pnpm bench keeps that section). Slow (about a
# minute per run on a busy 2-core machine) and load-dependent: not part of the test command.
# Settings, documented in bench/lighthouse.ts: LIGHTHOUSE_RUNS (default 3), LIGHTHOUSE_PORT,
#   LIGHTHOUSE_OUT (reports folder), LIGHTHOUSE_REPORT ("-" = write nothing), LIGHTHOUSE_STRICT=1,
#   CHROME_PATH (default /usr/bin/chromium), LIGHTHOUSE_BUILD=0 to measure the existing build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/lib.sh

if [ ! -d node_modules/lighthouse ] || [ ! -d apps/api/node_modules/tsx ]; then
  echo "[lighthouse] installing dependencies (pnpm install --frozen-lockfile)"
  install_dependencies
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROME_PATH" ]; then
  echo "[lighthouse] no browser at $CHROME_PATH (apt-get install chromium, or set CHROME_PATH)" >&2
  exit 1
fi

# Measure what is checked out: the API and the dashboard, built as in production.
if [ "${LIGHTHOUSE_BUILD:-1}" != "0" ]; then
  pnpm_cmd build
fi

tsx_loader="$(node -p "require('node:url').pathToFileURL(require.resolve('tsx', { paths: ['apps/api'] })).href")"
exec node --import "$tsx_loader" bench/lighthouse.ts
