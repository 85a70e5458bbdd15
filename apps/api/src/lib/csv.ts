/**
 * The one CSV writer (RFC 4180) for every CSV Seloste writes: the exports and the public list.
 *
 * Written by hand because csv-stringify with `record_delimiter: '\r\n'` stops quoting fields that
 * hold a bare `\n`, which strict readers (Python's csv, LibreOffice, Excel) then split into extra
 * records. Here a field is quoted whenever it holds a comma, a quote, CR or LF (or starts or ends
 * with a space, which some spreadsheets trim), quotes are doubled, and records end with CRLF,
 * the last one too.
 */

/** Characters that make a spreadsheet read a cell (or a line of one) as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Neutralises formulas: a spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a
 * formula, so such a cell gets a leading apostrophe (OWASP's advice). Every line of a multi-line
 * cell is treated the same, not only the first: a reader that mishandles the quoted line break
 * (or a user who pastes one line into another cell) would otherwise start a cell with `=1+2`.
 */
export function neutraliseFormulas(text: string): string {
  return text
    .split(/(\r\n|\n|\r)/)
    .map((part, i) => (i % 2 === 0 && FORMULA_START.test(part) ? `'${part}` : part))
    .join('')
}

function field(value: string): string {
  return /[",\r\n]|^ | $/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

export interface CsvOptions {
  /** A UTF-8 byte order mark first, for readers that are spreadsheets (Excel guesses a legacy code page without it). */
  bom: boolean
}

/** Rows of cells to CSV: every cell's formulas neutralised, fields quoted where needed, CRLF after every record. */
export function toCsv(rows: readonly (readonly (string | number | boolean | null)[])[], options: CsvOptions): string {
  const body = rows.map((r) => r.map((v) => field(v === null ? '' : neutraliseFormulas(String(v)))).join(',') + '\r\n').join('')
  return (options.bom ? '\uFEFF' : '') + body
}
