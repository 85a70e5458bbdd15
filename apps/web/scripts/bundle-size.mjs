// Prints the gzipped size of the JavaScript a first visit loads (the entry script of
// dist/index.html and the chunks it modulepreloads) and fails when it is over the budget.
// Lazy route chunks are not counted: they load when their page is opened.
import { readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

// 200 KiB. Back under it on 2026-12-05 (187 KiB, from 201.9) by loading the governance, notice,
// organisation, imports and catalogue strings with their routes (locales/<name>-texts.ts) instead
// of in the entry chunk.
const BUDGET_BYTES = 200 * 1024
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const html = readFileSync(join(dist, 'index.html'), 'utf8')

const files = new Set()
for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) files.add(m[1])
for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"[^>]*>/g)) files.add(m[1])
for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"[^>]*>/g)) files.add(m[1])

if (/<script\b(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('bundle-size: dist/index.html has an inline <script>; the CSP forbids it')
  process.exit(1)
}
if (files.size === 0) {
  console.error('bundle-size: no script found in dist/index.html')
  process.exit(1)
}

let total = 0
const rows = []
for (const file of files) {
  const bytes = readFileSync(join(dist, file.replace(/^\//, '')))
  const gz = gzipSync(bytes, { level: 9 }).length
  total += gz
  rows.push([relative(dist, join(dist, file)), bytes.length, gz])
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`
console.log('\nInitial JavaScript (gzip):')
for (const [file, raw, gz] of rows) console.log(`  ${file.padEnd(44)} ${kb(raw).padStart(10)} raw ${kb(gz).padStart(9)} gzip`)
console.log(`  ${'total'.padEnd(44)} ${''.padStart(14)} ${kb(total).padStart(9)} gzip (budget ${kb(BUDGET_BYTES)})\n`)
if (total > BUDGET_BYTES) {
  console.error(`bundle-size: the initial JavaScript is ${kb(total)} gzipped, over the ${kb(BUDGET_BYTES)} budget. Lazy-load more.`)
  process.exit(1)
}
