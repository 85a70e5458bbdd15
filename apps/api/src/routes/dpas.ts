import { createRoute } from '@hono/zod-openapi'
import { MESSAGES, Dpa, DpaInput, DpaUpdate, IdParam } from '@seloste/schema'
import { z } from 'zod'
import { invalid } from '../lib/app-error'
import { createRouter, serviceContext } from '../lib/create-app'
import { errorResponses, jsonBody, jsonResponse } from '../lib/openapi'
import {
  attachDpaDocument,
  createDpa,
  deleteDpa,
  getDpa,
  readDpaDocument,
  removeDpaDocument,
  safeFileName,
  updateDpa,
} from '../services/dpas'
import { VersionQuery } from './processors'

const tags = ['Data processing agreements']

const FILE_FIELD_MESSAGE = MESSAGES.file_missing
// The validator parses the multipart form; `file` must stay a File (binary), so it is not typed as a string here.
const UploadBody = z.strictObject({
  file: z
    .custom<File>((v) => v instanceof File, { message: FILE_FIELD_MESSAGE })
    .meta({ type: 'string', format: 'binary', description: 'The signed DPA as a PDF' }),
})

export const dpasRouter = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/processors/{id}/dpas',
      tags,
      summary: 'Add a DPA (a new version of the agreement)',
      request: { params: IdParam, body: jsonBody(DpaInput) },
      responses: { 201: jsonResponse(Dpa, 'The created DPA'), ...errorResponses(400, 404, 413) },
    }),
    (c) => c.json(createDpa(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/dpas/{id}',
      tags,
      summary: 'Get a DPA',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Dpa, 'The DPA'), ...errorResponses(400, 404) },
    }),
    (c) => c.json(getDpa(c.var.db, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/dpas/{id}',
      tags,
      summary: 'Update a DPA (optimistic concurrency by version)',
      request: { params: IdParam, body: jsonBody(DpaUpdate) },
      responses: { 200: jsonResponse(Dpa, 'The updated DPA'), ...errorResponses(400, 404, 409, 413) },
    }),
    (c) => c.json(updateDpa(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/dpas/{id}',
      tags,
      summary: 'Delete a DPA',
      request: { params: IdParam, query: VersionQuery },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 404, 409) },
    }),
    (c) => {
      deleteDpa(serviceContext(c), c.req.valid('param').id, c.req.valid('query').version)
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/dpas/{id}/document',
      tags,
      summary: 'Upload the DPA document (PDF, at most 10 MiB)',
      request: { params: IdParam, body: { required: true, content: { 'multipart/form-data': { schema: UploadBody } } } },
      responses: { 200: jsonResponse(Dpa, 'The DPA with its document'), ...errorResponses(400, 404, 413) },
    }),
    async (c) => {
      // The validator has already read the multipart body (the raw body is consumed): take the file from it.
      const file: unknown = c.req.valid('form').file
      if (!(file instanceof File)) throw invalid([{ path: 'file', message: FILE_FIELD_MESSAGE }])
      const bytes = new Uint8Array(await file.arrayBuffer())
      return c.json(attachDpaDocument(serviceContext(c), c.req.valid('param').id, file.name, bytes), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/dpas/{id}/document',
      tags,
      summary: 'Download the DPA document',
      request: { params: IdParam },
      responses: {
        200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string().meta({ type: 'string', format: 'binary' }) } } },
        ...errorResponses(400, 404),
      },
    }),
    (c) => {
      const doc = readDpaDocument(c.var.db, c.req.valid('param').id)
      // Documents stored before names were normalised may still be called .html or .svg: served as .pdf.
      const fileName = safeFileName(doc.fileName)
      return c.body(new Uint8Array(doc.content), 200, {
        'Content-Type': 'application/pdf',
        // filename= must be plain ASCII (a header cannot carry other characters); filename* keeps the real name.
        'Content-Disposition': `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'X-Content-Type-Options': 'nosniff',
        Digest: `sha-256=${Buffer.from(doc.sha256, 'hex').toString('base64')}`,
      })
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/dpas/{id}/document',
      tags,
      summary: 'Remove the DPA document',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...errorResponses(400, 404) },
    }),
    (c) => {
      removeDpaDocument(serviceContext(c), c.req.valid('param').id)
      return c.body(null, 204)
    },
  )
