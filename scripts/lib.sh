# Shared by the set-up scripts: find or fetch the pinned pnpm, install from the frozen lockfile.
PNPM_VERSION=10.34.9

pnpm_cmd() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then
    pnpm "$@"
  else
    # corepack's signature check fails on this network; npx fetches the pinned pnpm from the npm registry.
    npx -y "pnpm@$PNPM_VERSION" "$@"
  fi
}

install_dependencies() {
  # Fast when nothing changed; compiles better-sqlite3 (about a minute) on a fresh machine.
  pnpm_cmd install --frozen-lockfile
}
