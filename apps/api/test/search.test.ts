/** GET /api/search: one search over processors, activities and findings (issue 15). */
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, expectValidationError, type JsonBody, type TestContext } from './helpers'

describe('GET /api/search', () => {
  let ctx: TestContext
  const search = async (q: string, extra = '') => ctx.api.get(`/api/search?q=${encodeURIComponent(q)}${extra}`)

  beforeAll(async () => {
    ctx = await createTestContext({ demo: true })
  })

  it('finds processors as the processors list does, activities by name and findings by message or record', async () => {
    const res = await search('capsule')
    expect(res.status).toBe(200)
    const list = (await ctx.api.get('/api/processors?q=capsule')).body
    expect(res.body.processors).toEqual({
      items: list.items.map((p: JsonBody) => ({
        id: p.id,
        displayName: p.displayName,
        displayNameEn: p.displayNameEn,
        legalName: p.legalName,
        role: p.role,
        status: p.status,
      })),
      total: list.total,
    })
    expect(res.body.processors.total).toBeGreaterThan(0)
    // Findings about CapsuleCRM (its transfer, its DPA...) name it.
    expect(res.body.findings.total).toBeGreaterThan(0)
    for (const f of res.body.findings.items)
      expect(`${f.message.en} ${f.entity.name.en} ${f.message.fi} ${f.entity.name.fi}`.toLowerCase()).toContain('capsule')

    const activities = await search('NEWSLETTER')
    expect(activities.body.activities.items.map((a: JsonBody) => a.name.en)).toEqual(['Newsletter subscribers'])
    expect(activities.body.activities.items[0]).toEqual({ id: expect.any(Number), name: expect.any(Object), status: 'draft' })
    const finnish = await search('kävijät')
    expect(finnish.body.activities.total).toBe(1)
  })

  it('lists open findings before acknowledged ones, and marks which is which', async () => {
    const ctx2 = await createTestContext({ demo: true })
    const open = (await ctx2.api.get('/api/findings')).body.open as JsonBody[]
    const target = open.find((f) => f.entity.type === 'activity')!
    const until = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10)
    expect(
      (await ctx2.api.post('/api/findings/acknowledgements', { findingKey: target.key, reason: 'Accepted for now', expiresOn: until }))
        .status,
    ).toBe(201)
    const res = await ctx2.api.get(`/api/search?q=${encodeURIComponent(target.entity.name.en)}&limit=20`)
    const items = res.body.findings.items as JsonBody[]
    const hit = items.find((f) => f.key === target.key)
    expect(hit).toMatchObject({ acknowledged: true, link: target.link })
    const firstAck = items.findIndex((f) => f.acknowledged)
    expect(items.slice(firstAck).every((f) => f.acknowledged)).toBe(true)
  })

  it('answers at most `limit` of each kind, with the total of every match', async () => {
    const all = await search('a', '&limit=20')
    expect(all.body.processors.total).toBeGreaterThan(2)
    const few = await search('a', '&limit=2')
    for (const kind of ['processors', 'activities', 'findings']) {
      expect(few.body[kind].items.length, kind).toBeLessThanOrEqual(2)
      expect(few.body[kind].total, kind).toBe(all.body[kind].total)
    }
    expect(few.body.processors.items).toHaveLength(2)
    const none = await search('zzzzqqq')
    expect(none.body).toEqual({
      q: 'zzzzqqq',
      processors: { items: [], total: 0 },
      activities: { items: [], total: 0 },
      findings: { items: [], total: 0 },
    })
  })

  it('takes hostile text as plain text', async () => {
    for (const q of ['%', '_', '"', '""', 'near(', "' OR 1=1 --", '<script>', 'a*', '\\']) {
      const res = await search(q)
      expect(res.status, q).toBe(200)
      expect(res.body.q).toBe(q)
    }
    expect((await search('%')).body.processors.total).toBe(0)
  })

  it.each([
    ['', 'q'],
    ['   ', 'q'],
    ['a\u0000b', 'q'],
    ['a\nb', 'q'],
    ['x'.repeat(101), 'q'],
  ])('refuses q=%j, naming the %s field', async (q, path) => {
    expectValidationError(await search(q), [path])
  })

  it.each(['limit=0', 'limit=21', 'limit=abc', 'limit=1.5'])('refuses %s', async (query) => {
    expectValidationError(await ctx.api.get(`/api/search?q=a&${query}`), ['limit'])
  })

  it('refuses a missing q', async () => {
    expectValidationError(await ctx.api.get('/api/search'), ['q'])
  })

  it('answers every signed-in role, auditors included, and no one without a session', async () => {
    for (const role of ['auditor', 'editor', 'admin'] as const) {
      const res = await (await ctx.as(role)).get('/api/search?q=capsule')
      expect(res.status, role).toBe(200)
    }
    expect((await ctx.anonymous.get('/api/search?q=capsule')).status).toBe(401)
  })
})
