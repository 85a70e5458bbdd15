import { createRoute } from '@hono/zod-openapi'
import {
  CatalogueAcceptInput,
  CatalogueCreateInput,
  CatalogueDiff,
  CatalogueDismissInput,
  CatalogueEntryResponse,
  CatalogueIdParam,
  CatalogueLinkInput,
  CatalogueList,
  CatalogueProposal,
  CatalogueQuery,
  IdParam,
  Processor,
  ProposalQuery,
} from '@seloste/schema'
import { createRouter, serviceContext } from '../lib/create-app'
import { describedErrorResponse, errorResponses, jsonBody, jsonResponse } from '../lib/openapi'
import {
  acceptCatalogueDiff,
  catalogueDiff,
  catalogueProposal,
  createFromCatalogue,
  dismissCatalogueDiff,
  getCatalogueEntry,
  linkToCatalogue,
  searchCatalogue,
} from '../services/catalogue'

const tags = ['Vendor catalogue']
const STALE = 'Conflict: the processor changed since (version), or the catalogue changed since (catalogueVersion); the body says which'

export const catalogueRouter = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/catalogue',
      tags,
      summary: 'Search the vendor catalogue (name, entity, category, services)',
      request: { query: CatalogueQuery },
      responses: { 200: jsonResponse(CatalogueList, 'Matching entries'), ...errorResponses(400) },
    }),
    (c) => c.json(searchCatalogue(c.req.valid('query').q), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/catalogue/{id}',
      tags,
      summary: 'A catalogue entry with every fact, its source and date',
      request: { params: CatalogueIdParam },
      responses: { 200: jsonResponse(CatalogueEntryResponse, 'The entry and the catalogue version'), ...errorResponses(400, 404) },
    }),
    (c) => c.json(getCatalogueEntry(c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/catalogue/{id}/proposal',
      tags,
      summary: 'The processor and transfers the entry proposes, each value with its source and date',
      request: { params: CatalogueIdParam, query: ProposalQuery },
      responses: { 200: jsonResponse(CatalogueProposal, 'The proposal to review'), ...errorResponses(400, 404) },
    }),
    (c) => c.json(catalogueProposal(c.var.db, c.req.valid('param').id, c.req.valid('query').role), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/catalogue/{id}/processors',
      tags,
      summary:
        'Create a processor and its transfers from the reviewed proposal (one transaction; the record remembers the entry and catalogue version)',
      request: { params: CatalogueIdParam, body: jsonBody(CatalogueCreateInput) },
      responses: {
        201: jsonResponse(Processor, 'The created processor'),
        ...errorResponses(400, 404, 413),
        409: describedErrorResponse(STALE),
      },
    }),
    (c) => c.json(createFromCatalogue(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/processors/{id}/catalogue-link',
      tags,
      summary: 'Link an existing processor to a catalogue entry (its fields are not changed; see catalogue-diff)',
      request: { params: IdParam, body: jsonBody(CatalogueLinkInput) },
      responses: { 200: jsonResponse(Processor, 'The linked processor'), ...errorResponses(400, 404, 409) },
    }),
    (c) => c.json(linkToCatalogue(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/processors/{id}/catalogue-diff',
      tags,
      summary: 'The record against its catalogue entry: what changed in the catalogue since the version seen, and where the record differs',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(CatalogueDiff, 'The diff'),
        ...errorResponses(400, 404),
        409: describedErrorResponse('The processor is not linked, or its entry is no longer in the catalogue'),
      },
    }),
    (c) => c.json(catalogueDiff(c.var.db, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/processors/{id}/catalogue-diff/accept',
      tags,
      summary: 'Apply the chosen differences and mark the catalogue version as seen (audited)',
      request: { params: IdParam, body: jsonBody(CatalogueAcceptInput) },
      responses: { 200: jsonResponse(Processor, 'The updated processor'), ...errorResponses(400, 404), 409: describedErrorResponse(STALE) },
    }),
    (c) => c.json(acceptCatalogueDiff(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/processors/{id}/catalogue-diff/dismiss',
      tags,
      summary: 'Mark the current catalogue version as seen without changing the record (audited)',
      request: { params: IdParam, body: jsonBody(CatalogueDismissInput) },
      responses: { 200: jsonResponse(Processor, 'The processor'), ...errorResponses(400, 404), 409: describedErrorResponse(STALE) },
    }),
    (c) => c.json(dismissCatalogueDiff(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
