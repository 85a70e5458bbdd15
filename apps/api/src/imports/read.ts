/**
 * Reading an uploaded spreadsheet into rows of text, refusing what is not safe to open.
 * XLSX: the zip is inspected (and every entry inflated with a cap) before ExcelJS sees it, so a zip
 * bomb is refused without ever being expanded; formulas are read as the value the spreadsheet saved
 * with them, never evaluated. CSV: strict UTF-8, no NUL, every row as long as the header.
 */
import { IMPORT_MAX_COLUMNS, IMPORT_MAX_ROWS } from '@seloste/schema'
import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { inflateRawSync } from 'node:zlib'
import { invalid } from '../lib/app-error'

/** The workbook's XML may expand to at most this much in all (a real register is a few MB). */
export const MAX_EXPANDED_BYTES = 40 * 1024 * 1024
/** No entry may expand more than this many times its compressed size (XML compresses ~10-20x; bombs 1000x+). */
export const MAX_RATIO = 200
const MAX_ENTRIES = 2000

export interface Sheet {
  name: string
  /** Cells as text, row by row; a row's cells beyond its last value are ''. */
  rows: string[][]
  /** Cells that could not be read as a value ("row:column" 0-based -> problem). */
  cellProblems: Map<string, string>
}

const fileProblem = (message: string) => invalid([{ path: 'file', message }], message)

export function readUpload(fileName: string, bytes: Uint8Array): Promise<Sheet[]> {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return Promise.resolve([readCsv(fileName, bytes)])
  if (lower.endsWith('.xlsx')) return readXlsx(bytes)
  throw fileProblem('Upload an .xlsx workbook or a .csv file')
}

// ---- CSV ------------------------------------------------------------------------------

function readCsv(fileName: string, bytes: Uint8Array): Sheet {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw fileProblem('The CSV file is not UTF-8 text (save it as "CSV UTF-8")')
  }
  if (text.includes('\u0000')) throw fileProblem('The CSV file contains NUL characters: it is not a text file')
  text = text.replace(/^\uFEFF/, '')
  // A spreadsheet saved with semicolons (the Finnish Excel default) is read as such.
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
  let rows: string[][]
  try {
    rows = parseCsv(text, {
      delimiter,
      relax_column_count: false,
      skip_empty_lines: true,
      max_record_size: 100_000,
      to: IMPORT_MAX_ROWS + 2,
    }) as string[][]
  } catch (err) {
    const e = err as { code?: string; lines?: number; message: string }
    if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || e.code === 'CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH') {
      throw fileProblem(`Line ${e.lines ?? '?'} of the CSV file has a different number of fields than the header row`)
    }
    throw fileProblem(`The CSV file cannot be read: ${e.message.replace(/^Invalid Record Length: /, '')}`)
  }
  checkSize(rows)
  return { name: fileName.replace(/\.[^.]*$/, ''), rows, cellProblems: new Map() }
}

function checkSize(rows: string[][]): void {
  if (rows.length > IMPORT_MAX_ROWS + 1) throw fileProblem(`The file has more than ${IMPORT_MAX_ROWS} rows; split it into smaller files`)
  if (rows.some((r) => r.length > IMPORT_MAX_COLUMNS)) throw fileProblem(`The file has more than ${IMPORT_MAX_COLUMNS} columns`)
}

// ---- XLSX -----------------------------------------------------------------------------

/**
 * Walks the zip's central directory and inflates every entry with a cap of what it declares: an
 * entry that lies about its size, a ratio or total over the limits, encryption or an unknown
 * compression method is refused. Returns nothing: ExcelJS then reads a zip known to be small.
 */
export function checkZip(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw fileProblem('The file is not an XLSX workbook (it is not a zip archive)')
  let eocd = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw fileProblem('The XLSX workbook is damaged (no zip directory)')
  const entries = buf.readUInt16LE(eocd + 10)
  let at = buf.readUInt32LE(eocd + 16)
  if (entries > MAX_ENTRIES) throw fileProblem('The XLSX workbook has too many parts')
  let total = 0
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw fileProblem('The XLSX workbook is damaged (bad zip directory)')
    const flags = buf.readUInt16LE(at + 8)
    const method = buf.readUInt16LE(at + 10)
    const compressed = buf.readUInt32LE(at + 20)
    const size = buf.readUInt32LE(at + 24)
    const nameLength = buf.readUInt16LE(at + 28)
    const extraLength = buf.readUInt16LE(at + 30)
    const commentLength = buf.readUInt16LE(at + 32)
    const local = buf.readUInt32LE(at + 42)
    if (flags & 1) throw fileProblem('The XLSX workbook is encrypted or password-protected')
    if (compressed === 0xffffffff || size === 0xffffffff) throw fileProblem('The XLSX workbook is too large (zip64)')
    total += size
    if (total > MAX_EXPANDED_BYTES) throw fileProblem('The XLSX workbook expands to too much data (a zip bomb?)')
    if (size > 1024 * 1024 && size > compressed * MAX_RATIO)
      throw fileProblem('The XLSX workbook is compressed suspiciously well (a zip bomb?)')
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw fileProblem('The XLSX workbook is damaged (bad zip entry)')
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    if (start + compressed > buf.length) throw fileProblem('The XLSX workbook is damaged (truncated)')
    const data = buf.subarray(start, start + compressed)
    if (method === 8) {
      let out: Buffer
      try {
        out = inflateRawSync(data, { maxOutputLength: size + 1 })
      } catch {
        throw fileProblem('The XLSX workbook is damaged, or a part expands to more than it declares (a zip bomb?)')
      }
      if (out.length !== size) throw fileProblem('The XLSX workbook is damaged (a part is not the size it declares)')
    } else if (method !== 0) {
      throw fileProblem('The XLSX workbook uses an unsupported compression')
    } else if (compressed !== size) {
      throw fileProblem('The XLSX workbook is damaged (a stored part is not the size it declares)')
    }
    at += 46 + nameLength + extraLength + commentLength
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A cell's value as text: dates as YYYY-MM-DD (with the time when there is one), formulas as their saved result. */
function cellText(value: ExcelJS.CellValue): { text: string; problem?: string } {
  if (value === null || value === undefined) return { text: '' }
  if (typeof value === 'string') return { text: value }
  if (typeof value === 'number') return { text: Number.isFinite(value) ? String(value) : '' }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' }
  if (value instanceof Date) {
    const d = value
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
    const time =
      d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds()
        ? `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`
        : ''
    return { text: date + time }
  }
  if (typeof value === 'object') {
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') }
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result
      if (result === undefined || result === null)
        return {
          text: '',
          problem:
            'A formula with no saved value (formulas are not calculated here: save the sheet in a spreadsheet program, or type the value)',
        }
      if (typeof result === 'object' && 'error' in (result as object))
        return { text: '', problem: `A formula whose saved value is an error (${(result as { error: string }).error})` }
      return cellText(result as ExcelJS.CellValue)
    }
    if ('error' in value) return { text: '', problem: `An error value (${value.error})` }
    if ('text' in value) {
      const text = (value as { text: unknown }).text
      return typeof text === 'string' ? { text } : cellText(text as ExcelJS.CellValue)
    }
  }
  return { text: '', problem: 'A value of a kind that cannot be read' }
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet[]> {
  checkZip(bytes)
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer)
  } catch {
    throw fileProblem('The XLSX workbook cannot be read (damaged, or not a workbook)')
  }
  const sheets: Sheet[] = []
  for (const ws of workbook.worksheets) {
    if (ws.rowCount > IMPORT_MAX_ROWS + 50)
      throw fileProblem(`The sheet "${ws.name}" has more than ${IMPORT_MAX_ROWS} rows; split it into smaller files`)
    if (ws.columnCount > IMPORT_MAX_COLUMNS) throw fileProblem(`The sheet "${ws.name}" has more than ${IMPORT_MAX_COLUMNS} columns`)
    const rows: string[][] = []
    const cellProblems = new Map<string, string>()
    const width = ws.columnCount
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r)
      const cells: string[] = []
      for (let c = 1; c <= width; c++) {
        const { text, problem } = cellText(row.getCell(c).value)
        cells.push(text)
        if (problem) cellProblems.set(`${r - 1}:${c - 1}`, problem)
      }
      rows.push(cells)
    }
    // Trailing empty rows (formatting only) are not rows of data.
    while (rows.length && rows[rows.length - 1]!.every((v) => v.trim() === '')) rows.pop()
    if (rows.length > IMPORT_MAX_ROWS + 1 + 10)
      throw fileProblem(`The sheet "${ws.name}" has more than ${IMPORT_MAX_ROWS} rows; split it into smaller files`)
    sheets.push({ name: ws.name, rows, cellProblems })
  }
  if (sheets.length === 0) throw fileProblem('The workbook has no sheets')
  return sheets
}
