// Compiles the API ahead of time for production (docs/decisions/008-production-build.md):
// dist/server.js and dist/read-worker.js, run by plain `node` (no tsx at run time).
// Our own TypeScript and @seloste/schema (TypeScript source) are bundled; every npm package stays
// external and is loaded from node_modules as it is: the native ones (better-sqlite3,
// @node-rs/argon2) must, and others read files next to their own modules (pdfkit's fonts,
// swagger-ui-dist's assets).
import { build } from 'esbuild'
import { cpSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const dist = join(here, 'dist')
// Built beside dist/ and swapped in at the end: a server or drill running from dist/ meanwhile
// never finds it half-written or missing.
const next = join(here, `dist.next-${process.pid}`)
const started = performance.now()
rmSync(next, { recursive: true, force: true })

/** Bare imports are external, except the workspace's own packages, which ship as TypeScript source. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@seloste/') ? undefined : { path: args.path, external: true }))
  },
}

await build({
  entryPoints: { server: join(here, 'src/server.ts'), 'read-worker': join(here, 'src/reads/read-worker.ts') },
  outdir: next,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // Stack traces point at the TypeScript source (node --enable-source-maps is set by the start commands).
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [externalPackages],
})
// client.ts finds the migrations next to itself: in the bundle, next to server.js.
cpSync(join(here, 'src/db/migrations'), join(next, 'migrations'), { recursive: true })
const old = join(here, `dist.old-${process.pid}`)
try {
  renameSync(dist, old)
} catch {
  // no earlier build
}
renameSync(next, dist)
rmSync(old, { recursive: true, force: true })
console.log(`api built: ${dist.replace(process.cwd() + '/', '')} (${Math.round(performance.now() - started)} ms)`)
