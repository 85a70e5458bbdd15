#!/usr/bin/env bash
# The loopback benchmark: seeds temporary databases, loads the real API with autocannon and writes
# docs/performance.md. Settings are environment variables, documented in bench/run.ts:
#   BENCH_SIZES (default 10000; e.g. 100,10000,100000), BENCH_DURATION (s, default 10),
#   BENCH_WARMUP (s, default 2), BENCH_CONNECTIONS (default 16), BENCH_REPORT, BENCH_STRICT=1.
# BENCH_EXPORTS=1: afterwards run bench/exports.ts, the exports with 1,000 processing activities
#   (BENCH_EXPORT_ACTIVITIES, BENCH_EXPORT_PROCESSORS; printed to the terminal, not to the report).
# CI smoke: BENCH_DURATION=2 BENCH_SIZES=1000 bash scripts/bench.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ ! -d node_modules ] || [ ! -d node_modules/autocannon ] || [ ! -d apps/api/node_modules/tsx ] || [ ! -d apps/api/node_modules/esbuild ]; then
  . scripts/lib.sh
  echo "[bench] installing dependencies (pnpm install --frozen-lockfile)"
  install_dependencies
fi

# The bench measures the production server, compiled ahead of time: build it (a few seconds).
node apps/api/build.mjs

# tsx is a dependency of apps/api; load its ESM hook directly (one process, signals reach run.ts).
tsx_loader="$(node -p "require('node:url').pathToFileURL(require.resolve('tsx', { paths: ['apps/api'] })).href")"
if [ "${BENCH_EXPORTS:-}" = "1" ]; then
  node --import "$tsx_loader" bench/run.ts
  echo "[bench] BENCH_EXPORTS=1: bench/exports.ts"
  exec node --import "$tsx_loader" bench/exports.ts
fi
exec node --import "$tsx_loader" bench/run.ts
