/**
 * Issue 13: body limits before parsing, proxy trust, server-made request ids.
 * Each test reproduces a finding of the network probe and shows it fixed.
 */
import { describe, expect, it } from 'vitest'
import { PUBLIC_FORM_BODY_LIMIT } from '../src/lib/create-app'
import { forwardedValue } from '../src/lib/proxy'
import { createHash } from 'node:crypto'
import { auditEventsAfter, count, createTestContext, lastAuditSeq } from './helpers'
import { readEnv } from '../src/env'

/** A body that would be `total` bytes, streamed without Content-Length; counts what was pulled from it. */
function hugeStream(total: number, chunk = 64 * 1024) {
  const state = { pulled: 0, finished: false }
  const piece = new Uint8Array(chunk).fill(0x61)
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) {
        state.finished = true
        controller.close()
        return
      }
      state.pulled += piece.byteLength
      controller.enqueue(piece)
    },
  })
  return { stream, state }
}

function post(
  ctx: Awaited<ReturnType<typeof createTestContext>>,
  path: string,
  body: RequestInit['body'],
  headers: Record<string, string>,
) {
  return ctx.app.request(path, { method: 'POST', headers, body, duplex: 'half' } as RequestInit)
}

describe('body limits before any parsing', () => {
  const mailer = { send: async () => {} }

  it('answers 413 with the JSON error body to a large declared /public form, without reading it', async () => {
    const ctx = await createTestContext({ config: { mailer } })
    for (const path of ['/public/processors/unsubscribe', '/public/processors/subscribe']) {
      const { stream, state } = hugeStream(128 * 1024 * 1024)
      const res = await post(ctx, path, stream, {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(128 * 1024 * 1024),
      })
      expect(res.status).toBe(413)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
      // The declared length alone decided: at most what the stream buffers ahead was pulled.
      expect(state.pulled).toBeLessThanOrEqual(2 * 64 * 1024)
    }
  })

  it('cuts a chunked /public body at the limit: a 128 MiB stream is not read to its end', async () => {
    const ctx = await createTestContext({ config: { mailer } })
    const { stream, state } = hugeStream(128 * 1024 * 1024, 1024)
    const res = await post(ctx, '/public/processors/unsubscribe', stream, { 'content-type': 'application/x-www-form-urlencoded' })
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
    expect(state.finished).toBe(false)
    expect(state.pulled).toBeLessThanOrEqual(PUBLIC_FORM_BODY_LIMIT + 4 * 1024)
  })

  it('keeps a small login body limit, chunked or declared', async () => {
    const ctx = await createTestContext()
    const { stream, state } = hugeStream(64 * 1024 * 1024, 1024)
    const res = await post(ctx, '/api/auth/login', stream, { 'content-type': 'application/json' })
    expect(res.status).toBe(413)
    expect(state.finished).toBe(false)
    expect(state.pulled).toBeLessThan(16 * 1024)
    const declared = await post(ctx, '/api/auth/login', JSON.stringify({ email: 'a@b.fi', password: 'x'.repeat(8000) }), {
      'content-type': 'application/json',
    })
    expect(declared.status).toBe(413)
  })

  it('never reads an anonymous multipart upload: 401 before the body', async () => {
    const ctx = await createTestContext()
    const { stream, state } = hugeStream(12 * 1024 * 1024, 1024)
    const res = await post(ctx, '/api/dpas/1/document', stream, { 'content-type': 'multipart/form-data; boundary=x' })
    expect(res.status).toBe(401)
    expect(state.pulled).toBeLessThan(64 * 1024)
  })

  it('takes the upload limit only on the upload route', async () => {
    const ctx = await createTestContext()
    const { stream, state } = hugeStream(8 * 1024 * 1024, 16 * 1024)
    const res = await ctx.app.request('/api/processors', {
      method: 'POST',
      headers: { cookie: (ctx.api as unknown as { cookie: string }).cookie, 'content-type': 'multipart/form-data; boundary=x' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(state.finished).toBe(false)
  })

  it('answers 404 on the subscription routes where no mail is configured', async () => {
    const ctx = await createTestContext()
    // A subscriber whose token would work if the routes were there.
    ctx.db.$client
      .prepare(
        "INSERT INTO list_subscribers (email, language, confirm_token_hash, unsubscribe_token_hash, created_at) VALUES ('s@example.test', 'fi', ?, ?, '2026-01-01T00:00:00.000Z')",
      )
      .run(createHash('sha256').update('x').digest('hex'), createHash('sha256').update('abc').digest('hex'))
    for (const [method, path] of [
      ['POST', '/public/processors/unsubscribe'],
      ['GET', '/public/processors/unsubscribe?token=abc'],
      ['POST', '/public/processors/subscribe'],
      ['GET', '/public/processors/subscribe/confirm?token=x'],
    ] as const) {
      const res = await ctx.app.request(path, {
        method,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: method === 'POST' ? 'token=abc' : undefined,
      })
      expect(res.status, `${method} ${path}`).toBe(404)
    }
    expect(count(ctx.db, 'SELECT count(*) FROM list_subscribers')).toBe(1)
  })
})

describe('proxy trust', () => {
  const login = (ctx: Awaited<ReturnType<typeof createTestContext>>, socket: string, xff?: string) =>
    ctx.app.request(
      '/api/auth/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(xff && { 'x-forwarded-for': xff }) },
        body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong wrong wrong' }),
      },
      { incoming: { socket: { remoteAddress: socket } } },
    )

  it('takes the client from the right end of X-Forwarded-For, past the trusted hops only', () => {
    expect(forwardedValue(0, '6.6.6.6, 203.0.113.5')).toBeNull()
    expect(forwardedValue(1, '6.6.6.6, 203.0.113.5')).toBe('203.0.113.5')
    expect(forwardedValue(2, '6.6.6.6, 203.0.113.5, 10.0.0.2')).toBe('203.0.113.5')
    expect(forwardedValue(3, '203.0.113.5, 10.0.0.2')).toBe('203.0.113.5')
  })

  it('records the address the proxy saw, not a forged leftmost entry, and throttles by it', async () => {
    const ctx = await createTestContext({
      config: { trustProxy: 1, throttle: { perAccountAndAddress: 100, perAccount: 100, perAddress: 2, windowMinutes: 15 } },
    })
    const before = lastAuditSeq(ctx.db)
    // The attacker writes a new leftmost address each time; the proxy appends the real one.
    for (let i = 0; i < 2; i++) expect((await login(ctx, '10.0.0.1', `198.51.100.${i}, 203.0.113.5`)).status).toBe(401)
    expect((await login(ctx, '10.0.0.1', '198.51.100.99, 203.0.113.5')).status).toBe(429)
    const events = auditEventsAfter(ctx.db, before)
    expect(events.map((e) => e.clientAddress)).toEqual(['203.0.113.5', '203.0.113.5'])
  })

  it('reads TRUST_PROXY as a number of hops, true as one', () => {
    expect(readEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1)
    expect(readEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2)
    expect(readEnv({}).TRUST_PROXY).toBe(0)
    expect(() => readEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/)
  })
})

describe('request ids', () => {
  it('makes its own request id and never writes a client-chosen one into the audit trail', async () => {
    const ctx = await createTestContext()
    const before = lastAuditSeq(ctx.db)
    const res = await ctx.api.request(
      'POST',
      '/api/processors',
      { displayName: 'Request id test', role: 'processor' },
      { headers: { 'x-request-id': 'forged-by-client' } },
    )
    expect(res.status).toBe(201)
    const id = res.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    const [event] = auditEventsAfter(ctx.db, before)
    expect(event!.requestId).toBe(id)
    expect(event!.requestId).not.toBe('forged-by-client')
  })
})
