import { beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../src/db/client'
import { auditEventsAfter, count, createTestContext, expectValidationError, lastAuditSeq, type TestContext } from './helpers'

// ---------------------------------------------------------------------------
// Local helpers
// ---------------------------------------------------------------------------

/** A DPF transfer to the US naming its certified company; with another safeguard the DPF's own fields are left out. */
function usDpfTransfer(overrides: Record<string, unknown> = {}) {
  const dpf = !overrides.safeguard || overrides.safeguard === 'dpf'
  return {
    country: 'US',
    kind: 'storage',
    safeguard: 'dpf',
    ...(dpf && {
      certifiedEntity: 'Example Inc.',
      dpfListingUrl: 'https://www.dataprivacyframework.gov/participant/1234',
      dpfVerifiedOn: '2025-06-27',
    }),
    ...overrides,
  }
}

function transferRow(db: Db, id: number) {
  return db.$client.prepare('SELECT * FROM transfers WHERE id = ?').get(id)
}

/** A DPF transfer as records made before migration 0015 are: no certified company. */
function forgetCertifiedEntity(id: number) {
  ctx.db.$client.prepare('UPDATE transfers SET certified_entity = NULL WHERE id = ?').run(id)
}

let ctx: TestContext
let processorId: number

beforeEach(async () => {
  ctx = await createTestContext()
  const p = await ctx.api.post('/api/processors', {
    displayName: 'CapsuleCRM Inc',
    legalName: 'CapsuleCRM Inc',
    role: 'sub_processor',
    hqCountry: 'US',
  })
  processorId = p.body.id
})

async function createTransfer(overrides: Record<string, unknown> = {}) {
  const res = await ctx.api.post(`/api/processors/${processorId}/transfers`, usDpfTransfer(overrides))
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

// ---------------------------------------------------------------------------
// Create
// ---------------------------------------------------------------------------

describe('POST /api/processors/:id/transfers', () => {
  it('creates a transfer to the United States under the DPF', async () => {
    const res = await ctx.api.post(`/api/processors/${processorId}/transfers`, usDpfTransfer())
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      processorId,
      country: 'US',
      outsideEea: true,
      kind: 'storage',
      safeguard: 'dpf',
      dpfListingUrl: 'https://www.dataprivacyframework.gov/participant/1234',
      dpfVerifiedOn: '2025-06-27',
      certifiedEntity: 'Example Inc.',
      adequacyDecisionId: null,
      sccModule: null,
      derogation: null,
      otherSafeguard: null,
      tiaStatus: 'unknown',
      tiaUrl: null,
      notes: null,
      version: 1,
    })
    expect((await ctx.api.get(`/api/transfers/${res.body.id}`)).body).toEqual(res.body)
    expect((await ctx.api.get(`/api/processors/${processorId}`)).body.transfers).toEqual([res.body])
  })

  it('derives "inside the EEA" from the country', async () => {
    const fi = await createTransfer({ country: 'FI', safeguard: 'none_needed' })
    expect(fi.outsideEea).toBe(false)
    const ax = await createTransfer({ country: 'AX', safeguard: 'none_needed' })
    expect(ax.outsideEea).toBe(false)
  })

  it('stores the country in upper case', async () => {
    expect((await createTransfer({ country: 'us' })).country).toBe('US')
  })

  it('clears the fields that belong to other safeguards', async () => {
    const t = await createTransfer({
      country: 'IN',
      safeguard: 'scc',
      sccModule: 2,
      adequacyDecisionId: 'jp-2019',
      derogation: 'a',
      otherSafeguard: 'A code of conduct',
    })
    expect(t).toMatchObject({
      sccModule: 2,
      adequacyDecisionId: null,
      dpfListingUrl: null,
      dpfVerifiedOn: null,
      derogation: null,
      otherSafeguard: null,
    })
    expect(transferRow(ctx.db, t.id)).toMatchObject({
      scc_module: 2,
      adequacy_decision_id: null,
      dpf_listing_url: null,
      derogation: null,
      other_safeguard: null,
    })
  })

  it('appends exactly one audit event with the created transfer', async () => {
    const mark = lastAuditSeq(ctx.db)
    const t = await createTransfer()
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'create', entityType: 'transfer', entityId: String(t.id), before: null })
    expect(events[0]!.after).toEqual(t)
  })

  it.each([
    ['a safeguard inside the EEA', { country: 'SE', safeguard: 'scc', sccModule: 1 }, ['safeguard']],
    ['"none needed" outside the EEA', { country: 'IN', safeguard: 'none_needed' }, ['safeguard']],
    ['"none needed" for Switzerland', { country: 'CH', safeguard: 'none_needed' }, ['safeguard']],
    ['the DPF outside the United States', { country: 'CA', safeguard: 'dpf', certifiedEntity: 'Example Inc.' }, ['safeguard']],
    ['the DPF without the certified company', { country: 'US', safeguard: 'dpf', certifiedEntity: null }, ['certifiedEntity']],
    [
      'a certified company without the DPF',
      { country: 'US', safeguard: 'scc', sccModule: 2, certifiedEntity: 'Example Inc.' },
      ['certifiedEntity'],
    ],
    ['adequacy without a decision', { country: 'JP', safeguard: 'adequacy' }, ['adequacyDecisionId']],
    [
      "adequacy with another country's decision",
      { country: 'JP', safeguard: 'adequacy', adequacyDecisionId: 'gb-2021' },
      ['adequacyDecisionId'],
    ],
    [
      'adequacy under the US framework decision',
      { country: 'US', safeguard: 'adequacy', adequacyDecisionId: 'us-dpf-2023' },
      ['safeguard'],
    ],
    ['SCCs without a module', { country: 'IN', safeguard: 'scc' }, ['sccModule']],
    ['SCCs with module 5', { country: 'IN', safeguard: 'scc', sccModule: 5 }, ['sccModule']],
    ['an Art. 49 derogation without its point', { country: 'IN', safeguard: 'derogation_art49' }, ['derogation']],
    ['another Art. 46 safeguard without a description', { country: 'IN', safeguard: 'other_art46' }, ['otherSafeguard']],
    ['an unknown country', { country: 'XK', safeguard: 'unknown' }, ['country']],
    ['an unknown kind', { kind: 'teleport' }, ['kind']],
    ['a listing that is not an http(s) address', { dpfListingUrl: 'dataprivacyframework.gov' }, ['dpfListingUrl']],
    ['an unknown TIA status', { tiaStatus: 'maybe' }, ['tiaStatus']],
  ])('refuses %s, naming the field, and stores nothing', async (_why, overrides, paths) => {
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.post(`/api/processors/${processorId}/transfers`, usDpfTransfer(overrides))
    expectValidationError(res, paths)
    expect(count(ctx.db, 'SELECT count(*) FROM transfers')).toBe(0)
    expect(auditEventsAfter(ctx.db, mark)).toEqual([])
  })

  it('requires country, kind and safeguard', async () => {
    expectValidationError(await ctx.api.post(`/api/processors/${processorId}/transfers`, {}), ['country', 'kind', 'safeguard'])
  })

  it.each([
    ['adequacy for Japan', { country: 'JP', safeguard: 'adequacy', adequacyDecisionId: 'jp-2019' }],
    ['binding corporate rules', { country: 'IN', safeguard: 'bcr' }],
    ['an Art. 49 derogation', { country: 'IN', safeguard: 'derogation_art49', derogation: 'b' }],
    ['another Art. 46 safeguard', { country: 'IN', safeguard: 'other_art46', otherSafeguard: 'Certification (Art. 46(2)(f))' }],
    ['"unknown", to record a gap', { country: 'CN', safeguard: 'unknown' }],
  ])('accepts %s', async (_why, overrides) => {
    const res = await ctx.api.post(`/api/processors/${processorId}/transfers`, usDpfTransfer(overrides))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  })

  it('answers 404 for an unknown processor and stores nothing', async () => {
    const res = await ctx.api.post('/api/processors/999/transfers', usDpfTransfer())
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
    expect(count(ctx.db, 'SELECT count(*) FROM transfers')).toBe(0)
  })

  it.each(['abc', '0'])('refuses the processor id %j on the id field', async (id) => {
    expectValidationError(await ctx.api.post(`/api/processors/${id}/transfers`, usDpfTransfer()), ['id'])
  })
})

// ---------------------------------------------------------------------------
// Read
// ---------------------------------------------------------------------------

describe('GET /api/transfers/:id', () => {
  it('answers 404 for an unknown transfer', async () => {
    const res = await ctx.api.get('/api/transfers/999')
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
  })

  it.each(['abc', '0', '-3'])('refuses the id %j on the id field', async (id) => {
    expectValidationError(await ctx.api.get(`/api/transfers/${id}`), ['id'])
  })
})

// ---------------------------------------------------------------------------
// Update: the Chapter V rules on the merged record
// ---------------------------------------------------------------------------

describe('PATCH /api/transfers/:id', () => {
  it('changes the given fields and increments the version', async () => {
    const t = await createTransfer()
    const res = await ctx.api.patch(`/api/transfers/${t.id}`, { tiaStatus: 'done', tiaUrl: 'https://intra.example/tia/1', version: 1 })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ...t, tiaStatus: 'done', tiaUrl: 'https://intra.example/tia/1', version: 2, updatedAt: res.body.updatedAt })
    expect((await ctx.api.get(`/api/transfers/${t.id}`)).body).toEqual(res.body)
  })

  it('appends exactly one audit event with the transfer before and after', async () => {
    const t = await createTransfer()
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.patch(`/api/transfers/${t.id}`, { notes: 'Checked the listing', version: 1 })
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'update', entityType: 'transfer', entityId: String(t.id) })
    expect(events[0]!.before).toEqual(t)
    expect(events[0]!.after).toEqual(res.body)
  })

  it('refuses moving a DPF transfer into the EEA while the safeguard stays DPF, and changes nothing', async () => {
    const t = await createTransfer()
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.patch(`/api/transfers/${t.id}`, { country: 'FI', version: 1 })
    expectValidationError(res, ['safeguard', 'safeguard'])
    expect((await ctx.api.get(`/api/transfers/${t.id}`)).body).toEqual(t)
    expect(auditEventsAfter(ctx.db, mark)).toEqual([])
  })

  it('moves a transfer into the EEA with "none needed" and clears the DPF fields', async () => {
    const t = await createTransfer()
    const res = await ctx.api.patch(`/api/transfers/${t.id}`, { country: 'FI', safeguard: 'none_needed', version: 1 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ country: 'FI', outsideEea: false, safeguard: 'none_needed', dpfListingUrl: null, dpfVerifiedOn: null })
    expect(transferRow(ctx.db, t.id)).toMatchObject({ dpf_listing_url: null, dpf_verified_on: null })
  })

  it('refuses "none needed" for a stored country outside the EEA', async () => {
    const t = await createTransfer()
    expectValidationError(await ctx.api.patch(`/api/transfers/${t.id}`, { safeguard: 'none_needed', version: 1 }), ['safeguard'])
  })

  it('refuses a switch to SCCs without a module, against the merged record', async () => {
    const t = await createTransfer()
    expectValidationError(await ctx.api.patch(`/api/transfers/${t.id}`, { safeguard: 'scc', version: 1 }), ['sccModule'])
    expect((await ctx.api.get(`/api/transfers/${t.id}`)).body.safeguard).toBe('dpf')
  })

  it('switches to SCCs with a module and clears the DPF fields', async () => {
    const t = await createTransfer()
    const res = await ctx.api.patch(`/api/transfers/${t.id}`, { safeguard: 'scc', sccModule: 3, version: 1 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ safeguard: 'scc', sccModule: 3, dpfListingUrl: null, dpfVerifiedOn: null, certifiedEntity: null })
  })

  it('names the certified company in its own field, with a message code, and never keeps one without the DPF', async () => {
    const missing = await ctx.api.post(`/api/processors/${processorId}/transfers`, usDpfTransfer({ certifiedEntity: '' }))
    expectValidationError(missing, ['certifiedEntity'])
    expect(missing.body.error.fields[0].messageCode).toBe('dpf_certified_entity_missing')
    expect(count(ctx.db, 'SELECT count(*) FROM transfers')).toBe(0)

    const t = await createTransfer()
    expect(transferRow(ctx.db, t.id)).toMatchObject({ certified_entity: 'Example Inc.' })
    // Emptying it while the DPF stays is refused against the merged record.
    expectValidationError(await ctx.api.patch(`/api/transfers/${t.id}`, { certifiedEntity: null, version: 1 }), ['certifiedEntity'])
    // Sending one with another safeguard is refused, naming the field...
    const other = await ctx.api.patch(`/api/transfers/${t.id}`, {
      safeguard: 'scc',
      sccModule: 2,
      certifiedEntity: 'Example Inc.',
      version: 1,
    })
    expectValidationError(other, ['certifiedEntity'])
    expect(other.body.error.fields[0].messageCode).toBe('dpf_certified_entity_not_dpf')
    expect((await ctx.api.get(`/api/transfers/${t.id}`)).body).toMatchObject({
      safeguard: 'dpf',
      certifiedEntity: 'Example Inc.',
      version: 1,
    })
    // ...while a change of safeguard that does not send one clears the stored one.
    const renamed = await ctx.api.patch(`/api/transfers/${t.id}`, { certifiedEntity: ' Example Holdings Inc. ', version: 1 })
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200)
    expect(renamed.body.certifiedEntity).toBe('Example Holdings Inc.')
    const switched = await ctx.api.patch(`/api/transfers/${t.id}`, { safeguard: 'scc', sccModule: 2, version: 2 })
    expect(switched.status, JSON.stringify(switched.body)).toBe(200)
    expect(transferRow(ctx.db, t.id)).toMatchObject({ safeguard: 'scc', certified_entity: null })
  })

  it('keeps a stored module valid when only the country changes outside the EEA', async () => {
    const t = await createTransfer({ country: 'IN', safeguard: 'scc', sccModule: 2 })
    const res = await ctx.api.patch(`/api/transfers/${t.id}`, { country: 'BR', version: 1 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ country: 'BR', safeguard: 'scc', sccModule: 2 })
  })

  it('refuses changing the country under an adequacy decision of the old country', async () => {
    const t = await createTransfer({ country: 'JP', safeguard: 'adequacy', adequacyDecisionId: 'jp-2019' })
    expectValidationError(await ctx.api.patch(`/api/transfers/${t.id}`, { country: 'KR', version: 1 }), ['adequacyDecisionId'])
    const ok = await ctx.api.patch(`/api/transfers/${t.id}`, { country: 'KR', adequacyDecisionId: 'kr-2022', version: 1 })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ country: 'KR', adequacyDecisionId: 'kr-2022' })
  })

  it('refuses clearing the description of another Art. 46 safeguard', async () => {
    const t = await createTransfer({ country: 'IN', safeguard: 'other_art46', otherSafeguard: 'Code of conduct' })
    expectValidationError(await ctx.api.patch(`/api/transfers/${t.id}`, { otherSafeguard: '', version: 1 }), ['otherSafeguard'])
    expect((await ctx.api.get(`/api/transfers/${t.id}`)).body.otherSafeguard).toBe('Code of conduct')
  })

  it('refuses a stale version with 409 and the current transfer, changing nothing', async () => {
    const t = await createTransfer()
    await ctx.api.patch(`/api/transfers/${t.id}`, { notes: 'first', version: 1 })
    const current = (await ctx.api.get(`/api/transfers/${t.id}`)).body
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.patch(`/api/transfers/${t.id}`, { notes: 'second', version: 1 })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('version_conflict')
    expect(res.body.error.current).toEqual(current)
    expect((await ctx.api.get(`/api/transfers/${t.id}`)).body).toEqual(current)
    expect(auditEventsAfter(ctx.db, mark)).toEqual([])
  })

  it('requires the version and checks the shape of each field', async () => {
    const t = await createTransfer()
    expectValidationError(await ctx.api.patch(`/api/transfers/${t.id}`, { notes: 'x' }), ['version'])
    expectValidationError(await ctx.api.patch(`/api/transfers/${t.id}`, { sccModule: 7, version: 1 }), ['sccModule'])
    expectValidationError(await ctx.api.patch(`/api/transfers/${t.id}`, { country: 'ZZ', version: 1 }), ['country'])
  })

  it('answers 404 for an unknown transfer', async () => {
    expect((await ctx.api.patch('/api/transfers/999', { notes: 'x', version: 1 })).status).toBe(404)
  })
})

// ---------------------------------------------------------------------------
// Delete
// ---------------------------------------------------------------------------

describe('DELETE /api/transfers/:id', () => {
  it('deletes the transfer with one audit event holding it', async () => {
    const t = await createTransfer()
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.delete(`/api/transfers/${t.id}?version=1`)
    expect(res.status).toBe(204)
    expect((await ctx.api.get(`/api/transfers/${t.id}`)).status).toBe(404)
    expect((await ctx.api.get(`/api/processors/${processorId}`)).body.transfers).toEqual([])
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'delete', entityType: 'transfer', entityId: String(t.id), after: null })
    expect(events[0]!.before).toEqual(t)
  })

  it('refuses a stale version with the current transfer and deletes nothing', async () => {
    const t = await createTransfer()
    await ctx.api.patch(`/api/transfers/${t.id}`, { notes: 'x', version: 1 })
    const current = (await ctx.api.get(`/api/transfers/${t.id}`)).body
    const res = await ctx.api.delete(`/api/transfers/${t.id}?version=1`)
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'version_conflict', current })
    expect((await ctx.api.get(`/api/transfers/${t.id}`)).body).toEqual(current)
  })

  it('requires the version', async () => {
    const t = await createTransfer()
    expectValidationError(await ctx.api.delete(`/api/transfers/${t.id}`), ['version'])
    expect((await ctx.api.get(`/api/transfers/${t.id}`)).status).toBe(200)
  })

  it('answers 404 for an unknown transfer', async () => {
    expect((await ctx.api.delete('/api/transfers/999?version=1')).status).toBe(404)
  })
})

// ---------------------------------------------------------------------------
// Chapter V rules a lawyer would enforce (issue 11, section 3)
// ---------------------------------------------------------------------------

describe('the DPF listing and the certified entity', () => {
  it.each([
    ['the programme list, not a participant page', 'https://www.dataprivacyframework.gov/list'],
    ['the programme home page', 'https://www.dataprivacyframework.gov/'],
    ['another site', 'https://example.com/not-a-listing'],
    ['a look-alike host', 'https://www.dataprivacyframework.gov.example.com/participant/1234'],
    ['a host that only ends like it', 'https://notdataprivacyframework.gov/participant/1234'],
    ['plain http', 'http://www.dataprivacyframework.gov/participant/1234'],
    ['credentials in the address', 'https://user@www.dataprivacyframework.gov/participant/1234'],
    ['a port', 'https://www.dataprivacyframework.gov:8443/participant/1234'],
    ['a query that could redirect', 'https://www.dataprivacyframework.gov/participant/1234?next=https://example.com'],
    ['a participant path that is not a number', 'https://www.dataprivacyframework.gov/participant/../list'],
    ['a deeper path', 'https://www.dataprivacyframework.gov/participant/1234/edit'],
  ])('refuses %s as the listing, naming the field, and stores nothing', async (_why, url) => {
    const res = await ctx.api.post(`/api/processors/${processorId}/transfers`, usDpfTransfer({ dpfListingUrl: url }))
    expectValidationError(res, ['dpfListingUrl'])
    expect(res.body.error.fields[0].message).toContain('https://www.dataprivacyframework.gov/participant/')
    expect(count(ctx.db, 'SELECT count(*) FROM transfers')).toBe(0)
  })

  it.each([
    'https://www.dataprivacyframework.gov/participant/5780',
    'https://dataprivacyframework.gov/participant/6172/',
    'HTTPS://WWW.DataPrivacyFramework.gov/participant/42',
  ])('accepts the participant page %s', async (url) => {
    const res = await ctx.api.post(`/api/processors/${processorId}/transfers`, usDpfTransfer({ dpfListingUrl: url }))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  })

  it('accepts the DPF for a processor headquartered in Ireland when the transfer names the US company certified', async () => {
    // Google Cloud EMEA Limited contracts; Google LLC, certified, receives the data in the US.
    const ie = (
      await ctx.api.post('/api/processors', {
        displayName: 'Dublin Cloud',
        legalName: 'Dublin Cloud EMEA Limited',
        role: 'processor',
        hqCountry: 'IE',
      })
    ).body
    const res = await ctx.api.post(`/api/processors/${ie.id}/transfers`, usDpfTransfer({ certifiedEntity: 'Dublin Cloud LLC' }))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ safeguard: 'dpf', certifiedEntity: 'Dublin Cloud LLC' })
    const open = (await ctx.api.get('/api/findings')).body.open as { checkId: string; entity: { id: number } }[]
    const about = open.filter((f) => f.entity.id === res.body.id).map((f) => f.checkId)
    expect(about.filter((id) => id === 'dpf-no-certified-entity' || id === 'dpf-home-country-unknown')).toEqual([])
  })

  it('refuses the DPF of a record that names no certified company for a processor headquartered in Germany, naming the field', async () => {
    // Records made before the certified company was asked stand on the processor: only a US one can be certified.
    const de = (await ctx.api.post('/api/processors', { displayName: 'Berlin GmbH', role: 'processor', hqCountry: 'US' })).body
    const t = (await ctx.api.post(`/api/processors/${de.id}/transfers`, usDpfTransfer())).body
    forgetCertifiedEntity(t.id)
    const p = (await ctx.api.get(`/api/processors/${de.id}`)).body
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.patch(`/api/processors/${de.id}`, { hqCountry: 'DE', version: p.version })
    expectValidationError(res, ['hqCountry'])
    expect(res.body.error.fields[0].message).toMatch(/US legal entities.*DE/)
    expect((await ctx.api.get(`/api/processors/${de.id}`)).body).toMatchObject({ hqCountry: 'US', version: p.version })
    expect(auditEventsAfter(ctx.db, mark)).toEqual([])
    // Naming the certified company lets the record move.
    expect((await ctx.api.patch(`/api/transfers/${t.id}`, { certifiedEntity: 'Berlin Inc.', version: t.version })).status).toBe(200)
    expect((await ctx.api.patch(`/api/processors/${de.id}`, { hqCountry: 'DE', version: p.version })).status).toBe(200)
  })

  it('flags a record that names no certified company and no home country until either is recorded', async () => {
    const unknown = (await ctx.api.post('/api/processors', { displayName: 'Nowhere Inc', legalName: 'Nowhere Inc', role: 'processor' }))
      .body
    expect(unknown.hqCountry).toBeNull()
    const res = await ctx.api.post(`/api/processors/${unknown.id}/transfers`, usDpfTransfer())
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const flagged = async (checkId: string) =>
      (
        (await ctx.api.get('/api/findings')).body.open as { checkId: string; entity: { id: number }; message: { fi: string; en: string } }[]
      ).filter((f) => f.checkId === checkId)
    // Naming the certified company is enough: the processor's home country does not decide.
    expect(await flagged('dpf-home-country-unknown')).toEqual([])
    forgetCertifiedEntity(res.body.id)
    const [f, ...rest] = await flagged('dpf-home-country-unknown')
    expect(rest).toEqual([])
    expect(f).toMatchObject({ entity: { id: res.body.id } })
    expect(f!.message.en).toContain('Nowhere Inc: no home country is recorded')
    expect(f!.message.fi).toContain('kotimaata ei ole kirjattu')
    expect(await flagged('dpf-no-certified-entity')).toEqual([
      expect.objectContaining({ entity: expect.objectContaining({ id: res.body.id }) }),
    ])
    const p = (await ctx.api.get(`/api/processors/${unknown.id}`)).body
    expect((await ctx.api.patch(`/api/processors/${unknown.id}`, { hqCountry: 'US', version: p.version })).status).toBe(200)
    expect(await flagged('dpf-home-country-unknown')).toEqual([])
  })
})

describe('a duplicate transfer', () => {
  it('is refused with 409 naming country and kind, and stores nothing', async () => {
    const first = await createTransfer()
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.post(
      `/api/processors/${processorId}/transfers`,
      usDpfTransfer({ country: 'us', dpfVerifiedOn: '2026-01-01' }),
    )
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('conflict')
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['country', 'kind'])
    expect(res.body.error.message).toContain(`transfer ${first.id}`)
    expect(count(ctx.db, 'SELECT count(*) FROM transfers')).toBe(1)
    expect(auditEventsAfter(ctx.db, mark)).toEqual([])
  })

  it('is not the same country of another kind, nor the same of another processor', async () => {
    await createTransfer()
    await createTransfer({ kind: 'support' })
    const other = (await ctx.api.post('/api/processors', { displayName: 'Other Inc', role: 'processor', hqCountry: 'US' })).body
    expect((await ctx.api.post(`/api/processors/${other.id}/transfers`, usDpfTransfer())).status).toBe(201)
  })

  it('is refused when an edit would make one transfer repeat another, changing nothing', async () => {
    await createTransfer()
    const support = await createTransfer({ kind: 'support' })
    const res = await ctx.api.patch(`/api/transfers/${support.id}`, { kind: 'storage', version: support.version })
    expect(res.status).toBe(409)
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['country', 'kind'])
    expect((await ctx.api.get(`/api/transfers/${support.id}`)).body).toMatchObject({ kind: 'support', version: support.version })
  })

  it('is declared in the OpenAPI responses of create and update', async () => {
    const doc = (await ctx.api.get('/api/openapi.json')).body
    expect(doc.paths['/processors/{id}/transfers'].post.responses['409'].description).toMatch(/Duplicate/)
    expect(doc.paths['/transfers/{id}'].patch.responses['409'].description).toMatch(/Duplicate/)
  })
})

describe('a transfer to an international organisation (Art. 30(1)(e))', () => {
  let epo: { id: number }
  beforeEach(async () => {
    epo = (
      await ctx.api.post('/api/processors', {
        displayName: 'European Patent Organisation',
        role: 'international_organisation',
        hqCountry: 'DE',
      })
    ).body
  })

  it('rests on the organisation decision of 15 July 2025, wherever its seat is', async () => {
    const res = await ctx.api.post(`/api/processors/${epo.id}/transfers`, {
      country: 'DE',
      kind: 'processing',
      safeguard: 'adequacy',
      adequacyDecisionId: 'epo-2025',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ safeguard: 'adequacy', adequacyDecisionId: 'epo-2025' })
  })

  it.each([
    ['"none needed" because the seat is in the EEA', { country: 'DE', safeguard: 'none_needed' }, ['safeguard']],
    ["a country's decision", { country: 'JP', safeguard: 'adequacy', adequacyDecisionId: 'jp-2019' }, ['adequacyDecisionId']],
    ['the DPF', { country: 'US', safeguard: 'dpf', certifiedEntity: 'Example Inc.' }, ['safeguard']],
  ])('refuses %s, naming the field, and stores nothing', async (_why, body, paths) => {
    const res = await ctx.api.post(`/api/processors/${epo.id}/transfers`, { kind: 'processing', ...body })
    expectValidationError(res, paths)
    expect(count(ctx.db, 'SELECT count(*) FROM transfers')).toBe(0)
  })

  it("refuses the organisation's decision for a processor that is not an international organisation", async () => {
    const res = await ctx.api.post(`/api/processors/${processorId}/transfers`, {
      country: 'DE',
      kind: 'processing',
      safeguard: 'adequacy',
      adequacyDecisionId: 'epo-2025',
    })
    expectValidationError(res, ['adequacyDecisionId'])
  })

  it('refuses changing the role of an organisation whose transfer rests on its decision, naming the role', async () => {
    await ctx.api.post(`/api/processors/${epo.id}/transfers`, {
      country: 'DE',
      kind: 'processing',
      safeguard: 'adequacy',
      adequacyDecisionId: 'epo-2025',
    })
    const p = (await ctx.api.get(`/api/processors/${epo.id}`)).body
    expectValidationError(await ctx.api.patch(`/api/processors/${epo.id}`, { role: 'recipient', version: p.version }), ['role'])
  })
})
