/**
 * The activities list's filters and sorting (issue 15): legal basis, category of data subjects,
 * processor, the gaps (open findings, no retention period), and sort by name, last change or findings.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { todayIso } from '../src/services/findings'
import { createTestContext, expectValidationError, type JsonBody, type TestContext } from './helpers'

interface Item {
  id: number
  name: { fi: string; en: string }
  legalBases: string[]
  openFindings: number
  updatedAt: string
  version: number
}
const names = (items: Item[]) => items.map((i) => i.name.en)
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

describe('the activities list: filters and sorting', () => {
  let ctx: TestContext
  const list = async (query = '') => (await ctx.api.get(`/api/activities${query}`)).body as { items: Item[]; total: number }
  /** The open findings about activities, straight from the findings list: id -> check ids. */
  const openFindings = async () => {
    const out = new Map<number, string[]>()
    for (const f of (await ctx.api.get('/api/findings?entityType=activity')).body.open as JsonBody[])
      out.set(f.entity.id, [...(out.get(f.entity.id) ?? []), f.checkId])
    return out
  }

  beforeAll(async () => {
    ctx = await createTestContext({ demo: true })
  })

  it('counts each activity’s open findings as the findings list does', async () => {
    const findings = await openFindings()
    const all = await list()
    expect(all.items.length).toBeGreaterThan(2)
    for (const item of all.items) expect(item.openFindings, item.name.en).toBe(findings.get(item.id)?.length ?? 0)
    expect(all.items.some((i) => i.openFindings > 0)).toBe(true)
  })

  it('filters by legal basis', async () => {
    const all = await list()
    for (const basis of ['b', 'c', 'f']) {
      const expected = names(all.items.filter((i) => i.legalBases.includes(basis)))
      expect(expected.length, basis).toBeGreaterThan(0)
      expect(names((await list(`?legalBasis=${basis}`)).items)).toEqual(expected)
    }
    expect((await list('?legalBasis=e')).total).toBe(0)
  })

  it('filters by category of data subjects and by processor', async () => {
    const subjects = (await ctx.api.get('/api/vocabulary/data-subject-categories')).body as JsonBody[]
    const all = await list()
    let seen = 0
    for (const subject of subjects) {
      const expected: string[] = []
      for (const item of all.items) {
        const full = (await ctx.api.get(`/api/activities/${item.id}`)).body
        if (full.dataSubjectCategories.some((s: { id: number }) => s.id === subject.id)) expected.push(item.name.en)
      }
      seen += expected.length
      expect(names((await list(`?subject=${subject.id}`)).items), subject.name.en).toEqual(expected)
    }
    expect(seen).toBeGreaterThan(0)

    const capsule = (await ctx.api.get('/api/processors?q=capsule')).body.items[0]
    const served = (await ctx.api.get(`/api/processors/${capsule.id}/activities`)).body as Item[]
    expect(served.length).toBeGreaterThan(0)
    expect(names((await list(`?processor=${capsule.id}`)).items).sort()).toEqual(names(served).sort())
    expect((await list('?processor=99999')).total).toBe(0)
  })

  it('narrows to the gaps: any open finding, or no retention period; an acknowledged finding no longer counts', async () => {
    const findings = await openFindings()
    const all = await list()
    const withFindings = names(all.items.filter((i) => (findings.get(i.id)?.length ?? 0) > 0))
    const noRetention = names(all.items.filter((i) => findings.get(i.id)?.includes('activity-no-retention')))
    expect(noRetention.length).toBeGreaterThan(0)
    expect(names((await list('?gap=findings')).items)).toEqual(withFindings)
    expect(names((await list('?gap=noRetention')).items)).toEqual(noRetention)

    const ctx2 = await createTestContext({ demo: true })
    const target = ((await ctx2.api.get('/api/findings?entityType=activity')).body.open as JsonBody[]).find(
      (f) => f.checkId === 'activity-no-retention',
    )
    const ack = await ctx2.api.post('/api/findings/acknowledgements', {
      findingKey: target.key,
      reason: 'Retention agreed, being written down',
      expiresOn: addDays(todayIso(), 10),
    })
    expect(ack.status).toBe(201)
    const after = (await ctx2.api.get('/api/activities?gap=noRetention')).body.items as Item[]
    expect(after.map((i) => i.id)).not.toContain(target.entity.id)
  })

  it('combines filters with the text search and the status', async () => {
    const searched = (await list('?q=t')).items
    const expected = names(searched.filter((i) => i.legalBases.includes('f')))
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(searched.length)
    expect(names((await list('?legalBasis=f&q=t')).items)).toEqual(expected)
    expect((await list('?legalBasis=f&status=approved')).total).toBe(0)
  })

  it('sorts by name, by open findings and by last change, either way; ties by name', async () => {
    const byName = names((await list()).items)
    expect(names((await list('?sort=name&order=desc')).items)).toEqual([...byName].reverse())

    const byFindings = (await list('?sort=findings&order=desc')).items
    for (let i = 1; i < byFindings.length; i++) expect(byFindings[i - 1]!.openFindings).toBeGreaterThanOrEqual(byFindings[i]!.openFindings)
    expect(new Set(byFindings.map((i) => i.openFindings)).size).toBeGreaterThan(1)
    const fewestFirst = (await list('?sort=findings')).items
    expect(fewestFirst[0]!.openFindings).toBe(Math.min(...byFindings.map((i) => i.openFindings)))

    // The last changed: edit the activity that sorts first by name, it moves to the end (oldest first).
    const ctx2 = await createTestContext({ demo: true })
    const first = ((await ctx2.api.get('/api/activities')).body.items as Item[])[0]!
    const patched = await ctx2.api.patch(`/api/activities/${first.id}`, { owner: 'Someone new', version: first.version })
    expect(patched.status, JSON.stringify(patched.body)).toBe(200)
    const oldestFirst = (await ctx2.api.get('/api/activities?sort=updatedAt')).body.items as Item[]
    expect(oldestFirst.at(-1)!.id).toBe(first.id)
    const newestFirst = (await ctx2.api.get('/api/activities?sort=updatedAt&order=desc')).body.items as Item[]
    expect(newestFirst[0]!.id).toBe(first.id)
  })

  it('lets an auditor filter and sort too', async () => {
    const auditor = await ctx.as('auditor')
    const res = await auditor.get('/api/activities?gap=findings&sort=findings&order=desc')
    expect(res.status).toBe(200)
    expect(res.body.items.length).toBeGreaterThan(0)
  })

  it.each([
    ['legalBasis=g', 'legalBasis'],
    ['legalBasis=', 'legalBasis'],
    ['subject=0', 'subject'],
    ['subject=abc', 'subject'],
    ['subject=1.5', 'subject'],
    ['processor=-1', 'processor'],
    ['processor=99999999999', 'processor'],
    ['gap=everything', 'gap'],
    ['sort=owner', 'sort'],
    ['order=up', 'order'],
    [`q=${encodeURIComponent('a\u0000b')}`, 'q'],
  ])('refuses %s, naming the %s field', async (query, path) => {
    expectValidationError(await ctx.api.get(`/api/activities?${query}`), [path])
  })
})
