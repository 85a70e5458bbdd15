import { createRoute } from '@hono/zod-openapi'
import { NoticeTexts, NoticeTextsUpdate } from '@seloste/schema'
import { createRouter, serviceContext } from '../lib/create-app'
import { errorResponses, jsonBody, jsonResponse } from '../lib/openapi'
import { getNoticeTexts, updateNoticeTexts } from '../services/notice-texts'

const tags = ['Privacy notice']

/** The privacy notice in the dashboard: every user reads, only administrators change (lib/access-policy.ts). */
export const noticeRouter = createRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/texts', tags, summary: "The notice's free-text blocks (summary, security, how to exercise the rights), in both languages",
      responses: { 200: jsonResponse(NoticeTexts, 'The blocks'), ...errorResponses(401) },
    }),
    (c) => c.json(getNoticeTexts(c.var.db), 200),
  )
  .openapi(
    createRoute({
      method: 'put', path: '/texts', tags, summary: 'Save the free-text blocks (administrators; optimistic concurrency by version)',
      request: { body: jsonBody(NoticeTextsUpdate) },
      responses: { 200: jsonResponse(NoticeTexts, 'The saved blocks'), ...errorResponses(400, 401, 403, 409, 413) },
    }),
    (c) => c.json(updateNoticeTexts(serviceContext(c), c.req.valid('json')), 200),
  )
