/**
 * The record of processing as a PDF (pdfkit, pure JavaScript, nothing fetched). It lays out the
 * same texts as the HTML page: the controller at the top, then each activity with its purposes
 * and the fields of the spreadsheet's columns.
 *
 * The text is set in DejaVu Sans, embedded (subset) from the dejavu-fonts-ttf npm package: the PDF
 * standard fonts (Helvetica) cover Latin-1 only and garble names such as "Łódź", Greek or Cyrillic.
 * The document is tagged (PDF 1.7, a structure tree of headings and paragraphs, the language, the
 * title shown in the window, page numbers marked as artifacts) so that screen readers can read it.
 */
import { ART9_CONDITION_LABELS, LEGAL_BASIS_LABELS, isBlank, type Language } from '@seloste/schema'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { controllerText, ropaTable, type RecordOfProcessing } from './record'
import { ACTIVITY_LEVEL_COLUMNS, ROPA_COLUMNS, WORDS, humanDateTime, pick } from './texts'

type ColumnKey = (typeof ROPA_COLUMNS)[number]['key']

const ACTIVITY_FIELDS: readonly ColumnKey[] = ACTIVITY_LEVEL_COLUMNS

/** The regular and bold faces, read once per thread from the package (no download at run time). */
let fonts: { regular: Buffer; bold: Buffer } | undefined
function loadFonts() {
  if (!fonts) {
    const require = createRequire(import.meta.url)
    const file = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`))
    fonts = { regular: file('DejaVuSans.ttf'), bold: file('DejaVuSans-Bold.ttf') }
  }
  return fonts
}
const REGULAR = 'Regular'
const BOLD = 'Bold'

/** pdfkit's open marked-content sequences of the page (not in its type definitions). */
type Markings = { page: { markings: unknown[] }; initPageMarkings(markings: unknown[]): void }

export function renderRopaPdf(doc: RecordOfProcessing, lang: Language): Promise<Uint8Array> {
  const w = WORDS[lang]
  const table = ropaTable(doc, lang)
  const index = (key: ColumnKey) => ROPA_COLUMNS.findIndex((c) => c.key === key)
  const column = (key: ColumnKey) => ROPA_COLUMNS[index(key)]!
  const firstRows = new Map<string, string[]>()
  for (const r of table.rows) if (!firstRows.has(r[index('activityId')]!)) firstRows.set(r[index('activityId')]!, r)

  const pdf = new PDFDocument({
    size: 'A4',
    margin: 50,
    pdfVersion: '1.7',
    tagged: true,
    lang,
    displayTitle: true,
    info: { Title: w.ropaTitle, Author: doc.controller?.name ?? 'Seloste', Creator: 'Seloste', CreationDate: new Date(doc.generatedAt) },
  })
  const { regular, bold } = loadFonts()
  pdf.registerFont(REGULAR, regular)
  pdf.registerFont(BOLD, bold)
  const root = pdf.struct('Document')
  pdf.addStructure(root)
  let section = root
  const chunks: Buffer[] = []
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    pdf.on('error', reject)
  })

  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right
  // Page numbers as each page starts (pages are not kept in memory to number them "n / total" at the end: a large record has thousands).
  // A page can start in the middle of a text, so the number is drawn and the text's font and place restored.
  let pageNumber = 1
  let current = { font: REGULAR, size: 10 }
  const use = (font: string, size: number) => {
    current = { font, size }
    return pdf.font(font).fontSize(size)
  }
  const number = () => {
    const { x, y } = pdf
    const bottom = pdf.page.margins.bottom
    // The number is an artifact, not content: close the text's marked content that pdfkit reopened on
    // the new page, mark the number, then reopen the text's (it continues the same structure element).
    const marked = pdf as unknown as Markings
    const open = marked.page.markings.slice()
    while (marked.page.markings.length) pdf.endMarkedContent()
    pdf.markContent('Artifact', { type: 'Pagination' })
    pdf.page.margins.bottom = 0
    pdf
      .font(REGULAR)
      .fontSize(8)
      .text(String(pageNumber++), pdf.page.margins.left, pdf.page.height - 30, { width, align: 'right' })
    pdf.page.margins.bottom = bottom
    pdf.endMarkedContent()
    marked.initPageMarkings(open)
    pdf.font(current.font).fontSize(current.size)
    pdf.x = x
    pdf.y = y
  }
  /** Text as one structure element (a heading or a paragraph) of the current section. */
  const tagged = (type: string, font: string, size: number, text: string, options: PDFKit.Mixins.TextOptions) => {
    section.add(pdf.struct(type, {}, () => use(font, size).text(text, options)))
  }
  number()
  pdf.on('pageAdded', number)
  const heading = (text: string, size: number) => {
    if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 80) pdf.addPage()
    pdf.moveDown(0.6)
    tagged(size >= 13 ? 'H2' : 'H3', BOLD, size, text, { width })
    pdf.moveDown(0.2)
  }
  const field = (label: string, value: string) => {
    tagged('P', BOLD, 9, label, { width })
    tagged('P', REGULAR, 9, value === '' ? '—' : value, { width, indent: 10 })
    pdf.moveDown(0.25)
  }

  tagged('H1', BOLD, 16, w.ropaTitle, { width })
  pdf.moveDown(0.5)
  field(`${column('controller')[lang]} (Art. 30(1)(a))`, controllerText(doc.controller, lang) || w.notRecorded)
  tagged(
    'P',
    REGULAR,
    9,
    `${w.asOf}: ${doc.asOf ? w.asOfPast(humanDateTime(doc.asOf, lang)) : w.asOfNow}. ${w.generatedAt}: ${humanDateTime(doc.generatedAt, lang)}.`,
    { width },
  )
  if (doc.activities.length === 0) {
    pdf.moveDown()
    tagged('P', REGULAR, 10, w.noActivities, {})
  }

  for (const a of doc.activities) {
    const cells = firstRows.get(String(a.id)) ?? []
    section = pdf.struct('Sect')
    root.add(section)
    heading(pick(a.name, lang), 13)
    const description = pick(a.description, lang)
    if (description) {
      tagged('P', REGULAR, 9.5, description, { width })
      pdf.moveDown(0.3)
    }
    tagged('H3', BOLD, 10.5, `${w.purposes} (Art. 30(1)(b))`, { width })
    pdf.moveDown(0.2)
    const special = a.dataCategories.some((c) => c.special)
    a.purposes.forEach((p, i) => {
      const basis = p.legalBasis
        ? `${LEGAL_BASIS_LABELS[p.legalBasis][lang]}${p.legalReference ? `: ${p.legalReference}` : ''}`
        : w.notRecorded
      const details = [
        `${column('legalBasis')[lang]}: ${basis}`,
        isBlank(p.legitimateInterest) ? '' : `${column('legitimateInterest')[lang]}: ${pick(p.legitimateInterest, lang)}`,
        p.liaUrl ? `${column('liaLink')[lang]}: ${p.liaUrl}` : '',
        p.legalBasis === 'a'
          ? `${w.collected}: ${pick(p.consentCollection, lang)}\n${w.withdrawn}: ${pick(p.consentWithdrawal, lang)}`
          : '',
        p.art9Condition
          ? `${column('art9')[lang]}: ${ART9_CONDITION_LABELS[p.art9Condition][lang]}`
          : special
            ? `${column('art9')[lang]}: ${w.notRecorded}`
            : '',
      ].filter(Boolean)
      field(`${i + 1}. ${pick(p.description, lang)}`, details.join('\n'))
    })
    pdf.moveDown(0.3)
    for (const key of ACTIVITY_FIELDS) {
      const c = column(key)
      field('art30' in c ? `${c[lang]} (Art. 30(1)(${c.art30}))` : c[lang], cells[index(key)] ?? '')
    }
    section.end()
  }

  root.end()
  pdf.end()
  return done
}
