/**
 * Which international organisation a recipient is (Art. 30(1)(e): "recipients ... including ...
 * international organisations"): a recipient of role international_organisation records it by an id
 * of the legal reference data or, for an organisation without an adequacy decision, by name. Not
 * recorded is a state of its own: the outputs say so in words and a finding asks for it; nothing is
 * guessed (not the recipient's own name, not the decision's).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, expectValidationError, type JsonBody, type TestContext } from './helpers'
import { python, readCsvWithPython } from './fixtures/readers'

const CHECK = 'international-organisation-unrecorded'

async function createRecipient(ctx: TestContext, body: Record<string, unknown>): Promise<JsonBody> {
  const res = await ctx.api.post('/api/processors', { role: 'international_organisation', isPublic: true, status: 'active', ...body })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

async function findingsFor(ctx: TestContext, id: number): Promise<JsonBody[]> {
  const open = (await ctx.api.get('/api/findings')).body.open as JsonBody[]
  return open.filter((f) => f.checkId === CHECK && f.entity.id === id)
}

/** The Processors sheet as openpyxl reads it: the header row and the row of one processor by name. */
function processorsSheet(bytes: Uint8Array, sheet: string): string[][] {
  return python<string[][]>(
    `
import json, sys, io, openpyxl
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
ws = wb[${JSON.stringify(sheet)}]
print(json.dumps([[("" if c is None else str(c)) for c in row] for row in ws.iter_rows(values_only=True)]))
`,
    bytes,
  )
}

function column(rows: string[][], heading: string, name: string): string {
  const header = rows.find((r) => r.includes(heading))!
  const row = rows.find((r) => r.includes(name))!
  expect(row, `a row for ${name}`).toBeDefined()
  return row[header.indexOf(heading)]!
}

describe('validation', () => {
  let ctx: TestContext
  beforeAll(async () => {
    ctx = await createTestContext()
  })

  it('records one from the reference data by id, or one without a decision by name', async () => {
    const epo = await createRecipient(ctx, { displayName: 'EPO', internationalOrganisationId: 'epo' })
    expect(epo).toMatchObject({ internationalOrganisationId: 'epo', internationalOrganisationName: null })
    const oecd = await createRecipient(ctx, { displayName: 'OECD', internationalOrganisationName: ' OECD ' })
    expect(oecd).toMatchObject({ internationalOrganisationId: null, internationalOrganisationName: 'OECD' })
    const unknown = await createRecipient(ctx, { displayName: 'Some organisation' })
    expect(unknown).toMatchObject({ internationalOrganisationId: null, internationalOrganisationName: null })
  })

  it('refuses an id not in the reference data, naming the field and its code, and writes nothing', async () => {
    const before = (await ctx.api.get('/api/processors?pageSize=100')).body.total
    const res = await ctx.api.post('/api/processors', {
      displayName: 'Made up',
      role: 'international_organisation',
      internationalOrganisationId: 'who',
    })
    expectValidationError(res, ['internationalOrganisationId'])
    expect(res.body.error.fields[0].messageCode).toBe('international_organisation_unknown')
    expect((await ctx.api.get('/api/processors?pageSize=100')).body.total).toBe(before)
  })

  it('refuses both an id and a name, and either on another role (created or changed to it)', async () => {
    const both = await ctx.api.post('/api/processors', {
      displayName: 'Both',
      role: 'international_organisation',
      internationalOrganisationId: 'epo',
      internationalOrganisationName: 'EPO',
    })
    expectValidationError(both, ['internationalOrganisationName'])
    expect(both.body.error.fields[0].messageCode).toBe('international_organisation_both')

    const recipient = await ctx.api.post('/api/processors', {
      displayName: 'Agency',
      role: 'recipient',
      internationalOrganisationId: 'epo',
    })
    expectValidationError(recipient, ['internationalOrganisationId'])
    expect(recipient.body.error.fields[0].messageCode).toBe('international_organisation_role')

    // A change of role that would leave the organisation on a recipient of another role: refused, unchanged.
    const epo = await createRecipient(ctx, { displayName: 'EPO 2', internationalOrganisationId: 'epo' })
    const changed = await ctx.api.patch(`/api/processors/${epo.id}`, { role: 'recipient', version: epo.version })
    expectValidationError(changed, ['internationalOrganisationId'])
    expect((await ctx.api.get(`/api/processors/${epo.id}`)).body).toMatchObject({
      role: 'international_organisation',
      version: epo.version,
    })
    // Cleared in the same request, the change of role is accepted.
    const cleared = await ctx.api.patch(`/api/processors/${epo.id}`, {
      role: 'recipient',
      internationalOrganisationId: null,
      version: epo.version,
    })
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200)
    // A name added to a recipient of another role, the role unchanged in the request: refused too.
    expectValidationError(
      await ctx.api.patch(`/api/processors/${epo.id}`, { internationalOrganisationName: 'EPO', version: cleared.body.version }),
      ['internationalOrganisationName'],
    )
  })
})

describe('the finding, the exports and the public outputs', () => {
  let ctx: TestContext
  let unnamed: JsonBody
  let epo: JsonBody
  beforeAll(async () => {
    ctx = await createTestContext({ demo: true })
    unnamed = await createRecipient(ctx, { displayName: 'Järjestö X', displayNameEn: 'Organisation X' })
    epo = await createRecipient(ctx, { displayName: 'Patenttivirasto', internationalOrganisationId: 'epo' })
    const activity = await ctx.api.post('/api/activities', {
      name: { fi: 'Patenttihakemukset', en: 'Patent applications' },
      purposes: [{ description: { fi: 'Patentin hakeminen', en: 'Applying for patents' }, legalBasis: 'b' }],
      processorIds: [unnamed.id, epo.id],
    })
    expect(activity.status, JSON.stringify(activity.body)).toBe(201)
  })

  it('a finding fires while a recipient of that role does not say which organisation it is, and stops once it does', async () => {
    const [finding] = await findingsFor(ctx, unnamed.id)
    expect(finding).toMatchObject({ severity: 'medium', link: `/processors/${unnamed.id}` })
    expect(finding!.message.en).toContain('Organisation X')
    expect(finding!.message.fi).toContain('Järjestö X')
    expect(await findingsFor(ctx, epo.id)).toEqual([])

    const current = (await ctx.api.get(`/api/processors/${unnamed.id}`)).body
    const fixed = await ctx.api.patch(`/api/processors/${unnamed.id}`, { internationalOrganisationName: 'OECD', version: current.version })
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200)
    expect(await findingsFor(ctx, unnamed.id)).toEqual([])
    const back = await ctx.api.patch(`/api/processors/${unnamed.id}`, { internationalOrganisationName: null, version: fixed.body.version })
    expect(back.status).toBe(200)
    expect(await findingsFor(ctx, unnamed.id)).toHaveLength(1)
  })

  it('the processor register, read back by openpyxl and Python csv, names the organisation or says it is not recorded', async () => {
    const en = processorsSheet((await ctx.api.get('/api/exports/processors.xlsx?lang=en')).bytes, 'Processors')
    expect(column(en, 'International organisation', 'Patenttivirasto')).toBe('European Patent Organisation')
    expect(column(en, 'International organisation', 'Organisation X')).toBe('which organisation is not recorded')
    expect(column(en, 'International organisation', 'Google Workspace')).toBe('')
    const fi = processorsSheet((await ctx.api.get('/api/exports/processors.xlsx?lang=fi')).bytes, 'Käsittelijät')
    expect(column(fi, 'Kansainvälinen järjestö', 'Patenttivirasto')).toBe('Euroopan patenttijärjestö')
    expect(column(fi, 'Kansainvälinen järjestö', 'Järjestö X')).toBe('mikä järjestö, ei kirjattu')
    const { rows } = readCsvWithPython((await ctx.api.get('/api/exports/processors.csv?lang=en')).bytes)
    expect(column(rows, 'International organisation', 'Patenttivirasto')).toBe('European Patent Organisation')
  })

  it('the record of processing (Art. 30(1)(e)) names it among the recipients, and its JSON carries the fields', async () => {
    const { rows } = readCsvWithPython((await ctx.api.get('/api/exports/ropa.csv?lang=en')).bytes)
    const header = rows[0]!
    const row = rows.find((r) => r.includes('Patent applications'))!
    const recipients = row[header.indexOf('Categories of recipients')]!
    expect(recipients).toContain('Patenttivirasto (international organisation: European Patent Organisation')
    expect(recipients).toContain('Organisation X (international organisation: which organisation is not recorded')
    const json = (await ctx.api.get('/api/exports/ropa.json')).body
    const activity = json.activities.find((a: JsonBody) => a.name.en === 'Patent applications')
    expect(activity.processors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: epo.id, internationalOrganisationId: 'epo', internationalOrganisationName: null }),
        expect.objectContaining({ id: unnamed.id, internationalOrganisationId: null, internationalOrganisationName: null }),
      ]),
    )
  })

  it('the public list and the notice state it where the recipient appears, in both languages', async () => {
    const rendered = (await ctx.api.get('/api/public-list/preview/rendered')).body
    expect(rendered.en.markdown).toContain('The recipient is an international organisation (European Patent Organisation).')
    expect(rendered.en.markdown).toContain('The recipient is an international organisation; which one is not recorded.')
    expect(rendered.fi.markdown).toContain('Vastaanottaja on kansainvälinen järjestö (Euroopan patenttijärjestö).')
    expect(rendered.fi.markdown).toContain('Vastaanottaja on kansainvälinen järjestö; mikä järjestö, ei ole kirjattu.')
    // The recipient's own name is never given as the organisation's.
    expect(rendered.en.markdown).not.toContain('international organisation (Organisation X)')

    const preview = (await ctx.api.get('/api/public-list/preview')).body
    const entry = preview.draft.entries.find((e: JsonBody) => e.key === epo.id)
    expect(entry.internationalOrganisation).toEqual({ fi: 'Euroopan patenttijärjestö', en: 'European Patent Organisation' })
    expect(preview.draft.entries.find((e: JsonBody) => e.key === unnamed.id).internationalOrganisation).toBeNull()
    // Other roles carry no such field: their content (and published hashes) are unchanged.
    expect(preview.draft.entries.find((e: JsonBody) => e.role === 'processor')).not.toHaveProperty('internationalOrganisation')

    const notice = JSON.stringify((await ctx.api.get('/api/notice/preview/rendered')).body)
    expect(notice).toContain('Patenttivirasto (international organisation: European Patent Organisation)')
    expect(notice).toContain('Organisation X (international organisation: which one is not recorded)')
  })
})
