import { describe, expect, it } from 'vitest'
import { createTestContext } from './helpers'

describe('security headers', () => {
  it('sends a strict policy on every response, API and not found alike', async () => {
    const ctx = await createTestContext()
    for (const path of ['/api/health', '/api/processors', '/api/nothing-here']) {
      const res = await ctx.api.get(path)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'self'")
      expect(csp).toMatch(/script-src 'self'(;|$)/)
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
      expect(csp).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin')
      expect(res.headers.get('strict-transport-security')).toBeNull()
    }
  })

  it('adds HSTS over HTTPS only', async () => {
    const ctx = await createTestContext()
    const res = await ctx.app.request('https://seloste.example/api/health')
    expect(res.headers.get('strict-transport-security')).toContain('max-age=')
  })

  it('marks authenticated API answers no-store', async () => {
    const ctx = await createTestContext()
    expect((await ctx.api.get('/api/processors')).headers.get('cache-control')).toBe('no-store')
    expect((await ctx.api.get('/api/auth/me')).headers.get('cache-control')).toBe('no-store')
  })
})

describe('cross-site request protection', () => {
  const processor = { displayName: 'Cross-site test', role: 'processor' }

  it('refuses a state change from another origin', async () => {
    const ctx = await createTestContext()
    const res = await ctx.api.request('POST', '/api/processors', processor, { headers: { origin: 'https://evil.example' } })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('forbidden')
    expect((await ctx.api.get('/api/processors?q=cross-site')).body.total).toBe(0)
  })

  it('refuses a state change the browser marks cross-site', async () => {
    const ctx = await createTestContext()
    const res = await ctx.api.request('POST', '/api/processors', processor, { headers: { 'sec-fetch-site': 'cross-site' } })
    expect(res.status).toBe(403)
  })

  it('refuses a form-encoded or text body (what a cross-site form can send)', async () => {
    const ctx = await createTestContext()
    const res = await ctx.api.request('POST', '/api/processors', undefined, {
      headers: { 'content-type': 'text/plain' },
      raw: JSON.stringify(processor),
    })
    expect(res.status).toBe(415)
    expect(res.body.error.code).toBe('unsupported_media_type')
    const form = await ctx.api.request('POST', '/api/auth/login', undefined, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      raw: 'email=a&password=b',
    })
    expect(form.status).toBe(415)
  })

  it('accepts a same-origin browser request', async () => {
    const ctx = await createTestContext()
    const res = await ctx.api.request('POST', 'http://localhost/api/processors', processor, {
      headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    })
    expect(res.status).toBe(201)
  })
})
