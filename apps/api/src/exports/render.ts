/** Renderers of the exports: tables to XLSX and CSV, the record to a printable HTML page. */
import { ART9_CONDITION_LABELS, LEGAL_BASIS_LABELS, isBlank, type Language } from '@seloste/schema'
import ExcelJS from 'exceljs'
import { PassThrough } from 'node:stream'
import { neutraliseFormulas, toCsv } from '../lib/csv'
import { controllerText, ropaTable, type CellType, type RecordOfProcessing, type Table } from './record'
import { ACTIVITY_LEVEL_COLUMNS, ROPA_COLUMNS, WORDS, humanDateTime, pick } from './texts'

/** A spreadsheet can run a cell that starts with = + - @ (or a tab or carriage return) as a formula: such text (and such a line of it) gets a leading '. */
export const safeCell = neutraliseFormulas

/** CSV (RFC 4180, CRLF) with a byte order mark: its readers are spreadsheet programs, which need it to read UTF-8 (ä, ö, Ł) correctly. */
export function renderCsv(table: Table): string {
  return toCsv([table.columns.map((c) => c.header), ...table.rows], { bom: true })
}

const NUMBER_FORMATS: Partial<Record<CellType, string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm:ss' }

/**
 * A cell as its column's kind: ids as numbers, dates as real dates (a spreadsheet sorts and filters
 * them as dates), an empty cell as no value. Times are UTC, as recorded. Anything that does not
 * look like its kind stays text rather than being guessed.
 */
function cellValue(text: string, type: CellType | undefined): string | number | Date | null {
  if (text === '') return null
  if (type === 'integer' && /^\d{1,15}$/.test(text)) return Number(text)
  if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(`${text}T00:00:00Z`)
  if (type === 'datetime' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(text)) return new Date(text)
  return text
}

/**
 * An XLSX workbook with one sheet per table, written with ExcelJS's streaming writer (about twice
 * as fast as the in-memory workbook on a large register). Tables with headers get a bold, frozen
 * header row and a filter; a table whose headers are all empty (label/value pairs) is written as it
 * is. Columns that hold several lines in a cell wrap their text. Ids are numbers and dates are
 * dates (see cellValue); every other value is text, never a formula.
 */
export async function renderXlsx(tables: Table[], meta: { title: string; created: Date }): Promise<Uint8Array> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    out.on('error', reject)
  })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  workbook.creator = 'Seloste'
  workbook.title = meta.title
  workbook.created = meta.created
  for (const table of tables) {
    const hasHeader = table.columns.some((c) => c.header !== '')
    const sheet = workbook.addWorksheet(table.name.slice(0, 31), hasHeader ? { views: [{ state: 'frozen', ySplit: 1 }] } : {})
    const multiline = table.columns.map((_, i) => table.rows.some((r) => r[i]!.includes('\n')))
    sheet.columns = table.columns.map((c, i) => ({
      width: c.width,
      ...(multiline[i] && { style: { alignment: { wrapText: true, vertical: 'top' } } }),
    }))
    if (hasHeader) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } }
      const header = sheet.addRow(table.columns.map((c) => c.header))
      header.font = { bold: true }
      header.alignment = { wrapText: true, vertical: 'top' }
      header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } }
      header.commit()
    }
    for (const values of table.rows) {
      const row = sheet.addRow(values.map((v, i) => cellValue(v, table.columns[i]?.type)))
      table.columns.forEach((c, i) => {
        const format = c.type && NUMBER_FORMATS[c.type]
        if (format && values[i]) row.getCell(i + 1).numFmt = format
      })
      if (!hasHeader) row.getCell(1).font = { bold: true }
      row.commit()
    }
    sheet.commit()
  }
  await workbook.commit()
  await finished
  return new Uint8Array(Buffer.concat(chunks))
}

/** Escapes text for HTML content and attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

const STYLE = `
  body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
  h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #333; padding-bottom: .2rem; }
  h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
  .controller { border: 1px solid #999; padding: .6rem .8rem; white-space: pre-line; }
  .meta { color: #444; }
  table { border-collapse: collapse; width: 100%; margin: .3rem 0 1rem; }
  th, td { border: 1px solid #bbb; padding: .3rem .45rem; text-align: left; vertical-align: top; white-space: pre-line; }
  th { background: #eef2f6; }
  table.fields th { width: 32%; font-weight: 600; }
  .art { color: #555; font-weight: normal; font-size: .85em; }
  section.activity { break-inside: auto; }
  section.activity h2 { break-after: avoid; }
  tr { break-inside: avoid; }
  @media print { body { margin: 0; max-width: none; font-size: 9.5pt; } a { color: inherit; text-decoration: none; } }
`

function row(label: string, value: string, art?: string): string {
  const cell = value === '' ? '—' : value
  return `<tr><th>${esc(label)}${art ? ` <span class="art">(${esc(art)})</span>` : ''}</th><td>${esc(cell)}</td></tr>`
}

/**
 * The record as a self-contained, printable page: the controller at the top, then one section per
 * activity with the fields of the spreadsheet's columns and a table of its purposes. No scripts;
 * every value is escaped.
 */
export function renderRopaHtml(doc: RecordOfProcessing, lang: Language): string {
  const w = WORDS[lang]
  const table = ropaTable(doc, lang)
  const column = (key: (typeof ROPA_COLUMNS)[number]['key']) => ROPA_COLUMNS.findIndex((c) => c.key === key)
  const header = (key: (typeof ROPA_COLUMNS)[number]['key']) => ROPA_COLUMNS[column(key)]!
  // The spreadsheet's activity-level cells, taken from the first row of each activity, so that both formats say the same.
  const firstRows = new Map<string, string[]>()
  for (const r of table.rows) if (!firstRows.has(r[column('activityId')]!)) firstRows.set(r[column('activityId')]!, r)
  const activityFields = ACTIVITY_LEVEL_COLUMNS

  const sections = doc.activities.map((a) => {
    const cells = firstRows.get(String(a.id)) ?? []
    const fields = activityFields.map((k) => {
      const c = header(k)
      return row(c[lang], cells[column(k)] ?? '', 'art30' in c ? `Art. 30(1)(${c.art30})` : undefined)
    })
    const special = a.dataCategories.some((c) => c.special)
    const purposes = a.purposes.map((p, i) => {
      const basis = p.legalBasis
        ? `${LEGAL_BASIS_LABELS[p.legalBasis][lang]}${p.legalReference ? `: ${p.legalReference}` : ''}`
        : w.notRecorded
      const details = [
        isBlank(p.legitimateInterest) ? '' : `${header('legitimateInterest')[lang]}: ${pick(p.legitimateInterest, lang)}`,
        p.liaUrl ? `${header('liaLink')[lang]}: ${p.liaUrl}` : '',
        p.legalBasis === 'a'
          ? `${w.collected}: ${pick(p.consentCollection, lang)}\n${w.withdrawn}: ${pick(p.consentWithdrawal, lang)}`
          : '',
        p.art9Condition
          ? `${header('art9')[lang]}: ${ART9_CONDITION_LABELS[p.art9Condition][lang]}`
          : special
            ? `${header('art9')[lang]}: ${w.notRecorded}`
            : '',
      ].filter(Boolean)
      return `<tr><td>${i + 1}</td><td>${esc(pick(p.description, lang))}</td><td>${esc(basis)}</td><td>${esc(details.join('\n') || '—')}</td></tr>`
    })
    const description = pick(a.description, lang)
    return `<section class="activity" id="activity-${a.id}">
<h2>${esc(pick(a.name, lang))}</h2>
${description ? `<p>${esc(description)}</p>` : ''}
<h3>${esc(w.purposes)} <span class="art">(Art. 30(1)(b))</span></h3>
<table><thead><tr><th>#</th><th>${esc(header('purpose')[lang])}</th><th>${esc(header('legalBasis')[lang])}</th><th>${esc(w.details)}</th></tr></thead>
<tbody>${purposes.join('\n')}</tbody></table>
<table class="fields"><tbody>
${fields.join('\n')}
</tbody></table>
</section>`
  })

  const moment = doc.asOf ? w.asOfPast(humanDateTime(doc.asOf, lang)) : w.asOfNow
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(w.ropaTitle)}${doc.controller ? ` – ${esc(doc.controller.name)}` : ''}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(w.ropaTitle)}</h1>
<div class="controller"><strong>${esc(header('controller')[lang])}</strong> <span class="art">(Art. 30(1)(a))</span>
${esc(controllerText(doc.controller, lang) || w.notRecorded)}</div>
<p class="meta">${esc(w.asOf)}: ${esc(moment)}. ${esc(w.generatedAt)}: ${esc(humanDateTime(doc.generatedAt, lang))}. ${esc(w.activities)}: ${doc.activities.length}.</p>
</header>
<main>
${sections.join('\n') || `<p>${esc(w.noActivities)}</p>`}
</main>
</body>
</html>
`
}
