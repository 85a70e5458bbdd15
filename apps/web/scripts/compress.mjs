// Writes brotli (.br, quality 11) and gzip (.gz, level 9) copies of the built text files beside
// them, so that the server sends them compressed at the best ratio without compressing at run time
// (apps/api/src/lib/dashboard.ts). A copy that would not be smaller is not written.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.webmanifest', '.svg', '.txt', '.xml'])
const MIN_BYTES = 1024

let raw = 0
let br = 0
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name)
    if (statSync(file).isDirectory()) walk(file)
    else if (TEXT.has(extname(name)) && statSync(file).size >= MIN_BYTES) {
      const bytes = readFileSync(file)
      const brotli = brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      })
      const gz = gzipSync(bytes, { level: 9 })
      if (brotli.length < bytes.length) writeFileSync(`${file}.br`, brotli)
      if (gz.length < bytes.length) writeFileSync(`${file}.gz`, gz)
      raw += bytes.length
      br += Math.min(brotli.length, bytes.length)
    }
  }
}
walk(dist)
console.log(`compress: ${(raw / 1024).toFixed(0)} KB of text files, ${(br / 1024).toFixed(0)} KB with brotli`)
