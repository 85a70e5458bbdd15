import { beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from './helpers'

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

let ctx: TestContext
let doc: any

beforeAll(async () => {
  ctx = await createTestContext()
  const res = await ctx.api.get('/api/openapi.json')
  expect(res.status).toBe(200)
  doc = res.body
})

/**
 * The API routes as the app itself registered them ("GET /api/processors/:id"), without middleware
 * (method ALL), the description itself and the docs page, as "get /processors/{id}" relative to the
 * document's server URL (/api).
 */
function registeredRoutes(): string[] {
  const routes = ctx.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
    .filter((r) => r.path !== '/api/openapi.json' && r.path !== '/api/docs' && !r.path.startsWith('/api/docs/'))
    .map((r) => `${r.method.toLowerCase()} ${r.path.slice('/api'.length).replace(/:(\w+)/g, '{$1}')}`)
  return [...new Set(routes)].sort()
}

function documentedRoutes(): string[] {
  return Object.entries<Record<string, unknown>>(doc.paths)
    .flatMap(([path, ops]) => HTTP_METHODS.filter((m) => m in ops).map((m) => `${m} ${path}`))
    .sort()
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document served as JSON, with /api as its server', async () => {
    const res = await ctx.api.get('/api/openapi.json')
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(doc.openapi).toMatch(/^3\.1\./)
    expect(doc.info).toMatchObject({ title: 'Seloste API', version: expect.any(String) })
    expect(doc.servers).toEqual([{ url: '/api' }])
  })

  it('finds the registry routes in the app route table (the comparison below is not empty)', () => {
    const routes = registeredRoutes()
    expect(routes).toEqual(
      expect.arrayContaining([
        'get /health',
        'get /reference',
        'get /organisation',
        'patch /organisation',
        'get /processors',
        'post /processors',
        'get /processors/{id}',
        'patch /processors/{id}',
        'delete /processors/{id}',
        'post /processors/{id}/retire',
        'post /processors/{id}/transfers',
        'get /transfers/{id}',
        'patch /transfers/{id}',
        'delete /transfers/{id}',
        'post /processors/{id}/dpas',
        'get /dpas/{id}',
        'patch /dpas/{id}',
        'delete /dpas/{id}',
        'post /dpas/{id}/document',
        'get /dpas/{id}/document',
        'delete /dpas/{id}/document',
      ]),
    )
  })

  it('documents every route the app registers under /api', () => {
    const documented = new Set(documentedRoutes())
    const missing = registeredRoutes().filter((r) => !documented.has(r))
    expect(missing).toEqual([])
  })

  it('documents no route that the app does not have', () => {
    const registered = new Set(registeredRoutes())
    expect(documentedRoutes().filter((r) => !registered.has(r))).toEqual([])
  })

  it('declares the id path parameter of every route that has one', () => {
    for (const [path, ops] of Object.entries<Record<string, any>>(doc.paths)) {
      if (!path.includes('{id}')) continue
      for (const method of HTTP_METHODS) {
        if (!ops[method]) continue
        const params = ops[method].parameters ?? []
        expect(params, `${method} ${path}`).toContainEqual(expect.objectContaining({ name: 'id', in: 'path', required: true }))
      }
    }
  })

  it('describes the error body for the documented error responses', () => {
    expect(doc.components.schemas.Error).toBeDefined()
    const patch = doc.paths['/processors/{id}'].patch
    for (const status of ['400', '404', '409']) {
      expect(patch.responses[status].content['application/json'].schema.$ref, status).toBe('#/components/schemas/Error')
    }
  })

  it('says additionalProperties: false for every object in every request body, nested ones too', () => {
    // The guard for routes added later: a body schema that is not strict fails here, by name.
    const loose: string[] = []
    const walk = (schema: any, where: string, seen: Set<string>) => {
      if (!schema || typeof schema !== 'object') return
      if (schema.$ref) {
        const name = String(schema.$ref).split('/').pop()!
        if (seen.has(name)) return
        return walk(doc.components.schemas[name], `${where} > ${name}`, new Set([...seen, name]))
      }
      if ((schema.type === 'object' || schema.properties) && schema.additionalProperties !== false) loose.push(where)
      for (const [k, v] of Object.entries<any>(schema.properties ?? {})) walk(v, `${where}.${k}`, seen)
      if (schema.items) walk(schema.items, `${where}[]`, seen)
      for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) walk(part, where, seen)
    }
    let bodies = 0
    for (const [path, ops] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const method of HTTP_METHODS) {
        for (const [type, media] of Object.entries<any>(ops[method]?.requestBody?.content ?? {})) {
          bodies++
          walk(media.schema, `${method} ${path} ${type}`, new Set())
        }
      }
    }
    expect(bodies).toBeGreaterThan(20)
    expect(loose).toEqual([])
  })

  it('documents the DPA upload as a multipart form with a binary file', () => {
    const body = doc.paths['/dpas/{id}/document'].post.requestBody
    expect(body.content['multipart/form-data'].schema.properties.file).toMatchObject({ type: 'string', format: 'binary' })
  })
})

describe('API reference page', () => {
  it('GET /api/docs returns an HTML page that loads the Swagger UI and the description', async () => {
    const res = await ctx.api.get('/api/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.text).toMatch(/^<!doctype html>/i)
    expect(res.text).toContain('/api/docs/swagger-ui-bundle.js')
    expect(res.text).toContain('/api/docs/init.js')
  })

  it('serves its start script, pointing at the description', async () => {
    const res = await ctx.api.get('/api/docs/init.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(res.text).toContain("'/api/openapi.json'")
  })

  it('serves the Swagger UI assets from the npm package', async () => {
    const css = await ctx.api.get('/api/docs/swagger-ui.css')
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)
    expect(css.text.length).toBeGreaterThan(1000)
    const js = await ctx.api.get('/api/docs/swagger-ui-bundle.js')
    expect(js.status).toBe(200)
    expect(js.text).toContain('SwaggerUIBundle')
  })

  it('answers 404 with the JSON error body for any other asset', async () => {
    const res = await ctx.api.get('/api/docs/package.json')
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
  })
})
