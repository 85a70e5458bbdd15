/**
 * Renderings of published pages held in memory, and served the way a CDN understands: compressed
 * once per encoding, a strong ETag of the exact bytes, Last-Modified, 304 when the client has them.
 *
 * Published versions never change, so a rendering of (version, format, language, day, options) is
 * made once and then served from memory: a large list is not parsed and rendered on every request.
 * Per database (tests run several apps in one process); the oldest renderings go first once the
 * bodies held pass MAX_RENDERED_BYTES (a 10,000-processor list is ~14 MB of JSON) or MAX_RENDERINGS.
 */
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlibConstants, gzip as gzipCompress } from 'node:zlib'
import type { Context } from 'hono'
import { accepts } from 'hono/accepts'

export type Encoding = 'br' | 'gzip'

export interface Rendered {
  /** The rendering, encoded once: a string would be encoded to UTF-8 again on every request. */
  body: Buffer
  etag: string
  lastModified: Date | null
  /** The body compressed, made on the first request that accepts each encoding. */
  compressed: Partial<Record<Encoding, Promise<Buffer>>>
}

const renderings = new WeakMap<object, Map<string, Rendered>>()
const MAX_RENDERINGS = 64
const MAX_RENDERED_BYTES = 128 * 1024 * 1024

/** The rendering under `key` for this database, made by `produce` the first time it is asked for. */
export function rendered(owner: object, key: string, produce: () => { body: string; lastModified: Date | null }): Rendered {
  let cache = renderings.get(owner)
  if (!cache) renderings.set(owner, (cache = new Map()))
  const hit = cache.get(key)
  if (hit) return hit
  const { body, lastModified } = produce()
  const bytes = Buffer.from(body, 'utf8')
  const entry: Rendered = {
    body: bytes,
    lastModified,
    etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`,
    compressed: {},
  }
  cache.set(key, entry)
  let held = [...cache.values()].reduce((sum, e) => sum + e.body.length, 0)
  for (const [oldest, e] of cache) {
    if (oldest === key || (cache.size <= MAX_RENDERINGS && held <= MAX_RENDERED_BYTES)) break
    cache.delete(oldest)
    held -= e.body.length
  }
  return entry
}

const brotli = promisify(brotliCompress)
const gzip = promisify(gzipCompress)

/** Compression runs on libuv's thread pool, so a large first rendering does not hold up other requests. */
function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzip(body, { level: 9 })
}

/** Brotli (smaller) or gzip when the client accepts it (a missing q counts as 1; ties go to brotli). */
function encodingFor(c: Context): Encoding | null {
  const chosen = accepts(c, {
    header: 'Accept-Encoding',
    supports: ['br', 'gzip'],
    default: 'identity',
    match: (list) => {
      const q = (name: string) => list.find((a) => a.type.toLowerCase() === name)?.q ?? list.find((a) => a.type === '*')?.q ?? 0
      const [br, gz] = [q('br'), q('gzip')]
      return br > 0 && br >= gz ? 'br' : gz > 0 ? 'gzip' : 'identity'
    },
  })
  return chosen === 'br' || chosen === 'gzip' ? chosen : null
}

/**
 * Answers with caching a CDN understands: a strong ETag of the exact bytes and the version's
 * Last-Modified; 304 when the client already has them.
 */
export async function cachedResponse(c: Context, entry: Rendered, type: string, attachment?: string): Promise<Response> {
  const { body, lastModified } = entry
  // A large list is mostly repetition: clients that accept compression get it (a CDN keeps each, by Vary).
  const encoding = body.length > 1024 ? encodingFor(c) : null
  // A strong validator names one representation, so each encoding has its own.
  const etag = encoding ? entry.etag.replace(/"$/, `-${encoding}"`) : entry.etag
  const headers: Record<string, string> = {
    'Content-Type': type,
    ETag: etag,
    'Cache-Control': 'public, max-age=300',
    'Access-Control-Allow-Origin': '*',
    Vary: 'Accept-Encoding',
  }
  if (lastModified) headers['Last-Modified'] = lastModified.toUTCString()
  if (attachment) headers['Content-Disposition'] = `inline; filename="${attachment}"`
  const ifNoneMatch = c.req.header('if-none-match')
  const ifModifiedSince = c.req.header('if-modified-since')
  const notModified = ifNoneMatch
    ? ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')
    : !!(ifModifiedSince && lastModified && Math.floor(lastModified.getTime() / 1000) <= Math.floor(Date.parse(ifModifiedSince) / 1000))
  if (notModified) return new Response(null, { status: 304, headers })
  if (encoding) headers['Content-Encoding'] = encoding
  // A failed compression is not kept: the next request tries again.
  const bytes = encoding
    ? await (entry.compressed[encoding] ??= compress(body, encoding).catch((err: unknown) => {
        delete entry.compressed[encoding]
        throw err
      }))
    : body
  headers['Content-Length'] = String(bytes.length)
  // A Buffer from Buffer.from() sits on a plain (not shared) ArrayBuffer, which is what a Response body takes.
  return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length), {
    status: 200,
    headers,
  })
}
