/**
 * Every output read back by the client that really reads it, on the demo data plus the shared
 * hostile records (fixtures/hostile-records.ts): CSV by Python's strict csv module, the PDF by
 * poppler, Markdown by markdown-it, the public page by html-validate, Atom by feedparser,
 * iCalendar by ical.js and Python's icalendar, XLSX by openpyxl.
 */
import { HtmlValidate } from 'html-validate'
import ICAL from 'ical.js'
import MarkdownIt from 'markdown-it'
import { beforeAll, describe, expect, it } from 'vitest'
import { neutraliseFormulas } from '../src/lib/csv'
import { renderMarkdown } from '../src/public-list/render-markdown'
import { T } from '../src/public-list/texts'
import { latestVersion } from '../src/services/public-list'
import { createTestContext, type JsonBody, type TestContext } from './helpers'
import { addHostileRecords, CALENDAR_NAME, HOSTILE_PROCESSORS, NAMES, START_DATE, TEXTS } from './fixtures/hostile-records'
import { poppler, python, readCsvWithPython, recordDelimitersAreCrlf } from './fixtures/readers'

let ctx: TestContext

beforeAll(async () => {
  ctx = await createTestContext({ demo: true })
  await addHostileRecords(ctx.api)
  const preview = (await ctx.api.get('/api/public-list/preview')).body
  const published = await ctx.api.post('/api/public-list/publish', {
    confirmUnknownLocations: true,
    basedOnVersion: preview.latest?.version ?? 0,
  })
  expect(published.status, JSON.stringify(published.body)).toBe(201)
})

/** No line of any cell starts like a formula (a spreadsheet would run it). */
function expectNoFormula(rows: string[][]) {
  const live = rows
    .flat()
    .flatMap((cell) => cell.split(/\r\n|\n|\r/))
    .filter((line) => /^[=+\-@\t]/.test(line))
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
    expect(body).toHaveLength(10 + HOSTILE_PROCESSORS.length)
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
    // The English list names the debt collector by its English name, never by the Finnish description.
    expect(rows.some((r) => r[0] === 'Debt collection agency')).toBe(true)
    expect(rows.some((r) => r.includes('Perintätoimisto'))).toBe(false)
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
    expect(structure).toMatch(/^Document\n {2}H1 \(block\)\n {4}"Record of processing activities/)
    expect(structure).toContain(`H2 (block)\n      "${NAMES.greek}"`)
  })
})

describe('public Markdown, read by markdown-it', () => {
  /** Every token type, block and inline, that markdown-it (HTML allowed, as many renderers do) makes of the text. */
  function tokens(markdown: string) {
    const parsed = new MarkdownIt({ html: true }).parse(markdown, {})
    return { block: parsed, all: parsed.flatMap((t) => [t, ...(t.children ?? [])]) }
  }
  const fold = (text: string) => text.replace(/\s*[\r\n]\s*/g, ' ')

  for (const lang of ['fi', 'en'] as const) {
    it(`(${lang}) has only the structure of the template: no heading, list, link, quote, code, table or HTML that the data created`, async () => {
      const res = await ctx.anonymous.get(`/public/processors.md?lang=${lang}`)
      expect(res.status).toBe(200)
      const { block, all } = tokens(res.text)
      const t = T[lang]
      const types = new Set(all.map((x) => x.type))
      for (const made of [
        'html_block',
        'html_inline',
        'blockquote_open',
        'fence',
        'code_block',
        'code_inline',
        'table_open',
        'hr',
        'image',
        's_open',
      ])
        expect(types, made).not.toContain(made)
      // Headings: exactly the template's.
      const headings = block.flatMap((x, i) => (x.type === 'heading_open' ? [block[i + 1]!.content] : []))
      expect(headings).toEqual([t.processorsHeading, t.transfersHeading, t.transfersSub, t.disclosuresSub])
      // Bold text is the entries' names, and nothing else; every hostile name is one of them, as text.
      const json = (await ctx.anonymous.get(`/public/processors.json?lang=${lang}`)).body
      const names = new Set(json.entries.map((e: { name: string }) => fold(e.name)))
      const bold = all.flatMap((x, i, list) => (x.type === 'strong_open' ? [list[i + 1]!.content] : []))
      for (const b of bold) expect(names, b).toContain(b)
      for (const p of HOSTILE_PROCESSORS) expect(bold).toContain(fold(p.displayName))
      // List items: one per entry shown (processors and sub-processors, transfers, recipients) and the authorities line.
      const items = block.filter((x) => x.type === 'list_item_open').length
      expect(items).toBe(bold.length + 1)
      // Links only to the Data Privacy Framework's listings, as the template writes them.
      const hrefs = all.filter((x) => x.type === 'link_open').map((x) => x.attrGet('href'))
      for (const href of hrefs) expect(href).toMatch(/^https:\/\/www\.dataprivacyframework\.gov\//)
      // The hostile texts are there, literally, as text (folded onto one line).
      const text = all
        .filter((x) => x.type === 'text')
        .map((x) => x.content)
        .join('')
      expect(text).toContain(fold(TEXTS.multiline))
      expect(text).toContain(TEXTS.html)
    })
  }

  it('keeps a listing URL inside its link: parentheses, brackets, spaces and quotes are percent-encoded', async () => {
    const version = latestVersion(ctx.db)!
    const evil = 'https://www.dataprivacyframework.gov/list?x=1) [evil](https://evil.test/) <b> "t"'
    const entries = version.content.entries.map((e) => ({
      ...e,
      locations: e.locations.map((l) => (l.safeguard === 'dpf' ? { ...l, dpfListingUrl: evil } : l)),
    }))
    expect(entries.some((e) => e.locations.some((l) => l.dpfListingUrl === evil))).toBe(true)
    const markdown = renderMarkdown({ ...version, content: { ...version.content, entries } }, 'en', '2026-01-01')
    const { all } = tokens(markdown)
    const links = all.filter((x) => x.type === 'link_open').map((x) => x.attrGet('href'))
    expect(links.length).toBeGreaterThan(0)
    for (const href of links) expect(decodeURI(String(href))).toBe(evil)
    expect(all.some((x) => x.type === 'html_inline')).toBe(false)
  })
})

describe('the public HTML page, read by html-validate', () => {
  // doctype-style is a preference for an upper-case DOCTYPE; HTML itself takes either.
  it('is valid HTML with a language and a description, and the data’s markup is text', async () => {
    for (const lang of ['fi', 'en'] as const) {
      const res = await ctx.anonymous.get(`/public/processors?lang=${lang}`)
      const report = await new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'doctype-style': 'off' } }).validateString(
        res.text,
      )
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([])
      expect(report.valid).toBe(true)
      expect(res.text).toMatch(new RegExp(`<html lang="${lang}">`))
      expect(res.text).toMatch(/<meta name="description" content="[^"]+\d{4}[^"]*">/)
      expect(res.text).not.toContain('<script>alert')
      expect(res.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    }
  })
})

describe('the Atom feed, read by Python’s feedparser', () => {
  it('is well-formed (bozo 0) with an author, ids and update times on the feed and every entry, and the hostile names as text', async () => {
    const res = await ctx.anonymous.get('/public/processors/feed.atom?lang=en')
    expect(res.status).toBe(200)
    const feed = python<JsonBody>(
      `
import feedparser, json, sys
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({'bozo': int(d.bozo), 'bozoException': str(d.get('bozo_exception', '')), 'version': d.version, 'author': d.feed.get('author_detail'), 'id': d.feed.get('id'), 'updated': d.feed.get('updated'),
  'entries': [{'id': e.get('id'), 'updated': e.get('updated'), 'title': e.get('title'), 'content': [c.value for c in e.get('content', [])]} for e in d.entries]}))
`,
      res.bytes,
    )
    expect(feed.bozo, feed.bozoException).toBe(0)
    expect(feed.version).toBe('atom10')
    expect(feed.author.name).toBe('Mikroni Digital')
    expect(feed.id).toMatch(/\/public\/processors\?lang=en$/)
    expect(feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(feed.entries).toHaveLength(2)
    for (const e of feed.entries) {
      expect(e.id).toMatch(/\/public\/processors\/versions\/\d+$/)
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    }
    const added = feed.entries[0].content.join('')
    for (const name of [NAMES.latinExtended, NAMES.greek, NAMES.cyrillic, NAMES.czech]) expect(added).toContain(`Added: ${name}`)
    // The content is HTML: the name's quotes arrive as text, escaped.
    expect(added).toContain('<li>Added: =HYPERLINK(&quot;http://evil.test&quot;,&quot;x&quot;)</li>')
  })
})

describe('the iCalendar feed, read by ical.js and Python’s icalendar', () => {
  it('ends every line with CRLF, folds at 75 octets, escapes text, and has a reminder per event', async () => {
    const { url } = (await ctx.api.post('/api/calendar/token')).body
    const res = await ctx.anonymous.get(new URL(url).pathname + new URL(url).search)
    expect(res.status).toBe(200)
    const lines = res.text.split('\r\n')
    expect(lines.pop()).toBe('') // the body ends with CRLF
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/)
      expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75)
    }
    expect(lines.some((l) => l.startsWith(' '))).toBe(true) // the long name was folded

    // The summary is the review's title (in the organisation's language) ending with the activity's name, unescaped as written.
    const named = (summaries: string[], name: string) => summaries.filter((s) => s.endsWith(`: ${name}`))
    const calendar = new ICAL.Component(ICAL.parse(res.text))
    const events = calendar.getAllSubcomponents('vevent')
    expect(events.length).toBeGreaterThanOrEqual(2)
    for (const e of events) expect(e.getAllSubcomponents('valarm')).toHaveLength(1)
    const summaries = events.map((e) => new ICAL.Event(e).summary)
    expect(named(summaries, CALENDAR_NAME)).toHaveLength(1)
    expect(named(summaries, NAMES.greek)).toHaveLength(1)

    const py = python<{ summaries: string[]; alarms: number[]; triggers: string[] }>(
      `
import icalendar, json, sys
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
events = list(cal.walk('VEVENT'))
print(json.dumps({'summaries': [str(e.get('SUMMARY')) for e in events],
  'alarms': [len(e.walk('VALARM')) for e in events],
  'triggers': [str(a.decoded('TRIGGER')) for e in events for a in e.walk('VALARM')]}))
`,
      res.bytes,
    )
    expect(named(py.summaries, CALENDAR_NAME)).toHaveLength(1)
    expect(py.alarms.every((n) => n === 1)).toBe(true)
    expect(new Set(py.triggers)).toEqual(new Set(['-7 days, 0:00:00']))
  })
})

describe('XLSX, read by openpyxl', () => {
  it('stores ids as numbers and dates as dates, with a frozen header row, column widths and a filter; texts stay text', async () => {
    const res = await ctx.api.get('/api/exports/processors.xlsx?lang=en')
    expect(res.status).toBe(200)
    const book = python<Record<string, JsonBody>>(
      `
import json, sys, io, openpyxl
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
out = {}
for ws in wb.worksheets:
    header = [c.value for c in ws[1]]
    rows = [[{'v': c.value.isoformat() if hasattr(c.value, 'isoformat') else c.value, 't': c.data_type, 'date': c.is_date, 'fmt': c.number_format} for c in r] for r in ws.iter_rows(min_row=2)]
    out[ws.title] = {'header': header, 'rows': rows, 'freeze': ws.freeze_panes, 'filter': ws.auto_filter.ref,
                     'widths': {k: d.width for k, d in ws.column_dimensions.items()}}
print(json.dumps(out, default=str))
`,
      res.bytes,
    )
    const sheet = book.Processors
    expect(sheet.freeze).toBe('A2')
    expect(sheet.filter).toMatch(/^A1:[A-Z]+1$/)
    expect(sheet.widths.A).toBeGreaterThan(0)
    expect(sheet.widths.B).toBeGreaterThan(sheet.widths.A)
    const col = (name: string) => sheet.header.indexOf(name)
    expect(sheet.rows).toHaveLength(10 + HOSTILE_PROCESSORS.length)
    for (const row of sheet.rows) {
      expect(row[col('ID')].t).toBe('n')
      expect(Number.isInteger(row[col('ID')].v)).toBe(true)
      expect(row[col('Last changed')].date).toBe(true)
      expect(row[col('Last changed')].fmt).toBe('yyyy-mm-dd hh:mm:ss')
      expect(row[col('Name')].t).toBe('s') // never a formula ('f'), whatever the name
    }
    const dated = sheet.rows.filter((r: JsonBody[]) => r[col('Start date')].v !== null)
    expect(dated.map((r: JsonBody[]) => [r[col('Name')].v, r[col('Start date')].v])).toEqual([
      [NAMES.latinExtended, `${START_DATE}T00:00:00`],
    ])
    expect(dated[0][col('Start date')].date).toBe(true)
    expect(dated[0][col('Start date')].fmt).toBe('yyyy-mm-dd')
    const names = sheet.rows.map((r: JsonBody[]) => r[col('Name')].v)
    for (const p of HOSTILE_PROCESSORS) expect(names).toContain(p.displayName)
    const latin = sheet.rows.find((r: JsonBody[]) => r[col('Name')].v === NAMES.latinExtended)
    expect(latin[col('Service')].v).toBe(TEXTS.multiline)
    expect(book.Transfers.rows.every((r: JsonBody[]) => r[0].t === 'n')).toBe(true)
    expect(book.Transfers.freeze).toBe('A2')

    const ropa = python<Record<string, JsonBody>>(
      `
import json, sys, io, openpyxl
ws = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read())).worksheets[0]
header = [c.value for c in ws[1]]
i = header.index('Activity ID')
j = header.index('Next review')
print(json.dumps({'ids': [r[i].data_type for r in ws.iter_rows(min_row=2)], 'reviews': [r[j].is_date for r in ws.iter_rows(min_row=2) if r[j].value is not None], 'freeze': ws.freeze_panes}))
`,
      (await ctx.api.get('/api/exports/ropa.xlsx?lang=en')).bytes,
    )
    expect(ropa.freeze).toBe('A2')
    expect(new Set(ropa.ids)).toEqual(new Set(['n']))
    expect(ropa.reviews.length).toBeGreaterThanOrEqual(2)
    expect(ropa.reviews.every(Boolean)).toBe(true)
  })
})
