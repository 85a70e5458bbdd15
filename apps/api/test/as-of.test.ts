import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Db } from '../src/db/client'
import { buildProcessorRegister, buildRecordOfProcessing } from '../src/exports/record'
import { asOfCutoff, loadCurrentSnapshot, loadSnapshotAsOf, rebuildState, snapshotFromState, type StateEvent } from '../src/services/as-of'
import { createTestContext } from './helpers'
import { humanDateTime } from '../src/exports/texts'

/** The `at` of the newest audit event, and a wait until the clock has moved past it. */
async function markTime(db: Db): Promise<string> {
  const at = db.$client.prepare('SELECT at FROM audit_events ORDER BY seq DESC LIMIT 1').pluck().get() as string
  while (new Date().toISOString() <= at) await new Promise((r) => setTimeout(r, 2))
  return at
}

async function xlsxCells(bytes: Uint8Array): Promise<string[]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer)
  const cells: string[] = []
  workbook.worksheets[0]!.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))))
  return cells
}

const event = (seq: number, at: string, action: string, entityType: string, entityId: string, after: unknown): StateEvent => ({
  seq,
  at,
  action,
  entityType,
  entityId,
  after,
})

describe('rebuilding state from events (pure)', () => {
  const events = [
    event(1, '2025-01-01T10:00:00.000Z', 'create', 'processor', '1', { id: 1, displayName: 'A' }),
    event(2, '2025-01-02T10:00:00.000Z', 'update', 'processor', '1', { id: 1, displayName: 'A2' }),
    event(3, '2025-01-02T11:00:00.000Z', 'create', 'processor', '2', { id: 2, displayName: 'B' }),
    event(4, '2025-01-03T10:00:00.000Z', 'delete', 'processor', '2', null),
    event(5, '2025-01-03T10:00:00.000Z', 'login', 'session', '9', { whatever: true }),
  ]

  it('takes for each entity the last event at or before the cutoff', () => {
    const state = rebuildState(events, '2025-01-02T10:00:00.000Z')
    expect([...state.get('processor')!.values()]).toEqual([{ id: 1, displayName: 'A2' }])
    expect([...rebuildState(events, '2025-01-01T23:59:59.999Z').get('processor')!.values()]).toEqual([{ id: 1, displayName: 'A' }])
  })

  it('forgets an entity whose last event deleted it', () => {
    const processors = rebuildState(events, '2025-01-04T00:00:00.000Z').get('processor')!
    expect([...processors.keys()]).toEqual(['1'])
    expect(rebuildState(events, '2025-01-02T12:00:00.000Z').get('processor')!.get('2')).toEqual({ id: 2, displayName: 'B' })
  })

  it('has nothing before the first event', () => {
    expect(rebuildState(events, '2024-12-31T23:59:59.999Z').size).toBe(0)
  })

  it('applies events in sequence order whatever order they come in', () => {
    expect(
      rebuildState([...events].reverse(), '2025-01-02T10:00:00.000Z')
        .get('processor')!
        .get('1'),
    ).toEqual({ id: 1, displayName: 'A2' })
  })

  it("applies a DPA's document events to the state before them", () => {
    const dpa = [
      event(1, '2025-01-01T00:00:00.000Z', 'create', 'dpa', '5', { id: 5, processorId: 1, status: 'signed', document: null }),
      event(2, '2025-01-02T00:00:00.000Z', 'attach_document', 'dpa', '5', {
        fileName: 'dpa.pdf',
        size: 10,
        sha256: 'x',
        uploadedAt: '2025-01-02T00:00:00.000Z',
      }),
      event(3, '2025-01-03T00:00:00.000Z', 'remove_document', 'dpa', '5', null),
    ]
    expect(rebuildState(dpa, '2025-01-02T12:00:00.000Z').get('dpa')!.get('5')).toMatchObject({
      status: 'signed',
      document: { fileName: 'dpa.pdf' },
    })
    expect(rebuildState(dpa, '2025-01-03T12:00:00.000Z').get('dpa')!.get('5')).toMatchObject({ status: 'signed', document: null })
  })

  it('gives a snapshot with each list in id order and the organisation', () => {
    const state = rebuildState(
      [
        event(1, '2025-01-01T00:00:00.000Z', 'create', 'organisation', '1', { name: 'Org' }),
        event(2, '2025-01-01T00:00:00.000Z', 'create', 'processor', '10', { id: 10 }),
        event(3, '2025-01-01T00:00:00.000Z', 'create', 'processor', '9', { id: 9 }),
      ],
      '2025-01-01T00:00:00.000Z',
    )
    const snapshot = snapshotFromState(state, '2025-01-01T00:00:00.000Z')
    // An event from before the Art. 37/27/26 fields rebuilds them as not recorded.
    expect(snapshot.organisation).toEqual({
      name: 'Org',
      dpoAppointed: null,
      dpoName: null,
      dpoEmail: null,
      representativeNeeded: null,
      representative: null,
      representativeContact: null,
      hasJointControllers: null,
      jointControllers: null,
    })
    expect(snapshot.processors.map((p) => p.id)).toEqual([9, 10])
    expect(snapshot.activities).toEqual([])
  })

  it('reads a date as the end of that day (UTC) and a date-time as itself', () => {
    expect(asOfCutoff('2025-06-27')).toBe('2025-06-27T23:59:59.999Z')
    expect(asOfCutoff('2025-06-27T12:00:00+03:00')).toBe('2025-06-27T09:00:00.000Z')
  })
})

describe('exports as of a past moment', () => {
  it('shows the old value of an activity edited after the moment, and the new one now', async () => {
    const ctx = await createTestContext({ demo: true })
    const created = (
      await ctx.api.post('/api/activities', {
        name: { fi: 'Vanha nimi', en: 'Old name' },
        purposes: [{ description: { fi: 'T', en: 'Old purpose' }, legalBasis: 'b' }],
      })
    ).body
    const between = await markTime(ctx.db)
    const edited = await ctx.api.patch(`/api/activities/${created.id}`, {
      name: { fi: 'Uusi nimi', en: 'New name' },
      purposes: [{ description: { fi: 'T', en: 'New purpose' }, legalBasis: 'b' }],
      version: 1,
    })
    expect(edited.status).toBe(200)

    const auditor = await ctx.as('auditor')
    const then = await auditor.get(`/api/exports/ropa.json?asOf=${encodeURIComponent(between)}`)
    expect(then.status).toBe(200)
    expect(then.body.asOf).toBe(between)
    const old = then.body.activities.find((a: { id: number }) => a.id === created.id)
    expect(old.name.en).toBe('Old name')
    expect(old.purposes[0].description.en).toBe('Old purpose')
    expect(old.version).toBe(1)

    const now = (await auditor.get('/api/exports/ropa.json')).body.activities.find((a: { id: number }) => a.id === created.id)
    expect(now.name.en).toBe('New name')

    const thenCells = await xlsxCells((await auditor.get(`/api/exports/ropa.xlsx?lang=en&asOf=${encodeURIComponent(between)}`)).bytes)
    expect(thenCells).toContain('Old name')
    expect(thenCells).toContain('Old purpose')
    expect(thenCells).not.toContain('New name')
    const nowCells = await xlsxCells((await auditor.get('/api/exports/ropa.xlsx?lang=en')).bytes)
    expect(nowCells).toContain('New name')
    expect(nowCells).not.toContain('Old name')

    const html = (await auditor.get(`/api/exports/ropa.html?lang=en&asOf=${encodeURIComponent(between)}`)).text
    expect(html).toContain('Old name')
    // Said as a person reads it (the export's language, UTC), not as the ISO instant asked for.
    expect(html).toContain(`The record as it stood at ${humanDateTime(between, 'en')}`)
    expect(humanDateTime(between, 'en')).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}:\d{2} UTC$/)
    const res = await auditor.get(`/api/exports/ropa.csv?asOf=${encodeURIComponent(between)}`)
    expect(res.headers.get('content-disposition')).toMatch(/filename="record-of-processing-as-of-\d{4}-\d{2}-\d{2}T\d{6}Z\.csv"/)
  })

  it('shows a deleted activity as it was, and none created after the moment', async () => {
    const ctx = await createTestContext({ demo: true })
    const doomed = (
      await ctx.api.post('/api/activities', {
        name: { fi: 'Poistuva', en: 'Doomed' },
        purposes: [{ description: { fi: 'x', en: 'x' }, legalBasis: 'b' }],
      })
    ).body
    const between = await markTime(ctx.db)
    await ctx.api.delete(`/api/activities/${doomed.id}?version=1`)
    await ctx.api.post('/api/activities', {
      name: { fi: 'Uusi', en: 'Newcomer' },
      purposes: [{ description: { fi: 'x', en: 'x' }, legalBasis: 'b' }],
    })
    const then = (await ctx.api.get(`/api/exports/ropa.json?asOf=${encodeURIComponent(between)}`)).body.activities.map(
      (a: { name: { en: string } }) => a.name.en,
    )
    expect(then).toContain('Doomed')
    expect(then).not.toContain('Newcomer')
    const now = (await ctx.api.get('/api/exports/ropa.json')).body.activities.map((a: { name: { en: string } }) => a.name.en)
    expect(now).not.toContain('Doomed')
    expect(now).toContain('Newcomer')
  })

  it("shows the processor register, the vocabulary's names and the derived transfers as they were", async () => {
    const ctx = await createTestContext({ demo: true })
    const capsule = (await ctx.api.get('/api/processors?q=capsule')).body.items[0]
    const full = (await ctx.api.get(`/api/processors/${capsule.id}`)).body
    const billing = (await ctx.api.get('/api/vocabulary/data-categories')).body.find(
      (c: { name: { en: string } }) => c.name.en === 'Billing details',
    )
    const between = await markTime(ctx.db)
    await ctx.api.patch(`/api/processors/${capsule.id}`, { displayName: 'Capsule Renamed', version: capsule.version })
    await ctx.api.patch(`/api/transfers/${full.transfers[0].id}`, {
      country: 'IN',
      safeguard: 'scc',
      sccModule: 3,
      version: full.transfers[0].version,
    })
    await ctx.api.patch(`/api/vocabulary/data-categories/${billing.id}`, {
      name: { fi: 'Laskut', en: 'Invoices' },
      version: billing.version,
    })

    const q = `asOf=${encodeURIComponent(between)}&lang=en`
    const registerThen = await xlsxCells((await ctx.api.get(`/api/exports/processors.xlsx?${q}`)).bytes)
    expect(registerThen).toContain('CapsuleCRM Inc')
    expect(registerThen).not.toContain('Capsule Renamed')
    const registerNow = await xlsxCells((await ctx.api.get('/api/exports/processors.xlsx?lang=en')).bytes)
    expect(registerNow).toContain('Capsule Renamed')

    const customersThen = (await ctx.api.get(`/api/exports/ropa.json?${q}`)).body.activities.find((a: { name: { en: string } }) =>
      a.name.en.startsWith('Customers'),
    )
    expect(customersThen.thirdCountryTransfers).toEqual([
      expect.objectContaining({ processorName: 'CapsuleCRM Inc', country: 'US', safeguard: 'dpf', certifiedEntity: 'CapsuleCRM Inc' }),
    ])
    expect(customersThen.dataCategories.map((c: { name: { en: string } }) => c.name.en)).toContain('Billing details')
    const customersNow = (await ctx.api.get('/api/exports/ropa.json?lang=en')).body.activities.find((a: { name: { en: string } }) =>
      a.name.en.startsWith('Customers'),
    )
    expect(customersNow.thirdCountryTransfers).toEqual([
      expect.objectContaining({ processorName: 'Capsule Renamed', country: 'IN', safeguard: 'scc', sccModule: 3 }),
    ])
    expect(customersNow.dataCategories.map((c: { name: { en: string } }) => c.name.en)).toContain('Invoices')
  })

  it('gives an empty record for a date before the registry existed', async () => {
    const ctx = await createTestContext({ demo: true })
    const res = await ctx.api.get('/api/exports/ropa.json?asOf=2020-01-01')
    expect(res.body).toMatchObject({ controller: null, asOf: '2020-01-01T23:59:59.999Z', activities: [] })
    expect((await ctx.api.get('/api/exports/processors.csv?asOf=2020-01-01')).text.trim().split('\n')).toHaveLength(1)
  })

  it('rebuilds from the trail, as of now, exactly what the exports say of the current registry, after every kind of change', async () => {
    const ctx = await createTestContext({ demo: true })
    const api = ctx.api
    // A variety of changes: every entity type, a DPA document, a processor deleted while activities use it.
    await api.patch('/api/organisation', { address: 'Uusi osoite 1', version: 1 })
    const processors = (await api.get('/api/processors?pageSize=100')).body.items
    const slack = processors.find((p: { displayName: string }) => p.displayName === 'Slack')
    await api.delete(`/api/processors/${slack.id}?version=${slack.version}`)
    const google = (
      await api.get(`/api/processors/${processors.find((p: { displayName: string }) => p.displayName === 'Google Workspace').id}`)
    ).body
    const dpa = google.dpas[0]
    await api.patch(`/api/dpas/${dpa.id}`, { signedOn: '2025-01-15', version: dpa.version })
    const form = new FormData()
    form.append('file', new File([new TextEncoder().encode('%PDF-1.4 test')], 'dpa.pdf', { type: 'application/pdf' }))
    expect((await api.request('POST', `/api/dpas/${dpa.id}/document`, undefined, { raw: form })).status).toBe(200)
    await api.post(`/api/processors/${google.id}/transfers`, {
      country: 'US',
      kind: 'support',
      safeguard: 'dpf',
      certifiedEntity: 'Example Inc.',
    })
    const category = (await api.post('/api/vocabulary/data-categories', { name: { fi: 'Kuvat', en: 'Photos' } })).body
    const activity = (await api.get('/api/activities')).body.items[0]
    await api.patch(`/api/activities/${activity.id}`, { dataCategories: [{ id: category.id }], version: activity.version })
    await api.patch(`/api/vocabulary/data-categories/${category.id}`, { name: { fi: 'Valokuvat', en: 'Photographs' }, version: 1 })
    const bookkeeping = (await api.get('/api/activities?q=bookkeeping')).body.items[0]
    await api.post(`/api/activities/${bookkeeping.id}/approve`, { version: bookkeeping.version })

    // What every export renders: the record of processing and the processor register, built from each snapshot.
    const now = loadCurrentSnapshot(ctx.db)
    const rebuilt = { ...loadSnapshotAsOf(ctx.db, new Date(Date.now() + 1000).toISOString()), asOf: null }
    const at = '2026-01-01T00:00:00.000Z'
    expect(buildRecordOfProcessing(rebuilt, at)).toEqual(buildRecordOfProcessing(now, at))
    expect(buildProcessorRegister(rebuilt, at)).toEqual(buildProcessorRegister(now, at))
    expect(
      buildRecordOfProcessing(now, at)
        .activities.find((a) => a.id === activity.id)!
        .dataCategories.map((c) => c.name.en),
    ).toContain('Photographs')
    expect(buildProcessorRegister(rebuilt, at).processors.find((p) => p.id === google.id)!.dpa).toMatchObject({
      signedOn: '2025-01-15',
      document: { fileName: 'dpa.pdf' },
    })
    expect(rebuilt.processors.map((p) => p.displayName)).not.toContain('Slack')
  })
})
