import { Hono, type Context } from 'hono'
import type { Language, PublishedVersion } from '@seloste/schema'
import { createHash } from 'node:crypto'
import { AppError } from '../lib/app-error'
import type { AppEnv } from '../lib/create-app'
import { renderChangesHtml, renderHtml, renderNotPublished } from '../public-list/render-html'
import { renderAtom, renderCsv, renderJson } from '../public-list/render-data'
import { renderMarkdown } from '../public-list/render-markdown'
import { findOrganisation } from '../services/organisation'
import { getVersion, latestVersion, listVersions } from '../services/public-list'

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

function render(version: PublishedVersion, format: Format, lang: Language, archived: boolean): string {
  switch (format) {
    case 'html':
      return renderHtml(version, lang, today(), { archived })
    case 'json':
      return renderJson(version, lang, today())
    case 'md':
      return renderMarkdown(version, lang, today())
    case 'csv':
      return renderCsv(version, lang, today())
  }
}

/**
 * Answers with caching a CDN understands: a strong ETag of the exact bytes and the version's
 * Last-Modified; 304 when the client already has them.
 */
function cached(c: Context<AppEnv>, body: string, type: string, lastModified: Date | null, attachment?: string): Response {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
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
  return new Response(c.req.method === 'HEAD' ? null : body, { status: 200, headers })
}

function serveVersion(c: Context<AppEnv>, version: PublishedVersion | null, format: Format, archived: boolean): Response {
  const lang = language(c)
  if (!version) {
    if (format === 'html') return c.html(renderNotPublished(lang), 404)
    throw new AppError('not_found', 'The processor list has not been published yet')
  }
  const body = render(version, format, lang, archived)
  const file = format === 'html' ? undefined : `processors-v${version.version}-${lang}.${format}`
  return cached(c, body, CONTENT_TYPES[format], new Date(version.publishedAt), file)
}

/** The published processor list, for everyone, without an account. Only published data is read. */
export const publicRouter = new Hono<AppEnv>()
  .get('/processors', (c) => serveVersion(c, latestVersion(c.var.db), 'html', false))
  .get('/processors.json', (c) => serveVersion(c, latestVersion(c.var.db), 'json', false))
  .get('/processors.md', (c) => serveVersion(c, latestVersion(c.var.db), 'md', false))
  .get('/processors.csv', (c) => serveVersion(c, latestVersion(c.var.db), 'csv', false))
  .get('/processors/changes', (c) => {
    const versions = listVersions(c.var.db)
    const lang = language(c)
    if (versions.length === 0) return c.html(renderNotPublished(lang), 404)
    return cached(c, renderChangesHtml(versions, lang), CONTENT_TYPES.html, new Date(versions[0]!.publishedAt))
  })
  .get('/processors/feed.atom', (c) => {
    const versions = listVersions(c.var.db)
    const origin = new URL(c.req.url).origin
    return cached(c, renderAtom(versions, language(c), origin), CONTENT_TYPES.atom, versions[0] ? new Date(versions[0].publishedAt) : null)
  })
  .get('/processors/versions/:file{[0-9]{1,9}(\\.(json|md|csv))?}', (c) => {
    const [number, ext] = c.req.param('file').split('.') as [string, Format | undefined]
    return serveVersion(c, getVersion(c.var.db, Number(number)), ext ?? 'html', true)
  })
