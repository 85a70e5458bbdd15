import { createRoute } from '@hono/zod-openapi'
import { Organisation, OrganisationUpdate } from '@seloste/schema'
import { createRouter, serviceContext } from '../lib/create-app'
import { errorResponses, jsonBody, jsonResponse } from '../lib/openapi'
import { getOrganisation, updateOrganisation } from '../services/organisation'

const tags = ['Organisation']

export const organisationRouter = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'The controller: name, business ID, contact, default language',
      responses: { 200: jsonResponse(Organisation, 'The organisation'), ...errorResponses(404) },
    }),
    (c) => c.json(getOrganisation(c.var.db), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/',
      tags,
      summary: 'Update the organisation (optimistic concurrency by version)',
      request: { body: jsonBody(OrganisationUpdate) },
      responses: { 200: jsonResponse(Organisation, 'The updated organisation'), ...errorResponses(400, 404, 409, 413) },
    }),
    (c) => c.json(updateOrganisation(serviceContext(c), c.req.valid('json')), 200),
  )
