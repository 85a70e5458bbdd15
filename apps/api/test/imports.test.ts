/**
 * Imports from spreadsheets (issue 18), on a real SQLite database from the migrations: Seloste's own
 * exports edited with a real spreadsheet library (openpyxl) and imported back, an ICO-layout record
 * of processing under Finnish headings, version conflicts, and who may import.
 */
import { describe, expect, it } from 'vitest'
import { python } from './fixtures/readers'
import { auditEventsAfter, count, createTestContext, lastAuditSeq, type TestClient } from './helpers'

/** Uploads a file as the multipart form the Import page sends. */
export async function upload(client: TestClient, fileName: string, bytes: Uint8Array | string) {
  const form = new FormData()
  form.append('file', new File([typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes], fileName))
  return client.request('POST', '/api/imports', undefined, { raw: form })
}

/** Edits a workbook with openpyxl: `edits` is Python run with `ws` (the first sheet) and `header` (heading -> column number). */
function editXlsx(bytes: Uint8Array, edits: string): Uint8Array {
  const out = python<{ b64: string }>(
    `
import base64, io, json, sys
import openpyxl
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
ws = wb.worksheets[0]
header = {c.value: c.column for c in ws[1]}
def row_of(col, value):
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, header[col]).value == value:
            return r
    raise Exception('no row with ' + str(value))
${edits}
buf = io.BytesIO()
wb.save(buf)
print(json.dumps({'b64': base64.b64encode(buf.getvalue()).decode()}))
`,
    bytes,
  )
  return new Uint8Array(Buffer.from(out.b64, 'base64'))
}

/** A new workbook from rows, written by openpyxl (a spreadsheet library that is not Seloste's). */
export function xlsxOf(rows: (string | number | null)[][], options: { formulas?: boolean } = {}): Uint8Array {
  void options
  const out = python<{ b64: string }>(
    `
import base64, io, json, sys
import openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'ROPA'
for row in json.loads(sys.stdin.read()):
    ws.append(row)
buf = io.BytesIO()
wb.save(buf)
print(json.dumps({'b64': base64.b64encode(buf.getvalue()).decode()}))
`,
    JSON.stringify(rows),
  )
  return new Uint8Array(Buffer.from(out.b64, 'base64'))
}

describe('round trip: export, edit in a spreadsheet, import back', () => {
  it('processors (XLSX, Finnish): exactly the edited fields of the edited rows change, one audit event each, tied to the import', async () => {
    const ctx = await createTestContext({ demo: true })
    const exported = await ctx.api.get('/api/exports/processors.xlsx?lang=fi')
    expect(exported.status).toBe(200)
    const before = (await ctx.api.get('/api/processors?pageSize=100')).body.items as { id: number; displayName: string }[]
    const slack = before.find((p) => p.displayName === 'Slack')!
    const posthog = before.find((p) => p.displayName === 'PostHog')!
    const slackBefore = (await ctx.api.get(`/api/processors/${slack.id}`)).body
    const posthogBefore = (await ctx.api.get(`/api/processors/${posthog.id}`)).body
    const edited = editXlsx(
      exported.bytes,
      `
ws.cell(row_of('Nimi', 'Slack'), header['Palvelu']).value = 'Pikaviestin ja kanavat'
ws.cell(row_of('Nimi', 'PostHog'), header['Kotimaa']).value = 'Yhdysvallat'
ws.cell(row_of('Nimi', 'PostHog'), header['Julkinen']).value = 'ei'
n = ws.max_row + 1
ws.cell(n, header['Nimi']).value = 'Uusi Toimittaja Oy'
ws.cell(n, header['Rooli']).value = 'käsittelijä'
ws.cell(n, header['Kotimaa']).value = 'FI'
`,
    )
    const res = await upload(ctx.api, 'käsittelijät.xlsx', edited)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.target).toBe('processors')
    expect(res.body.language).toBe('fi')
    const byName = Object.fromEntries(res.body.rows.map((r: { name: string }) => [r.name, r]))
    expect(byName['Slack']).toMatchObject({ status: 'update', changes: ['service.fi'] })
    expect(byName['PostHog']).toMatchObject({ status: 'update' })
    expect(byName['PostHog'].changes.sort()).toEqual(['hqCountry', 'isPublic'])
    expect(byName['Uusi Toimittaja Oy']).toMatchObject({ status: 'create' })
    expect(res.body.counts).toEqual({ create: 1, update: 2, unchanged: before.length - 2, conflict: 0, error: 0 })
    // Nothing written by the preview.
    expect((await ctx.api.get(`/api/processors/${slack.id}`)).body.version).toBe(slackBefore.version)

    const seq = lastAuditSeq(ctx.db)
    const committed = await ctx.api.post(`/api/imports/${res.body.id}/commit`)
    expect(committed.status, JSON.stringify(committed.body)).toBe(200)
    expect(committed.body.created).toHaveLength(1)
    expect(committed.body.updated.sort()).toEqual([slack.id, posthog.id].sort())

    const slackAfter = (await ctx.api.get(`/api/processors/${slack.id}`)).body
    expect(slackAfter.service).toEqual({ ...slackBefore.service, fi: 'Pikaviestin ja kanavat' })
    expect({ ...slackAfter, service: null, version: null, updatedAt: null }).toEqual({ ...slackBefore, service: null, version: null, updatedAt: null })
    const posthogAfter = (await ctx.api.get(`/api/processors/${posthog.id}`)).body
    expect(posthogAfter.hqCountry).toBe('US')
    expect(posthogAfter.isPublic).toBe(false)
    expect({ ...posthogAfter, hqCountry: null, isPublic: null, version: null, updatedAt: null }).toEqual({ ...posthogBefore, hqCountry: null, isPublic: null, version: null, updatedAt: null })
    const created = (await ctx.api.get(`/api/processors/${committed.body.created[0]}`)).body
    expect(created).toMatchObject({ displayName: 'Uusi Toimittaja Oy', role: 'processor', hqCountry: 'FI' })

    const events = auditEventsAfter(ctx.db, seq)
    expect(events.map((e) => `${e.action} ${e.entityType} ${e.entityId}`).sort()).toEqual(
      [`update processor ${slack.id}`, `update processor ${posthog.id}`, `create processor ${committed.body.created[0]}`].sort(),
    )
    for (const e of events) expect(e.requestId).toBe(`import:${res.body.id}`)
    // The import is used up.
    expect((await ctx.api.post(`/api/imports/${res.body.id}/commit`)).status).toBe(404)
  })

  it('activities (XLSX, English): an edited purpose, security description and retention update that one activity; the rest are unchanged', async () => {
    const ctx = await createTestContext({ demo: true })
    const exported = await ctx.api.get('/api/exports/ropa.xlsx?lang=en')
    const list = (await ctx.api.get('/api/activities')).body.items as { id: number; name: { en: string } }[]
    const target = list.find((a) => a.name.en === 'Bookkeeping') ?? list[0]!
    const before = (await ctx.api.get(`/api/activities/${target.id}`)).body
    const edited = editXlsx(
      exported.bytes,
      `
r = row_of('Activity ID', ${target.id})
ws.cell(r, header['Retention schedule']).value = '7 years after the end of the financial year'
ws.cell(r, header['General description of technical and organisational security measures']).value = 'Encrypted backups; two-factor sign-in'
ws.cell(r, header['Purpose of processing']).value = 'Statutory bookkeeping and VAT returns'
`,
    )
    const res = await upload(ctx.api, 'ropa.xlsx', edited)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.target).toBe('activities')
    const rows = res.body.rows as { recordId: number; status: string; changes: string[] }[]
    expect(rows.filter((r) => r.status !== 'unchanged'), JSON.stringify(rows.filter((r) => r.status !== 'unchanged'))).toEqual([
      expect.objectContaining({ recordId: target.id, status: 'update', changes: expect.arrayContaining(['retention', 'securityMeasures.en', 'purposes']) }),
    ])
    expect(rows.find((r) => r.recordId === target.id)!.changes).toHaveLength(3)
    expect(rows).toHaveLength(list.length)
    const committed = await ctx.api.post(`/api/imports/${res.body.id}/commit`)
    expect(committed.status, JSON.stringify(committed.body)).toBe(200)
    const after = (await ctx.api.get(`/api/activities/${target.id}`)).body
    expect(after.retention).toMatchObject({ kind: 'duration_after_event', amount: 7, unit: 'years', event: { en: 'the end of the financial year' } })
    expect(after.securityMeasures).toEqual({ ...before.securityMeasures, en: 'Encrypted backups; two-factor sign-in' })
    expect(after.purposes[0]).toEqual({ ...before.purposes[0], description: { ...before.purposes[0].description, en: 'Statutory bookkeeping and VAT returns' } })
    expect(after.purposes.slice(1)).toEqual(before.purposes.slice(1))
    expect(after.name).toEqual(before.name)
  })

  it('an unedited CSV export imports as all unchanged, and committing it writes nothing', async () => {
    const ctx = await createTestContext({ demo: true })
    for (const path of ['/api/exports/processors.csv?lang=en', '/api/exports/ropa.csv?lang=fi', '/api/exports/processors.xlsx?lang=en', '/api/exports/ropa.xlsx?lang=en']) {
      const exported = await ctx.api.get(path)
      const res = await upload(ctx.api, path.includes('csv') ? 'export.csv' : 'export.xlsx', exported.bytes)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      const notUnchanged = res.body.rows.filter((r: { status: string }) => r.status !== 'unchanged')
      expect(notUnchanged, path).toEqual([])
      const image = ctx.db.$client.serialize()
      expect((await ctx.api.post(`/api/imports/${res.body.id}/commit`)).status).toBe(200)
      expect(Buffer.compare(image, ctx.db.$client.serialize())).toBe(0)
    }
  })
})

describe('an ICO-layout record of processing under Finnish headings', () => {
  it('creates ten activities with their legal bases and retention', async () => {
    const ctx = await createTestContext()
    const header = [
      'Liiketoiminto',
      'Käsittelyn tarkoitus',
      'Rekisteröityjen ryhmät',
      'Henkilötietoryhmät',
      'Vastaanottajien ryhmät',
      'Säilytysaika',
      'Teknisten ja organisatoristen turvatoimien yleinen kuvaus',
      '6 artiklan mukainen käsittelyperuste',
      'Oikeutettu etu',
    ]
    const rows: (string | null)[][] = [
      ['Seloste käsittelytoimista', null, null, null, null, null, null, null, null],
      [],
      header,
      ['Asiakasrekisteri', 'Asiakassuhteen hoito', 'Asiakkaat', 'Yhteystiedot', 'Kirjanpitäjä', '5 vuotta sen jälkeen, kun asiakassuhde päättyy', 'Salasanat, kaksivaiheinen tunnistus', 'Sopimus', null],
      ['Kirjanpito', 'Lakisääteinen kirjanpito', 'Asiakkaat', 'Laskutustiedot', null, 'vähintään 6 vuotta (Kirjanpitolaki 1336/1997)', null, 'Lakisääteinen velvoite: Kirjanpitolaki 1336/1997', null],
      ['Palkanlaskenta', 'Palkanmaksu', 'Työntekijät', 'Pankkitili', null, '10 vuotta', null, '6(1)(c): Kirjanpitolaki', null],
      ['Rekrytointi', 'Hakijoiden arviointi', 'Hakijat', 'CV', null, '6 kuukautta', null, '6(1)(b)', null],
      ['Uutiskirje', 'Markkinointi', 'Tilaajat', 'Sähköposti', null, 'kunnes tilaus perutaan', null, 'oikeutettu etu', 'Suoramarkkinointi asiakkaille'],
      ['Verkkosivuston analytiikka', 'Kävijätilastot', 'Kävijät', 'IP-osoite', null, '14 kuukautta', null, 'f', 'Palvelun kehittäminen'],
      ['Asiakastuki', 'Tukipyyntöjen käsittely', 'Asiakkaat', 'Viestit', null, '2 vuotta', null, 'Art. 6(1)(b)', null],
      ['Laskutus', 'Laskujen lähettäminen', 'Asiakkaat', 'Laskutusosoite', null, '6 vuotta', null, 'sopimus', null],
      ['Perintä', 'Maksamattomien laskujen perintä', 'Asiakkaat', 'Velkatiedot', null, '3 vuotta', null, 'Oikeutettu etu', 'Saatavien periminen'],
      ['Kulunvalvonta', 'Toimitilojen turvallisuus', 'Työntekijät', 'Kulkutiedot', null, '1 vuosi', null, 'oikeutettu etu', 'Omaisuuden suojaaminen'],
    ]
    const res = await upload(ctx.api, 'ico-seloste.xlsx', xlsxOf(rows))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ target: 'activities', language: 'fi', headerRow: 3 })
    const fieldOf = Object.fromEntries(res.body.columns.map((c: { header: string; field: string | null }) => [c.header, c.field]))
    expect(fieldOf).toMatchObject({ Liiketoiminto: 'name.fi', 'Käsittelyn tarkoitus': 'purpose.fi', Säilytysaika: 'retention', '6 artiklan mukainen käsittelyperuste': 'legalBasis', 'Oikeutettu etu': 'legitimateInterest.fi' })
    expect(res.body.rows.map((r: { status: string }) => r.status)).toEqual(Array(10).fill('create'))
    const committed = await ctx.api.post(`/api/imports/${res.body.id}/commit`)
    expect(committed.status, JSON.stringify(committed.body)).toBe(200)
    expect(committed.body.created).toHaveLength(10)
    expect(count(ctx.db, 'SELECT count(*) FROM activities')).toBe(10)
    const get = async (name: string) => {
      const list = (await ctx.api.get('/api/activities')).body.items as { id: number; name: { fi: string } }[]
      return (await ctx.api.get(`/api/activities/${list.find((a) => a.name.fi === name)!.id}`)).body
    }
    const bookkeeping = await get('Kirjanpito')
    expect(bookkeeping.purposes[0]).toMatchObject({ description: { fi: 'Lakisääteinen kirjanpito', en: '' }, legalBasis: 'c', legalReference: 'Kirjanpitolaki 1336/1997' })
    expect(bookkeeping.retention).toMatchObject({ kind: 'duration', amount: 6, unit: 'years', minimum: true, legalReference: 'Kirjanpitolaki 1336/1997' })
    expect(bookkeeping.status).toBe('draft')
    const customers = await get('Asiakasrekisteri')
    expect(customers.purposes[0].legalBasis).toBe('b')
    expect(customers.retention).toMatchObject({ kind: 'duration_after_event', amount: 5, unit: 'years', event: { fi: 'asiakassuhde päättyy' } })
    expect(customers.securityMeasures.fi).toBe('Salasanat, kaksivaiheinen tunnistus')
    const newsletter = await get('Uutiskirje')
    expect(newsletter.purposes[0]).toMatchObject({ legalBasis: 'f', legitimateInterest: { fi: 'Suoramarkkinointi asiakkaille' } })
    expect(newsletter.retention).toMatchObject({ kind: 'until_event', event: { fi: 'tilaus perutaan' } })
    const bases = await Promise.all(['Palkanlaskenta', 'Rekrytointi', 'Verkkosivuston analytiikka', 'Asiakastuki', 'Laskutus', 'Perintä', 'Kulunvalvonta'].map(async (n) => (await get(n)).purposes[0].legalBasis))
    expect(bases).toEqual(['c', 'b', 'f', 'b', 'b', 'f', 'f'])
    // One audit event per activity, all tied to the import.
    const events = auditEventsAfter(ctx.db, 0).filter((e) => e.entityType === 'activity')
    expect(events).toHaveLength(10)
    for (const e of events) expect(e.requestId).toBe(`import:${res.body.id}`)
  })
})
