#!/usr/bin/env bash
# Starts Seloste on a fresh machine with only Node 20 and npm: installs, builds the dashboard,
# and runs the production server (PORT, HOST, DATABASE_PATH honoured; demo data on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
install_dependencies
pnpm_cmd build
# The compiled server as one node process (not through pnpm or tsx), so that SIGTERM reaches it
# for a graceful shutdown and nothing else stays resident.
exec env INIT_CWD="$PWD" node --enable-source-maps apps/api/dist/server.js
