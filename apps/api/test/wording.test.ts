/**
 * The wording of what Seloste publishes and exports, read from the demo data with a UK transfer
 * (adequacy) and an SCC transfer added: English outputs carry no Finnish (every format of the public
 * list, the privacy notice, every export: XLSX read with openpyxl, PDF with pdftotext), Finnish
 * outputs use the glossary's terms (packages/schema/src/glossary.ts) and none of its forbidden
 * variants, and no output nests an act's number in parentheses inside parentheses.
 */
import { GLOSSARY, glossaryViolations } from '@seloste/schema'
import { beforeAll, describe, expect, it } from 'vitest'
import { poppler, python } from './fixtures/readers'
import { createTestContext, type TestContext } from './helpers'

const PUBLIC = [
  '/public/processors',
  '/public/processors.md',
  '/public/processors.json',
  '/public/processors.csv',
  '/public/processors/feed.atom',
  '/public/processors/changes',
]
const EXPORTS = ['/api/exports/ropa.html', '/api/exports/ropa.csv', '/api/exports/processors.csv']
/** Binary exports, read as text by their real readers. */
const XLSX = ['/api/exports/ropa.xlsx', '/api/exports/processors.xlsx']
const PDF = ['/api/exports/ropa.pdf']
/** The privacy notice (draft) as the dashboard renders it: Markdown and HTML. */
const NOTICE = ['notice.markdown', 'notice.html']

/** Every cell of every sheet, one line per row. */
const xlsxText = (bytes: Uint8Array) =>
  python<string>(
    `
import json, sys, io, openpyxl
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
print(json.dumps("\\n".join("\\t".join("" if c is None else str(c) for c in row) for ws in wb.worksheets for row in ws.iter_rows(values_only=True))))
`,
    bytes,
  )

/** Letters English does not have, and Finnish words that would be a translation missed. */
const FINNISH_LETTERS = /[äöåÄÖÅ]/
const FINNISH_WORDS =
  /\b(ja|ei|tai|sekä|kanssa|mukaan|tiedot|tietojen|kirjattu|sijaintia|käsittelijä\w*|siirto\w*|luettelo\w*|palvelu\w*|vuotta|kuukautta|alkaen|asti|Suomi)\b/i

let ctx: TestContext
const outputs: Record<string, string> = {}
/** Recorded names and citations, which are written in one language and printed as they are: not Seloste's wording. */
let names: string[] = []

function plainText(body: string): string {
  return body
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/https?:\/\/\S+|[\w.+-]+@[\w.-]+/g, ' ')
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true })
  const id = async (q: string) => (await ctx.api.get(`/api/processors?q=${q}`)).body.items[0].id as number
  const gb = await ctx.api.post(`/api/processors/${await id('slack')}/transfers`, {
    country: 'GB',
    kind: 'storage',
    safeguard: 'adequacy',
    adequacyDecisionId: 'gb-2021',
    tiaStatus: 'not_needed',
  })
  expect(gb.status, JSON.stringify(gb.body)).toBe(201)
  expect(
    (
      await ctx.api.post(`/api/processors/${await id('posthog')}/transfers`, {
        country: 'IN',
        kind: 'support',
        safeguard: 'scc',
        sccModule: 2,
      })
    ).status,
  ).toBe(201)
  const preview = (await ctx.api.get('/api/public-list/preview')).body
  expect(
    (await ctx.api.post('/api/public-list/publish', { confirmUnknownLocations: true, basedOnVersion: preview.latest?.version ?? 0 }))
      .status,
  ).toBe(201)
  for (const lang of ['fi', 'en']) {
    for (const url of PUBLIC) outputs[`${url}?lang=${lang}`] = (await ctx.anonymous.get(`${url}?lang=${lang}`)).text
    for (const url of EXPORTS) outputs[`${url}?lang=${lang}`] = (await ctx.api.get(`${url}?lang=${lang}`)).text
    for (const url of XLSX) outputs[`${url}?lang=${lang}`] = xlsxText((await ctx.api.get(`${url}?lang=${lang}`)).bytes)
    for (const url of PDF)
      outputs[`${url}?lang=${lang}`] = poppler('pdftotext', (await ctx.api.get(`${url}?lang=${lang}`)).bytes, ['-enc', 'UTF-8'])
  }
  const notice = (await ctx.api.get('/api/notice/preview/rendered')).body
  for (const lang of ['fi', 'en'] as const) {
    outputs[`notice.markdown?lang=${lang}`] = notice[lang].markdown
    outputs[`notice.html?lang=${lang}`] = notice[lang].html
  }
  const org = (await ctx.api.get('/api/organisation')).body
  const processors = (await ctx.api.get('/api/processors?pageSize=100')).body.items as { id: number }[]
  const full = await Promise.all(processors.map(async (p) => (await ctx.api.get(`/api/processors/${p.id}`)).body))
  const activities = await Promise.all(
    ((await ctx.api.get('/api/activities')).body.items as { id: number }[]).map(
      async (a) => (await ctx.api.get(`/api/activities/${a.id}`)).body,
    ),
  )
  names = [
    org.name,
    org.address,
    org.privacyContactName,
    // A display name that has an English name is a Finnish description, not a name: English outputs must not show it.
    ...full.flatMap((p) => [p.displayNameEn ?? p.displayName, p.legalName]),
    ...activities.flatMap((a) => [
      a.retention?.legalReference,
      ...a.purposes.map((p: { legalReference: string | null }) => p.legalReference),
      ...a.dataCategories.map((c: { retention: { legalReference: string | null } | null }) => c.retention?.legalReference),
    ]),
    // The language switch names the other language in that language.
    'Suomeksi',
  ]
    .filter((n): n is string => typeof n === 'string' && n.length > 0)
    .sort((a, b) => b.length - a.length)
})

describe('the English outputs of the demo data', () => {
  it('were all read (every format, not empty)', () => {
    expect(Object.keys(outputs)).toHaveLength((PUBLIC.length + EXPORTS.length + XLSX.length + PDF.length + NOTICE.length) * 2)
    for (const [key, body] of Object.entries(outputs)) expect(body.length, key).toBeGreaterThan(200)
  })

  it('carry no Finnish outside the recorded names', () => {
    const found: string[] = []
    for (const [key, body] of Object.entries(outputs).filter(([k]) => k.endsWith('lang=en'))) {
      let text = plainText(body)
      for (const n of names) text = text.split(n).join(' ')
      for (const line of text.split(/\r?\n/)) {
        const m = FINNISH_LETTERS.exec(line) ?? FINNISH_WORDS.exec(line)
        if (m) found.push(`${key}: "${m[0]}" in ${line.trim().slice(0, 160)}`)
      }
    }
    expect(found).toEqual([])
  })

  it('show none of the known Finnish-only strings: the glossary’s Finnish terms and the Finnish display names that have an English name', async () => {
    const full = await Promise.all(
      ((await ctx.api.get('/api/processors?pageSize=100')).body.items as { id: number }[]).map(
        async (p) => (await ctx.api.get(`/api/processors/${p.id}`)).body as { displayName: string; displayNameEn: string | null },
      ),
    )
    const finnishNames = full.filter((p) => p.displayNameEn).map((p) => p.displayName)
    // The demo's two processors that the policy names only by what they are.
    expect(finnishNames.sort()).toEqual(['Perintätoimisto', 'Verkkosivuston palveluntarjoaja'])
    const terms = Object.values(GLOSSARY).flatMap((g) => [g.fi, ...('done' in g ? [g.done.fi] : [])])
    const finnishOnly = [...finnishNames, ...terms]
    const found: string[] = []
    for (const [key, body] of Object.entries(outputs).filter(([k]) => k.endsWith('lang=en'))) {
      const text = plainText(body).toLocaleLowerCase('fi')
      for (const s of finnishOnly) if (text.includes(s.toLocaleLowerCase('fi'))) found.push(`${key}: "${s}"`)
    }
    expect(found).toEqual([])
    // Not blind: the Finnish outputs do show the Finnish names, and the English ones the English names.
    for (const url of ['/public/processors', '/public/processors.md', '/public/processors.json', '/public/processors.csv']) {
      expect(outputs[`${url}?lang=fi`], url).toContain('Perintätoimisto')
      expect(outputs[`${url}?lang=en`], url).toContain('Debt collection agency')
    }
    for (const url of [...EXPORTS, ...XLSX]) expect(outputs[`${url}?lang=en`], url).toContain('Website host')
    expect(outputs['notice.markdown?lang=en']).toContain('Debt collection agency')
    expect(outputs['notice.markdown?lang=fi']).toContain('Perintätoimisto')
  })

  it('notice Finnish when there is some (the scan is not blind)', () => {
    expect(FINNISH_LETTERS.test(plainText('<p>Henkilötietojen käsittelijät</p>'))).toBe(true)
    expect(FINNISH_WORDS.test(plainText('<p>Tietojen sijaintia ei ole kirjattu.</p>'))).toBe(true)
    expect(FINNISH_WORDS.test('Fennoa Oy ja Slack')).toBe(true)
  })

  it('name the UK and the sub-processor by the glossary', () => {
    expect(outputs['/public/processors.md?lang=en']).toContain(GLOSSARY.unitedKingdom.en)
    expect(outputs['/public/processors.md?lang=en']).toContain(`(${GLOSSARY.subProcessor.en})`)
  })
})

describe('the Finnish outputs of the demo data', () => {
  it('use none of the glossary’s forbidden variants', () => {
    const found = Object.entries(outputs)
      .filter(([k]) => k.endsWith('lang=fi'))
      .flatMap(([key, body]) => glossaryViolations(plainText(body), 'fi').map((v) => `${key}: ${v}`))
    expect(found).toEqual([])
  })

  it('call the UK "Yhdistynyt kuningaskunta" and CapsuleCRM an alikäsittelijä in the public list', () => {
    for (const url of ['/public/processors', '/public/processors.md', '/public/processors.csv']) {
      const body = outputs[`${url}?lang=fi`]!
      expect(body, url).toContain(GLOSSARY.unitedKingdom.fi)
      expect(body, url).not.toMatch(/Iso-Britannia/)
    }
    expect(outputs['/public/processors.md?lang=fi']).toContain(`(${GLOSSARY.subProcessor.fi})`)
    expect(outputs['/api/exports/processors.csv?lang=fi']).toContain(GLOSSARY.subProcessor.fi)
  })

  it('say the SCC basis in agreeing Finnish', () => {
    const md = outputs['/public/processors.md?lang=fi']!
    expect(md).toContain(
      'Siirto perustuu vakiosopimuslausekkeisiin, jotka Euroopan komissio on hyväksynyt täytäntöönpanopäätöksellä (EU) 2021/914; moduuli 2.',
    )
    expect(md).not.toMatch(/Siirtoperuste(ena)? (on|ovat) [^.]*vakiosopimuslausekkeet/)
  })
})

describe('every output', () => {
  it('has no doubled parentheses and no act number in parentheses inside parentheses', () => {
    for (const [key, body] of Object.entries(outputs)) {
      const text = plainText(body)
      expect(text, key).not.toMatch(/\(\(|\)\)\)/)
      expect(text, key).not.toMatch(/\([^()]*\(EU\)[^()]*\)/)
    }
  })
})
