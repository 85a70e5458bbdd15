/**
 * Every route x every role (and no session), built from the router's own route table, so that a
 * route added later is covered without anyone remembering to list it here.
 * The expectations are written out independently of src/lib/access-policy.ts.
 */
import { describe, expect, it } from 'vitest'
import { createTestContext, type TestClient } from './helpers'

/** Reachable without a session. */
const PUBLIC = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  'GET /api/openapi.json',
  'GET /api/docs',
  'GET /api/docs/init.js',
  'GET /api/docs/:asset',
  'GET /api/calendar.ics',
])
/** Writes every logged-in user may make about themselves. */
const SELF_SERVICE = new Set(['POST /api/auth/logout', 'POST /api/auth/password', 'POST /api/calendar/token'])

const ctx = await createTestContext({ demo: true })
const routes = [
  ...new Map(
    ctx.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
      .map((r) => [`${r.method} ${r.path}`, { method: r.method, path: r.path }]),
  ).values(),
]
// Logging out ends the session the rest of the matrix uses, so it goes last.
routes.sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'))

const clients: Record<'anonymous' | 'auditor' | 'editor' | 'admin', TestClient> = {
  anonymous: ctx.anonymous,
  auditor: await ctx.as('auditor'),
  editor: await ctx.as('editor'),
  admin: await ctx.as('admin'),
}

function concrete(path: string): string {
  return path.replace(/:id\b/g, '1').replace(/:asset\b/g, 'swagger-ui.css')
}

function expected(role: keyof typeof clients, key: string, method: string, path: string): 'allowed' | 401 | 403 {
  if (PUBLIC.has(key)) return 'allowed'
  if (role === 'anonymous') return 401
  const isChange = method !== 'GET'
  if (path.startsWith('/api/users')) return role === 'admin' ? 'allowed' : 403
  // Imports write many records at once: administrators only, reading included.
  if (path.startsWith('/api/imports')) return role === 'admin' ? 'allowed' : 403
  // How many people follow the public list: a count about people, administrators only.
  if (path === '/api/public-list/followers') return role === 'admin' ? 'allowed' : 403
  if (isChange && !SELF_SERVICE.has(key) && role === 'auditor') return 403
  return 'allowed'
}

describe('route x role matrix', () => {
  it('finds the routes of every resource in the route table', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`)
    for (const k of [
      'GET /api/processors',
      'PATCH /api/processors/:id',
      'POST /api/processors/:id/transfers',
      'DELETE /api/dpas/:id',
      'GET /api/users',
      'GET /api/audit',
      'GET /api/audit/export.csv',
      'GET /api/audit/export.xlsx',
      'POST /api/imports',
      'POST /api/imports/:id/commit',
      'GET /api/catalogue',
      'POST /api/catalogue/:id/processors',
      'POST /api/processors/:id/catalogue-diff/accept',
      'GET /api/public-list/followers',
      'GET /api/search',
    ]) {
      expect(keys).toContain(k)
    }
    expect(routes.length).toBeGreaterThan(25)
  })

  for (const role of Object.keys(clients) as (keyof typeof clients)[]) {
    it(`gives the ${role} exactly what its role allows on every route`, async () => {
      const wrong: string[] = []
      for (const { method, path } of routes) {
        const key = `${method} ${path}`
        const body = method === 'GET' || method === 'DELETE' ? undefined : {}
        const res = await clients[role].request(method, concrete(path), body)
        const want = expected(role, key, method, path)
        const ok = want === 'allowed' ? res.status !== 401 && res.status !== 403 : res.status === want
        if (!ok) wrong.push(`${key}: got ${res.status}, expected ${want}`)
        if (want !== 'allowed') expect(res.body.error.code).toBe(want === 401 ? 'unauthenticated' : 'forbidden')
      }
      expect(wrong).toEqual([])
    })
  }
})
