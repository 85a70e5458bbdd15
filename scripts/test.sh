#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what is missing (pnpm, dependencies from the frozen
# lockfile, Debian's Chromium when running as root), then typecheck, unit and integration tests,
# the production build (with its bundle-size budget) and the browser journeys.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

install_dependencies

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's Chromium for the browser journeys..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install Debian's chromium package (as root: apt-get install chromium)." >&2
    exit 1
  fi
fi

echo "== typecheck"
pnpm_cmd -r typecheck
apps/api/node_modules/.bin/tsc -p drills/tsconfig.json
apps/api/node_modules/.bin/tsc -p bench/tsconfig.json
echo "== API description: written from the app (no server) and linted by Redocly (0 errors)"
LOG_LEVEL=warn apps/api/node_modules/.bin/tsx apps/api/src/cli/openapi.ts "$results/openapi.json"
# No telemetry, no update check: the lint reads only the file and redocly.yaml.
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true node_modules/.bin/redocly lint "$results/openapi.json" --config redocly.yaml --format=stylish
echo "== unit and integration tests"
pnpm_cmd exec vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json"
echo "== drills (short): crash, concurrent editors, backup and restore, shutdown, start-up"
# DRILLS_REPORT=- keeps the committed docs/drills.md (the long-form results) as it is.
DRILLS_REPORT=- bash scripts/drills.sh short
echo "== production build"
pnpm_cmd build
echo "== browser journeys"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" pnpm_cmd exec playwright test --reporter=list,json
# One closing line over both runners, counted from their own reports.
node -e '
  const fs = require("fs"), dir = process.argv[1]
  const v = JSON.parse(fs.readFileSync(dir + "/vitest.json", "utf8"))
  const p = JSON.parse(fs.readFileSync(dir + "/playwright.json", "utf8")).stats
  const passed = v.numPassedTests + p.expected, failed = v.numFailedTests + p.unexpected + p.flaky
  console.log(`tests: ${passed} passed, ${failed} failed`)
' "$results"
