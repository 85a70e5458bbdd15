import { createRoute } from '@hono/zod-openapi'
import { AuditPage, AuditQuery, AuditVerification } from '@seloste/schema'
import { createRouter } from '../lib/create-app'
import { errorResponses, jsonResponse } from '../lib/openapi'
import { listAuditEvents, verifyAuditChain } from '../services/audit'

const tags = ['Audit trail']

export const auditRouter = createRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/', tags, summary: 'Audit events, newest first, with filters',
      request: { query: AuditQuery },
      responses: { 200: jsonResponse(AuditPage, 'A page of events'), ...errorResponses(400, 401) },
    }),
    (c) => c.json(listAuditEvents(c.var.db, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/verify', tags, summary: 'Verify the hash chain of the whole trail',
      responses: { 200: jsonResponse(AuditVerification, 'Intact, or where the chain breaks'), ...errorResponses(401) },
    }),
    (c) => c.json(verifyAuditChain(c.var.db), 200),
  )
