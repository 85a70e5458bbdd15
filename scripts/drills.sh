#!/usr/bin/env bash
# The reliability drills (crash, concurrent editors, backup and restore, graceful shutdown, start-up
# on bad files), each against real server processes on temporary databases. Writes the figures to
# docs/drills.md (DRILLS_REPORT=<file>, or "-" for nowhere). Exit code 1 when any drill fails.
#   bash scripts/drills.sh          # short form (CI): about a minute and a half
#   bash scripts/drills.sh long     # long form, on demand: 50 crashes, 60 s of editors, ...
# DRILLS=crash,startup runs only those; each drill's own settings are documented at its top.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mode="${1:-short}"
case "$mode" in
  short|long) ;;
  *) echo "usage: bash scripts/drills.sh [short|long]" >&2; exit 2 ;;
esac

if [ ! -d node_modules ] || [ ! -d apps/api/node_modules/tsx ] || [ ! -d apps/api/node_modules/better-sqlite3 ] || [ ! -d apps/api/node_modules/esbuild ]; then
  . scripts/lib.sh
  echo "[drills] installing dependencies (pnpm install --frozen-lockfile)"
  install_dependencies
fi

# The drills run the compiled production server (apps/api/dist/server.js): build it (a few seconds).
node apps/api/build.mjs

# tsx is a dependency of apps/api; load its ESM hook directly (one process, signals reach run-all.ts).
tsx_loader="$(node -p "require('node:url').pathToFileURL(require.resolve('tsx', { paths: ['apps/api'] })).href")"
exec node --import "$tsx_loader" drills/run-all.ts "$mode"
