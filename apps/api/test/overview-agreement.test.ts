/**
 * The overview's numbers must agree with each other: the severity cards, the trend's last point, the
 * DPA chart's "missing" bar, the processor list filtered by `dpaStatus=missing`, and the findings.
 * Each is computed here as the dashboard computes it, from the API's own answers.
 */
import { describe, expect, it } from 'vitest'
import { processorName, processorsByDpaStatus, type ProcessorListItem } from '@seloste/schema'
import { createTestContext, type TestContext } from './helpers'

async function overview(ctx: TestContext) {
  const findings = (await ctx.api.get('/api/findings')).body
  const trend = (await ctx.api.get('/api/findings/trend')).body
  const all: ProcessorListItem[] = (await ctx.api.get('/api/processors?pageSize=100')).body.items
  const filtered = (await ctx.api.get('/api/processors?dpaStatus=missing&pageSize=100')).body
  const chart = processorsByDpaStatus(all)
  return {
    cards: findings.counts,
    trendToday: trend.at(-1),
    chartMissing: chart.find((b) => b.key === 'missing')!.count,
    // In English, as the English dashboard and the English findings name them.
    filterNames: filtered.items.map((p: ProcessorListItem) => processorName(p, 'en')).sort(),
    filterTotal: filtered.total,
    findingNames: findings.open
      .filter((f: { checkId: string }) => f.checkId === 'dpa-missing')
      .map((f: { entity: { name: { en: string } } }) => f.entity.name.en)
      .sort(),
    all,
  }
}

function expectAgreement(o: Awaited<ReturnType<typeof overview>>) {
  const { date: _date, ...trendCounts } = o.trendToday
  expect(trendCounts).toEqual(o.cards)
  expect(o.filterTotal).toBe(o.chartMissing)
  expect(o.filterNames).toEqual(o.findingNames)
  expect(o.findingNames).toHaveLength(o.chartMissing)
}

describe('the overview on the demo data', () => {
  it('agrees with itself: cards and trend, the DPA chart, the missing filter and the findings', async () => {
    const ctx = await createTestContext({ demo: true })
    const o = await overview(ctx)
    expectAgreement(o)
    // Plausible and the web host, active processors, have no agreement; CapsuleCRM is covered by Zestia's and is no gap.
    expect(o.filterNames).toEqual(['Plausible', 'Website host'])
    const capsule = o.all.find((p) => p.displayName === 'CapsuleCRM Inc')!
    expect(capsule).toMatchObject({ dpaStatus: null, dpaRequired: false })
    const stripe = o.all.find((p) => p.displayName === 'Stripe')!
    expect(stripe).toMatchObject({ dpaRequired: false, locationRecorded: false })
    expect(o.all.find((p) => p.displayName === 'Google Workspace')!).toMatchObject({ dpaRequired: true, locationRecorded: false })
  })

  it('still agrees after hostile changes: an orphan sub-processor, a retired processor, recipients and a processor marked missing', async () => {
    const ctx = await createTestContext({ demo: true })
    const create = async (body: Record<string, unknown>) => {
      const res = await ctx.api.post('/api/processors', { isPublic: false, status: 'active', ...body })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.id as number
    }
    await create({ displayName: 'Orphan Sub Ltd', role: 'sub_processor' })
    await create({ displayName: 'Old Tool Oy', role: 'processor', status: 'retired' })
    const bank = await create({ displayName: 'Bank Oyj', role: 'recipient' })
    await ctx.api.post(`/api/processors/${bank}/dpas`, { status: 'missing' })
    const marked = await create({ displayName: 'Marked Missing Oy', role: 'processor' })
    await ctx.api.post(`/api/processors/${marked}/dpas`, { status: 'missing' })
    await create({ displayName: 'Planned Tool Oy', role: 'processor', status: 'planned' })

    const o = await overview(ctx)
    expectAgreement(o)
    expect(o.filterNames).toEqual(['Marked Missing Oy', 'Orphan Sub Ltd', 'Planned Tool Oy', 'Plausible', 'Website host'])
  })
})
