import { createRoute } from '@hono/zod-openapi'
import { AcknowledgeInput, Deadline, FindingsQuery, FindingsResponse, IdParam, TrendPoint } from '@seloste/schema'
import { z } from 'zod'
import { AppError } from '../lib/app-error'
import { createRouter, serviceContext } from '../lib/create-app'
import { errorResponses, jsonBody, jsonResponse } from '../lib/openapi'
import { calendarTokenInfo, regenerateCalendarToken, renderCalendar, userOfCalendarToken } from '../services/calendar'
import { acknowledgeFinding, findingTrend, listDeadlines, revokeAcknowledgement, todayIso } from '../services/findings'
import { findOrganisation } from '../services/organisation'

const tags = ['Compliance']
const Ack = z.object({
  id: z.number().int(),
  reason: z.string(),
  expiresOn: z.string(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string(),
})

export const findingsRouter = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/findings',
      tags,
      summary: 'Open and acknowledged findings of every compliance check',
      request: { query: FindingsQuery },
      responses: { 200: jsonResponse(FindingsResponse, 'Findings, most severe first'), ...errorResponses(400, 401) },
    }),
    async (c) => c.json(await c.var.reads.run('listFindings', { query: c.req.valid('query') }), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/findings/acknowledgements',
      tags,
      summary: 'Accept a risk until a date, with a reason',
      request: { body: jsonBody(AcknowledgeInput) },
      responses: { 201: jsonResponse(Ack, 'The acknowledgement'), ...errorResponses(400, 401, 403, 409) },
    }),
    (c) => c.json(acknowledgeFinding(serviceContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/findings/acknowledgements/{id}',
      tags,
      summary: 'End an acknowledgement now',
      request: { params: IdParam },
      responses: { 204: { description: 'Ended' }, ...errorResponses(401, 403, 404, 409) },
    }),
    (c) => {
      revokeAcknowledgement(serviceContext(c), c.req.valid('param').id)
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/findings/trend',
      tags,
      summary: 'Open findings per severity, one point a day',
      request: { query: z.object({ days: z.coerce.number().int().min(1).max(730).default(90) }) },
      responses: { 200: jsonResponse(z.array(TrendPoint), 'Daily counts'), ...errorResponses(400, 401) },
    }),
    async (c) => {
      // Today's point is today's open findings as they are now, so that the trend ends where the cards stand
      // (the hourly record alone can lag behind a change made since).
      const today = todayIso()
      const { counts } = await c.var.reads.run('listFindings', { query: {}, today })
      const points = findingTrend(c.var.db, c.req.valid('query').days, today).filter((p) => p.date !== today)
      return c.json([...points, { date: today, ...counts }], 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/deadlines',
      tags,
      summary: 'DPA reviews and expiries, DPF re-verifications and activity reviews ahead (and overdue)',
      request: { query: z.object({ days: z.coerce.number().int().min(1).max(730).default(90) }) },
      responses: { 200: jsonResponse(z.array(Deadline), 'Deadlines by date'), ...errorResponses(400, 401) },
    }),
    (c) => c.json(listDeadlines(c.var.db, c.req.valid('query').days), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/calendar/token',
      tags,
      summary: 'Whether you have a calendar feed URL',
      responses: {
        200: jsonResponse(z.object({ createdAt: z.string().nullable() }), 'When the current URL was made'),
        ...errorResponses(401),
      },
    }),
    (c) => c.json({ createdAt: calendarTokenInfo(c.var.db, c.var.user!.id)?.createdAt ?? null }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/calendar/token',
      tags,
      summary: 'Make a new secret calendar feed URL (the old one stops working)',
      responses: { 200: jsonResponse(z.object({ url: z.string() }), 'The feed URL; shown only now'), ...errorResponses(401) },
    }),
    (c) => {
      const token = regenerateCalendarToken(serviceContext(c), c.var.user!.id)
      return c.json({ url: `${c.var.config.publicBaseUrl}/api/calendar.ics?token=${token}` }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/calendar.ics',
      tags,
      summary: 'iCalendar feed of every deadline, authenticated by the secret token in its URL',
      security: [{ calendarToken: [] }],
      request: { query: z.object({ token: z.string().min(1).max(200) }) },
      responses: {
        200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
        ...errorResponses(400, 401),
      },
    }),
    (c) => {
      if (userOfCalendarToken(c.var.db, c.req.valid('query').token) === null)
        throw new AppError('unauthenticated', 'Unknown or revoked calendar link')
      const lang = findOrganisation(c.var.db)?.defaultLanguage ?? 'fi'
      return c.body(renderCalendar(c.var.db, c.var.config.publicBaseUrl, lang), 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Cache-Control': 'private, no-store',
      })
    },
  )
