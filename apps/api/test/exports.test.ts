import { resolveAsOf } from '../src/services/exports'
import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestClient, type TestContext } from './helpers'

/** The cells of a worksheet as text, row by row (ExcelJS rows and columns count from 1). */
async function readWorkbook(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer)
  const sheets = workbook.worksheets.map((ws) => {
    const rows: string[][] = []
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = []
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = row.getCell(c).value
        cells.push(v === null || v === undefined ? '' : String(v))
      }
      rows.push(cells)
    })
    return { name: ws.name, rows }
  })
  return sheets
}

function cell(header: string[], row: string[], name: string): string {
  const i = header.indexOf(name)
  if (i < 0) throw new Error(`no column ${name}`)
  return row[i]!
}

/** The ICO controller template's columns, in its order, then this registry's own. */
const ICO_ORDER = [
  'Name and contact details of the controller',
  'Business function (processing activity)',
  'Purpose of processing',
  'Categories of individuals',
  'Categories of personal data',
  'Categories of recipients',
  'Link to contract with processor',
  'Names of third countries or international organisations that personal data are transferred to',
  'Safeguards for transfers of personal data to third countries or international organisations',
  'Retention schedule',
  'General description of technical and organisational security measures',
  'Article 6 lawful basis for processing personal data',
  'Article 9 basis for processing special category data',
  'Legitimate interests for the processing',
  'Link to record of legitimate interests assessment',
  'Rights available to individuals',
  'Existence of automated decision-making, including profiling',
  'The source of the personal data',
  'Record of consent (how it is collected and withdrawn)',
  'Location of personal data',
  'Data Protection Impact Assessment required?',
  'DPIA progress',
  'Link to DPIA',
]

/** The columns that answer GDPR Art. 30(1)(a)-(g). */
const ART30 = {
  a: 'Name and contact details of the controller',
  b: 'Purpose of processing',
  c1: 'Categories of individuals',
  c2: 'Categories of personal data',
  d: 'Categories of recipients',
  e1: 'Names of third countries or international organisations that personal data are transferred to',
  e2: 'Safeguards for transfers of personal data to third countries or international organisations',
  f: 'Retention schedule',
  g: 'General description of technical and organisational security measures',
}

let ctx: TestContext
let auditor: Awaited<ReturnType<TestContext['as']>>
let editor: Awaited<ReturnType<TestContext['as']>>

beforeAll(async () => {
  ctx = await createTestContext({ demo: true })
  auditor = await ctx.as('auditor')
  editor = await ctx.as('editor')
})

describe('the record of processing as XLSX', () => {
  let sheets: Awaited<ReturnType<typeof readWorkbook>>
  let res: Awaited<ReturnType<TestClient['get']>>

  beforeAll(async () => {
    res = await auditor.get('/api/exports/ropa.xlsx?lang=en')
    sheets = await readWorkbook(res.bytes)
  })

  it('downloads as a spreadsheet named with the date', () => {
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const today = new Date().toISOString().slice(0, 10)
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="record-of-processing-${today}.xlsx"`)
  })

  it('has a header row in the order of the ICO template, with every Art. 30(1)(a)-(g) column', () => {
    const [header] = sheets[0]!.rows
    expect(sheets[0]!.name).toBe('Record of processing')
    expect(header!.slice(0, ICO_ORDER.length)).toEqual(ICO_ORDER)
    for (const column of Object.values(ART30)) expect(header).toContain(column)
    expect(header!.slice(ICO_ORDER.length)).toEqual([
      'Activity ID',
      'Status',
      'Approved (by, at)',
      'Owner',
      'Next review',
      'Last changed',
      'Version',
    ])
  })

  it('has one row per activity and purpose', () => {
    const [header, ...rows] = sheets[0]!.rows
    // Customers and partners 2, prospects 1, website 1, newsletter 1, bookkeeping 1, platforms 2.
    expect(rows).toHaveLength(8)
    const perActivity = new Map<string, string[]>()
    for (const r of rows)
      perActivity.set(cell(header!, r, 'Business function (processing activity)'), [
        ...(perActivity.get(cell(header!, r, 'Business function (processing activity)')) ?? []),
        cell(header!, r, 'Purpose of processing'),
      ])
    expect(perActivity.get('Customers and business partners')).toEqual([
      'Delivering orders and services, maintenance, customer communication and invoicing',
      'Managing and developing customer relationships, marketing and preventing misuse',
    ])
    expect(perActivity.get('Prospective customers')).toEqual(['Carrying out sales and marketing'])
    expect(perActivity.get('Bookkeeping')).toHaveLength(1)
  })

  it('fills the Art. 30(1) columns from the registry: controller, categories, recipients, transfers, retention, security', () => {
    const [header, ...rows] = sheets[0]!.rows
    const customers = rows.filter((r) => cell(header!, r, 'Activity ID') === rows[0]![header!.indexOf('Activity ID')])
    const first = rows.find((r) => cell(header!, r, 'Business function (processing activity)') === 'Customers and business partners')!
    expect(customers.length).toBeGreaterThan(0)
    expect(cell(header!, first, ART30.a)).toMatch(/^Mikroni Digital \(Business ID 3235836-5\)/)
    expect(cell(header!, first, ART30.a)).toMatch(/roni@mikroni\.fi/)
    expect(cell(header!, first, ART30.c1)).toBe('Customers\nBusiness partners')
    expect(cell(header!, first, ART30.c2)).toMatch(/^Name and contact details/)
    expect(cell(header!, first, ART30.d)).toMatch(/Google Workspace \(processor/)
    expect(cell(header!, first, ART30.d)).toMatch(/Authorities: when the law or an authority requires it/)
    // Unknown is not none: the processors whose locations nobody recorded are named as such, not left out.
    expect(cell(header!, first, ART30.e1).split('\n')).toEqual([
      'United States (CapsuleCRM Inc)',
      'Fennoa Oy: location not recorded',
      'Google Workspace: location not recorded',
      'Debt collection agency: location not recorded',
      'Slack: location not recorded',
      'Stripe: location not recorded',
      'Zestia Ltd: location not recorded',
    ])
    expect(cell(header!, first, ART30.e2)).toMatch(/CapsuleCRM Inc: EU-US Data Privacy Framework/)
    expect(cell(header!, first, ART30.f)).toBe('5 years after the customer relationship ends')
    expect(cell(header!, first, ART30.g)).toMatch(/firewalls, passwords/)
    expect(cell(header!, first, 'Article 6 lawful basis for processing personal data')).toBe('Contract (Art. 6(1)(b))')
    expect(cell(header!, first, 'Link to contract with processor')).toMatch(/Google Workspace: DPA signed/)
    expect(cell(header!, first, 'Existence of automated decision-making, including profiling')).toBe(
      'Automated decision-making: no; profiling: no',
    )
    expect(cell(header!, first, 'The source of the personal data')).toMatch(/Public registers/)
    expect(cell(header!, first, 'Location of personal data').split('\n')).toEqual([
      'United States',
      'Fennoa Oy: location not recorded',
      'Google Workspace: location not recorded',
      'Debt collection agency: location not recorded',
      'Slack: location not recorded',
      'Stripe: location not recorded',
      'Zestia Ltd: location not recorded',
    ])
    expect(cell(header!, first, 'Status')).toBe('draft')
  })

  it('writes each purpose its own basis, interest, consent and law', () => {
    const [header, ...rows] = sheets[0]!.rows
    const byPurpose = (start: string) => rows.find((r) => cell(header!, r, 'Purpose of processing').startsWith(start))!
    expect(cell(header!, byPurpose('Carrying out sales'), 'Article 6 lawful basis for processing personal data')).toBe(
      'Legitimate interests (Art. 6(1)(f))',
    )
    expect(cell(header!, byPurpose('Carrying out sales'), 'Legitimate interests for the processing')).toBe(
      'Carrying out sales and marketing as part of our business',
    )
    const newsletter = byPurpose('Delivering the newsletter')
    expect(cell(header!, newsletter, 'Article 6 lawful basis for processing personal data')).toBe('Consent (Art. 6(1)(a))')
    expect(cell(header!, newsletter, 'Record of consent (how it is collected and withdrawn)')).toBe(
      'Collected: By subscribing to the newsletter\nWithdrawn: By cancelling the newsletter subscription',
    )
    expect(cell(header!, newsletter, ART30.f)).toBe('until the subscriber cancels the subscription')
    const bookkeeping = byPurpose('Keeping the accounting records')
    expect(cell(header!, bookkeeping, 'Article 6 lawful basis for processing personal data')).toBe(
      'Legal obligation (Art. 6(1)(c)): Kirjanpitolaki (1336/1997)',
    )
    // Kirjanpitolaki 2:10: vouchers 6 years from the end of the year in which the financial year ended, ledgers 10 years.
    expect(cell(header!, bookkeeping, ART30.f)).toContain(
      'at least 6 years after the calendar year in which the financial year ended is over (Kirjanpitolaki 1336/1997, 2 luku 10 § 2 mom.)',
    )
    expect(cell(header!, bookkeeping, ART30.f)).toContain(
      'at least 10 years after the financial year ends (Kirjanpitolaki 1336/1997, 2 luku 10 § 1 mom.)',
    )
    expect(cell(header!, byPurpose('Authentication to our services'), 'Article 6 lawful basis for processing personal data')).toBe(
      'not recorded',
    )
    expect(cell(header!, byPurpose('Following and analysing'), ART30.f)).toBe('6 months')
  })

  it("has a second sheet with the controller's details", () => {
    expect(sheets[1]!.name).toBe('Controller')
    expect(sheets[1]!.rows).toEqual(
      expect.arrayContaining([
        ['Controller', 'Mikroni Digital'],
        ['Business ID', '3235836-5'],
        ['Contact for data protection', 'Roni Äikäs, roni@mikroni.fi'],
        ['As of', 'Current'],
      ]),
    )
  })

  it("is in the organisation's language (Finnish) when no language is asked for", async () => {
    const fi = await readWorkbook((await auditor.get('/api/exports/ropa.xlsx')).bytes)
    expect(fi[0]!.name).toBe('Seloste käsittelytoimista')
    expect(fi[0]!.rows[0]!.slice(0, 3)).toEqual([
      'Rekisterinpitäjän nimi ja yhteystiedot',
      'Käsittelytoimi (toiminto)',
      'Käsittelyn tarkoitus',
    ])
    expect(fi[0]!.rows.some((r) => r.includes('5 vuotta sen jälkeen, kun asiakassuhde päättyy'))).toBe(true)
  })
})

describe('the record of processing in the other formats', () => {
  it('as CSV: the same table, UTF-8 with a byte order mark', async () => {
    const res = await auditor.get('/api/exports/ropa.csv?lang=en')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="record-of-processing-\d{4}-\d{2}-\d{2}\.csv"$/)
    // The byte order mark (the test client's TextDecoder drops it from `text`).
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows: string[][] = parse(res.text)
    expect(rows[0]!.slice(0, ICO_ORDER.length)).toEqual(ICO_ORDER)
    expect(rows).toHaveLength(1 + 8)
  })

  it('as CSV and XLSX: text that a spreadsheet would run as a formula is neutralised in CSV and stays text in XLSX', async () => {
    const own = await createTestContext({ demo: true })
    const dangerous = ['=HYPERLINK("http://evil.test","x")', '+1+1', '-2+3', '@SUM(A1)']
    for (const [i, name] of dangerous.entries()) {
      const res = await own.api.post('/api/activities', {
        name: { fi: name, en: name },
        purposes: [{ description: { fi: `p${i}`, en: `p${i}` }, legalBasis: 'b' }],
      })
      expect(res.status).toBe(201)
    }
    const rows: string[][] = parse((await own.api.get('/api/exports/ropa.csv?lang=en')).text)
    const names = rows.slice(1).map((r) => r[1]!)
    for (const name of dangerous) expect(names).toContain(`'${name}`)
    expect(names.every((n) => !/^[=+\-@]/.test(n))).toBe(true)
    const xlsx = (await own.api.get('/api/exports/ropa.xlsx?lang=en')).bytes
    const sheet = (await readWorkbook(xlsx))[0]!
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ExcelJS.Buffer)
    let formulas = 0
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((c) => void (c.type === ExcelJS.ValueType.Formula && formulas++)))
    expect(formulas).toBe(0)
    expect(sheet.rows.some((r) => r[1] === dangerous[0])).toBe(true)
  })

  it('as JSON: the structured record with the controller and the derived transfers', async () => {
    const res = await auditor.get('/api/exports/ropa.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="record-of-processing-.*\.json"$/)
    expect(res.body).toMatchObject({
      kind: 'record_of_processing_activities',
      asOf: null,
      controller: { name: 'Mikroni Digital', businessId: '3235836-5' },
    })
    expect(res.body.activities).toHaveLength(6)
    const customers = res.body.activities.find((a: { name: { en: string } }) => a.name.en.startsWith('Customers'))
    expect(customers.thirdCountryTransfers).toEqual([
      expect.objectContaining({ processorName: 'CapsuleCRM Inc', country: 'US', safeguard: 'dpf', tiaStatus: 'unknown' }),
    ])
    expect(customers.processors.find((p: { displayName: string }) => p.displayName === 'Google Workspace').dpa).toMatchObject({
      status: 'signed',
    })
    expect(customers.locations).toEqual(['US'])
  })

  it('as HTML: a printable page with the controller at the top, every value escaped and no script', async () => {
    const own = await createTestContext({ demo: true })
    await own.api.post('/api/activities', {
      name: { fi: '<script>alert(1)</script>', en: '<img src=x onerror=alert(1)>' },
      purposes: [{ description: { fi: 'a & b', en: 'a & b' }, legalBasis: 'b' }],
    })
    const res = await own.api.get('/api/exports/ropa.html?lang=en')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="record-of-processing-.*\.html"$/)
    expect(res.text).not.toMatch(/<script/i)
    expect(res.text).not.toContain('<img')
    expect(res.text).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(res.text).toContain('a &amp; b')
    const controller = res.text.indexOf('Mikroni Digital (Business ID 3235836-5)')
    expect(controller).toBeGreaterThan(0)
    expect(controller).toBeLessThan(res.text.indexOf('<section'))
    expect(res.text).toContain('Customers and business partners')
    expect(res.text).toContain('5 years after the customer relationship ends')
  })

  it('as PDF', async () => {
    const res = await auditor.get('/api/exports/ropa.pdf?lang=fi')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="record-of-processing-.*\.pdf"$/)
    expect(new TextDecoder().decode(res.bytes.subarray(0, 5))).toBe('%PDF-')
    expect(res.bytes.byteLength).toBeGreaterThan(5000)
  })
})

describe('the processor register', () => {
  it('as XLSX: every processor with its transfers and DPA status, and a sheet of transfers', async () => {
    const res = await auditor.get('/api/exports/processors.xlsx?lang=en')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="processor-register-\d{4}-\d{2}-\d{2}\.xlsx"$/)
    const [processors, transfers, controller] = await readWorkbook(res.bytes)
    expect(processors!.name).toBe('Processors')
    const [header, ...rows] = processors!.rows
    expect(header).toEqual(
      expect.arrayContaining([
        'Name',
        'Role',
        'Countries',
        'Outside the EEA',
        'Transfers (country, kind, safeguard, transfer impact assessment)',
        'DPA status',
        'Processing activities',
      ]),
    )
    expect(rows).toHaveLength(10)
    const capsule = rows.find((r) => cell(header!, r, 'Name') === 'CapsuleCRM Inc')!
    expect(cell(header!, capsule, 'Outside the EEA')).toBe('yes')
    expect(cell(header!, capsule, 'Transfers (country, kind, safeguard, transfer impact assessment)')).toMatch(
      /^United States, storage, EU-US Data Privacy Framework/,
    )
    expect(cell(header!, capsule, 'DPA status')).toBe('no agreement recorded')
    const google = rows.find((r) => cell(header!, r, 'Name') === 'Google Workspace')!
    expect(cell(header!, google, 'DPA status')).toBe('signed')
    expect(cell(header!, google, 'Processing activities').split('\n').sort()).toEqual([
      'Customers and business partners',
      'Prospective customers',
    ])
    const fennoa = rows.find((r) => cell(header!, r, 'Name') === 'Fennoa Oy')!
    expect(cell(header!, fennoa, 'Processing activities')).toBe('Customers and business partners\nBookkeeping')
    expect(transfers!.name).toBe('Transfers')
    expect(transfers!.rows).toHaveLength(2)
    expect(transfers!.rows[1]!.slice(1, 5)).toEqual(['CapsuleCRM Inc', 'US', 'United States', 'yes'])
    // The DPF's details name the US company the transfer records as certified.
    expect(cell(transfers!.rows[0]!, transfers!.rows[1]!, 'Safeguard details')).toBe(
      'EU-US Data Privacy Framework, certified company CapsuleCRM Inc',
    )
    expect(controller!.name).toBe('Controller')
  })

  it('as CSV: one row per processor', async () => {
    const res = await auditor.get('/api/exports/processors.csv?lang=en')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const rows: string[][] = parse(res.text)
    expect(rows).toHaveLength(11)
    // In English by its English name, which the next column repeats; the Finnish register by its display name.
    const debt = rows.find((r) => r[1] === 'Debt collection agency')!
    expect(debt[2]).toBe('Debt collection agency')
    expect(rows.flat()).not.toContain('Perintätoimisto')
    const fi: string[][] = parse((await auditor.get('/api/exports/processors.csv?lang=fi')).text)
    expect(fi[0]!.slice(0, 3)).toEqual(['Tunniste', 'Nimi', 'Nimi englanniksi'])
    expect(fi.find((r) => r[1] === 'Perintätoimisto')![2]).toBe('Debt collection agency')
  })

  it('says "location not recorded", never "no", for a processor whose locations nobody recorded (fi and en)', async () => {
    for (const [lang, unknown, notRecorded, no] of [
      ['en', 'unknown (location not recorded)', 'location not recorded', 'no'],
      ['fi', 'ei tiedossa (sijaintia ei ole kirjattu)', 'sijaintia ei ole kirjattu', 'ei'],
    ] as const) {
      const rows: string[][] = parse((await auditor.get(`/api/exports/processors.csv?lang=${lang}`)).text)
      const header = rows[0]!
      const col = (name: string) => header.findIndex((h) => h.replace(/^\uFEFF/, '').startsWith(name))
      const outside = col(lang === 'en' ? 'Outside the EEA' : 'ETA:n ulkopuolelle')
      const countries = outside - 1
      const row = (name: string) => rows.find((r) => r[1] === name)!
      for (const name of ['Google Workspace', 'Slack', 'PostHog', 'Stripe', 'Zestia Ltd']) {
        expect(row(name)[outside], `${name} (${lang})`).toBe(unknown)
        expect(row(name)[countries]).toBe(notRecorded)
      }
      expect(row('CapsuleCRM Inc')[outside]).not.toBe(unknown)
      expect(rows.map((r) => r[outside])).not.toContain(no)
    }
  })
})

describe('who may export, and the audit trail', () => {
  const ROUTES = ['ropa.xlsx', 'ropa.csv', 'ropa.json', 'ropa.html', 'ropa.pdf', 'processors.xlsx', 'processors.csv']

  it.each(ROUTES)('lets editors and auditors download %s, and no one without a session', async (route) => {
    expect((await auditor.get(`/api/exports/${route}`)).status).toBe(200)
    expect((await editor.get(`/api/exports/${route}`)).status).toBe(200)
    const anonymous = await ctx.anonymous.get(`/api/exports/${route}`)
    expect(anonymous.status).toBe(401)
  })

  it('writes each export to the audit trail with who, the format and the moment', async () => {
    await auditor.get('/api/exports/ropa.csv?lang=en&asOf=2025-06-27')
    await editor.get('/api/exports/processors.xlsx')
    const events = (await ctx.api.get('/api/audit?entityType=export&pageSize=2')).body.items
    expect(events[0]).toMatchObject({ action: 'export', entityType: 'export', entityId: 'processor_register', actorEmail: editor.email })
    expect(events[0].after).toEqual({ format: 'xlsx', asOf: null, lang: 'fi' })
    expect(events[1]).toMatchObject({ action: 'export', entityId: 'record_of_processing', actorEmail: auditor.email })
    expect(events[1].after).toEqual({ format: 'csv', asOf: '2025-06-27T23:59:59.999Z', lang: 'en' })
  })

  it("accepts today's date wherever it is already today, and refuses later dates", () => {
    // 23:30 UTC is 01:30 the next day in Helsinki: that local date is today, not the future.
    const now = new Date('2026-11-26T23:30:00Z')
    expect(resolveAsOf('2026-11-27', now)).not.toBeNull()
    expect(() => resolveAsOf('2026-11-28', now)).toThrow()
    expect(() => resolveAsOf('2026-11-27T00:30:00Z', now)).toThrow()
  })

  it('refuses a malformed or future asOf and an unknown language with 400 on the field', async () => {
    for (const [query, field] of [
      ['asOf=yesterday', 'asOf'],
      ['asOf=2999-01-01', 'asOf'],
      [`asOf=${new Date(Date.now() + 3_600_000).toISOString()}`, 'asOf'],
      ['lang=sv', 'lang'],
    ] as const) {
      const res = await auditor.get(`/api/exports/ropa.json?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual([field])
    }
  })
})

describe('the processor register says where a copy of SCCs or BCRs can be requested (Art. 13(1)(f))', () => {
  it('with the recorded contact, and says when none is recorded, in both languages', async () => {
    const own = await createTestContext({ demo: true })
    const p = (await own.api.post('/api/processors', { displayName: 'Delhi Support', role: 'processor' })).body
    await own.api.post(`/api/processors/${p.id}/transfers`, { country: 'IN', kind: 'support', safeguard: 'scc', sccModule: 2 })
    const org = (await own.api.get('/api/organisation')).body
    const cells = async (lang: string) =>
      (parse((await own.api.get(`/api/exports/processors.csv?lang=${lang}`)).text) as string[][]).flat().join('\n')
    expect(await cells('en')).toContain(`a copy can be requested from ${org.privacyContactEmail}`)
    expect(await cells('fi')).toContain(`jäljennöksen voi pyytää osoitteesta ${org.privacyContactEmail}`)
    expect((await own.api.patch('/api/organisation', { privacyContactEmail: '', version: org.version })).status).toBe(200)
    expect(await cells('en')).toContain('no contact for requesting a copy is recorded')
    expect(await cells('fi')).toContain('jäljennöksen pyytämiseen ei ole kirjattu yhteystietoa')
  })
})
