import { createRoute } from '@hono/zod-openapi'
import {
  IdParam,
  optionalDate,
  Processor,
  ProcessorInput,
  ProcessorListQuery,
  ProcessorPage,
  ProcessorUpdate,
  VersionField,
} from '@seloste/schema'
import { z } from 'zod'
import { createRouter, serviceContext } from '../lib/create-app'
import { jsonText } from '../lib/json-text'
import { errorResponses, jsonBody, jsonResponse } from '../lib/openapi'
import { createProcessor, deleteProcessor, getProcessor, retireProcessor, updateProcessor } from '../services/processors'

const tags = ['Processors']
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1).meta({ description: 'The version being deleted' }) })
const RetireBody = z.strictObject({ version: VersionField, endDate: optionalDate.optional() }).meta({ id: 'RetireProcessor' })

export const processorsRouter = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'List processors with search, filters, sort and pages',
      request: { query: ProcessorListQuery },
      responses: { 200: jsonResponse(ProcessorPage, 'A page of processors with the total count'), ...errorResponses(400) },
    }),
    async (c) => jsonText(c, await c.var.reads.run('listProcessors', c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Create a processor',
      request: { body: jsonBody(ProcessorInput) },
      responses: { 201: jsonResponse(Processor, 'The created processor'), ...errorResponses(400, 413) },
    }),
    (c) => c.json(createProcessor(serviceContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'Get a processor with its transfers and DPAs',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Processor, 'The processor'), ...errorResponses(400, 404) },
    }),
    (c) => c.json(getProcessor(c.var.db, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Update a processor (optimistic concurrency by version)',
      request: { params: IdParam, body: jsonBody(ProcessorUpdate) },
      responses: { 200: jsonResponse(Processor, 'The updated processor'), ...errorResponses(400, 404, 409, 413) },
    }),
    (c) => c.json(updateProcessor(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/retire',
      tags,
      summary: 'Retire a processor (status retired, with its end date)',
      request: { params: IdParam, body: jsonBody(RetireBody) },
      responses: { 200: jsonResponse(Processor, 'The retired processor'), ...errorResponses(400, 404, 409) },
    }),
    (c) => {
      const { version, endDate } = c.req.valid('json')
      return c.json(retireProcessor(serviceContext(c), c.req.valid('param').id, version, endDate ?? null), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Delete a processor with its transfers and DPAs',
      request: { params: IdParam, query: VersionQuery },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 404, 409) },
    }),
    (c) => {
      deleteProcessor(serviceContext(c), c.req.valid('param').id, c.req.valid('query').version)
      return c.body(null, 204)
    },
  )
