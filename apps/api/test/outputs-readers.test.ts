/**
 * Every output read back by the client that really reads it, on the demo data plus the shared
 * hostile records (fixtures/hostile-records.ts): CSV by Python's strict csv module, the PDF by
 * poppler, Markdown by markdown-it, the public page by html-validate, Atom by feedparser,
 * iCalendar by ical.js and Python's icalendar, XLSX by openpyxl.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { neutraliseFormulas } from '../src/lib/csv'
import { createTestContext, type TestContext } from './helpers'
import { addHostileRecords, HOSTILE_PROCESSORS, NAMES, TEXTS } from './fixtures/hostile-records'
import { poppler, readCsvWithPython, recordDelimitersAreCrlf } from './fixtures/readers'

let ctx: TestContext

beforeAll(async () => {
  ctx = await createTestContext({ demo: true })
  await addHostileRecords(ctx.api)
  const preview = (await ctx.api.get('/api/public-list/preview')).body
  const published = await ctx.api.post('/api/public-list/publish', { basedOnVersion: preview.latest?.version ?? 0 })
  expect(published.status, JSON.stringify(published.body)).toBe(201)
})

/** No line of any cell starts like a formula (a spreadsheet would run it). */
function expectNoFormula(rows: string[][]) {
  const live = rows.flat().flatMap((cell) => cell.split(/\r\n|\n|\r/)).filter((line) => /^[=+\-@\t]/.test(line))
  expect(live).toEqual([])
}

describe('CSV, read by Python’s strict csv module', () => {
  it('the record of processing: one record per activity and purpose, CRLF, BOM, the texts intact', async () => {
    const json = (await ctx.api.get('/api/exports/ropa.json?lang=en')).body
    const expected = json.activities.reduce((n: number, a: { purposes: unknown[] }) => n + Math.max(1, a.purposes.length), 0)
    const res = await ctx.api.get('/api/exports/ropa.csv?lang=en')
    expect(recordDelimitersAreCrlf(res.text)).toBe(true)
    const { bom, rows } = readCsvWithPython(res.bytes)
    expect(bom).toBe(true)
    expect(rows).toHaveLength(1 + expected)
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([rows[0]!.length]))
    const greek = rows.filter((r) => r[1] === NAMES.greek)
    expect(greek.map((r) => r[2])).toEqual([TEXTS.crlf, `${NAMES.cyrillic}\n'=1+2`])
    expectNoFormula(rows)
  })

  it('the processor register: one record per processor, every hostile name and text read back as written (formulas neutralised)', async () => {
    const res = await ctx.api.get('/api/exports/processors.csv?lang=en')
    expect(recordDelimitersAreCrlf(res.text)).toBe(true)
    const { bom, rows } = readCsvWithPython(res.bytes)
    expect(bom).toBe(true)
    const [header, ...body] = rows
    expect(body).toHaveLength(9 + HOSTILE_PROCESSORS.length)
    for (const r of body) expect(r).toHaveLength(header!.length)
    const col = (name: string) => header!.indexOf(name)
    for (const p of HOSTILE_PROCESSORS) {
      const row = body.find((r) => r[col('Name')] === neutraliseFormulas(p.displayName))
      expect(row, p.displayName).toBeDefined()
      expect(row![col('Service')]).toBe(neutraliseFormulas(p.service))
      expect(row![col('Purpose')]).toBe(neutraliseFormulas(p.purpose))
    }
    expect(body.find((r) => r[col('Name')] === NAMES.latinExtended)![col('Service')]).toContain("\n'=1+2")
    expect(body.map((r) => r[col('Name')])).toEqual(expect.arrayContaining(["'=1+2", "'+SUM(A1:A2)", "'-2+3", "'@SUM(A1)"]))
    expectNoFormula(body)
  })

  it('the public list: one record per entry and location, with a BOM for Excel', async () => {
    const json = (await ctx.anonymous.get('/public/processors.json?lang=en')).body
    const expected = json.entries.reduce((n: number, e: { locations: unknown[] }) => n + Math.max(1, e.locations.length), 0)
    const res = await ctx.anonymous.get('/public/processors.csv?lang=en')
    expect(res.status).toBe(200)
    expect(recordDelimitersAreCrlf(res.text)).toBe(true)
    const { bom, rows } = readCsvWithPython(res.bytes)
    expect(bom).toBe(true)
    expect(rows).toHaveLength(1 + expected)
    for (const r of rows) expect(r).toHaveLength(rows[0]!.length)
    const latin = rows.find((r) => r[0] === NAMES.latinExtended)!
    expect(latin[4]).toBe(neutraliseFormulas(TEXTS.multiline))
    expect(latin[5]).toBe(TEXTS.crlf)
    expect(rows.some((r) => r[0] === 'Perintätoimisto')).toBe(true)
    expectNoFormula(rows)
  })
})

describe('PDF, read by poppler', () => {
  it('embeds a Unicode font, so that Polish, Czech, Greek and Cyrillic names extract as written; tagged for accessibility', async () => {
    const res = await ctx.api.get('/api/exports/ropa.pdf?lang=en')
    expect(res.status).toBe(200)
    const text = poppler('pdftotext', res.bytes, ['-enc', 'UTF-8'])
    for (const name of [NAMES.greek, NAMES.cyrillic, 'second line, with a comma', TEXTS.quotes]) expect(text).toContain(name)
    const recipients = (await ctx.api.get('/api/exports/ropa.pdf?lang=fi')).bytes
    expect(poppler('pdftotext', recipients)).toContain(NAMES.latinExtended)
    // Every font embedded (emb), subset (sub) and with a ToUnicode map (uni): the columns after the encoding.
    const fonts = poppler('pdffonts', res.bytes).trim().split('\n').slice(2)
    expect(fonts.length).toBeGreaterThan(0)
    for (const line of fonts) expect(line, line).toMatch(/DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/)
    const info = poppler('pdfinfo', res.bytes)
    expect(info).toMatch(/^Tagged:\s+yes$/m)
    expect(info).toMatch(/^PDF version:\s+1\.7$/m)
    const structure = poppler('pdfinfo', res.bytes, ['-struct-text'])
    expect(structure).toMatch(/^Document\n  H1 \(block\)\n    "Record of processing activities/)
    expect(structure).toContain(`H2 (block)\n      "${NAMES.greek}"`)
  })
})
