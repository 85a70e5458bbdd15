#!/usr/bin/env bash
# Starts Seloste on a fresh machine with only Node 20 and npm: installs, builds the dashboard,
# and runs the production server (PORT, HOST, DATABASE_PATH honoured; demo data on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
install_dependencies
pnpm_cmd build
# Run the server directly (not through pnpm) so that SIGTERM reaches it for a graceful shutdown.
exec env INIT_CWD="$PWD" apps/api/node_modules/.bin/tsx apps/api/src/server.ts
