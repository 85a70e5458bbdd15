import { beforeAll, describe, expect, it } from 'vitest'
import { requiredAccess } from '../src/lib/access-policy'
import { createTestContext, type TestContext } from './helpers'

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

let ctx: TestContext
/** The parts of the OpenAPI document these tests read. */
interface SchemaNode {
  $ref?: string
  type?: string | string[]
  format?: string
  properties?: Record<string, SchemaNode>
  additionalProperties?: unknown
  items?: SchemaNode
  anyOf?: SchemaNode[]
  oneOf?: SchemaNode[]
  allOf?: SchemaNode[]
}
type Content = Record<string, { schema?: SchemaNode } | undefined>
interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[]
  requestBody?: { content: Content }
  responses: Record<string, { content?: Content } | undefined>
  security?: Record<string, unknown>[]
}
type Method = (typeof HTTP_METHODS)[number]
type PathItem = { [m in Method]?: Operation } & { servers?: { url: string }[] }
interface OpenApiDocument {
  openapi: string
  info: unknown
  servers: { url: string }[]
  paths: Record<string, PathItem>
  components: { schemas: Record<string, SchemaNode | undefined>; securitySchemes: unknown }
}

let doc: OpenApiDocument

/** The operation documented at this path, or a failure naming it. */
function operation(path: string, method: Method): Operation {
  const op = doc.paths[path]?.[method]
  if (!op) throw new Error(`${method} ${path} is not in the description`)
  return op
}

beforeAll(async () => {
  ctx = await createTestContext()
  const res = await ctx.api.get('/api/openapi.json')
  expect(res.status).toBe(200)
  doc = res.body as OpenApiDocument
})

/**
 * The routes as the app itself registered them ("GET /api/processors/:id"), without middleware
 * (method ALL), the description itself and the docs page, as "get /api/processors/{id}": the /api
 * routes and the public list's (/public), the two parts the description covers.
 */
function registeredRoutes(): string[] {
  const routes = ctx.app.routes
    .filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api/') || r.path.startsWith('/public/')))
    .filter((r) => r.path !== '/api/openapi.json' && r.path !== '/api/docs' && !r.path.startsWith('/api/docs/'))
    // A parameter may carry its pattern (":file{[0-9]+...}"): the description names it "{file}".
    .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)\{.*\}$/, '{$1}').replace(/:(\w+)/g, '{$1}')}`)
  return [...new Set(routes)].sort()
}

/** Each operation at its full path: the document's server (/api), or the path's own server (the site root). */
function documentedRoutes(): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, item]) => {
      const server = String((item.servers ?? doc.servers)[0]?.url).replace(/\/$/, '')
      return HTTP_METHODS.filter((m) => m in item).map((m) => `${m} ${server}${path}`)
    })
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
        'get /api/health',
        'get /api/reference',
        'get /api/organisation',
        'patch /api/organisation',
        'get /api/processors',
        'post /api/processors',
        'get /api/processors/{id}',
        'patch /api/processors/{id}',
        'delete /api/processors/{id}',
        'post /api/processors/{id}/retire',
        'post /api/processors/{id}/transfers',
        'get /api/transfers/{id}',
        'patch /api/transfers/{id}',
        'delete /api/transfers/{id}',
        'post /api/processors/{id}/dpas',
        'get /api/dpas/{id}',
        'patch /api/dpas/{id}',
        'delete /api/dpas/{id}',
        'post /api/dpas/{id}/document',
        'get /api/dpas/{id}/document',
        'delete /api/dpas/{id}/document',
        'get /public/processors',
        'get /public/processors.json',
        'get /public/processors/versions/{file}',
        'post /public/processors/unsubscribe',
      ]),
    )
  })

  it('documents every route the app registers under /api and /public', () => {
    const documented = new Set(documentedRoutes())
    const missing = registeredRoutes().filter((r) => !documented.has(r))
    expect(missing).toEqual([])
  })

  it('documents no route that the app does not have', () => {
    const registered = new Set(registeredRoutes())
    expect(documentedRoutes().filter((r) => !registered.has(r))).toEqual([])
  })

  it('declares the id path parameter of every route that has one', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.includes('{id}')) continue
      for (const method of HTTP_METHODS) {
        const op = ops[method]
        if (!op) continue
        const params = op.parameters ?? []
        expect(params, `${method} ${path}`).toContainEqual(expect.objectContaining({ name: 'id', in: 'path', required: true }))
      }
    }
  })

  it('describes the error body for the documented error responses', () => {
    expect(doc.components.schemas.Error).toBeDefined()
    const patch = operation('/processors/{id}', 'patch')
    for (const status of ['400', '404', '409']) {
      expect(patch.responses[status]?.content?.['application/json']?.schema?.$ref, status).toBe('#/components/schemas/Error')
    }
  })

  it('says additionalProperties: false for every object in every request body, nested ones too', () => {
    // The guard for routes added later: a body schema that is not strict fails here, by name.
    const loose: string[] = []
    const walk = (schema: SchemaNode | undefined, where: string, seen: Set<string>): void => {
      if (!schema || typeof schema !== 'object') return
      if (schema.$ref) {
        const name = String(schema.$ref).split('/').pop()!
        if (seen.has(name)) return
        return walk(doc.components.schemas[name], `${where} > ${name}`, new Set([...seen, name]))
      }
      if ((schema.type === 'object' || schema.properties) && schema.additionalProperties !== false) loose.push(where)
      for (const [k, v] of Object.entries(schema.properties ?? {})) walk(v, `${where}.${k}`, seen)
      if (schema.items) walk(schema.items, `${where}[]`, seen)
      for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) walk(part, where, seen)
    }
    let bodies = 0
    for (const [path, ops] of Object.entries(doc.paths)) {
      // The public list's forms (the site root, not /api) are HTML forms that take what a browser sends.
      if (ops.servers) continue
      for (const method of HTTP_METHODS) {
        for (const [type, media] of Object.entries(ops[method]?.requestBody?.content ?? {})) {
          bodies++
          walk(media?.schema, `${method} ${path} ${type}`, new Set())
        }
      }
    }
    expect(bodies).toBeGreaterThan(20)
    expect(loose).toEqual([])
  })

  it('describes the session cookie under both its names, and the calendar token', () => {
    expect(doc.components.securitySchemes).toMatchObject({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'seloste_session' },
      secureSessionCookie: { type: 'apiKey', in: 'cookie', name: '__Host-seloste_session' },
      calendarToken: { type: 'apiKey', in: 'query', name: 'token' },
    })
  })

  it('puts a security requirement on every operation: the cookie where a session is needed, none on public ones', () => {
    const wrong: string[] = []
    for (const [path, item] of Object.entries(doc.paths)) {
      const full = `${String((item.servers ?? doc.servers)[0]?.url).replace(/\/$/, '')}${path}`
      for (const method of HTTP_METHODS) {
        const op = item[method]
        if (!op) continue
        const isPublic = !full.startsWith('/api/') || requiredAccess(method, full.replace(/\{[^}]+\}/g, '1')) === 'public'
        const schemes = op.security?.flatMap((r) => Object.keys(r))
        if (full === '/api/calendar.ics') {
          if (JSON.stringify(schemes) !== '["calendarToken"]') wrong.push(`${method} ${full}: ${JSON.stringify(op.security)}`)
        } else if (isPublic ? schemes?.length !== 0 : JSON.stringify(schemes) !== '["sessionCookie","secureSessionCookie"]') {
          wrong.push(`${method} ${full}: ${JSON.stringify(op.security)}`)
        }
      }
    }
    expect(wrong).toEqual([])
    expect(operation('/health', 'get').security).toEqual([])
    expect(operation('/processors', 'post').security).toEqual([{ sessionCookie: [] }, { secureSessionCookie: [] }])
  })

  it('declares with the error body 401 where a session is needed, 403 where a role may be refused, 404 on records, 409 on versioned changes, 413 and 415 on writes', () => {
    const missing: string[] = []
    for (const [path, item] of Object.entries(doc.paths)) {
      if (item.servers) continue
      for (const method of HTTP_METHODS) {
        const op = item[method]
        if (!op) continue
        const access = requiredAccess(method, `/api${path}`.replace(/\{[^}]+\}/g, '1'))
        const want = new Set<string>()
        if (access !== 'public') want.add('401')
        if (access === 'editor' || access === 'admin' || method !== 'get') want.add('403')
        if (path.includes('{')) want.add('404').add('400')
        if (method !== 'get') want.add('413').add('415')
        if (op.requestBody || op.parameters?.length) want.add('400')
        for (const status of want) {
          const ref = op.responses[status]?.content?.['application/json']?.schema?.$ref
          if (ref !== '#/components/schemas/Error') missing.push(`${method} ${path}: ${status}`)
        }
      }
    }
    expect(missing).toEqual([])
    expect(Object.keys(operation('/processors/{id}', 'patch').responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '415',
    ])
    expect(Object.keys(operation('/auth/login', 'post').responses)).toContain('429')
    expect(Object.keys(operation('/users', 'get').responses)).toContain('403')
    expect(Object.keys(operation('/processors', 'get').responses)).not.toContain('403')
  })

  it("describes the public list at the site root, with the JSON list's schema", () => {
    expect(doc.paths['/public/processors.json']?.servers).toEqual([expect.objectContaining({ url: '/' })])
    const get = operation('/public/processors.json', 'get')
    expect(get.security).toEqual([])
    expect(get.responses['200']?.content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/PublicListJson')
    expect(operation('/public/processors', 'get').responses['200']?.content?.['text/html']).toBeDefined()
  })

  it('documents the DPA upload as a multipart form with a binary file', () => {
    const body = operation('/dpas/{id}/document', 'post').requestBody
    expect(body?.content['multipart/form-data']?.schema?.properties?.file).toMatchObject({ type: 'string', format: 'binary' })
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
