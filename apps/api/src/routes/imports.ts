import { createRoute } from '@hono/zod-openapi'
import { IMPORT_MAX_BYTES, ImportIdParam, ImportMapping, ImportPreview, ImportResult } from '@seloste/schema'
import { z } from 'zod'
import { AppError, invalid } from '../lib/app-error'
import { createRouter, serviceContext } from '../lib/create-app'
import { errorResponses, jsonBody, jsonResponse } from '../lib/openapi'
import { commitImport, createImport, getImport, updateImportMapping } from '../services/imports'

const tags = ['Imports']

const FILE_FIELD_MESSAGE = 'Attach the spreadsheet (.xlsx or .csv) as the "file" field of a multipart form'
const UploadBody = z.strictObject({
  file: z
    .custom<File>((v) => v instanceof File, { message: FILE_FIELD_MESSAGE })
    .meta({ type: 'string', format: 'binary', description: `An .xlsx workbook or a UTF-8 .csv file, at most ${IMPORT_MAX_BYTES} bytes` }),
})

/** Import processors or activities from a spreadsheet: upload, map, preview, commit (administrators only). */
export const importsRouter = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Upload a spreadsheet to import: returns the guessed mapping and a preview (nothing is written)',
      request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadBody } } } },
      responses: { 201: jsonResponse(ImportPreview, 'The import with its mapping and preview'), ...errorResponses(400, 413) },
    }),
    async (c) => {
      const file: unknown = c.req.valid('form').file
      if (!(file instanceof File)) throw invalid([{ path: 'file', message: FILE_FIELD_MESSAGE }])
      // Checked before a byte of it is parsed.
      if (file.size > IMPORT_MAX_BYTES)
        throw new AppError('payload_too_large', `The file is larger than ${IMPORT_MAX_BYTES} bytes; split it into smaller files`)
      const bytes = new Uint8Array(await file.arrayBuffer())
      return c.json(await createImport(serviceContext(c), file.name, bytes), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: "The import's mapping and a fresh preview against the registry as it is now",
      request: { params: ImportIdParam },
      responses: { 200: jsonResponse(ImportPreview, 'The import'), ...errorResponses(400, 404) },
    }),
    (c) => c.json(getImport(serviceContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}/mapping',
      tags,
      summary: 'Change which field each column fills and what unmatched values mean; returns the new preview',
      request: { params: ImportIdParam, body: jsonBody(ImportMapping) },
      responses: { 200: jsonResponse(ImportPreview, 'The import with the new preview'), ...errorResponses(400, 404, 413) },
    }),
    (c) => c.json(updateImportMapping(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/commit',
      tags,
      summary:
        'Write the import in one transaction: every row or none (rows with errors are a 400, rows whose record changed after the export a 409)',
      request: { params: ImportIdParam },
      responses: { 200: jsonResponse(ImportResult, 'What was created and updated'), ...errorResponses(400, 404, 409) },
    }),
    (c) => c.json(commitImport(serviceContext(c), c.req.valid('param').id), 200),
  )
