#!/usr/bin/env bash
# Typechecks the whole workspace as two TypeScript programs, side by side (tsc is single-threaded;
# the machine has two cores): the Node side (tsconfig.json: schema, API and its tests, drills,
# bench) and the browser side (tsconfig.web.json: dashboard, e2e journeys). Incremental: a second
# run rechecks only what changed (build info in node_modules/.cache/tsc/, which git ignores).
set -uo pipefail
cd "$(dirname "$0")/.."
tsc=node_modules/.bin/tsc
$tsc -p tsconfig.json &
node_side=$!
$tsc -p tsconfig.web.json &
web_side=$!
wait "$node_side"; node_rc=$?
wait "$web_side"; web_rc=$?
[ "$node_rc" -eq 0 ] && [ "$web_rc" -eq 0 ]
