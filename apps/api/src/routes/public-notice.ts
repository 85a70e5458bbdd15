import { createHash } from 'node:crypto'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { Language, NoticeDocument } from '@seloste/schema'
import { AppError } from '../lib/app-error'
import { errorResponses } from '../lib/openapi'
import { PUBLIC_PREFIX } from './public-doc'
import type { AppEnv } from '../lib/create-app'
import {
  renderNoticeAtom,
  renderNoticeChangesHtml,
  renderNoticeHtml,
  renderNoticeJson,
  renderNoticeMarkdown,
  renderNoticeNotPublished,
} from '../notice/render'
import { findOrganisation } from '../services/organisation'
import { getNoticeVersion, latestNoticeStamp, listNoticeVersions, noticeSummary } from '../services/notice-versions'

type Format = 'html' | 'json' | 'md'

const CONTENT_TYPES: Record<Format | 'atom', string> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
}

function language(c: Context<AppEnv>): Language {
  const lang = c.req.query('lang')
  if (lang === undefined || lang === '') return findOrganisation(c.var.db)?.defaultLanguage ?? 'fi'
  if (lang === 'fi' || lang === 'en') return lang
  throw new AppError('validation_failed', 'Unknown language', { fields: [{ path: 'lang', message: 'Must be "fi" or "en"' }] })
}

const today = () => new Date().toISOString().slice(0, 10)

/** Answers with a strong ETag of the exact bytes and the version's Last-Modified; 304 when the client has them. */
function cached(c: Context<AppEnv>, body: string, type: string, lastModified: Date | null, file?: string): Response {
  const bytes = Buffer.from(body, 'utf8')
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`
  const headers: Record<string, string> = {
    'Content-Type': type,
    ETag: etag,
    'Cache-Control': 'public, max-age=300',
    'Access-Control-Allow-Origin': '*',
  }
  if (lastModified) headers['Last-Modified'] = lastModified.toUTCString()
  if (file) headers['Content-Disposition'] = `inline; filename="${file}"`
  const ifNoneMatch = c.req.header('if-none-match')
  if (ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*'))
    return new Response(null, { status: 304, headers })
  headers['Content-Length'] = String(bytes.length)
  return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(bytes), { status: 200, headers })
}

/** One published version (the latest when `number` is null) in a format and the requested language. */
function serveVersion(c: Context<AppEnv>, number: number | null, format: Format, archived: boolean): Response {
  const lang = language(c)
  const wanted = number ?? latestNoticeStamp(c.var.db)?.version ?? null
  if (wanted === null) {
    if (format === 'html') return c.html(renderNoticeNotPublished(lang), 404)
    throw new AppError('not_found', 'The privacy notice has not been published yet')
  }
  const v = getNoticeVersion(c.var.db, wanted)
  const input = { snapshot: v.snapshot, lang, stamp: { version: v.version, date: v.date }, today: today() }
  const body =
    format === 'html' ? renderNoticeHtml({ ...input, archived }) : format === 'md' ? renderNoticeMarkdown(input) : renderNoticeJson(input)
  return cached(
    c,
    body,
    CONTENT_TYPES[format],
    new Date(v.publishedAt),
    format === 'html' ? undefined : `privacy-notice-v${wanted}-${lang}.${format}`,
  )
}

/** The published privacy notice, for everyone, without an account. Only published versions are read. */
export const publicNoticeRouter = new Hono<AppEnv>()
  .get('/notice', (c) => serveVersion(c, null, 'html', false))
  .get('/notice.json', (c) => serveVersion(c, null, 'json', false))
  .get('/notice.md', (c) => serveVersion(c, null, 'md', false))
  .get('/notice/changes', (c) => {
    const lang = language(c)
    const latest = latestNoticeStamp(c.var.db)
    if (!latest) return c.html(renderNoticeNotPublished(lang), 404)
    const versions = listNoticeVersions(c.var.db)
    const controller = versions[0]!.snapshot.organisation
    const body = renderNoticeChangesHtml(
      versions.map(noticeSummary),
      lang,
      controller && { name: controller.name, businessId: controller.businessId },
    )
    return cached(c, body, CONTENT_TYPES.html, new Date(latest.publishedAt))
  })
  .get('/notice/feed.atom', (c) => {
    const lang = language(c)
    const versions = listNoticeVersions(c.var.db)
    const controller = versions[0]?.snapshot.organisation?.name ?? findOrganisation(c.var.db)?.name ?? ''
    // Links in the feed come from the configured address only: a Host header is the client's to write.
    const body = renderNoticeAtom(versions.map(noticeSummary), lang, c.var.config.publicBaseUrl, controller)
    return cached(c, body, CONTENT_TYPES.atom, versions[0] ? new Date(versions[0].publishedAt) : null)
  })
  .get('/notice/versions/:file{[0-9]{1,9}(\\.(json|md))?}', (c) => {
    const [number, ext] = c.req.param('file').split('.') as [string, Format | undefined]
    return serveVersion(c, Number(number), ext ?? 'html', true)
  })

const LangQuery = z.object({
  lang: z
    .union([Language, z.literal('')])
    .optional()
    .meta({ description: "Language; the organisation's default when absent" }),
})
const NOT_MODIFIED = { description: 'Not modified since the If-None-Match the client sent' }
const text = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string() } } })
const NOT_PUBLISHED_PAGE = text('text/html', 'Not published yet (a page that says so)')
const NOTICE_FILE = z.object({
  file: z
    .string()
    .regex(/^[0-9]{1,9}(\.(json|md))?$/)
    .meta({
      param: { name: 'file', in: 'path' },
      description: 'A version number, with .json or .md for a file (none: the HTML page)',
      example: '2.md',
    }),
})

/** Registers the public notice's routes in the API description (test/openapi.test.ts checks both ways). */
export function registerPublicNoticeDescription(registry: OpenAPIHono['openAPIRegistry']): void {
  const tags = ['Public privacy notice']
  const get = (path: string, summary: string, ok: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    registry.registerPath({
      method: 'get',
      path: `${PUBLIC_PREFIX}${path}`,
      tags,
      summary,
      request: { query: LangQuery },
      responses: { 200: ok, 304: NOT_MODIFIED, ...errorResponses(400), ...extra },
    })
  get('/notice', 'The published privacy notice (HTML page)', text('text/html', 'The page'), { 404: NOT_PUBLISHED_PAGE })
  get(
    '/notice.json',
    'The published privacy notice (JSON: its sections and blocks)',
    { description: 'The notice', content: { 'application/json': { schema: NoticeDocument } } },
    errorResponses(404),
  )
  get(
    '/notice.md',
    'The published privacy notice (Markdown, to paste into a website)',
    text('text/markdown', 'The notice'),
    errorResponses(404),
  )
  get('/notice/changes', 'What changed between the published notice versions (HTML page)', text('text/html', 'The page'), {
    404: NOT_PUBLISHED_PAGE,
  })
  get('/notice/feed.atom', 'The published notice versions as an Atom feed', text('application/atom+xml', 'The feed'))
  registry.registerPath({
    method: 'get',
    path: `${PUBLIC_PREFIX}/notice/versions/{file}`,
    tags,
    summary: 'An earlier published notice version (HTML page or file)',
    request: { params: NOTICE_FILE, query: LangQuery },
    responses: {
      200: {
        description: 'The version',
        content: {
          'text/html': { schema: z.string() },
          'application/json': { schema: NoticeDocument },
          'text/markdown': { schema: z.string() },
        },
      },
      304: NOT_MODIFIED,
      ...errorResponses(400, 404),
    },
  })
}
