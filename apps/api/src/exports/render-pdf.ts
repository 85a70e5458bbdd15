/**
 * The record of processing as a PDF (pdfkit, pure JavaScript, nothing fetched). It lays out the
 * same texts as the HTML page: the controller at the top, then each activity with its purposes
 * and the fields of the spreadsheet's columns.
 *
 * The PDF standard fonts (Helvetica) cover Western European text (Finnish and Swedish letters,
 * quotes, dashes, the euro sign); other scripts would need an embedded font.
 */
import { ART9_CONDITION_LABELS, LEGAL_BASIS_LABELS, isBlank, type Language } from '@seloste/schema'
import PDFDocument from 'pdfkit'
import { controllerText, ropaTable, type RecordOfProcessing } from './record'
import { ACTIVITY_LEVEL_COLUMNS, ROPA_COLUMNS, WORDS, pick } from './texts'

type ColumnKey = (typeof ROPA_COLUMNS)[number]['key']

const ACTIVITY_FIELDS: readonly ColumnKey[] = ACTIVITY_LEVEL_COLUMNS

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
    info: { Title: w.ropaTitle, Author: doc.controller?.name ?? 'Seloste', Creator: 'Seloste', CreationDate: new Date(doc.generatedAt) },
  })
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
  let current = { font: 'Helvetica', size: 10 }
  const use = (font: string, size: number) => {
    current = { font, size }
    return pdf.font(font).fontSize(size)
  }
  const number = () => {
    const { x, y } = pdf
    const bottom = pdf.page.margins.bottom
    pdf.page.margins.bottom = 0
    pdf.font('Helvetica').fontSize(8).text(String(pageNumber++), pdf.page.margins.left, pdf.page.height - 30, { width, align: 'right' })
    pdf.page.margins.bottom = bottom
    pdf.font(current.font).fontSize(current.size)
    pdf.x = x
    pdf.y = y
  }
  number()
  pdf.on('pageAdded', number)
  const heading = (text: string, size: number) => {
    if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 80) pdf.addPage()
    pdf.moveDown(0.6)
    use('Helvetica-Bold', size).text(text, { width })
    pdf.moveDown(0.2)
  }
  const field = (label: string, value: string) => {
    use('Helvetica-Bold', 9).text(label, { width })
    use('Helvetica', 9).text(value === '' ? '—' : value, { width, indent: 10 })
    pdf.moveDown(0.25)
  }

  use('Helvetica-Bold', 16).text(w.ropaTitle, { width })
  pdf.moveDown(0.5)
  field(`${column('controller')[lang]} (Art. 30(1)(a))`, controllerText(doc.controller, lang) || w.notRecorded)
  use('Helvetica', 9).text(`${w.asOf}: ${doc.asOf ? w.asOfPast(doc.asOf) : w.asOfNow}. ${w.generatedAt}: ${doc.generatedAt}.`, { width })
  if (doc.activities.length === 0) use('Helvetica', 10).moveDown().text(w.noActivities)

  for (const a of doc.activities) {
    const cells = firstRows.get(String(a.id)) ?? []
    heading(pick(a.name, lang), 13)
    const description = pick(a.description, lang)
    if (description) use('Helvetica', 9.5).text(description, { width }).moveDown(0.3)
    use('Helvetica-Bold', 10.5).text(`${w.purposes} (Art. 30(1)(b))`, { width }).moveDown(0.2)
    const special = a.dataCategories.some((c) => c.special)
    a.purposes.forEach((p, i) => {
      const basis = p.legalBasis ? `${LEGAL_BASIS_LABELS[p.legalBasis][lang]}${p.legalReference ? `: ${p.legalReference}` : ''}` : w.notRecorded
      const details = [
        `${column('legalBasis')[lang]}: ${basis}`,
        isBlank(p.legitimateInterest) ? '' : `${column('legitimateInterest')[lang]}: ${pick(p.legitimateInterest, lang)}`,
        p.liaUrl ? `${column('liaLink')[lang]}: ${p.liaUrl}` : '',
        p.legalBasis === 'a' ? `${w.collected}: ${pick(p.consentCollection, lang)}\n${w.withdrawn}: ${pick(p.consentWithdrawal, lang)}` : '',
        p.art9Condition ? `${column('art9')[lang]}: ${ART9_CONDITION_LABELS[p.art9Condition][lang]}` : special ? `${column('art9')[lang]}: ${w.notRecorded}` : '',
      ].filter(Boolean)
      field(`${i + 1}. ${pick(p.description, lang)}`, details.join('\n'))
    })
    pdf.moveDown(0.3)
    for (const key of ACTIVITY_FIELDS) {
      const c = column(key)
      field('art30' in c ? `${c[lang]} (Art. 30(1)(${c.art30}))` : c[lang], cells[index(key)] ?? '')
    }
  }

  pdf.end()
  return done
}
