/**
 * The vendor catalogue through the API: search, the proposal, creating a processor from it (one
 * transaction, audited, remembering entry and version), linking an existing record, and a newer
 * release (SELOSTE_CATALOGUE_FILE) raising "vendor facts changed" with a diff to accept or dismiss.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { resetCatalogue } from '../src/services/catalogue-store'
import { auditEventsAfter, count, createTestContext, expectValidationError, lastAuditSeq, type TestContext } from './helpers'

const V1 = fileURLToPath(new URL('./fixtures/catalogue-v1.json', import.meta.url))
const V2 = fileURLToPath(new URL('./fixtures/catalogue-v2.json', import.meta.url))

function useCatalogue(file: string) {
  process.env.SELOSTE_CATALOGUE_FILE = file
  resetCatalogue()
}

afterAll(() => {
  delete process.env.SELOSTE_CATALOGUE_FILE
  resetCatalogue()
})

let ctx: TestContext
beforeEach(async () => {
  useCatalogue(V1)
  ctx = await createTestContext({ demo: true })
})

/** The proposal turned into the create request, taking the first (proposed) option of every transfer. */
async function reviewedProposal(id: string) {
  const res = await ctx.api.get(`/api/catalogue/${id}/proposal`)
  expect(res.status).toBe(200)
  const p = res.body
  const fields = Object.fromEntries(p.fields.map((f: { field: string; value: unknown }) => [f.field, f.value]))
  return {
    proposal: p,
    body: {
      catalogueVersion: p.catalogueVersion,
      processor: { displayName: p.base.displayName, role: p.role, service: p.base.service, websiteUrl: p.base.websiteUrl, ...fields },
      transfers: p.transfers.map((t: { options: { input: Record<string, unknown> }[] }) => t.options[0]!.input),
    },
  }
}

async function findingsFor(processorId: number, checkId: string) {
  const res = await ctx.api.get(`/api/findings?checkId=${checkId}`)
  expect(res.status).toBe(200)
  return res.body.open.filter((f: { entity: { id: number } }) => f.entity.id === processorId)
}

describe('catalogue search and entries', () => {
  it('searches by name, contracting entity, category and services, any case', async () => {
    const all = await ctx.api.get('/api/catalogue')
    expect(all.status).toBe(200)
    expect(all.body.version).toBe('2026-12-01')
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual(['example-crm', 'example-ledger', 'example-office'])
    const ids = async (q: string) =>
      (await ctx.api.get(`/api/catalogue?q=${encodeURIComponent(q)}`)).body.items.map((i: { id: string }) => i.id)
    expect(await ids('LEDGER')).toEqual(['example-ledger'])
    expect(await ids('Example CRM Inc')).toEqual(['example-crm'])
    expect(await ids('accounting')).toEqual(['example-ledger'])
    expect(await ids('kalenteri')).toEqual(['example-office'])
    expect(await ids('nothing like this')).toEqual([])
    expectValidationError(await ctx.api.get('/api/catalogue?q=a%00b'), ['q'])
  })

  it('returns an entry with its sources, 404 for an unknown id and 400 for a malformed one', async () => {
    const res = await ctx.api.get('/api/catalogue/example-crm')
    expect(res.status).toBe(200)
    expect(res.body.entry.contractingEntity).toMatchObject({
      value: { name: 'Example CRM Inc.', country: 'US' },
      source: 'https://example.com/crm/terms',
      asOf: '2026-11-02',
    })
    expect((await ctx.api.get('/api/catalogue/no-such-vendor')).status).toBe(404)
    expectValidationError(await ctx.api.get('/api/catalogue/Not_An_Id'), ['id'])
  })
})

describe('the proposal', () => {
  it('proposes DPF where the contracting entity is the listed US participant, adequacy for the UK, with sources', async () => {
    const { proposal } = await reviewedProposal('example-crm')
    expect(proposal.fields.map((f: { field: string }) => f.field)).toEqual(['legalName', 'hqCountry', 'dpaUrl'])
    expect(proposal.fields[0]).toMatchObject({
      value: 'Example CRM Inc.',
      source: { source: 'https://example.com/crm/terms', asOf: '2026-11-02' },
    })
    expect(proposal.unknown).toEqual(['parentGroup', 'sccModules', 'bcr', 'subprocessorsUrl', 'privacyPolicyUrl'])
    const [us, gb] = proposal.transfers
    expect(us).toMatchObject({ country: 'US', kind: 'storage', dpfEntity: null })
    expect(us.options[0]).toMatchObject({
      reason: 'dpf',
      input: {
        safeguard: 'dpf',
        certifiedEntity: 'Example CRM, Inc.',
        dpfListingUrl: 'https://www.dataprivacyframework.gov/participant/88888',
        dpfVerifiedOn: '2026-10-15',
      },
      basis: { source: 'https://www.dataprivacyframework.gov/participant/88888' },
    })
    expect(gb).toMatchObject({ country: 'GB', kind: 'remote_access' })
    expect(gb.options[0]).toMatchObject({ reason: 'adequacy', input: { safeguard: 'adequacy', adequacyDecisionId: 'gb-2021' } })
  })

  it('does not propose DPF when the participant is another entity of the group: SCCs with the module of the role, DPF only offered', async () => {
    // The DPF certifies the group's US entity; whether the data goes there the catalogue does not say.
    const { proposal } = await reviewedProposal('example-office')
    expect(proposal.transfers.map((t: { country: string; kind: string }) => `${t.country}:${t.kind}`)).toEqual([
      'IE:storage',
      'US:storage',
      'US:remote_access',
    ])
    const [ie, us] = proposal.transfers
    expect(ie.options.map((o: { reason: string }) => o.reason)).toEqual(['eea'])
    expect(us.dpfEntity).toBe('Example Group Inc.')
    expect(us.options.map((o: { reason: string }) => o.reason)).toEqual(['scc', 'no_mechanism', 'dpf'])
    expect(us.options[0].input).toMatchObject({ safeguard: 'scc', sccModule: 2, certifiedEntity: null })
    // Offered with the certified entity the catalogue names, and the catalogue's source as its basis.
    expect(us.options[2]).toMatchObject({
      input: { safeguard: 'dpf', certifiedEntity: 'Example Group Inc.' },
      basis: { source: expect.any(String) },
    })
    const sub = await ctx.api.get('/api/catalogue/example-office/proposal?role=sub_processor')
    expect(sub.body.transfers[1].options[0].input.sccModule).toBe(3)
    const controller = await ctx.api.get('/api/catalogue/example-office/proposal?role=recipient')
    // Module 1 is not in the DPA: no SCC proposed, and with no other mechanism sourced the proposal is
    // "unknown" (a finding asks for it), never the DPF of another entity; the DPF stays an option.
    expect(controller.body.transfers[1].options.map((o: { reason: string }) => o.reason)).toEqual(['no_mechanism', 'dpf'])
    expect(controller.body.transfers[1].options[0].input).toMatchObject({ safeguard: 'unknown', certifiedEntity: null })
  })
})

describe('creating a processor from the catalogue', () => {
  it('creates the processor and its transfers in one audited transaction and remembers entry and version', async () => {
    const { body } = await reviewedProposal('example-crm')
    const seq = lastAuditSeq(ctx.db)
    const res = await ctx.api.post('/api/catalogue/example-crm/processors', body)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({
      displayName: 'Example CRM',
      legalName: 'Example CRM Inc.',
      hqCountry: 'US',
      dpaUrl: 'https://example.com/crm/dpa',
    })
    expect(res.body.catalogue).toEqual({
      entryId: 'example-crm',
      entryName: 'Example CRM',
      version: '2026-12-01',
      status: 'current',
      changedFacts: [],
    })
    expect(res.body.transfers.map((t: { country: string; safeguard: string }) => `${t.country}:${t.safeguard}`)).toEqual([
      'US:dpf',
      'GB:adequacy',
    ])
    // The certified entity is the one the catalogue sources (as the DPF list spells it), pre-filled and saved.
    expect(res.body.transfers[0]).toMatchObject({ certifiedEntity: 'Example CRM, Inc.' })
    expect(res.body.transfers[1]).toMatchObject({ certifiedEntity: null })
    expect(await findingsFor(res.body.transfers[0].id, 'dpf-no-certified-entity')).toEqual([])
    const events = auditEventsAfter(ctx.db, seq)
    expect(events.map((e) => `${e.action} ${e.entityType}`)).toEqual(['create processor', 'create transfer', 'create transfer'])
    expect(events[0]!.after.catalogue).toEqual({ entryId: 'example-crm', version: '2026-12-01' })
    expect(await findingsFor(res.body.id, 'location-not-recorded')).toEqual([])
    expect(await findingsFor(res.body.id, 'vendor-facts-changed')).toEqual([])
  })

  it('writes nothing when one transfer is refused, naming it', async () => {
    const { body } = await reviewedProposal('example-crm')
    const processors = count(ctx.db, 'SELECT count(*) FROM processors')
    const seq = lastAuditSeq(ctx.db)
    body.transfers.push({ ...body.transfers[0] })
    const res = await ctx.api.post('/api/catalogue/example-crm/processors', body)
    expect(res.status).toBe(409)
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['transfers.2.country', 'transfers.2.kind'])
    const bad = await ctx.api.post('/api/catalogue/example-crm/processors', {
      ...body,
      transfers: [{ ...body.transfers[0], sccModule: 9 }],
    })
    expectValidationError(bad, ['transfers.0.sccModule'])
    const unknownField = await ctx.api.post('/api/catalogue/example-crm/processors', {
      ...body,
      processor: { ...body.processor, colour: 'red' },
    })
    expect(unknownField.status).toBe(400)
    expect(unknownField.body.error.fields[0].path).toMatch(/^processor/)
    expect(count(ctx.db, 'SELECT count(*) FROM processors')).toBe(processors)
    expect(lastAuditSeq(ctx.db)).toBe(seq)
  })

  it('refuses a proposal made from an older catalogue (409), and an unknown entry (404)', async () => {
    const { body } = await reviewedProposal('example-crm')
    const stale = await ctx.api.post('/api/catalogue/example-crm/processors', { ...body, catalogueVersion: '2026-01-01' })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')
    expect((await ctx.api.post('/api/catalogue/no-such-vendor/processors', body)).status).toBe(404)
  })

  it('is for those who change the registry: an editor creates from it like from the form, an auditor gets 403', async () => {
    const { body } = await reviewedProposal('example-crm')
    const auditor = await ctx.as('auditor')
    expect((await auditor.post('/api/catalogue/example-crm/processors', body)).status).toBe(403)
    expect((await auditor.get('/api/catalogue/example-crm/proposal')).status).toBe(200)
    const editor = await ctx.as('editor')
    expect((await editor.post('/api/catalogue/example-crm/processors', body)).status).toBe(201)
  })
})

describe('linking an existing processor and the diff', () => {
  async function demoProcessor(name: string) {
    const list = await ctx.api.get(`/api/processors?q=${encodeURIComponent(name)}`)
    const item = list.body.items.find((p: { displayName: string }) => p.displayName === name)
    expect(item, name).toBeTruthy()
    return (await ctx.api.get(`/api/processors/${item.id}`)).body
  }

  it("links the demo's Google Workspace; accepting the differences fills in its facts and locations, audited", async () => {
    const gw = await demoProcessor('Google Workspace')
    expect(gw.catalogue).toBeNull()
    expect(await findingsFor(gw.id, 'location-not-recorded')).toHaveLength(1)
    const seq = lastAuditSeq(ctx.db)
    const linked = await ctx.api.post(`/api/processors/${gw.id}/catalogue-link`, { version: gw.version, entryId: 'example-office' })
    expect(linked.status, JSON.stringify(linked.body)).toBe(200)
    expect(linked.body.catalogue).toMatchObject({ entryId: 'example-office', version: '2026-12-01', status: 'current' })
    expect(linked.body.legalName).toBeNull() // linking changes no field
    expect(auditEventsAfter(ctx.db, seq).map((e) => e.action)).toEqual(['catalogue_link'])

    const diff = await ctx.api.get(`/api/processors/${gw.id}/catalogue-diff`)
    expect(diff.status).toBe(200)
    expect(diff.body.changes).toEqual([])
    const keys = diff.body.items.map((i: { key: string }) => i.key)
    expect(keys).toEqual([
      'legalName',
      'hqCountry',
      'dpaUrl',
      'privacyPolicyUrl',
      'transfer:IE:storage',
      'transfer:US:storage',
      'transfer:US:remote_access',
    ])
    expect(diff.body.items[0]).toMatchObject({
      record: null,
      catalogue: 'Example Office Ltd',
      source: { source: 'https://example.com/office/dpa' },
    })

    const seq2 = lastAuditSeq(ctx.db)
    const accepted = await ctx.api.post(`/api/processors/${gw.id}/catalogue-diff/accept`, {
      version: linked.body.version,
      catalogueVersion: diff.body.catalogueVersion,
      keys,
    })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    expect(accepted.body).toMatchObject({ legalName: 'Example Office Ltd', hqCountry: 'US', dpaUrl: 'https://example.com/office/dpa' })
    expect(
      accepted.body.transfers.map(
        (t: { country: string; kind: string; safeguard: string; sccModule: number | null }) =>
          `${t.country}:${t.kind}:${t.safeguard}:${t.sccModule}`,
      ),
    ).toEqual(['IE:storage:none_needed:null', 'US:storage:scc:2', 'US:remote_access:scc:2'])
    expect(auditEventsAfter(ctx.db, seq2).map((e) => `${e.action} ${e.entityType}`)).toEqual([
      'catalogue_accept processor',
      'create transfer',
      'create transfer',
      'create transfer',
    ])
    expect(await findingsFor(gw.id, 'location-not-recorded')).toEqual([])
    expect((await ctx.api.get(`/api/processors/${gw.id}/catalogue-diff`)).body.items).toEqual([])

    // The same accept again: the version moved on.
    const again = await ctx.api.post(`/api/processors/${gw.id}/catalogue-diff/accept`, {
      version: linked.body.version,
      catalogueVersion: diff.body.catalogueVersion,
      keys: ['legalName'],
    })
    expect(again.status).toBe(409)
  })

  it("links the demo's Slack to an entry whose contracting entity is the DPF participant: accepting records the DPF with that certified company, and the published list names it", async () => {
    const slack = await demoProcessor('Slack')
    const linked = await ctx.api.post(`/api/processors/${slack.id}/catalogue-link`, { version: slack.version, entryId: 'example-crm' })
    expect(linked.status, JSON.stringify(linked.body)).toBe(200)
    const diff = (await ctx.api.get(`/api/processors/${slack.id}/catalogue-diff`)).body
    const us = diff.items.find((i: { key: string }) => i.key === 'transfer:US:storage')
    expect(us.catalogue).toMatchObject({ safeguard: 'dpf', certifiedEntity: 'Example CRM, Inc.' })
    const accepted = await ctx.api.post(`/api/processors/${slack.id}/catalogue-diff/accept`, {
      version: linked.body.version,
      catalogueVersion: diff.catalogueVersion,
      keys: diff.items.map((i: { key: string }) => i.key),
    })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    expect(accepted.body.transfers.find((t: { country: string }) => t.country === 'US')).toMatchObject({
      safeguard: 'dpf',
      certifiedEntity: 'Example CRM, Inc.',
      dpfListingUrl: 'https://www.dataprivacyframework.gov/participant/88888',
    })
    expect(await findingsFor(slack.id, 'location-not-recorded')).toEqual([])
    const preview = (await ctx.api.get('/api/public-list/preview')).body
    const published = await ctx.api.post('/api/public-list/publish', {
      confirmUnknownLocations: true,
      basedOnVersion: preview.latest?.version ?? 0,
    })
    expect(published.status, JSON.stringify(published.body)).toBe(201)
    const line = async (lang: 'en' | 'fi') =>
      (await ctx.anonymous.get(`/public/processors.md?lang=${lang}`)).text
        .split('\n')
        .find((l) => l.startsWith('- **Slack**, United States') || l.startsWith('- **Slack**, Yhdysvallat'))
    expect(await line('en')).toContain(
      "The transfer is based on the European Commission's adequacy decision under the EU-US Data Privacy Framework. Example CRM, Inc. is certified under the Data Privacy Framework",
    )
    expect(await line('fi')).toContain('Example CRM, Inc. on Data Privacy Framework -sertifioitu yhtiö')
  })

  it('refuses keys that are not differences, naming them, and an unknown entry', async () => {
    const gw = await demoProcessor('Google Workspace')
    const badEntry = await ctx.api.post(`/api/processors/${gw.id}/catalogue-link`, { version: gw.version, entryId: 'no-such-vendor' })
    expectValidationError(badEntry, ['entryId'])
    const linked = await ctx.api.post(`/api/processors/${gw.id}/catalogue-link`, { version: gw.version, entryId: 'example-office' })
    const res = await ctx.api.post(`/api/processors/${gw.id}/catalogue-diff/accept`, {
      version: linked.body.version,
      catalogueVersion: '2026-12-01',
      keys: ['legalName', 'displayName'],
    })
    expectValidationError(res, ['keys.1'])
    expect((await ctx.api.get(`/api/processors/${gw.id}`)).body.legalName).toBeNull()
    const unlinked = await demoProcessor('Slack')
    expect((await ctx.api.get(`/api/processors/${unlinked.id}/catalogue-diff`)).status).toBe(409)
  })
})

describe('a newer catalogue release', () => {
  it('raises "vendor facts changed" with the changed facts; dismissing records the version seen, audited', async () => {
    const { body } = await reviewedProposal('example-office')
    const created = (await ctx.api.post('/api/catalogue/example-office/processors', body)).body
    expect(created.catalogue.status).toBe('current')
    // Read once before the release, so that a kept result of the checks would answer if it ignored the catalogue.
    expect(await findingsFor(created.id, 'vendor-facts-changed')).toEqual([])

    useCatalogue(V2)
    const now = (await ctx.api.get(`/api/processors/${created.id}`)).body
    expect(now.catalogue).toMatchObject({ status: 'changed', version: '2026-12-01', changedFacts: ['dataLocations', 'dpaUrl'] })
    const [f] = await findingsFor(created.id, 'vendor-facts-changed')
    expect(f.message.en).toContain('data locations, DPA link')
    expect(f.message.fi).toContain('tietojen sijainnit, käsittelysopimuksen linkki')

    const diff = (await ctx.api.get(`/api/processors/${created.id}/catalogue-diff`)).body
    expect(diff).toMatchObject({ catalogueVersion: '2026-12-20', seenVersion: '2026-12-01' })
    expect(diff.changes.map((c: { fact: string }) => c.fact)).toEqual(['dataLocations', 'dpaUrl'])
    expect(diff.changes[1]).toMatchObject({ seen: 'https://example.com/office/dpa', current: 'https://example.com/office/dpa-2027' })
    expect(diff.items.map((i: { key: string }) => i.key)).toEqual(['dpaUrl', 'transfer:IN:remote_access'])

    const staleCatalogue = await ctx.api.post(`/api/processors/${created.id}/catalogue-diff/dismiss`, {
      version: now.version,
      catalogueVersion: '2026-12-01',
    })
    expect(staleCatalogue.status).toBe(409)
    const staleRecord = await ctx.api.post(`/api/processors/${created.id}/catalogue-diff/dismiss`, {
      version: now.version + 5,
      catalogueVersion: '2026-12-20',
    })
    expect(staleRecord.status).toBe(409)

    const seq = lastAuditSeq(ctx.db)
    const dismissed = await ctx.api.post(`/api/processors/${created.id}/catalogue-diff/dismiss`, {
      version: now.version,
      catalogueVersion: '2026-12-20',
    })
    expect(dismissed.status).toBe(200)
    expect(dismissed.body.catalogue).toMatchObject({ status: 'current', version: '2026-12-20' })
    expect(dismissed.body.dpaUrl).toBe('https://example.com/office/dpa') // the record's facts stay as they were
    const events = auditEventsAfter(ctx.db, seq)
    expect(events.map((e) => e.action)).toEqual(['catalogue_dismiss'])
    expect(events[0]!.before.catalogue).toEqual({ entryId: 'example-office', version: '2026-12-01' })
    expect(events[0]!.after.catalogue).toEqual({ entryId: 'example-office', version: '2026-12-20' })
    expect(await findingsFor(created.id, 'vendor-facts-changed')).toEqual([])
    // Still offered, as differences, not as a change since the version seen.
    expect((await ctx.api.get(`/api/processors/${created.id}/catalogue-diff`)).body).toMatchObject({
      changes: [],
      items: [{ key: 'dpaUrl' }, { key: 'transfer:IN:remote_access' }],
    })
  })

  it('accepting the changed facts applies them and clears the finding', async () => {
    const { body } = await reviewedProposal('example-office')
    const created = (await ctx.api.post('/api/catalogue/example-office/processors', body)).body
    useCatalogue(V2)
    const diff = (await ctx.api.get(`/api/processors/${created.id}/catalogue-diff`)).body
    const res = await ctx.api.post(`/api/processors/${created.id}/catalogue-diff/accept`, {
      version: diff.processorVersion,
      catalogueVersion: diff.catalogueVersion,
      keys: ['dpaUrl', 'transfer:IN:remote_access'],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.dpaUrl).toBe('https://example.com/office/dpa-2027')
    // India has no adequacy decision and the DPA's SCCs include module 2.
    expect(res.body.transfers.find((t: { country: string }) => t.country === 'IN')).toMatchObject({
      kind: 'remote_access',
      safeguard: 'scc',
      sccModule: 2,
    })
    expect(res.body.catalogue).toMatchObject({ status: 'current', version: '2026-12-20' })
    expect(await findingsFor(created.id, 'vendor-facts-changed')).toEqual([])
  })

  it('says so when the catalogue no longer has the entry: a finding, and no diff to accept', async () => {
    const { body } = await reviewedProposal('example-ledger')
    const created = (await ctx.api.post('/api/catalogue/example-ledger/processors', body)).body
    const { writeFileSync, mkdtempSync, readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const v1 = JSON.parse(readFileSync(V1, 'utf8')) as { version: string; entries: { id: string }[] }
    const file = join(mkdtempSync(join(tmpdir(), 'catalogue-')), 'without-ledger.json')
    writeFileSync(file, JSON.stringify({ version: '2026-12-21', entries: v1.entries.filter((e) => e.id !== 'example-ledger') }))
    useCatalogue(file)
    const now = (await ctx.api.get(`/api/processors/${created.id}`)).body
    expect(now.catalogue).toMatchObject({ entryId: 'example-ledger', entryName: null, status: 'removed' })
    expect(now.legalName).toBe('Example Ledger Oy') // the record keeps what it had
    const [f] = await findingsFor(created.id, 'vendor-facts-changed')
    expect(f.message.en).toContain('no longer has the entry "example-ledger"')
    expect((await ctx.api.get(`/api/processors/${created.id}/catalogue-diff`)).status).toBe(409)
  })

  it('refuses a catalogue file that breaks the shape, naming the field', async () => {
    const { readCatalogueFile } = await import('../src/services/catalogue-store')
    const { writeFileSync, mkdtempSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const file = join(mkdtempSync(join(tmpdir(), 'catalogue-')), 'bad.json')
    writeFileSync(file, JSON.stringify({ version: '2026-12-01', entries: [{ id: 'x' }] }))
    expect(() => readCatalogueFile(file)).toThrow(/entries\.0\.name/)
  })
})
