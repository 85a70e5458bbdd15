import { createRoute } from '@hono/zod-openapi'
import { ADEQUACY_DECISIONS, ADEQUACY_LIST_CHECKED, COUNTRY_CODES, EEA_COUNTRIES, INTERNATIONAL_ORGANISATIONS } from '@seloste/schema'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { createRouter } from '../lib/create-app'
import { jsonResponse } from '../lib/openapi'

const Health = z.object({ status: z.literal('ok'), database: z.literal('ok') }).meta({ id: 'Health' })
const Reference = z
  .object({
    countries: z.array(z.string()),
    eea: z.array(z.string()),
    adequacyDecisions: z.array(
      z.object({
        id: z.string(),
        country: z.string().nullable(),
        internationalOrganisation: z.string().nullable(),
        decision: z.string().nullable().meta({ description: 'The act number; null where none was sourced' }),
        adoptedOn: z.string(),
        validUntil: z.string().nullable(),
        frameworkOnly: z.boolean(),
        source: z.string(),
      }),
    ),
    internationalOrganisations: z.array(z.object({ id: z.string(), name: z.object({ fi: z.string(), en: z.string() }) })),
    adequacyListChecked: z.string().meta({ description: 'The date the legal reference data was last checked against its sources' }),
  })
  .meta({ id: 'Reference' })

export const metaRouter = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['Meta'],
      summary: 'Liveness and database check',
      responses: { 200: jsonResponse(Health, 'Healthy') },
    }),
    (c) => {
      c.var.db.get(sql`SELECT 1`)
      return c.json({ status: 'ok' as const, database: 'ok' as const }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reference',
      tags: ['Meta'],
      summary: 'Countries, EEA and adequacy decisions the rules use',
      responses: { 200: jsonResponse(Reference, 'Reference lists') },
    }),
    (c) =>
      c.json(
        {
          countries: [...COUNTRY_CODES],
          eea: [...EEA_COUNTRIES],
          adequacyDecisions: ADEQUACY_DECISIONS.map((d) => ({
            id: d.id,
            country: d.country,
            internationalOrganisation: d.internationalOrganisation,
            decision: d.decision,
            adoptedOn: d.adoptedOn,
            validUntil: d.validUntil,
            frameworkOnly: d.frameworkOnly,
            source: d.source,
          })),
          internationalOrganisations: INTERNATIONAL_ORGANISATIONS.map((o) => ({ id: o.id, name: o.name })),
          adequacyListChecked: ADEQUACY_LIST_CHECKED,
        },
        200,
      ),
  )
