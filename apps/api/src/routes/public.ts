import { Hono, type Context } from 'hono'
import type { Language, PublishedVersion } from '@seloste/schema'
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlibConstants, gzip as gzipCompress } from 'node:zlib'
import { accepts } from 'hono/accepts'
import { AppError } from '../lib/app-error'
import type { AppEnv } from '../lib/create-app'
import { renderChangesHtml, renderHtml, renderMessagePage, renderNotPublished } from '../public-list/render-html'
import { T } from '../public-list/texts'
import { clientAddress } from '../lib/create-app'
import { logger } from '../lib/logger'
import { confirmSubscription, isSubscriptionToken, subscribe, unsubscribe } from '../services/subscriptions'
import { z } from 'zod'
import { renderAtom, renderCsv, renderJson } from '../public-list/render-data'
import { renderMarkdown } from '../public-list/render-markdown'
import { findOrganisation } from '../services/organisation'
import { getVersion, latestVersionStamp, listVersions } from '../services/public-list'

type Format = 'html' | 'json' | 'md' | 'csv'

const CONTENT_TYPES: Record<Format | 'atom', string> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
}

function language(c: Context<AppEnv>): Language {
  const lang = c.req.query('lang')
  if (lang === undefined || lang === '') return findOrganisation(c.var.db)?.defaultLanguage ?? 'fi'
  if (lang === 'fi' || lang === 'en') return lang
  throw new AppError('validation_failed', 'Unknown language', { fields: [{ path: 'lang', message: 'Must be "fi" or "en"' }] })
}

function today(): string {
  return new Date().toISOString().slice(0, 10)
}

function render(version: PublishedVersion, format: Format, lang: Language, archived: boolean, subscribe: boolean, supersededBy?: number): string {
  switch (format) {
    case 'html':
      return renderHtml(version, lang, today(), { archived, subscribe, ...(supersededBy !== undefined && { supersededBy }) })
    case 'json':
      return renderJson(version, lang, today())
    case 'md':
      return renderMarkdown(version, lang, today())
    case 'csv':
      return renderCsv(version, lang, today())
  }
}

type Encoding = 'br' | 'gzip'

interface Rendered {
  /** The rendering, encoded once: a string would be encoded to UTF-8 again on every request. */
  body: Buffer
  etag: string
  lastModified: Date | null
  /** The body compressed, made on the first request that accepts each encoding. */
  compressed: Partial<Record<Encoding, Promise<Buffer>>>
}

/**
 * Published versions never change, so a rendering of (version, format, language, day, options) is
 * made once and then served from memory: a large list is not parsed and rendered on every request.
 * Per database (tests run several apps in one process); the oldest renderings go first once the
 * bodies held pass MAX_RENDERED_BYTES (a 10,000-processor list is ~14 MB of JSON) or MAX_RENDERINGS.
 */
const renderings = new WeakMap<object, Map<string, Rendered>>()
const MAX_RENDERINGS = 64
const MAX_RENDERED_BYTES = 128 * 1024 * 1024

function rendered(c: Context<AppEnv>, key: string, produce: () => { body: string; lastModified: Date | null }): Rendered {
  let cache = renderings.get(c.var.db)
  if (!cache) renderings.set(c.var.db, (cache = new Map()))
  const hit = cache.get(key)
  if (hit) return hit
  const { body, lastModified } = produce()
  const bytes = Buffer.from(body, 'utf8')
  const entry: Rendered = { body: bytes, lastModified, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`, compressed: {} }
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
function encodingFor(c: Context<AppEnv>): Encoding | null {
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
async function cached(c: Context<AppEnv>, entry: Rendered, type: string, attachment?: string): Promise<Response> {
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
  return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length), { status: 200, headers })
}

/** Serves one version (the latest when `number` is null) in a format and the requested language. */
function serveVersion(c: Context<AppEnv>, number: number | null, format: Format, archived: boolean): Response | Promise<Response> {
  const lang = language(c)
  const latest = latestVersionStamp(c.var.db)
  const wanted = number ?? latest?.version ?? null
  if (wanted === null) {
    if (format === 'html') return c.html(renderNotPublished(lang), 404)
    throw new AppError('not_found', 'The processor list has not been published yet')
  }
  const subscribe = !archived && c.var.config.mailer !== null
  // "today" is part of the key: an announced processor turns from upcoming to active at midnight.
  // An older version's page names the newest one (and changed when that was published).
  const newer = latest && latest.version > wanted ? latest : null
  const entry = rendered(c, `v|${wanted}|${format}|${lang}|${archived}|${subscribe}|${today()}|${newer?.version ?? ''}`, () => {
    const version = getVersion(c.var.db, wanted)
    return { body: render(version, format, lang, archived, subscribe, newer?.version), lastModified: new Date((newer ?? version).publishedAt) }
  })
  const file = format === 'html' ? undefined : `processors-v${wanted}-${lang}.${format}`
  return cached(c, entry, CONTENT_TYPES[format], file)
}

const EmailField = z.email().max(320)

/** At most this many subscription requests per client address an hour (each sends a mail). */
const SUBSCRIBE_LIMIT = 10
const subscribeAttempts = new Map<string, number[]>()

function allowSubscribe(address: string | null): boolean {
  const key = address ?? 'unknown'
  const now = Date.now()
  const recent = (subscribeAttempts.get(key) ?? []).filter((t) => now - t < 3600_000)
  if (recent.length >= SUBSCRIBE_LIMIT) return false
  subscribeAttempts.set(key, [...recent, now])
  return true
}

async function formField(c: Context<AppEnv>, name: string): Promise<string> {
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
  const value = (body as Record<string, unknown>)[name]
  return typeof value === 'string' ? value : ''
}

/** The published processor list, for everyone, without an account. Only published data is read. */
export const publicRouter = new Hono<AppEnv>()
  .get('/processors', (c) => serveVersion(c, null, 'html', false))
  .get('/processors.json', (c) => serveVersion(c, null, 'json', false))
  .get('/processors.md', (c) => serveVersion(c, null, 'md', false))
  .get('/processors.csv', (c) => serveVersion(c, null, 'csv', false))
  .get('/processors/changes', (c) => {
    const lang = language(c)
    const latest = latestVersionStamp(c.var.db)
    if (!latest) return c.html(renderNotPublished(lang), 404)
    const entry = rendered(c, `changes|${latest.version}|${lang}`, () => ({ body: renderChangesHtml(listVersions(c.var.db), lang), lastModified: new Date(latest.publishedAt) }))
    return cached(c, entry, CONTENT_TYPES.html)
  })
  .get('/processors/feed.atom', (c) => {
    const lang = language(c)
    const latest = latestVersionStamp(c.var.db)
    // Links in the feed come from the configured address only: a Host header is the client's to write.
    const origin = c.var.config.publicBaseUrl
    const entry = rendered(c, `feed|${latest?.version ?? 0}|${lang}|${origin}`, () => ({
      body: renderAtom(listVersions(c.var.db), lang, origin),
      lastModified: latest ? new Date(latest.publishedAt) : null,
    }))
    return cached(c, entry, CONTENT_TYPES.atom)
  })
  .post('/processors/subscribe', async (c) => {
    const mailer = c.var.config.mailer
    if (!mailer) return c.notFound()
    // The throttle comes before the body is parsed: a refused client costs no work (so its
    // language is not known yet, and the answer is in both).
    if (!allowSubscribe(clientAddress(c))) {
      const lang = c.req.query('lang') === 'en' ? 'en' : 'fi'
      return c.html(renderMessagePage(lang, T[lang].subscribeButton, 'Liian monta pyyntöä; yritä myöhemmin uudelleen. / Too many requests; try again later.', 'error'), 429)
    }
    const lang = (await formField(c, 'lang')) === 'en' ? 'en' : 'fi'
    const t = T[lang]
    const email = EmailField.safeParse((await formField(c, 'email')).trim())
    if (!email.success) return c.html(renderMessagePage(lang, t.subscribeButton, t.badEmail, 'error'), 400)
    const organisation = findOrganisation(c.var.db)?.name ?? 'Seloste'
    const baseUrl = c.var.config.publicBaseUrl
    await subscribe(c.var.db, mailer, { email: email.data, language: lang, organisation, baseUrl }).catch((err: unknown) => {
      logger.warn('a subscription mail could not be sent', { error: (err as Error).message })
    })
    return c.html(renderMessagePage(lang, t.checkMail, t.checkMailText))
  })
  .get('/processors/subscribe/confirm', (c) => {
    // The subscription routes exist only where mail is configured, as the form does.
    if (!c.var.config.mailer) return c.notFound()
    const lang = c.req.query('lang') === 'en' ? 'en' : 'fi'
    const t = T[lang]
    return confirmSubscription(c.var.db, c.req.query('token') ?? '')
      ? c.html(renderMessagePage(lang, t.confirmed, t.confirmedText))
      : c.html(renderMessagePage(lang, t.badLink, t.badLinkText, 'error'), 404)
  })
  .get('/processors/unsubscribe', (c) => {
    if (!c.var.config.mailer) return c.notFound()
    const lang = c.req.query('lang') === 'en' ? 'en' : 'fi'
    const t = T[lang]
    const token = c.req.query('token') ?? ''
    // A GET only asks: mail scanners open links, and must not unsubscribe anyone by doing so.
    if (!isSubscriptionToken(c.var.db, token)) return c.html(renderMessagePage(lang, t.badLink, t.badLinkText, 'error'), 404)
    return c.html(renderMessagePage(lang, t.unsubscribeHeading, t.unsubscribeText, 'ok', { action: '/public/processors/unsubscribe', token, button: t.unsubscribeButton }))
  })
  .post('/processors/unsubscribe', async (c) => {
    if (!c.var.config.mailer) return c.notFound()
    // The form on the page above, and RFC 8058 one-click unsubscribe (token in the URL).
    const token = c.req.query('token') ?? (await formField(c, 'token'))
    const lang = c.req.query('lang') === 'en' ? 'en' : (await formField(c, 'lang')) === 'en' ? 'en' : 'fi'
    const t = T[lang]
    return unsubscribe(c.var.db, token)
      ? c.html(renderMessagePage(lang, t.unsubscribed, t.unsubscribedText))
      : c.html(renderMessagePage(lang, t.badLink, t.badLinkText, 'error'), 404)
  })
  .get('/processors/versions/:file{[0-9]{1,9}(\\.(json|md|csv))?}', (c) => {
    const [number, ext] = c.req.param('file').split('.') as [string, Format | undefined]
    return serveVersion(c, Number(number), ext ?? 'html', true)
  })
