import { createRoute } from '@hono/zod-openapi'
import { IdParam, Transfer, TransferInput, TransferUpdate } from '@seloste/schema'
import { createRouter, serviceContext } from '../lib/create-app'
import { describedErrorResponse, errorResponses, jsonBody, jsonResponse } from '../lib/openapi'
import { createTransfer, deleteTransfer, getTransfer, updateTransfer } from '../services/transfers'
import { VersionQuery } from './processors'

const tags = ['Transfers']

/** Declared so that a client can tell a duplicate from bad input: the data is valid, the registry already holds it. */
const DUPLICATE =
  'Duplicate: the processor already has a transfer to this country of this kind (code "conflict"; the body names the fields country and kind)'

export const transfersRouter = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/processors/{id}/transfers',
      tags,
      summary: 'Add a country where the processor stores, processes or accesses data',
      request: { params: IdParam, body: jsonBody(TransferInput) },
      responses: {
        201: jsonResponse(Transfer, 'The created transfer'),
        ...errorResponses(400, 404, 413),
        409: describedErrorResponse(DUPLICATE),
      },
    }),
    (c) => c.json(createTransfer(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/transfers/{id}',
      tags,
      summary: 'Get a transfer',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Transfer, 'The transfer'), ...errorResponses(400, 404) },
    }),
    (c) => c.json(getTransfer(c.var.db, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/transfers/{id}',
      tags,
      summary: 'Update a transfer (optimistic concurrency by version)',
      request: { params: IdParam, body: jsonBody(TransferUpdate) },
      responses: {
        200: jsonResponse(Transfer, 'The updated transfer'),
        ...errorResponses(400, 404, 413),
        409: describedErrorResponse(
          `Conflict: someone else changed the record first (the body holds the current record), or: ${DUPLICATE}`,
        ),
      },
    }),
    (c) => c.json(updateTransfer(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/transfers/{id}',
      tags,
      summary: 'Delete a transfer',
      request: { params: IdParam, query: VersionQuery },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 404, 409) },
    }),
    (c) => {
      deleteTransfer(serviceContext(c), c.req.valid('param').id, c.req.valid('query').version)
      return c.body(null, 204)
    },
  )
