/**
 * Art. 30(1)(a) in the record of processing: the controller's name and contact, the DPO (Art. 37),
 * the representative (Art. 27) and the joint controllers (Art. 26), in every format, read back by the
 * real readers (openpyxl, Python's csv, pdftotext). An unanswered question says "not recorded" in
 * words, never a blank that reads as "none"; a recorded "no" says "none" (for the representative: "none
 * needed", the controller being established in the Union).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from './helpers'
import { poppler, python, readCsvWithPython } from './fixtures/readers'

/** The label/value rows of the Controller sheet, as openpyxl reads them. */
function controllerSheet(bytes: Uint8Array, sheetName: string): string[][] {
  return python<string[][]>(
    `
import json, sys, io, openpyxl
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
ws = wb[${JSON.stringify(sheetName)}]
print(json.dumps([[("" if c is None else str(c)) for c in row] for row in ws.iter_rows(values_only=True)]))
`,
    bytes,
  )
}

/** The first record's controller cell of the record-of-processing CSV, as Python's csv reads it. */
function csvControllerCell(bytes: Uint8Array): string {
  const { rows } = readCsvWithPython(bytes)
  return rows[1]![0]!
}

/** pdftotext's words joined by single spaces (the layout wraps lines). */
const pdfText = (bytes: Uint8Array) => poppler('pdftotext', bytes, ['-enc', 'UTF-8']).replace(/\s+/g, ' ')
const squash = (html: string) => html.replace(/\s+/g, ' ')

describe('the demo organisation, whose DPO and joint controllers nobody recorded (a Finnish company: no representative needed)', () => {
  let ctx: TestContext
  beforeAll(async () => {
    ctx = await createTestContext({ demo: true })
  })

  it('XLSX: the Controller sheet says "not recorded" for each (en) and "ei kirjattu" (fi)', async () => {
    const en = controllerSheet((await ctx.api.get('/api/exports/ropa.xlsx?lang=en')).bytes, 'Controller')
    expect(en).toEqual(
      expect.arrayContaining([
        ['Controller', 'Mikroni Digital'],
        ['Contact for data protection', 'Roni Äikäs, roni@mikroni.fi'],
        ['Data protection officer (Art. 37)', 'not recorded'],
        ['Representative in the Union (Art. 27)', 'none needed (the controller is established in the Union)'],
        ['Joint controllers (Art. 26)', 'not recorded'],
      ]),
    )
    const fi = controllerSheet((await ctx.api.get('/api/exports/ropa.xlsx?lang=fi')).bytes, 'Rekisterinpitäjä')
    expect(fi).toEqual(
      expect.arrayContaining([
        ['Tietosuojavastaava (37 artikla)', 'ei kirjattu'],
        ['Edustaja unionissa (27 artikla)', 'ei tarvita (rekisterinpitäjä on sijoittautunut unioniin)'],
        ['Yhteisrekisterinpitäjät (26 artikla)', 'ei kirjattu'],
      ]),
    )
  })

  it('XLSX and CSV: the Art. 30(1)(a) column of every row names the controller, its contact and the three answers', async () => {
    const csv = csvControllerCell((await ctx.api.get('/api/exports/ropa.csv?lang=en')).bytes)
    expect(csv.split('\n')).toEqual([
      'Mikroni Digital (Business ID 3235836-5)',
      'c/o Askelvirta Offices, Ahjokatu 14-16, 40320 JYVÄSKYLÄ',
      'Contact for data protection: Roni Äikäs, roni@mikroni.fi',
      'Data protection officer (Art. 37): not recorded',
      'Representative in the Union (Art. 27): none needed (the controller is established in the Union)',
      'Joint controllers (Art. 26): not recorded',
    ])
    const fi = csvControllerCell((await ctx.api.get('/api/exports/ropa.csv?lang=fi')).bytes)
    expect(fi).toContain('Tietosuojavastaava (37 artikla): ei kirjattu')
    expect(fi).toContain('Yhteisrekisterinpitäjät (26 artikla): ei kirjattu')
  })

  it('JSON: null for each, which the description defines as not recorded', async () => {
    const res = await ctx.api.get('/api/exports/ropa.json')
    expect(res.body.controller).toMatchObject({
      dpoAppointed: null,
      dpoName: null,
      dpoEmail: null,
      representativeNeeded: false,
      representative: null,
      representativeContact: null,
      hasJointControllers: null,
      jointControllers: null,
    })
    const doc = (await ctx.api.get('/api/openapi.json')).body
    const described = JSON.stringify(doc.components.schemas.RecordOfProcessing ?? doc)
    expect(described).toContain('null: not recorded')
  })

  it('HTML and PDF: the controller box at the top says "not recorded" in words', async () => {
    const html = squash((await ctx.api.get('/api/exports/ropa.html?lang=en')).text)
    const top = html.slice(0, html.indexOf('<main'))
    expect(top).toContain('Data protection officer (Art. 37): not recorded')
    expect(top).toContain('Joint controllers (Art. 26): not recorded')
    const pdf = pdfText((await ctx.api.get('/api/exports/ropa.pdf?lang=fi')).bytes)
    expect(pdf).toContain('Tietosuojavastaava (37 artikla): ei kirjattu')
    expect(pdf).toContain('Edustaja unionissa (27 artikla): ei tarvita (rekisterinpitäjä on sijoittautunut unioniin)')
    expect(pdf).toContain('Yhteisrekisterinpitäjät (26 artikla): ei kirjattu')
  })

  it('the processor register carries the same Controller sheet', async () => {
    const rows = controllerSheet((await ctx.api.get('/api/exports/processors.xlsx?lang=en')).bytes, 'Controller')
    expect(rows).toEqual(expect.arrayContaining([['Data protection officer (Art. 37)', 'not recorded']]))
  })
})

describe('once the answers are recorded', () => {
  let ctx: TestContext
  beforeAll(async () => {
    ctx = await createTestContext({ demo: true })
    const res = await ctx.api.patch('/api/organisation', {
      dpoAppointed: true,
      dpoName: 'Tietosuojavastaava Liisa Łukasiewicz',
      dpoEmail: 'dpo@mikroni.fi',
      representativeNeeded: null,
      hasJointControllers: false,
      version: 1,
    })
    expect(res.status).toBe(200)
  })

  it('every format names the DPO and says "none" for the joint controllers; the unrecorded representative stays "not recorded"', async () => {
    const dpo = 'Tietosuojavastaava Liisa Łukasiewicz, dpo@mikroni.fi'
    const sheet = controllerSheet((await ctx.api.get('/api/exports/ropa.xlsx?lang=en')).bytes, 'Controller')
    expect(sheet).toEqual(
      expect.arrayContaining([
        ['Data protection officer (Art. 37)', dpo],
        ['Representative in the Union (Art. 27)', 'not recorded'],
        ['Joint controllers (Art. 26)', 'none'],
      ]),
    )
    const csv = csvControllerCell((await ctx.api.get('/api/exports/ropa.csv?lang=fi')).bytes)
    expect(csv).toContain(`Tietosuojavastaava (37 artikla): ${dpo}`)
    expect(csv).toContain('Yhteisrekisterinpitäjät (26 artikla): ei yhteisrekisterinpitäjiä')
    expect(csv).toContain('Edustaja unionissa (27 artikla): ei kirjattu')
    const json = (await ctx.api.get('/api/exports/ropa.json')).body
    expect(json.controller).toMatchObject({
      dpoAppointed: true,
      dpoEmail: 'dpo@mikroni.fi',
      hasJointControllers: false,
      jointControllers: null,
    })
    expect(squash((await ctx.api.get('/api/exports/ropa.html?lang=en')).text)).toContain(`Data protection officer (Art. 37): ${dpo}`)
    expect(pdfText((await ctx.api.get('/api/exports/ropa.pdf?lang=en')).bytes)).toContain(`Data protection officer (Art. 37): ${dpo}`)
  })

  it('a recorded "no DPO" and named joint controllers read as such', async () => {
    const now = (await ctx.api.get('/api/organisation')).body
    const res = await ctx.api.patch('/api/organisation', {
      dpoAppointed: false,
      dpoName: null,
      dpoEmail: null,
      representativeNeeded: true,
      representative: 'EU Rep Oy',
      representativeContact: 'rep@example.eu',
      hasJointControllers: true,
      jointControllers: 'Kumppani Oy (yhteinen asiakasrekisteri), tietosuoja@kumppani.fi',
      version: now.version,
    })
    expect(res.status).toBe(200)
    const fi = controllerSheet((await ctx.api.get('/api/exports/ropa.xlsx?lang=fi')).bytes, 'Rekisterinpitäjä')
    expect(fi).toEqual(
      expect.arrayContaining([
        ['Tietosuojavastaava (37 artikla)', 'ei nimetty'],
        ['Edustaja unionissa (27 artikla)', 'EU Rep Oy, rep@example.eu'],
        ['Yhteisrekisterinpitäjät (26 artikla)', 'Kumppani Oy (yhteinen asiakasrekisteri), tietosuoja@kumppani.fi'],
      ]),
    )
    const en = csvControllerCell((await ctx.api.get('/api/exports/ropa.csv?lang=en')).bytes)
    expect(en).toContain('Data protection officer (Art. 37): none designated')
    expect(en).toContain('Representative in the Union (Art. 27): EU Rep Oy, rep@example.eu')
    expect((await ctx.api.get('/api/exports/ropa.json')).body.controller).toMatchObject({
      representativeNeeded: true,
      representative: 'EU Rep Oy',
      representativeContact: 'rep@example.eu',
    })
  })

  it('a representative marked designated but without its name or contact is refused, naming both fields', async () => {
    const now = (await ctx.api.get('/api/organisation')).body
    const res = await ctx.api.patch('/api/organisation', {
      representativeNeeded: true,
      representative: null,
      representativeContact: null,
      version: now.version,
    })
    expect(res.status).toBe(400)
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['representative', 'representativeContact'])
    expect((await ctx.api.get('/api/organisation')).body.version).toBe(now.version)
  })
})
