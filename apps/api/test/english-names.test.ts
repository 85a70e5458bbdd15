/**
 * The English name of a processor or recipient (displayNameEn): where the display name is a Finnish
 * description rather than a proper name, every English output names it in English and every Finnish
 * one by the display name. It is a public field (PUBLIC_PROCESSOR_FIELDS): setting it is a listed
 * change of the public list, named in each language; versions published before it existed are not
 * "changed" by it.
 */
import { PUBLIC_PROCESSOR_FIELDS, diffEntries, type PublicEntry } from '@seloste/schema'
import { describe, expect, it } from 'vitest'
import { auditEventsAfter, createTestContext, expectValidationError, lastAuditSeq, type TestContext } from './helpers'

async function publish(ctx: TestContext) {
  const preview = (await ctx.api.get('/api/public-list/preview')).body
  const res = await ctx.api.post('/api/public-list/publish', {
    confirmUnknownLocations: true,
    basedOnVersion: preview.latest?.version ?? 0,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

describe('a processor’s English name', () => {
  it('is recorded, audited, validated, and public', async () => {
    expect(PUBLIC_PROCESSOR_FIELDS).toContain('displayNameEn')
    const ctx = await createTestContext()
    const mark = lastAuditSeq(ctx.db)
    const created = await ctx.api.post('/api/processors', {
      displayName: 'Tilitoimisto',
      displayNameEn: 'Accounting firm',
      role: 'processor',
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ displayName: 'Tilitoimisto', displayNameEn: 'Accounting firm' })
    const [event] = auditEventsAfter(ctx.db, mark)
    expect(event).toMatchObject({ action: 'create', entityType: 'processor' })
    expect(JSON.stringify(event)).toContain('Accounting firm')
    expectValidationError(await ctx.api.patch(`/api/processors/${created.body.id}`, { displayNameEn: 'x'.repeat(201), version: 1 }), [
      'displayNameEn',
    ])
    const cleared = await ctx.api.patch(`/api/processors/${created.body.id}`, { displayNameEn: '', version: 1 })
    expect(cleared.status).toBe(200)
    expect(cleared.body.displayNameEn).toBeNull()
    // Found by its English name too.
    await ctx.api.patch(`/api/processors/${created.body.id}`, { displayNameEn: 'Accounting firm', version: 2 })
    expect((await ctx.api.get('/api/processors?q=accounting%20firm')).body.items.map((i: { id: number }) => i.id)).toEqual([
      created.body.id,
    ])
  })

  it('names the entry in English outputs and its change in the change history, each in its language', async () => {
    const ctx = await createTestContext({ demo: true })
    const fennoa = (await ctx.api.get('/api/processors?q=fennoa')).body.items[0]
    const set = await ctx.api.patch(`/api/processors/${fennoa.id}`, { displayNameEn: 'Fennoa accounting', version: fennoa.version })
    expect(set.status).toBe(200)
    const preview = (await ctx.api.get('/api/public-list/preview')).body
    expect(preview.changes).toEqual([
      { key: fennoa.id, name: 'Fennoa Oy', nameEn: 'Fennoa accounting', kind: 'changed', fields: ['nameEn'] },
    ])
    const v2 = await publish(ctx)
    expect(v2.version).toBe(2)
    const en = (await ctx.anonymous.get('/public/processors/changes?lang=en')).text
    expect(en).toContain('Fennoa accounting (name in English)')
    const fi = (await ctx.anonymous.get('/public/processors/changes?lang=fi')).text
    expect(fi).toContain('Fennoa Oy (nimi englanniksi)')
    const json = (await ctx.anonymous.get('/public/processors.json?lang=en')).body
    expect(json.entries.map((e: { name: string }) => e.name)).toContain('Fennoa accounting')
    expect(json.entries.map((e: { name: string }) => e.name)).not.toContain('Fennoa Oy')
    expect(json.entries[0]).not.toHaveProperty('nameEn')
    expect(json.changes).toEqual([expect.objectContaining({ name: 'Fennoa accounting', kind: 'changed' })])
    const fiJson = (await ctx.anonymous.get('/public/processors.json?lang=fi')).body
    expect(fiJson.entries.map((e: { name: string }) => e.name)).toContain('Fennoa Oy')
    // The English list is in English alphabetical order.
    const names = json.entries.map((e: { name: string }) => e.name)
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' })))
  })

  it('does not "change" an entry of a version published before it existed', () => {
    const old = {
      key: 1,
      name: 'Google Workspace',
      legalName: null,
      role: 'processor',
      parentKey: null,
      parentName: null,
      service: { fi: '', en: '' },
      purpose: { fi: '', en: '' },
      disclosureCondition: { fi: '', en: '' },
      websiteUrl: null,
      privacyPolicyUrl: null,
      hqCountry: null,
      effectiveDate: null,
      addedOn: '2025-06-27',
      locations: [],
    } satisfies PublicEntry
    expect(diffEntries([old], [{ ...old, nameEn: null, parentNameEn: null }])).toEqual([])
    expect(diffEntries([old], [{ ...old, nameEn: 'Google' }])).toEqual([
      { key: 1, name: 'Google Workspace', nameEn: 'Google', kind: 'changed', fields: ['nameEn'] },
    ])
  })
})
