import { describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { sessions } from '../src/db/schema'
import { createTestContext, loginCookie, TEST_PASSWORD } from './helpers'

const json = { 'content-type': 'application/json' }

describe('login and sessions', () => {
  it('logs in, reports the user and logs out', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    const me = await editor.get('/api/auth/me')
    expect(me.status).toBe(200)
    expect(me.body.user).toMatchObject({ email: editor.email, role: 'editor' })
    expect(me.body.user.passwordHash).toBeUndefined()

    expect((await editor.post('/api/auth/logout')).status).toBe(204)
    expect((await editor.get('/api/auth/me')).status).toBe(401)
    expect((await editor.get('/api/processors')).status).toBe(401)
  })

  it('answers an unknown email and a wrong password in the same way', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    const wrong = await ctx.anonymous.post('/api/auth/login', { email: editor.email, password: 'not the password at all' })
    const unknown = await ctx.anonymous.post('/api/auth/login', { email: 'nobody@example.test', password: 'not the password at all' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.body).toEqual(unknown.body)
    expect(wrong.headers.get('set-cookie')).toBeNull()
  })

  it('sets an HttpOnly SameSite=Lax cookie, Secure with the __Host- prefix over HTTPS', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    const plain = await ctx.app.request('/api/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: editor.email, password: TEST_PASSWORD }),
    })
    const plainCookie = plain.headers.get('set-cookie') ?? ''
    expect(plainCookie).toMatch(/^seloste_session=[A-Za-z0-9_-]{43};/)
    expect(plainCookie).toContain('HttpOnly')
    expect(plainCookie).toContain('SameSite=Lax')
    expect(plainCookie).toContain('Path=/')
    expect(plainCookie).not.toContain('Secure')

    const secure = await ctx.app.request('https://seloste.example/api/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: editor.email, password: TEST_PASSWORD }),
    })
    const secureCookie = secure.headers.get('set-cookie') ?? ''
    expect(secureCookie).toMatch(/^__Host-seloste_session=/)
    expect(secureCookie).toContain('Secure')
    expect(secureCookie).not.toContain('Domain')
  })

  it('stores only a hash of the session token', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    const token = editor.cookie.split('=')[1]!
    const stored = ctx.db.select().from(sessions).all()
    expect(stored.length).toBeGreaterThan(0)
    expect(stored.some((s) => s.tokenHash === token)).toBe(false)
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.tokenHash))).toBe(true)
  })

  it('ends a session that was idle too long', async () => {
    const ctx = await createTestContext({ config: { session: { idleMinutes: 30, absoluteHours: 12 } } })
    const editor = await ctx.as('editor')
    expect((await editor.get('/api/auth/me')).status).toBe(200)
    const longAgo = new Date(Date.now() - 31 * 60_000).toISOString()
    ctx.db.run(sql`UPDATE sessions SET last_seen_at = ${longAgo}`)
    expect((await editor.get('/api/auth/me')).status).toBe(401)
  })

  it('ends a session at its absolute end however active it is', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    ctx.db.run(sql`UPDATE sessions SET expires_at = ${new Date(Date.now() - 1000).toISOString()}`)
    expect((await editor.get('/api/auth/me')).status).toBe(401)
  })

  it('ends the sessions of a user who is disabled, at once', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    const me = (await editor.get('/api/auth/me')).body.user
    const user = (await ctx.api.get(`/api/users/${me.id}`)).body
    expect((await ctx.api.patch(`/api/users/${me.id}`, { disabled: true, version: user.version })).status).toBe(200)
    expect((await editor.get('/api/processors')).status).toBe(401)
    const again = await ctx.anonymous.post('/api/auth/login', { email: editor.email, password: TEST_PASSWORD })
    expect(again.status).toBe(401)
  })

  it('ends the sessions of a user whose role changes', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    const me = (await editor.get('/api/auth/me')).body.user
    const user = (await ctx.api.get(`/api/users/${me.id}`)).body
    expect((await ctx.api.patch(`/api/users/${me.id}`, { role: 'auditor', version: user.version })).status).toBe(200)
    expect((await editor.get('/api/auth/me')).status).toBe(401)
    const cookie = await loginCookie(ctx.app, editor.email)
    const res = await ctx.app.request('/api/auth/me', { headers: { cookie } })
    expect(((await res.json()) as { user: { role: string } }).user.role).toBe('auditor')
  })

  it('throttles an account after repeated failures with 429 and Retry-After, even for the right password', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    for (let i = 0; i < 5; i++) {
      expect((await ctx.anonymous.post('/api/auth/login', { email: editor.email, password: `wrong password ${i}` })).status).toBe(401)
    }
    const blocked = await ctx.anonymous.post('/api/auth/login', { email: editor.email, password: TEST_PASSWORD })
    expect(blocked.status).toBe(429)
    expect(blocked.body.error.code).toBe('too_many_requests')
    const retry = Number(blocked.headers.get('retry-after'))
    expect(retry).toBeGreaterThan(0)
    expect(retry).toBeLessThanOrEqual(15 * 60)
    // Another account is not affected.
    const other = await ctx.as('auditor')
    expect((await other.get('/api/auth/me')).status).toBe(200)
  })

  it('throttles a client address across accounts, by socket address only', async () => {
    const ctx = await createTestContext({
      config: { throttle: { perAccountAndAddress: 100, perAccount: 100, perAddress: 3, windowMinutes: 15 } },
    })
    const attempt = (email: string, address: string, headers: Record<string, string> = {}) =>
      ctx.app.request(
        '/api/auth/login',
        { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify({ email, password: 'wrong wrong wrong' }) },
        { incoming: { socket: { remoteAddress: address } } },
      )
    for (let i = 0; i < 3; i++) expect((await attempt(`user${i}@example.test`, '203.0.113.9')).status).toBe(401)
    expect((await attempt('someone@example.test', '203.0.113.9')).status).toBe(429)
    // A forged X-Forwarded-For does not escape the limit when no proxy is trusted.
    expect((await attempt('someone@example.test', '203.0.113.9', { 'x-forwarded-for': '198.51.100.1' })).status).toBe(429)
    expect((await attempt('someone@example.test', '198.51.100.7')).status).toBe(401)
  })

  it('lets users change their own password and ends their other sessions', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    const second = await loginCookie(ctx.app, editor.email)
    const weak = await editor.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'password1234' })
    expect(weak.status).toBe(400)
    expect(weak.body.error.fields[0].path).toBe('newPassword')
    const wrong = await editor.post('/api/auth/password', { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' })
    expect(wrong.body.error.fields[0].path).toBe('currentPassword')
    expect(
      (await editor.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' })).status,
    ).toBe(204)
    expect((await editor.get('/api/auth/me')).status).toBe(200)
    expect((await ctx.app.request('/api/auth/me', { headers: { cookie: second } })).status).toBe(401)
    expect((await ctx.anonymous.post('/api/auth/login', { email: editor.email, password: 'a brand new passphrase' })).status).toBe(200)
  })
})

describe('users', () => {
  it('creates a user who can then log in; refuses short, common and duplicate passwords or emails', async () => {
    const ctx = await createTestContext()
    const short = await ctx.api.post('/api/users', { email: 'new@example.test', name: 'New', role: 'editor', password: 'short' })
    expect(short.status).toBe(400)
    expect(short.body.error.fields).toEqual([expect.objectContaining({ path: 'password' })])
    const common = await ctx.api.post('/api/users', { email: 'new@example.test', name: 'New', role: 'editor', password: 'qwerty123456' })
    expect(common.status).toBe(400)
    expect(common.body.error.fields[0].message).toMatch(/common/)
    const long = 'x'.repeat(20) + ' is a very long passphrase that is fine ' + 'y'.repeat(20)
    expect(long.length).toBeGreaterThanOrEqual(64)
    const created = await ctx.api.post('/api/users', { email: 'New@Example.test', name: 'New Person', role: 'editor', password: long })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ email: 'new@example.test', role: 'editor', disabled: false })
    const dup = await ctx.api.post('/api/users', { email: 'new@example.test', name: 'Again', role: 'auditor', password: long })
    expect(dup.status).toBe(400)
    expect(dup.body.error.fields[0].path).toBe('email')
    expect((await ctx.anonymous.post('/api/auth/login', { email: 'new@example.test', password: long })).status).toBe(200)
  })

  it('stores passwords as argon2id PHC strings with at least m=19456, t=2, p=1', async () => {
    const ctx = await createTestContext()
    const row = ctx.db.get<{ password_hash: string }>(sql`SELECT password_hash FROM users LIMIT 1`)
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(row.password_hash)
    expect(match).not.toBeNull()
    expect(Number(match![1])).toBeGreaterThanOrEqual(19456)
    expect(Number(match![2])).toBeGreaterThanOrEqual(2)
    expect(Number(match![3])).toBe(1)
  })

  it('resets a password: the old one stops working and sessions end', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    const me = (await editor.get('/api/auth/me')).body.user
    expect((await ctx.api.post(`/api/users/${me.id}/password`, { password: 'the reset passphrase' })).status).toBe(200)
    expect((await editor.get('/api/auth/me')).status).toBe(401)
    expect((await ctx.anonymous.post('/api/auth/login', { email: editor.email, password: TEST_PASSWORD })).status).toBe(401)
    expect((await ctx.anonymous.post('/api/auth/login', { email: editor.email, password: 'the reset passphrase' })).status).toBe(200)
  })

  it('will not disable or demote the last active administrator', async () => {
    const ctx = await createTestContext()
    const me = (await ctx.api.get('/api/auth/me')).body.user
    const user = (await ctx.api.get(`/api/users/${me.id}`)).body
    const res = await ctx.api.patch(`/api/users/${me.id}`, { role: 'editor', version: user.version })
    expect(res.status).toBe(409)
    expect((await ctx.api.get(`/api/users/${me.id}`)).body.role).toBe('admin')
  })

  it('refuses a stale version with 409 and the current user', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    const id = (await editor.get('/api/auth/me')).body.user.id
    const v = (await ctx.api.get(`/api/users/${id}`)).body.version
    expect((await ctx.api.patch(`/api/users/${id}`, { name: 'First', version: v })).status).toBe(200)
    const stale = await ctx.api.patch(`/api/users/${id}`, { name: 'Second', version: v })
    expect(stale.status).toBe(409)
    expect(stale.body.error.current.name).toBe('First')
  })
})
