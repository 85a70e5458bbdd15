/**
 * Serves the built dashboard (apps/web/dist) from the API's own server:
 * - files under /assets/ have a content hash in their names, so they are cached for a year and
 *   marked immutable; the index.html shell is `no-cache` (revalidated by ETag), so a release shows
 *   at once; other root files (robots.txt, favicon.svg) are cached for an hour;
 * - text files go out in brotli or gzip where the client accepts it: the build writes `.br` and
 *   `.gz` beside them (apps/web/scripts/compress.mjs, at the highest levels); a file without them
 *   is compressed once, on its first request, off the main thread, and kept in memory;
 * - a path with a file extension that is not a file is a 404 (not the dashboard's HTML), while a
 *   client-side route (no extension) gets index.html; /api and /public keep their own 404s.
 * Files are read once and kept in memory: the build is a few megabytes and never changes while
 * the server runs.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Context, Env, Hono } from 'hono'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
}
/** Worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.webmanifest', '.svg', '.txt', '.xml'])
/** Below this a compressed body saves less than the headers cost. */
const MIN_COMPRESS_BYTES = 1024

type Encoding = 'br' | 'gzip'

interface StaticFile {
  type: string
  cacheControl: string
  identity: Buffer
  hash: string
  compressible: boolean
  /** Each encoding's body once made (or read from the build's `.br` / `.gz`); null when not smaller. */
  encoded: Partial<Record<Encoding, Promise<Buffer | null>>>
}

/** The encoding to send: brotli before gzip, each only if the client accepts it (q > 0). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null
  const accepted = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    accepted.set(token!, q ? Number(q.slice(2)) || 0 : 1)
  }
  const ok = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null
}

export function serveDashboard<E extends Env>(app: Hono<E>, webDist: string): void {
  const root = resolve(webDist)
  const files = new Map<string, StaticFile | null>()

  const load = (relativePath: string): StaticFile | null => {
    if (files.has(relativePath)) return files.get(relativePath)!
    const full = join(root, relativePath)
    let file: StaticFile | null = null
    if (full.startsWith(root + sep) && existsSync(full) && statSync(full).isFile()) {
      const ext = extname(full).toLowerCase()
      const identity = readFileSync(full)
      const compressible = COMPRESSIBLE.has(ext) && identity.length >= MIN_COMPRESS_BYTES
      const encoded: StaticFile['encoded'] = {}
      if (compressible) {
        // The build's own, at the highest levels, where present.
        if (existsSync(`${full}.br`)) encoded.br = Promise.resolve(readFileSync(`${full}.br`))
        if (existsSync(`${full}.gz`)) encoded.gzip = Promise.resolve(readFileSync(`${full}.gz`))
      }
      file = {
        type: TYPES[ext] ?? 'application/octet-stream',
        cacheControl: relativePath.startsWith(`assets${sep}`)
          ? 'public, max-age=31536000, immutable'
          : relativePath === 'index.html'
            ? 'no-cache'
            : 'public, max-age=3600',
        identity,
        hash: createHash('sha256').update(identity).digest('base64url').slice(0, 22),
        compressible,
        encoded,
      }
    }
    files.set(relativePath, file)
    return file
  }

  const encodedBody = (file: StaticFile, encoding: Encoding): Promise<Buffer | null> => {
    file.encoded[encoding] ??= (
      encoding === 'br'
        ? brotli(file.identity, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: file.identity.length },
          })
        : gzipAsync(file.identity, { level: 9 })
    ).then((body) => (body.length < file.identity.length ? body : null))
    return file.encoded[encoding]!
  }

  const send = async (c: Context, file: StaticFile) => {
    const encoding = file.compressible ? chooseEncoding(c.req.header('accept-encoding')) : null
    const body = encoding ? await encodedBody(file, encoding) : null
    const etag = `"${file.hash}${body ? `-${encoding}` : ''}"`
    const headers: Record<string, string> = { 'Content-Type': file.type, 'Cache-Control': file.cacheControl, ETag: etag }
    if (file.compressible) headers.Vary = 'Accept-Encoding'
    if (body) headers['Content-Encoding'] = encoding!
    const ifNoneMatch = c.req.header('if-none-match')
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return c.body(null, 304, headers)
    const bytes = body ?? file.identity
    headers['Content-Length'] = String(bytes.length)
    return c.body(new Uint8Array(bytes), 200, headers)
  }

  app.get('*', async (c) => {
    const path = c.req.path
    if (path === '/api' || path.startsWith('/api/') || path === '/public' || path.startsWith('/public/')) return c.notFound()
    let decoded: string
    try {
      decoded = decodeURIComponent(path)
    } catch {
      return c.notFound()
    }
    const relativePath = normalize(decoded).replace(/^[/\\]+/, '')
    if (decoded.includes('\0') || relativePath.split(/[/\\]/).includes('..')) return c.notFound()
    const file = relativePath === '' ? null : load(relativePath)
    if (file) return send(c, file)
    // A file that is not there is a 404; anything else is a client-side route of the dashboard.
    if (extname(relativePath) !== '') return c.notFound()
    const shell = load('index.html')
    return shell ? send(c, shell) : c.notFound()
  })
}
