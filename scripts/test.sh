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

# The real readers the output tests call: poppler (pdftotext, pdffonts, pdfinfo), Python's feedparser,
# icalendar and openpyxl (Python's csv module comes with python3). The tests call Debian's own
# /usr/bin/python3, which is the one that sees these packages.
missing_readers=()
command -v pdftotext >/dev/null 2>&1 || missing_readers+=(poppler-utils)
[ -x /usr/bin/python3 ] || missing_readers+=(python3)
for module in feedparser:python3-feedparser icalendar:python3-icalendar openpyxl:python3-openpyxl; do
  /usr/bin/python3 -c "import ${module%%:*}" >/dev/null 2>&1 || missing_readers+=("${module#*:}")
done
if [ "${#missing_readers[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing the output readers from Debian: ${missing_readers[*]}..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_readers[@]}" >/dev/null
  else
    echo "Missing Debian packages for the output tests: ${missing_readers[*]} (as root: apt-get install ${missing_readers[*]})." >&2
    exit 1
  fi
fi

echo "== typecheck"
pnpm_cmd -r typecheck
apps/api/node_modules/.bin/tsc -p drills/tsconfig.json
apps/api/node_modules/.bin/tsc -p bench/tsconfig.json
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
