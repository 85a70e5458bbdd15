import { createRoute } from '@hono/zod-openapi'
import { AuditExportQuery, AuditPage, AuditQuery, AuditVerification } from '@seloste/schema'
import type { Context } from 'hono'
import { z } from 'zod'
import { createRouter, serviceContext, type AppEnv } from '../lib/create-app'
import { errorResponses, jsonResponse } from '../lib/openapi'
import { currentAuditHead, formatAuditHead, listAuditEvents, verifyAuditChain } from '../services/audit'
import { exportAuditTrail, type AuditExportFormat } from '../services/audit-export'
import { CONTENT_TYPES, type ExportFile } from '../services/exports'

const tags = ['Audit trail']
const file = z.string().meta({ type: 'string', format: 'binary' })

function send(c: Context<AppEnv>, f: ExportFile) {
  return c.body(typeof f.body === 'string' ? f.body : new Uint8Array(f.body), 200, {
    'Content-Type': f.contentType,
    'Content-Disposition': `${f.disposition}; filename="${f.fileName}"`,
    'Seloste-Audit-Head': formatAuditHead(currentAuditHead(c.var.db)),
  })
}

function exportRoute(format: AuditExportFormat) {
  return createRoute({
    method: 'get',
    path: `/export.${format}`,
    tags,
    summary: `The audit trail as ${format.toUpperCase()}`,
    description:
      "Every event that matches the filters (as for the list, without paging), oldest first. The file carries the export time, the chain's head (events:hash, after this export's own event) and the result of verifying the chain when it was made. " +
      (format === 'csv'
        ? 'UTF-8 with a byte order mark; the stamp comes first as label,value records, then an empty record, then the header and the events.'
        : 'A sheet with the stamp, and a sheet of events with sequence numbers as numbers and times as dates.') +
      ' Each export is written to the audit trail.',
    request: { query: AuditExportQuery },
    responses: {
      200: { description: 'The file', content: { [CONTENT_TYPES[format].split(';')[0]!]: { schema: file } } },
      ...errorResponses(400, 401),
    },
  })
}

export const auditRouter = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Audit events, newest first, with filters',
      request: { query: AuditQuery },
      responses: { 200: jsonResponse(AuditPage, 'A page of events'), ...errorResponses(400, 401) },
    }),
    (c) => c.json(listAuditEvents(c.var.db, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/verify',
      tags,
      summary: 'Verify the hash chain of the whole trail',
      responses: { 200: jsonResponse(AuditVerification, 'Intact, or where the chain breaks'), ...errorResponses(401) },
    }),
    (c) => c.json(verifyAuditChain(c.var.db), 200),
  )
  .openapi(exportRoute('csv'), async (c) => send(c, await exportAuditTrail(serviceContext(c), 'csv', c.req.valid('query'))))
  .openapi(exportRoute('xlsx'), async (c) => send(c, await exportAuditTrail(serviceContext(c), 'xlsx', c.req.valid('query'))))
