import { ADEQUACY_LIST_CHECKED } from '@seloste/schema'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from './helpers'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})

describe('GET /api/health', () => {
  it('reports the service and its database as ok', async () => {
    const res = await ctx.api.get('/api/health')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ok', database: 'ok' })
  })

  it('fails with 500 and the JSON error body when the database is gone', async () => {
    const broken = await createTestContext()
    broken.db.$client.close()
    const res = await broken.anonymous.get('/api/health')
    expect(res.status).toBe(500)
    expect(res.body.error.code).toBe('internal')
  })
})

describe('GET /api/reference', () => {
  it('gives the country, EEA and adequacy lists the rules use', async () => {
    const res = await ctx.api.get('/api/reference')
    expect(res.status).toBe(200)
    const { countries, eea, adequacyDecisions, adequacyListChecked } = res.body
    expect(countries).toHaveLength(249)
    expect(countries).toContain('FI')
    expect(countries).not.toContain('XK')
    expect(eea).toEqual(expect.arrayContaining(['FI', 'SE', 'NO', 'IS', 'LI', 'AX']))
    expect(eea).not.toContain('CH')
    expect(eea).not.toContain('GB')
    expect(adequacyDecisions).toContainEqual(
      expect.objectContaining({ id: 'us-dpf-2023', country: 'US', decision: '(EU) 2023/1795', frameworkOnly: true }),
    )
    expect(adequacyDecisions).toContainEqual(
      expect.objectContaining({ id: 'jp-2019', country: 'JP', decision: '(EU) 2019/419', frameworkOnly: false }),
    )
    expect(adequacyDecisions).toContainEqual(
      expect.objectContaining({ id: 'br-2026', country: 'BR', decision: '(EU) 2026/179', adoptedOn: '2026-01-26', validUntil: null }),
    )
    expect(adequacyDecisions).toContainEqual(expect.objectContaining({ id: 'gb-2021', validUntil: '2031-12-27' }))
    expect(adequacyDecisions).toContainEqual(
      expect.objectContaining({ id: 'epo-2025', country: null, internationalOrganisation: 'epo', decision: null, adoptedOn: '2025-07-15' }),
    )
    expect(res.body.internationalOrganisations).toContainEqual({
      id: 'epo',
      name: { fi: 'Euroopan patenttijärjestö', en: 'European Patent Organisation' },
    })
    expect(adequacyListChecked).toBe(ADEQUACY_LIST_CHECKED)
  })
})
