import { createRoute } from '@hono/zod-openapi'
import { ExportQuery } from '@seloste/schema'
import type { Context } from 'hono'
import { z } from 'zod'
import { RecordOfProcessingSchema } from '../exports/record-schema'
import { createRouter, serviceContext, type AppEnv } from '../lib/create-app'
import { errorResponses } from '../lib/openapi'
import { currentAuditHead, formatAuditHead } from '../services/audit'
import {
  CONTENT_TYPES,
  exportProcessorRegister,
  exportRecordOfProcessing,
  type ExportFile,
  type RecordFormat,
  type RegisterFormat,
} from '../services/exports'

const tags = ['Exports']
const file = z.string().meta({ type: 'string', format: 'binary' })

function send(c: Context<AppEnv>, f: ExportFile) {
  return c.body(typeof f.body === 'string' ? f.body : new Uint8Array(f.body), 200, {
    'Content-Type': f.contentType,
    'Content-Disposition': `${f.disposition}; filename="${f.fileName}"`,
    // The audit head after this export's own event: whoever keeps the file can later check that the
    // trail still holds it (pnpm audit:verify --expect-head <value>).
    'Seloste-Audit-Head': formatAuditHead(currentAuditHead(c.var.db)),
  })
}

const ASOF_NOTE =
  ' Add ?asOf=YYYY-MM-DD (or an ISO date-time) for the record as it stood then, rebuilt from the audit trail. Each export is written to the audit trail.'

const RECORD: Record<RecordFormat, [summary: string, description: string]> = {
  xlsx: [
    'The record of processing activities (XLSX)',
    'One row per activity and purpose, columns in the order of the ICO documentation template with every GDPR Art. 30(1)(a)-(g) item; a second sheet holds the controller.',
  ],
  csv: [
    'The record of processing activities (CSV)',
    "The spreadsheet's first sheet: UTF-8 with a byte order mark, cells that a spreadsheet would run as formulas prefixed with '.",
  ],
  json: [
    'The record of processing activities (JSON)',
    'The structured record: the controller and every activity with its recipients, derived transfers and retention.',
  ],
  html: [
    'The record of processing activities (printable HTML)',
    'A self-contained page to print, the controller at the top; served inline.',
  ],
  pdf: ['The record of processing activities (PDF)', 'The printable record as a PDF.'],
}

const REGISTER: Record<RegisterFormat, [summary: string, description: string]> = {
  xlsx: [
    'The processor register (XLSX)',
    'Every processor with its transfers and the status of its current DPA, and a sheet with one row per transfer.',
  ],
  csv: ['The processor register (CSV)', 'One row per processor, its transfers in one cell.'],
}

const content = (format: keyof typeof CONTENT_TYPES) => ({
  [CONTENT_TYPES[format].split(';')[0]!]: { schema: format === 'json' ? RecordOfProcessingSchema : file },
})

function recordRoute(format: RecordFormat) {
  const [summary, description] = RECORD[format]
  return createRoute({
    method: 'get',
    path: `/ropa.${format}`,
    tags,
    summary,
    description: description + ASOF_NOTE,
    request: { query: ExportQuery },
    responses: { 200: { description: 'The file', content: content(format) }, ...errorResponses(400) },
  })
}

function registerRoute(format: RegisterFormat) {
  const [summary, description] = REGISTER[format]
  return createRoute({
    method: 'get',
    path: `/processors.${format}`,
    tags,
    summary,
    description: description + ASOF_NOTE,
    request: { query: ExportQuery },
    responses: { 200: { description: 'The file', content: content(format) }, ...errorResponses(400) },
  })
}

/** Exports for auditors and the authority. GET routes, so every role may export; each export is audited. */
export const exportsRouter = createRouter()
  .openapi(recordRoute('xlsx'), async (c) =>
    send(c, await exportRecordOfProcessing(serviceContext(c), 'xlsx', c.req.valid('query'), c.var.reads)),
  )
  .openapi(recordRoute('csv'), async (c) =>
    send(c, await exportRecordOfProcessing(serviceContext(c), 'csv', c.req.valid('query'), c.var.reads)),
  )
  .openapi(recordRoute('json'), async (c) =>
    send(c, await exportRecordOfProcessing(serviceContext(c), 'json', c.req.valid('query'), c.var.reads)),
  )
  .openapi(recordRoute('html'), async (c) =>
    send(c, await exportRecordOfProcessing(serviceContext(c), 'html', c.req.valid('query'), c.var.reads)),
  )
  .openapi(recordRoute('pdf'), async (c) =>
    send(c, await exportRecordOfProcessing(serviceContext(c), 'pdf', c.req.valid('query'), c.var.reads)),
  )
  .openapi(registerRoute('xlsx'), async (c) =>
    send(c, await exportProcessorRegister(serviceContext(c), 'xlsx', c.req.valid('query'), c.var.reads)),
  )
  .openapi(registerRoute('csv'), async (c) =>
    send(c, await exportProcessorRegister(serviceContext(c), 'csv', c.req.valid('query'), c.var.reads)),
  )
