#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what is missing (pnpm, dependencies from the frozen
# lockfile, Debian's Chromium when running as root), then typecheck, lint, unit and integration tests,
# the production build (with its bundle-size budget), the short drills and the browser journeys.
#
# Every step runs even when an earlier one failed, and the closing line
#   tests: N passed, N failed
# always prints and counts every runner: vitest's and Playwright's tests from their own reports,
# each drill, and each other step (install, typecheck, build) as one test. A step that could not
# run (the journeys without a build, a runner that left no report) counts as a failure.
# The exit code is 1 when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

passed=0
failed=0
failures=()

pass() { passed=$((passed + $1)); }
fail() {
  failed=$((failed + $1))
  failures+=("$2")
}
# One step that counts as one test: its exit code decides.
step() {
  local name="$1" started=$SECONDS
  shift
  echo "== $name"
  if "$@"; then pass 1; else fail 1 "$name"; fi
  took "$name" "$started"
}
# Each step's wall time, printed at the end (the machine may be busy: these are not verdicts).
timings=()
took() { timings+=("$1: $((SECONDS - $2)) s"); }
# The counts a runner wrote to its JSON report, as "passed failed", or nothing when it wrote none.
counts() {
  node -e '
    const fs = require("fs")
    const [kind, file] = process.argv.slice(1)
    if (!fs.existsSync(file)) process.exit(0)
    let r
    try { r = JSON.parse(fs.readFileSync(file, "utf8")) } catch { process.exit(0) }
    if (kind === "vitest") console.log(r.numPassedTests, r.numFailedTests)
    else if (kind === "playwright") console.log(r.stats.expected, r.stats.unexpected + r.stats.flaky)
    else console.log(r.passed, r.failed)
  ' "$1" "$2"
}
# Adds a runner's counts; a runner that failed without a report, or without naming a failed test,
# adds one failure under its own name so that it is never hidden.
count_runner() {
  local name="$1" kind="$2" file="$3" rc="$4" p f
  read -r p f <<<"$(counts "$kind" "$file")"
  if [ -z "${p:-}" ]; then
    fail 1 "$name (exit $rc, no report)"
    return
  fi
  pass "$p"
  [ "$f" -gt 0 ] && fail "$f" "$name ($f failed)"
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then fail 1 "$name (exit $rc with no failed test named)"; fi
}

step "install dependencies (pnpm install --frozen-lockfile)" install_dependencies

chromium_ok=true
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's Chromium for the browser journeys..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || chromium_ok=false
  else
    echo "Chromium is missing: install Debian's chromium package (as root: apt-get install chromium)." >&2
    chromium_ok=false
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
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_readers[@]}" >/dev/null \
      || echo "Could not install ${missing_readers[*]}: the output tests that read with them will fail." >&2
  else
    # Not hidden: the output tests that need them fail and say which reader is missing.
    echo "Missing Debian packages for the output tests: ${missing_readers[*]} (as root: apt-get install ${missing_readers[*]})." >&2
  fi
fi

# The whole workspace in two programs, side by side: the Node side (schema, API and tests, drills,
# bench) and the browser side (dashboard, e2e journeys); see scripts/typecheck.sh.
step "typecheck (schema, api, web, e2e, drills, bench)" bash scripts/typecheck.sh

# ESLint over the whole workspace (eslint.config.js: typescript-eslint, react-hooks, jsx-a11y and
# the layer import zones), 0 findings allowed, warnings included.
step "lint (ESLint, 0 findings)" pnpm_cmd lint
# Prettier (.prettierrc.json): every source file as the formatter writes it (`pnpm format` fixes it).
step "format (Prettier, 0 files to change)" pnpm_cmd format:check

# The API description, written from the app (no server) and linted by Redocly: 0 errors, 0 warnings.
# No telemetry, no update check: the lint reads only the file and redocly.yaml.
lint_openapi() {
  LOG_LEVEL=warn apps/api/node_modules/.bin/tsx apps/api/src/cli/openapi.ts "$results/openapi.json" &&
    REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true node_modules/.bin/redocly lint "$results/openapi.json" --config redocly.yaml --format=stylish
}
step "API description linted by Redocly" lint_openapi

echo "== unit and integration tests"
started=$SECONDS
pnpm_cmd exec vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json"
count_runner "unit and integration tests" vitest "$results/vitest.json" $?
took "unit and integration tests" "$started"

echo "== production build (API compiled with esbuild, dashboard with Vite)"
started=$SECONDS
build_ok=true
if pnpm_cmd build; then pass 1; else
  fail 1 "production build"
  build_ok=false
fi
took "production build" "$started"

echo "== drills (short): crash, concurrent editors, backup and restore, shutdown, start-up"
# DRILLS_REPORT=- keeps the committed docs/drills.md (the long-form results) as it is.
started=$SECONDS
DRILLS_REPORT=- DRILLS_SUMMARY="$results/drills.json" bash scripts/drills.sh short
count_runner "drills" drills "$results/drills.json" $?
took "drills" "$started"

echo "== browser journeys"
if [ "$build_ok" != true ]; then
  echo "not run: the production build failed"
  fail 1 "browser journeys (not run: the build failed)"
elif [ "$chromium_ok" != true ]; then
  echo "not run: Chromium is missing"
  fail 1 "browser journeys (not run: Chromium is missing)"
else
  started=$SECONDS
  PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" pnpm_cmd exec playwright test --reporter=list,json
  count_runner "browser journeys" playwright "$results/playwright.json" $?
  took "browser journeys" "$started"
fi

echo "time per step:"
printf '  %s\n' "${timings[@]}"
if [ "${#failures[@]}" -gt 0 ]; then
  echo "failed:"
  printf '  - %s\n' "${failures[@]}"
fi
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
