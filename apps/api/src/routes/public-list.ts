import { createRoute } from '@hono/zod-openapi'
import { Followers, type Language, PublicListPreview, PublishedVersion, PublishedVersionSummary, PublishInput } from '@seloste/schema'
import { z } from 'zod'
import { createRouter, serviceContext } from '../lib/create-app'
import { logger } from '../lib/logger'
import { followerCount, notifySubscribers } from '../services/subscriptions'
import { errorResponses, jsonBody, jsonResponse } from '../lib/openapi'
import { renderHtmlFragment } from '../public-list/render-html'
import { renderMarkdown } from '../public-list/render-markdown'
import { getVersion, listVersions, previewPublicList, publishPublicList, summaryOf } from '../services/public-list'

const tags = ['Public list']
const VersionParam = z.object({
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'Must be a version number')
    .transform(Number)
    .meta({ param: { name: 'version', in: 'path' }, example: '1' }),
})
const Rendered = z
  .object({ fi: z.object({ markdown: z.string(), html: z.string() }), en: z.object({ markdown: z.string(), html: z.string() }) })
  .meta({ id: 'RenderedPreview' })

export const publicListRouter = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/preview',
      tags,
      summary: 'What publishing now would publish, and its difference from the latest version',
      responses: { 200: jsonResponse(PublicListPreview, 'The draft and its changes'), ...errorResponses(401) },
    }),
    (c) => c.json(previewPublicList(c.var.db), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/preview/rendered',
      tags,
      summary: 'The draft rendered as the public page and Markdown, in both languages',
      responses: { 200: jsonResponse(Rendered, 'Markdown and HTML per language'), ...errorResponses(401) },
    }),
    (c) => {
      const preview = previewPublicList(c.var.db)
      const today = new Date().toISOString().slice(0, 10)
      const draft = {
        version: (preview.latest?.version ?? 0) + 1,
        date: today,
        publishedAt: new Date().toISOString(),
        content: preview.draft,
        changes: preview.changes,
        contentHash: '',
      }
      const one = (lang: Language) => ({ markdown: renderMarkdown(draft, lang, today), html: renderHtmlFragment(draft, lang, today) })
      return c.json({ fi: one('fi'), en: one('en') }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/publish',
      tags,
      summary: 'Publish a new numbered, dated version (editors)',
      request: { body: jsonBody(PublishInput) },
      responses: { 201: jsonResponse(PublishedVersion, 'The published version'), ...errorResponses(400, 401, 403, 409) },
    }),
    (c) => {
      const published = publishPublicList(serviceContext(c), c.req.valid('json'))
      const { mailer, publicBaseUrl } = c.var.config
      if (mailer) {
        // After the commit, outside the request: a slow mail server must not hold up the editor.
        void notifySubscribers(c.var.db, mailer, published, publicBaseUrl).catch((err: unknown) =>
          logger.error('list update mails failed', { error: (err as Error).message }),
        )
      }
      return c.json(published, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/versions',
      tags,
      summary: 'Published versions, newest first',
      responses: { 200: jsonResponse(z.array(PublishedVersionSummary), 'Versions'), ...errorResponses(401) },
    }),
    (c) => c.json(listVersions(c.var.db).map(summaryOf), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/versions/{version}',
      tags,
      summary: 'One published version with its content',
      request: { params: VersionParam },
      responses: { 200: jsonResponse(PublishedVersion, 'The version'), ...errorResponses(400, 401, 404) },
    }),
    (c) => c.json(getVersion(c.var.db, c.req.valid('param').version), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/followers',
      tags,
      summary: 'How many people follow the public list by email (administrators; a count, no addresses)',
      responses: {
        200: jsonResponse(Followers, 'The number of confirmed subscribers, or that subscriptions are off'),
        ...errorResponses(401, 403),
      },
    }),
    (c) => c.json(followerCount(c.var.db, c.var.config.mailer !== null), 200),
  )
