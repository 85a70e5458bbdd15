import { createRoute } from '@hono/zod-openapi'
import { NoticePreview, NoticePublishInput, NoticeTexts, NoticeTextsUpdate, NoticeVersionSummary, type Language } from '@seloste/schema'
import { z } from 'zod'
import { createRouter, serviceContext } from '../lib/create-app'
import { errorResponses, jsonBody, jsonResponse } from '../lib/openapi'
import { renderNoticeHtmlFragment, renderNoticeMarkdown } from '../notice/render'
import { getNoticeTexts, updateNoticeTexts } from '../services/notice-texts'
import { getNoticeVersion, listNoticeVersions, noticeSummary, previewNotice, publishNotice } from '../services/notice-versions'

const VersionParam = z.object({
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'Must be a version number')
    .transform(Number)
    .meta({ param: { name: 'version', in: 'path' }, example: '1' }),
})
const Rendered = z
  .object({ fi: z.object({ markdown: z.string(), html: z.string() }), en: z.object({ markdown: z.string(), html: z.string() }) })
  .meta({ id: 'RenderedNotice' })
const today = () => new Date().toISOString().slice(0, 10)

const tags = ['Privacy notice']

/** The privacy notice in the dashboard: every user reads, only administrators change (lib/access-policy.ts). */
export const noticeRouter = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/texts',
      tags,
      summary: "The notice's free-text blocks (summary, security, how to exercise the rights), in both languages",
      responses: { 200: jsonResponse(NoticeTexts, 'The blocks'), ...errorResponses(401) },
    }),
    (c) => c.json(getNoticeTexts(c.var.db), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/texts',
      tags,
      summary: 'Save the free-text blocks (administrators; optimistic concurrency by version)',
      request: { body: jsonBody(NoticeTextsUpdate) },
      responses: { 200: jsonResponse(NoticeTexts, 'The saved blocks'), ...errorResponses(400, 401, 403, 409, 413) },
    }),
    (c) => c.json(updateNoticeTexts(serviceContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/preview',
      tags,
      summary: 'What publishing now would publish: the blocking problems (linked to their records) and the sections that would change',
      responses: { 200: jsonResponse(NoticePreview, 'Problems and changes'), ...errorResponses(401) },
    }),
    (c) => {
      const { snapshot: _s, ...preview } = previewNotice(c.var.db)
      return c.json(preview, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/preview/rendered',
      tags,
      summary: 'The draft notice rendered as HTML and Markdown, in both languages',
      responses: { 200: jsonResponse(Rendered, 'Markdown and HTML per language'), ...errorResponses(401) },
    }),
    (c) => {
      const { snapshot } = previewNotice(c.var.db)
      const one = (lang: Language) => ({
        markdown: renderNoticeMarkdown({ snapshot, lang, stamp: null, today: today() }),
        html: renderNoticeHtmlFragment({ snapshot, lang, stamp: null, today: today() }),
      })
      return c.json({ fi: one('fi'), en: one('en') }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/publish',
      tags,
      summary: 'Publish the notice as a new numbered, dated version (administrators; refused with the problems while one blocks)',
      request: { body: jsonBody(NoticePublishInput) },
      responses: { 201: jsonResponse(NoticeVersionSummary, 'The published version'), ...errorResponses(400, 401, 403, 409) },
    }),
    (c) => c.json(noticeSummary(publishNotice(serviceContext(c), c.req.valid('json'))), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/versions',
      tags,
      summary: 'Published notice versions, newest first',
      responses: { 200: jsonResponse(z.array(NoticeVersionSummary), 'Versions'), ...errorResponses(401) },
    }),
    (c) => c.json(listNoticeVersions(c.var.db).map(noticeSummary), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/versions/{version}',
      tags,
      summary: 'One published notice version (its summary)',
      request: { params: VersionParam },
      responses: { 200: jsonResponse(NoticeVersionSummary, 'The version'), ...errorResponses(400, 401, 404) },
    }),
    (c) => c.json(noticeSummary(getNoticeVersion(c.var.db, c.req.valid('param').version)), 200),
  )
