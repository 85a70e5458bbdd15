import { createRoute } from '@hono/zod-openapi'
import { SearchQuery, SearchResults } from '@seloste/schema'
import { createRouter } from '../lib/create-app'
import { errorResponses, jsonResponse } from '../lib/openapi'

/** One search over processors, activities and findings; every signed-in role may search. */
export const searchRouter = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/search',
    tags: ['Search'],
    summary: 'Search processors, activities and findings at once',
    request: { query: SearchQuery },
    responses: { 200: jsonResponse(SearchResults, 'Matches grouped by kind, each with its total'), ...errorResponses(400) },
  }),
  async (c) => c.json(await c.var.reads.run('search', c.req.valid('query')), 200),
)
