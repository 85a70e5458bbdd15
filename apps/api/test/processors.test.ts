import type { ProcessorPage } from '@seloste/schema'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  auditEventsAfter,
  count,
  createTestContext,
  expectValidationError,
  lastAuditSeq,
  type JsonBody,
  type TestClient,
  type TestContext,
} from './helpers'

// ---------------------------------------------------------------------------
// Local helpers
// ---------------------------------------------------------------------------

function validProcessor(overrides: Record<string, unknown> = {}) {
  return { displayName: 'Acme Cloud', role: 'processor', ...overrides }
}

async function createProcessor(api: TestClient, overrides: Record<string, unknown> = {}) {
  const res = await api.post('/api/processors', validProcessor(overrides))
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

// ---------------------------------------------------------------------------
// Create, read
// ---------------------------------------------------------------------------

describe('POST /api/processors', () => {
  let ctx: TestContext
  beforeEach(async () => {
    ctx = await createTestContext()
  })

  it('creates a processor with the defaults for what was not given', async () => {
    const res = await ctx.api.post('/api/processors', validProcessor())
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      displayName: 'Acme Cloud',
      role: 'processor',
      legalName: null,
      parent: null,
      subsidiaries: [],
      status: 'active',
      isPublic: true,
      service: { fi: '', en: '' },
      purpose: { fi: '', en: '' },
      disclosureCondition: { fi: '', en: '' },
      dataCategories: [],
      dataSubjectCategories: [],
      hqCountry: null,
      transfers: [],
      dpas: [],
      version: 1,
    })
    expect(res.body.id).toBeGreaterThan(0)
  })

  it('stores every field, as a read-back shows', async () => {
    const input = validProcessor({
      displayName: '  Zestia  ',
      legalName: 'Zestia Ltd',
      role: 'sub_processor',
      service: { fi: 'CRM-järjestelmä', en: 'CRM system' },
      purpose: { fi: 'asiakastietojen hallintaan', en: 'managing customer data' },
      dataCategories: ['Nimi', 'Sähköposti', 'Nimi'],
      dataSubjectCategories: ['Asiakkaat'],
      websiteUrl: 'https://zestia.example',
      privacyPolicyUrl: 'https://zestia.example/privacy',
      dpaUrl: '',
      hqCountry: 'gb',
      status: 'planned',
      startDate: '2025-07-01',
      endDate: null,
      disclosureCondition: { fi: 'ei luovuteta', en: 'not disclosed' },
      isPublic: false,
      internalNotes: 'Contract owner: Roni',
    })
    const created = await createProcessor(ctx.api, input)
    const read = await ctx.api.get(`/api/processors/${created.id}`)
    expect(read.status).toBe(200)
    expect(read.body).toEqual(created)
    expect(read.body).toMatchObject({
      displayName: 'Zestia',
      legalName: 'Zestia Ltd',
      role: 'sub_processor',
      service: { fi: 'CRM-järjestelmä', en: 'CRM system' },
      dataCategories: ['Nimi', 'Sähköposti'],
      dataSubjectCategories: ['Asiakkaat'],
      websiteUrl: 'https://zestia.example',
      privacyPolicyUrl: 'https://zestia.example/privacy',
      dpaUrl: null,
      hqCountry: 'GB',
      status: 'planned',
      startDate: '2025-07-01',
      endDate: null,
      disclosureCondition: { fi: 'ei luovuteta', en: 'not disclosed' },
      isPublic: false,
      internalNotes: 'Contract owner: Roni',
    })
  })

  it('appends exactly one audit event with the created record', async () => {
    const mark = lastAuditSeq(ctx.db)
    const created = await createProcessor(ctx.api, { displayName: 'Audited Oy' })
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'create', entityType: 'processor', entityId: String(created.id), before: null })
    expect(events[0]!.after).toMatchObject({ id: created.id, displayName: 'Audited Oy', version: 1 })
  })

  it.each([
    ['the name is missing', { displayName: undefined }, ['displayName']],
    ['the name is blank', { displayName: '   ' }, ['displayName']],
    ['the role is missing', { role: undefined }, ['role']],
    ['the role is unknown', { role: 'vendor' }, ['role']],
    ['a service text is not a string', { service: { fi: 1, en: 'x' } }, ['service.fi']],
    ['the headquarters country is unknown', { hqCountry: 'XK' }, ['hqCountry']],
    ['the website is not http(s)', { websiteUrl: 'ftp://example.com' }, ['websiteUrl']],
    ['the end date is before the start date', { startDate: '2025-06-01', endDate: '2025-05-01' }, ['endDate']],
    ['a date is not YYYY-MM-DD', { startDate: '1.6.2025' }, ['startDate']],
    ['a category is blank', { dataCategories: ['Email', ''] }, ['dataCategories.1']],
    ['isPublic is not a boolean', { isPublic: 'yes' }, ['isPublic']],
  ])('refuses the record when %s, naming the field, and stores nothing', async (_why, overrides, paths) => {
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.post('/api/processors', validProcessor(overrides))
    expectValidationError(res, paths)
    expect(count(ctx.db, 'SELECT count(*) FROM processors')).toBe(0)
    expect(auditEventsAfter(ctx.db, mark)).toEqual([])
  })

  it('refuses a parent that does not exist and stores nothing', async () => {
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.post('/api/processors', validProcessor({ parentId: 999 }))
    expectValidationError(res, ['parentId'])
    expect(count(ctx.db, 'SELECT count(*) FROM processors')).toBe(0)
    expect(auditEventsAfter(ctx.db, mark)).toEqual([])
  })

  it('links a subsidiary to its parent in both directions', async () => {
    const parent = await createProcessor(ctx.api, { displayName: 'Zestia Ltd' })
    const child = await createProcessor(ctx.api, { displayName: 'CapsuleCRM Inc', role: 'sub_processor', parentId: parent.id })
    expect(child.parent).toEqual({ id: parent.id, displayName: 'Zestia Ltd', displayNameEn: null })
    const parentNow = (await ctx.api.get(`/api/processors/${parent.id}`)).body
    expect(parentNow.subsidiaries).toEqual([{ id: child.id, displayName: 'CapsuleCRM Inc', displayNameEn: null }])
  })
})

describe('GET /api/processors/:id', () => {
  let ctx: TestContext
  beforeAll(async () => {
    ctx = await createTestContext()
  })

  it('answers 404 with the JSON error body for an unknown id', async () => {
    const res = await ctx.api.get('/api/processors/999')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } })
  })

  it.each(['abc', '0', '-1', '1.5', '01'])('refuses the id %j with 400 on the id field', async (id) => {
    const res = await ctx.api.get(`/api/processors/${id}`)
    expectValidationError(res, ['id'])
  })

  it('lists its transfers in creation order and its DPAs newest first', async () => {
    const p = await createProcessor(ctx.api)
    const t1 = (await ctx.api.post(`/api/processors/${p.id}/transfers`, { country: 'FI', kind: 'storage', safeguard: 'none_needed' })).body
    const t2 = (
      await ctx.api.post(`/api/processors/${p.id}/transfers`, {
        country: 'US',
        kind: 'support',
        safeguard: 'dpf',
        certifiedEntity: 'Example Inc.',
      })
    ).body
    const d1 = (await ctx.api.post(`/api/processors/${p.id}/dpas`, { status: 'signed', signedOn: '2025-01-01' })).body
    const d2 = (await ctx.api.post(`/api/processors/${p.id}/dpas`, { status: 'in_negotiation' })).body
    const read = (await ctx.api.get(`/api/processors/${p.id}`)).body
    expect(read.transfers.map((t: { id: number }) => t.id)).toEqual([t1.id, t2.id])
    expect(read.dpas.map((d: { id: number }) => d.id)).toEqual([d2.id, d1.id])
  })
})

// ---------------------------------------------------------------------------
// Update
// ---------------------------------------------------------------------------

describe('PATCH /api/processors/:id', () => {
  let ctx: TestContext
  beforeEach(async () => {
    ctx = await createTestContext()
  })

  it('changes only the given fields and increments the version', async () => {
    const p = await createProcessor(ctx.api, { legalName: 'Acme Oy', hqCountry: 'FI', service: { fi: 'Pilvi', en: 'Cloud' } })
    const res = await ctx.api.patch(`/api/processors/${p.id}`, { displayName: 'Acme Cloud Platform', version: 1 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      displayName: 'Acme Cloud Platform',
      legalName: 'Acme Oy',
      hqCountry: 'FI',
      service: { fi: 'Pilvi', en: 'Cloud' },
      version: 2,
    })
    expect((await ctx.api.get(`/api/processors/${p.id}`)).body).toEqual(res.body)
  })

  it('appends exactly one audit event with the record before and after', async () => {
    const p = await createProcessor(ctx.api)
    const mark = lastAuditSeq(ctx.db)
    await ctx.api.patch(`/api/processors/${p.id}`, { displayName: 'Renamed', version: 1 })
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'update', entityType: 'processor', entityId: String(p.id) })
    expect(events[0]!.before).toMatchObject({ displayName: 'Acme Cloud', version: 1 })
    expect(events[0]!.after).toMatchObject({ displayName: 'Renamed', version: 2 })
  })

  it('refuses a stale version with 409, the current record, and changes nothing', async () => {
    const p = await createProcessor(ctx.api)
    await ctx.api.patch(`/api/processors/${p.id}`, { displayName: 'First edit', version: 1 })
    const current = (await ctx.api.get(`/api/processors/${p.id}`)).body
    const mark = lastAuditSeq(ctx.db)

    const res = await ctx.api.patch(`/api/processors/${p.id}`, { displayName: 'Lost edit', version: 1 })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('version_conflict')
    expect(res.body.error.current).toEqual(current)
    expect((await ctx.api.get(`/api/processors/${p.id}`)).body).toEqual(current)
    expect(auditEventsAfter(ctx.db, mark)).toEqual([])
  })

  it('requires the version', async () => {
    const p = await createProcessor(ctx.api)
    expectValidationError(await ctx.api.patch(`/api/processors/${p.id}`, { displayName: 'x' }), ['version'])
  })

  it('answers 404 for an unknown processor', async () => {
    const res = await ctx.api.patch('/api/processors/999', { displayName: 'x', version: 1 })
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
  })

  it('checks the dates of the merged record: an end before the stored start is refused', async () => {
    const p = await createProcessor(ctx.api, { startDate: '2025-06-01' })
    const res = await ctx.api.patch(`/api/processors/${p.id}`, { endDate: '2025-01-01', version: 1 })
    expectValidationError(res, ['endDate'])
    expect((await ctx.api.get(`/api/processors/${p.id}`)).body).toEqual(p)
  })

  it('refuses to make a processor its own parent', async () => {
    const p = await createProcessor(ctx.api)
    expectValidationError(await ctx.api.patch(`/api/processors/${p.id}`, { parentId: p.id, version: 1 }), ['parentId'])
  })

  it('refuses a parent loop over several levels and changes nothing', async () => {
    const a = await createProcessor(ctx.api, { displayName: 'A' })
    const b = await createProcessor(ctx.api, { displayName: 'B', parentId: a.id })
    const c = await createProcessor(ctx.api, { displayName: 'C', parentId: b.id })
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.patch(`/api/processors/${a.id}`, { parentId: c.id, version: 1 })
    expectValidationError(res, ['parentId'])
    expect((await ctx.api.get(`/api/processors/${a.id}`)).body.parent).toBeNull()
    expect(auditEventsAfter(ctx.db, mark)).toEqual([])
  })

  it('refuses a direct loop between two processors', async () => {
    const a = await createProcessor(ctx.api, { displayName: 'A' })
    const b = await createProcessor(ctx.api, { displayName: 'B', parentId: a.id })
    expectValidationError(await ctx.api.patch(`/api/processors/${a.id}`, { parentId: b.id, version: 1 }), ['parentId'])
  })

  it('moves a processor under another parent and clears a parent with null', async () => {
    const a = await createProcessor(ctx.api, { displayName: 'A' })
    const b = await createProcessor(ctx.api, { displayName: 'B' })
    const c = await createProcessor(ctx.api, { displayName: 'C', parentId: a.id })
    const moved = await ctx.api.patch(`/api/processors/${c.id}`, { parentId: b.id, version: 1 })
    expect(moved.body.parent).toEqual({ id: b.id, displayName: 'B', displayNameEn: null })
    expect((await ctx.api.get(`/api/processors/${a.id}`)).body.subsidiaries).toEqual([])
    const cleared = await ctx.api.patch(`/api/processors/${c.id}`, { parentId: null, version: 2 })
    expect(cleared.body.parent).toBeNull()
    expect((await ctx.api.get(`/api/processors/${b.id}`)).body.subsidiaries).toEqual([])
  })

  it('keeps the search in step with a rename', async () => {
    const p = await createProcessor(ctx.api, { displayName: 'Oldname' })
    await ctx.api.patch(`/api/processors/${p.id}`, { displayName: 'Newname', version: 1 })
    expect((await ctx.api.get('/api/processors?q=newname')).body.total).toBe(1)
    expect((await ctx.api.get('/api/processors?q=oldname')).body.total).toBe(0)
  })

  it('names nested fields in validation errors', async () => {
    const p = await createProcessor(ctx.api)
    expectValidationError(await ctx.api.patch(`/api/processors/${p.id}`, { purpose: { fi: 'x' }, version: 1 }), ['purpose.en'])
  })
})

// ---------------------------------------------------------------------------
// Retire
// ---------------------------------------------------------------------------

describe('POST /api/processors/:id/retire', () => {
  let ctx: TestContext
  beforeEach(async () => {
    ctx = await createTestContext()
  })

  it('sets the status to retired with the given end date', async () => {
    const p = await createProcessor(ctx.api, { startDate: '2024-01-01' })
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.post(`/api/processors/${p.id}/retire`, { version: 1, endDate: '2025-06-30' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'retired', endDate: '2025-06-30', version: 2 })
    expect((await ctx.api.get(`/api/processors/${p.id}`)).body).toEqual(res.body)
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'retire', entityType: 'processor', entityId: String(p.id) })
    expect(events[0]!.before.status).toBe('active')
    expect(events[0]!.after.status).toBe('retired')
  })

  it("uses today's date when no end date is given", async () => {
    const p = await createProcessor(ctx.api)
    const dayBefore = new Date().toISOString().slice(0, 10)
    const res = await ctx.api.post(`/api/processors/${p.id}/retire`, { version: 1 })
    const dayAfter = new Date().toISOString().slice(0, 10)
    expect(res.status).toBe(200)
    expect(res.body.endDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(res.body.endDate >= dayBefore && res.body.endDate <= dayAfter).toBe(true)
  })

  it('refuses to retire a retired processor with 409 conflict', async () => {
    const p = await createProcessor(ctx.api)
    await ctx.api.post(`/api/processors/${p.id}/retire`, { version: 1, endDate: '2025-06-30' })
    const res = await ctx.api.post(`/api/processors/${p.id}/retire`, { version: 2, endDate: '2025-07-30' })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('conflict')
    expect((await ctx.api.get(`/api/processors/${p.id}`)).body.endDate).toBe('2025-06-30')
  })

  it('refuses a stale version with the current record', async () => {
    const p = await createProcessor(ctx.api)
    await ctx.api.patch(`/api/processors/${p.id}`, { internalNotes: 'x', version: 1 })
    const current = (await ctx.api.get(`/api/processors/${p.id}`)).body
    const res = await ctx.api.post(`/api/processors/${p.id}/retire`, { version: 1 })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('version_conflict')
    expect(res.body.error.current).toEqual(current)
    expect((await ctx.api.get(`/api/processors/${p.id}`)).body.status).toBe('active')
  })

  it('refuses an end date before the start date', async () => {
    const p = await createProcessor(ctx.api, { startDate: '2025-06-01' })
    expectValidationError(await ctx.api.post(`/api/processors/${p.id}/retire`, { version: 1, endDate: '2025-05-01' }), ['endDate'])
    expect((await ctx.api.get(`/api/processors/${p.id}`)).body.status).toBe('active')
  })

  it('requires the version, and answers 404 for an unknown processor', async () => {
    const p = await createProcessor(ctx.api)
    expectValidationError(await ctx.api.post(`/api/processors/${p.id}/retire`, {}), ['version'])
    expect((await ctx.api.post('/api/processors/999/retire', { version: 1 })).status).toBe(404)
  })
})

// ---------------------------------------------------------------------------
// Delete
// ---------------------------------------------------------------------------

describe('DELETE /api/processors/:id', () => {
  let ctx: TestContext
  beforeEach(async () => {
    ctx = await createTestContext()
  })

  it('deletes the processor with one audit event holding the record', async () => {
    const p = await createProcessor(ctx.api)
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.delete(`/api/processors/${p.id}?version=1`)
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    expect((await ctx.api.get(`/api/processors/${p.id}`)).status).toBe(404)
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'delete', entityType: 'processor', entityId: String(p.id), after: null })
    expect(events[0]!.before).toMatchObject({ id: p.id, displayName: 'Acme Cloud', displayNameEn: null })
  })

  it('deletes its transfers, DPAs and DPA documents with it, auditing each', async () => {
    const p = await createProcessor(ctx.api)
    const t = (
      await ctx.api.post(`/api/processors/${p.id}/transfers`, {
        country: 'US',
        kind: 'storage',
        safeguard: 'dpf',
        certifiedEntity: 'Example Inc.',
      })
    ).body
    const d = (await ctx.api.post(`/api/processors/${p.id}/dpas`, { status: 'signed', signedOn: '2025-01-01' })).body
    const form = new FormData()
    form.set('file', new File([Buffer.from('%PDF-1.4\n%%EOF\n')], 'dpa.pdf', { type: 'application/pdf' }))
    expect((await ctx.api.request('POST', `/api/dpas/${d.id}/document`, undefined, { raw: form })).status).toBe(200)
    const mark = lastAuditSeq(ctx.db)

    expect((await ctx.api.delete(`/api/processors/${p.id}?version=1`)).status).toBe(204)
    expect((await ctx.api.get(`/api/transfers/${t.id}`)).status).toBe(404)
    expect((await ctx.api.get(`/api/dpas/${d.id}`)).status).toBe(404)
    expect(count(ctx.db, 'SELECT count(*) FROM transfers WHERE processor_id = ?', p.id)).toBe(0)
    expect(count(ctx.db, 'SELECT count(*) FROM dpas WHERE processor_id = ?', p.id)).toBe(0)
    expect(count(ctx.db, 'SELECT count(*) FROM dpa_documents WHERE dpa_id = ?', d.id)).toBe(0)
    const events = auditEventsAfter(ctx.db, mark)
    expect(events.map((e) => [e.entityType, e.entityId, e.action])).toEqual([
      ['transfer', String(t.id), 'delete'],
      ['dpa', String(d.id), 'delete'],
      ['processor', String(p.id), 'delete'],
    ])
  })

  it('refuses to delete a processor that has subsidiaries, and deletes nothing', async () => {
    const parent = await createProcessor(ctx.api, { displayName: 'Parent' })
    const child = await createProcessor(ctx.api, { displayName: 'Child', parentId: parent.id })
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.delete(`/api/processors/${parent.id}?version=1`)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('conflict')
    expect((await ctx.api.get(`/api/processors/${parent.id}`)).status).toBe(200)
    expect((await ctx.api.get(`/api/processors/${child.id}`)).body.parent).toEqual({
      id: parent.id,
      displayName: 'Parent',
      displayNameEn: null,
    })
    expect(auditEventsAfter(ctx.db, mark)).toEqual([])
  })

  it('deletes the parent once its subsidiary is gone', async () => {
    const parent = await createProcessor(ctx.api, { displayName: 'Parent' })
    const child = await createProcessor(ctx.api, { displayName: 'Child', parentId: parent.id })
    expect((await ctx.api.delete(`/api/processors/${child.id}?version=1`)).status).toBe(204)
    expect((await ctx.api.delete(`/api/processors/${parent.id}?version=1`)).status).toBe(204)
    expect(count(ctx.db, 'SELECT count(*) FROM processors')).toBe(0)
  })

  it('refuses a stale version with the current record and deletes nothing', async () => {
    const p = await createProcessor(ctx.api)
    await ctx.api.patch(`/api/processors/${p.id}`, { displayName: 'Changed', version: 1 })
    const current = (await ctx.api.get(`/api/processors/${p.id}`)).body
    const res = await ctx.api.delete(`/api/processors/${p.id}?version=1`)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('version_conflict')
    expect(res.body.error.current).toEqual(current)
    expect((await ctx.api.get(`/api/processors/${p.id}`)).body).toEqual(current)
  })

  it.each([
    ['missing', ''],
    ['not a number', '?version=abc'],
    ['zero', '?version=0'],
  ])('refuses a version that is %s, on the version field', async (_why, query) => {
    const p = await createProcessor(ctx.api)
    expectValidationError(await ctx.api.delete(`/api/processors/${p.id}${query}`), ['version'])
    expect((await ctx.api.get(`/api/processors/${p.id}`)).status).toBe(200)
  })

  it('answers 404 for an unknown processor', async () => {
    const res = await ctx.api.delete('/api/processors/999?version=1')
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
  })
})

// ---------------------------------------------------------------------------
// List: search, filters, sort, pages
// ---------------------------------------------------------------------------

describe('GET /api/processors (list)', () => {
  let ctx: TestContext
  const ids: Record<string, number> = {}

  /** The display names of a list answer, in order. */
  async function names(query: string): Promise<string[]> {
    const res = await ctx.api.get(`/api/processors${query}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.items.map((i: { displayName: string }) => i.displayName)
  }

  beforeAll(async () => {
    ctx = await createTestContext()
    const add = async (key: string, processor: Record<string, unknown>, transfers: object[] = [], dpas: object[] = []) => {
      const p = await createProcessor(ctx.api, processor)
      ids[key] = p.id
      for (const t of transfers) expect((await ctx.api.post(`/api/processors/${p.id}/transfers`, t)).status).toBe(201)
      for (const d of dpas) expect((await ctx.api.post(`/api/processors/${p.id}/dpas`, d)).status).toBe(201)
    }
    await add(
      'alpha',
      { displayName: 'Alpha Mail', role: 'processor', hqCountry: 'FI', service: { fi: 'Sähköposti', en: 'Email' } },
      [{ country: 'FI', kind: 'storage', safeguard: 'none_needed' }],
      [{ status: 'signed', signedOn: '2025-01-01' }],
    )
    await add(
      'beta',
      {
        displayName: 'beta CRM',
        legalName: 'Beta Systems Inc',
        role: 'sub_processor',
        hqCountry: 'US',
        service: { fi: 'Asiakkuudenhallinta', en: 'Customer relations' },
      },
      [{ country: 'US', kind: 'storage', safeguard: 'dpf', certifiedEntity: 'Example Inc.' }],
      // The newest DPA is the current one: signed once, now being renegotiated.
      [{ status: 'signed', signedOn: '2025-01-01' }, { status: 'in_negotiation' }],
    )
    await add('gamma', { displayName: 'Gamma Analytics', role: 'processor', status: 'planned', hqCountry: 'GB', isPublic: false }, [
      { country: 'GB', kind: 'processing', safeguard: 'adequacy', adequacyDecisionId: 'gb-2021' },
    ])
    await add(
      'delta',
      { displayName: 'Delta Payments', role: 'recipient', status: 'retired' },
      [
        { country: 'SE', kind: 'storage', safeguard: 'none_needed' },
        { country: 'IN', kind: 'support', safeguard: 'scc', sccModule: 2 },
      ],
      [{ status: 'missing' }],
    )
    await add(
      'epsilon',
      { displayName: 'Epsilon Support', role: 'independent_controller', hqCountry: 'CH' },
      [],
      [{ status: 'not_required', notRequiredReason: 'Independent controller' }],
    )
    // Fixed, distinct modification times, so that the sort by updatedAt has one right answer.
    const times: Record<string, string> = {
      alpha: '2025-01-05T00:00:00.000Z',
      beta: '2025-01-01T00:00:00.000Z',
      gamma: '2025-01-03T00:00:00.000Z',
      delta: '2025-01-02T00:00:00.000Z',
      epsilon: '2025-01-04T00:00:00.000Z',
    }
    for (const [key, at] of Object.entries(times))
      ctx.db.$client.prepare('UPDATE processors SET updated_at = ? WHERE id = ?').run(at, ids[key])
  })

  it('lists everything sorted by name, case-insensitively, with the total', async () => {
    const res = await ctx.api.get('/api/processors')
    expect(res.body).toMatchObject({ total: 5, page: 1, pageSize: 25 })
    expect(res.body.items.map((i: { displayName: string }) => i.displayName)).toEqual([
      'Alpha Mail',
      'beta CRM',
      'Delta Payments',
      'Epsilon Support',
      'Gamma Analytics',
    ])
  })

  it('summarises countries, safeguards outside the EEA and the current DPA status in each item', async () => {
    const items: JsonBody[] = (await ctx.api.get('/api/processors')).body.items
    const byName = Object.fromEntries(items.map((i) => [i.displayName, i]))
    // Every field of an item, so that no column lands in the wrong one.
    expect(byName['Delta Payments']).toEqual({
      id: ids.delta,
      displayName: 'Delta Payments',
      displayNameEn: null,
      legalName: null,
      role: 'recipient',
      status: 'retired',
      service: { fi: '', en: '' },
      hqCountry: null,
      parent: null,
      isPublic: true,
      countries: ['IN', 'SE'],
      outsideEea: true,
      safeguards: ['scc'],
      dpaStatus: 'missing',
      dpaRequired: false,
      locationRecorded: true,
      version: expect.any(Number),
      updatedAt: '2025-01-02T00:00:00.000Z',
    })
    expect(byName['Gamma Analytics'].isPublic).toBe(false)
    expect(byName['Alpha Mail']).toMatchObject({
      countries: ['FI'],
      outsideEea: false,
      safeguards: [],
      dpaStatus: 'signed',
      hqCountry: 'FI',
    })
    expect(byName['beta CRM']).toMatchObject({ countries: ['US'], outsideEea: true, safeguards: ['dpf'], dpaStatus: 'in_negotiation' })
    expect(byName['Gamma Analytics']).toMatchObject({ countries: ['GB'], safeguards: ['adequacy'], dpaStatus: null })
    // No location recorded is said as such, not only as an empty list.
    expect(byName['Epsilon Support']).toMatchObject({
      countries: [],
      outsideEea: false,
      safeguards: [],
      dpaStatus: 'not_required',
      locationRecorded: false,
      dpaRequired: false,
    })
    expect(byName['Alpha Mail'].service).toEqual({ fi: 'Sähköposti', en: 'Email' })
  })

  describe('search', () => {
    it('finds by name regardless of case', async () => {
      expect(await names('?q=CRM')).toEqual(['beta CRM'])
      expect(await names('?q=crm')).toEqual(['beta CRM'])
      expect(await names('?q=BETA')).toEqual(['beta CRM'])
    })

    it('finds by legal name and by service in either language', async () => {
      expect(await names('?q=systems%20inc')).toEqual(['beta CRM'])
      expect(await names('?q=asiakkuudenhallinta')).toEqual(['beta CRM'])
      expect(await names('?q=email')).toEqual(['Alpha Mail'])
    })

    it('matches Finnish letters regardless of case', async () => {
      expect(await names(`?q=${encodeURIComponent('SÄHKÖ')}`)).toEqual(['Alpha Mail'])
      expect(await names(`?q=${encodeURIComponent('sähkö')}`)).toEqual(['Alpha Mail'])
    })

    it('finds nothing for a term that no processor has', async () => {
      const res = await ctx.api.get('/api/processors?q=zzz')
      expect(res.body).toMatchObject({ items: [], total: 0 })
    })

    it('trims the term', async () => {
      expect(await names('?q=%20%20gamma%20')).toEqual(['Gamma Analytics'])
    })
  })

  describe('filters', () => {
    it.each([
      ['status=planned', ['Gamma Analytics']],
      ['status=retired', ['Delta Payments']],
      ['status=active', ['Alpha Mail', 'beta CRM', 'Epsilon Support']],
      ['role=recipient', ['Delta Payments']],
      ['role=sub_processor', ['beta CRM']],
      ['role=independent_controller', ['Epsilon Support']],
      ['country=US', ['beta CRM']],
      ['country=us', ['beta CRM']],
      ['country=SE', ['Delta Payments']],
      ['country=JP', []],
      ['safeguard=dpf', ['beta CRM']],
      ['safeguard=scc', ['Delta Payments']],
      ['safeguard=adequacy', ['Gamma Analytics']],
      ['safeguard=none_needed', ['Alpha Mail', 'Delta Payments']],
      ['dpaStatus=signed', ['Alpha Mail']],
      ['dpaStatus=in_negotiation', ['beta CRM']],
      ['dpaStatus=not_required', ['Epsilon Support']],
      // The gaps only: a retired recipient's missing agreement is none.
      ['dpaStatus=missing', ['Gamma Analytics']],
      ['outsideEea=true', ['beta CRM', 'Delta Payments', 'Gamma Analytics']],
      ['outsideEea=false', ['Alpha Mail', 'Epsilon Support']],
      ['status=active&outsideEea=true', ['beta CRM']],
      ['role=processor&dpaStatus=missing', ['Gamma Analytics']],
      ['q=a&safeguard=none_needed&status=retired', ['Delta Payments']],
    ])('%s', async (query, expected) => {
      const res = await ctx.api.get(`/api/processors?${query}`)
      expect(res.status).toBe(200)
      expect(res.body.items.map((i: { displayName: string }) => i.displayName)).toEqual(expected)
      expect(res.body.total).toBe(expected.length)
    })

    it('judges a processor by its current DPA, not by an older signed one', async () => {
      expect(await names('?dpaStatus=signed')).not.toContain('beta CRM')
    })
  })

  describe('sort and order', () => {
    it.each([
      ['displayName', 'asc', ['Alpha Mail', 'beta CRM', 'Delta Payments', 'Epsilon Support', 'Gamma Analytics']],
      ['displayName', 'desc', ['Gamma Analytics', 'Epsilon Support', 'Delta Payments', 'beta CRM', 'Alpha Mail']],
      // Ties keep creation order (id).
      ['status', 'asc', ['Alpha Mail', 'beta CRM', 'Epsilon Support', 'Gamma Analytics', 'Delta Payments']],
      ['status', 'desc', ['Delta Payments', 'Gamma Analytics', 'Alpha Mail', 'beta CRM', 'Epsilon Support']],
      ['role', 'asc', ['Epsilon Support', 'Alpha Mail', 'Gamma Analytics', 'Delta Payments', 'beta CRM']],
      // A processor without a headquarters country comes first.
      ['hqCountry', 'asc', ['Delta Payments', 'Epsilon Support', 'Alpha Mail', 'Gamma Analytics', 'beta CRM']],
      ['hqCountry', 'desc', ['beta CRM', 'Gamma Analytics', 'Alpha Mail', 'Epsilon Support', 'Delta Payments']],
      ['updatedAt', 'asc', ['beta CRM', 'Delta Payments', 'Gamma Analytics', 'Epsilon Support', 'Alpha Mail']],
      ['updatedAt', 'desc', ['Alpha Mail', 'Epsilon Support', 'Gamma Analytics', 'Delta Payments', 'beta CRM']],
    ])('sort=%s order=%s', async (sort, order, expected) => {
      expect(await names(`?sort=${sort}&order=${order}`)).toEqual(expected)
    })
  })

  describe('pages', () => {
    it('gives a page of the requested size with the total of all matches', async () => {
      const res = await ctx.api.get('/api/processors?pageSize=2&page=2')
      expect(res.body).toMatchObject({ total: 5, page: 2, pageSize: 2 })
      expect(res.body.items.map((i: { displayName: string }) => i.displayName)).toEqual(['Delta Payments', 'Epsilon Support'])
    })

    it('covers every processor exactly once over all pages', async () => {
      const pages = await Promise.all([1, 2, 3].map((page) => names(`?pageSize=2&page=${page}`)))
      expect(pages.map((p) => p.length)).toEqual([2, 2, 1])
      expect(pages.flat()).toEqual(await names(''))
    })

    it('gives an empty page past the end, still with the total', async () => {
      const res = await ctx.api.get('/api/processors?pageSize=2&page=4')
      expect(res.body).toMatchObject({ items: [], total: 5, page: 4 })
    })

    it('counts the total of the filtered list, not of the whole registry', async () => {
      const res = await ctx.api.get('/api/processors?outsideEea=true&pageSize=1')
      expect(res.body.items).toHaveLength(1)
      expect(res.body.total).toBe(3)
    })
  })

  describe('invalid query parameters', () => {
    it.each([
      ['pageSize=0', 'pageSize'],
      ['pageSize=101', 'pageSize'],
      ['pageSize=abc', 'pageSize'],
      ['page=0', 'page'],
      ['page=1.5', 'page'],
      ['sort=name', 'sort'],
      ['order=up', 'order'],
      ['status=gone', 'status'],
      ['role=vendor', 'role'],
      ['country=XK', 'country'],
      ['safeguard=magic', 'safeguard'],
      ['dpaStatus=lost', 'dpaStatus'],
      ['outsideEea=yes', 'outsideEea'],
      [`q=${'x'.repeat(201)}`, 'q'],
    ])('refuses %s on the %s field', async (query, path) => {
      expectValidationError(await ctx.api.get(`/api/processors?${query}`), [path])
    })
  })
})

describe('search escaping', () => {
  it('treats % and _ in the term as plain characters, not wildcards', async () => {
    const ctx = await createTestContext()
    await createProcessor(ctx.api, { displayName: '100% Uptime' })
    await createProcessor(ctx.api, { displayName: 'A_B Hosting' })
    await createProcessor(ctx.api, { displayName: 'AxB Hosting' })
    const names = async (q: string) =>
      (await ctx.api.get<ProcessorPage>(`/api/processors?q=${encodeURIComponent(q)}`)).body.items.map((i) => i.displayName)
    expect(await names('%')).toEqual(['100% Uptime'])
    expect(await names('a_b')).toEqual(['A_B Hosting'])
    expect(await names('\\')).toEqual([])
  })

  it('takes double quotes and FTS5 operators in the term as plain text', async () => {
    const ctx = await createTestContext()
    await createProcessor(ctx.api, { displayName: 'The "Quoted" Cloud' })
    await createProcessor(ctx.api, { displayName: 'NEAR AND OR NOT Hosting' })
    const names = async (q: string) =>
      (await ctx.api.get<ProcessorPage>(`/api/processors?q=${encodeURIComponent(q)}`)).body.items.map((i) => i.displayName)
    expect(await names('"quoted"')).toEqual(['The "Quoted" Cloud'])
    expect(await names('e "q')).toEqual(['The "Quoted" Cloud'])
    expect(await names('""')).toEqual([])
    expect(await names('and or not')).toEqual(['NEAR AND OR NOT Hosting'])
    expect(await names('near(')).toEqual([])
    expect(await names('*cloud*')).toEqual([])
  })

  // SQLite reads NUL as the end of a string: the FTS5 phrase was "unterminated" (a 500) and a LIKE
  // pattern silently shorter. No name holds a control character, so such a term is a 400 naming q.
  it.each([
    ['a%00b', 'a NUL between letters (the reported 500)'],
    ['abc%00', 'a NUL at the end of a 3+ character term (the full-text path)'],
    ['%00', 'a NUL alone'],
    ['ab%00c', 'a NUL in a term the LIKE path alone would read'],
    ['a%09b', 'a tab'],
    ['ab%0Acd', 'a line break inside the term'],
    ['ab%7Fcd', 'DEL'],
    ['ab%C2%85cd', 'a C1 control (NEL)'],
  ])('refuses q=%s (%s) with a 400 naming q, for processors and activities', async (raw) => {
    const ctx = await createTestContext()
    const res = await ctx.api.get(`/api/processors?q=${raw}`)
    expect(res.status, res.text).toBe(400)
    expect(res.body.error.fields).toEqual([expect.objectContaining({ path: 'q', message: expect.stringMatching(/control characters/) })])
    const activities = await ctx.api.get(`/api/activities?q=${raw}`)
    expect(activities.status, activities.text).toBe(400)
    expect(activities.body.error.fields).toEqual([expect.objectContaining({ path: 'q' })])
  })
})

describe('search in the demo data', () => {
  let ctx: TestContext
  beforeAll(async () => {
    ctx = await createTestContext({ demo: true })
  })

  it.each(['perintä', 'PERINTÄ', 'Perintätoimisto', 'perintäpalvelu', 'debt collection', 'collection agency'])(
    'finds the debt collection agency with %j',
    async (q) => {
      const res = await ctx.api.get(`/api/processors?q=${encodeURIComponent(q)}`)
      expect(res.status).toBe(200)
      expect(res.body.items.map((i: { displayName: string }) => i.displayName)).toEqual(['Perintätoimisto'])
    },
  )

  it('does not confuse ä with a', async () => {
    expect((await ctx.api.get('/api/processors?q=perinta')).body.total).toBe(0)
  })
})

describe('a save that changes nothing', () => {
  it('keeps the version and writes no audit event, for processors, transfers, DPAs and activities', async () => {
    const ctx = await createTestContext({ demo: true })
    const capsule = (await ctx.api.get('/api/processors?q=capsule')).body.items[0]
    const full = (await ctx.api.get(`/api/processors/${capsule.id}`)).body
    const events = () => ctx.db.$client.prepare('SELECT count(*) FROM audit_events').pluck().get() as number
    const before = events()

    const same = await ctx.api.patch(`/api/processors/${capsule.id}`, {
      displayName: full.displayName,
      service: full.service,
      version: full.version,
    })
    expect(same.status).toBe(200)
    expect(same.body.version).toBe(full.version)
    const t = full.transfers[0]
    expect(
      (await ctx.api.patch(`/api/transfers/${t.id}`, { country: t.country, safeguard: t.safeguard, version: t.version })).body.version,
    ).toBe(t.version)
    const google = (await ctx.api.get(`/api/processors/${(await ctx.api.get('/api/processors?q=google')).body.items[0].id}`)).body
    const dpa = google.dpas[0]
    expect((await ctx.api.patch(`/api/dpas/${dpa.id}`, { status: dpa.status, version: dpa.version })).body.version).toBe(dpa.version)
    const activity = (await ctx.api.get('/api/activities')).body.items[0]
    const detail = (await ctx.api.get(`/api/activities/${activity.id}`)).body
    expect((await ctx.api.patch(`/api/activities/${activity.id}`, { name: detail.name, version: detail.version })).body.version).toBe(
      detail.version,
    )
    expect(events()).toBe(before)

    // A real change still moves the version on and is audited.
    const changed = await ctx.api.patch(`/api/processors/${capsule.id}`, { displayName: 'CapsuleCRM Inc.', version: full.version })
    expect(changed.body.version).toBe(full.version + 1)
    expect(events()).toBe(before + 1)
  })
})

describe('the search index', () => {
  it('pages, sorts, filters and counts a searched list like any other', async () => {
    const ctx = await createTestContext()
    const statuses = ['active', 'planned', 'active', 'retired', 'active', 'active', 'planned'] as const
    for (const [i, status] of statuses.entries()) {
      await ctx.api.post('/api/processors', {
        displayName: `Kohde ${String.fromCharCode(71 - i)}`,
        role: i % 2 ? 'processor' : 'recipient',
        status,
      })
    }
    await ctx.api.post('/api/processors', { displayName: 'Unrelated Oy', role: 'processor' })
    const list = async (query: string) => (await ctx.api.get(`/api/processors?q=kohde&${query}`)).body
    const names = (body: { items: { displayName: string }[] }) => body.items.map((p) => p.displayName)

    const all = await list('pageSize=100')
    expect(all.total).toBe(7)
    expect(names(all)).toEqual(['Kohde A', 'Kohde B', 'Kohde C', 'Kohde D', 'Kohde E', 'Kohde F', 'Kohde G'])
    // Each page carries the total of all matches; together the pages hold every match once, in order.
    const pages = [1, 2, 3].map((page) => list(`pageSize=3&page=${page}&sort=displayName&order=desc`))
    const bodies = await Promise.all(pages)
    expect(bodies.map((b) => b.total)).toEqual([7, 7, 7])
    expect(bodies.flatMap(names)).toEqual(names(all).reverse())
    // Past the end: no rows, and still the total.
    expect(await list('pageSize=3&page=4')).toMatchObject({ items: [], total: 7 })
    // Filters narrow the matches and their count.
    const active = await list('status=active&pageSize=2')
    expect(active.total).toBe(4)
    expect(names(active)).toEqual(['Kohde B', 'Kohde C'])
    const activeRecipients = await list('status=active&role=recipient')
    expect(names(activeRecipients)).toEqual(['Kohde C', 'Kohde E', 'Kohde G'])
    expect(activeRecipients.total).toBe(3)
  })

  it('follows creates, renames and deletes, and finds the same as a plain substring search', async () => {
    const ctx = await createTestContext()
    const names = ['Ääni "Quoted" Oy', 'Percent 100% Ltd', 'Under_score AB', 'Back\\slash GmbH', 'Ab', 'Luottokunta Oyj']
    const ids: number[] = []
    for (const displayName of names) ids.push((await ctx.api.post('/api/processors', { displayName, role: 'processor' })).body.id)
    const search = async (q: string) =>
      (await ctx.api.get(`/api/processors?pageSize=100&q=${encodeURIComponent(q)}`)).body.items
        .map((p: { displayName: string }) => p.displayName)
        .sort()
    const substring = (q: string) => names.filter((n) => n.toLowerCase().includes(q.toLowerCase())).sort()
    for (const q of ['ääni', '"quoted"', '0%', '100%', 'r_s', 'k\\s', 'ab', 'oy', 'LUOTTO', 'tokun', 'nothing here']) {
      expect(await search(q), q).toEqual(substring(q))
    }
    const first = (await ctx.api.get(`/api/processors/${ids[0]}`)).body
    await ctx.api.patch(`/api/processors/${ids[0]}`, { displayName: 'Renamed Oy', version: first.version })
    expect(await search('ääni')).toEqual([])
    expect(await search('renamed')).toEqual(['Renamed Oy'])
    await ctx.api.delete(`/api/processors/${ids[5]}?version=1`)
    expect(await search('luotto')).toEqual([])
  })
})
