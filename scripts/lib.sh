# Shared by the set-up scripts: find or install the pinned pnpm, install from the frozen lockfile.
PNPM_VERSION=10.34.9

pnpm_ok() {
  command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]
}

# The README's commands (pnpm users list, pnpm backup, pnpm start, ...) and the hints the server
# prints need a pnpm that any new shell finds: install the pinned one with npm, into npm's global
# folder (its bin is on the PATH of a stock Node install: /usr/bin for Debian's nodejs, /usr/local/bin
# for nodejs.org's). A pnpm of another version that is already there is left alone (pnpm 10 switches
# itself to the packageManager version of package.json).
ensure_pnpm() {
  if command -v pnpm >/dev/null 2>&1; then return 0; fi
  echo "Installing pnpm $PNPM_VERSION with npm (npm install -g pnpm@$PNPM_VERSION), for the pnpm commands of the README..."
  if npm install -g --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null; then
    hash -r
    if command -v pnpm >/dev/null 2>&1; then
      echo "pnpm $PNPM_VERSION installed: $(command -v pnpm)"
      return 0
    fi
    echo "pnpm was installed into $(npm prefix -g)/bin, which is not on your PATH: add it (export PATH=\"$(npm prefix -g)/bin:\$PATH\") for the pnpm commands of the README." >&2
  else
    echo "Could not install pnpm globally (is $(npm prefix -g) writable?). The scripts go on with npx; for the README's commands install it yourself (npm install -g pnpm@$PNPM_VERSION) or write npx -y pnpm@$PNPM_VERSION instead of pnpm." >&2
  fi
  return 0
}

pnpm_cmd() {
  if pnpm_ok; then
    pnpm "$@"
  else
    # corepack's signature check fails on this network; npx fetches the pinned pnpm from the npm registry.
    npx -y "pnpm@$PNPM_VERSION" "$@"
  fi
}

install_dependencies() {
  ensure_pnpm
  # Fast when nothing changed; compiles better-sqlite3 (about a minute) on a fresh machine.
  pnpm_cmd install --frozen-lockfile
}
