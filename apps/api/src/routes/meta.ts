import { createRoute } from '@hono/zod-openapi'
import { ADEQUACY_DECISIONS, ADEQUACY_LIST_CHECKED, COUNTRY_CODES, EEA_COUNTRIES } from '@seloste/schema'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { createRouter } from '../lib/create-app'
import { jsonResponse } from '../lib/openapi'

const Health = z.object({ status: z.literal('ok'), database: z.literal('ok') }).meta({ id: 'Health' })
const Reference = z
  .object({
    countries: z.array(z.string()),
    eea: z.array(z.string()),
    adequacyDecisions: z.array(z.object({ id: z.string(), country: z.string(), decision: z.string(), frameworkOnly: z.boolean() })),
    adequacyListChecked: z.string(),
  })
  .meta({ id: 'Reference' })

export const metaRouter = createRouter()
  .openapi(
    createRoute({ method: 'get', path: '/health', tags: ['Meta'], summary: 'Liveness and database check', responses: { 200: jsonResponse(Health, 'Healthy') } }),
    (c) => {
      c.var.db.get(sql`SELECT 1`)
      return c.json({ status: 'ok' as const, database: 'ok' as const }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/reference', tags: ['Meta'], summary: 'Countries, EEA and adequacy decisions the rules use',
      responses: { 200: jsonResponse(Reference, 'Reference lists') },
    }),
    (c) =>
      c.json(
        {
          countries: [...COUNTRY_CODES],
          eea: [...EEA_COUNTRIES],
          adequacyDecisions: ADEQUACY_DECISIONS.map((d) => ({ id: d.id, country: d.country, decision: d.decision, frameworkOnly: !!d.frameworkOnly })),
          adequacyListChecked: ADEQUACY_LIST_CHECKED,
        },
        200,
      ),
  )
