/**
 * Issue 13: login throttling counted before the check, backoff instead of lockout, unlock, the
 * password change throttled and audited, calendar links revoked, __Host- only over HTTPS, uploads
 * named by their checked type, passwords screened for repetition and context words, URL fields that
 * cannot break out of a Markdown link. Each reproduces a finding and shows it fixed.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ProcessorInput } from '@seloste/schema'
import { closeDatabase, openDatabase } from '../src/db/client'
import { systemContext } from '../src/services/context'
import { passwordProblem } from '../src/services/passwords'
import { takeAttempt } from '../src/services/throttle'
import { createUser } from '../src/services/users'
import { auditEventsAfter, count, createTestContext, lastAuditSeq, TEST_PASSWORD } from './helpers'
import { DEFAULT_THROTTLE } from '../src/services/throttle'

const json = { 'content-type': 'application/json' }
type Ctx = Awaited<ReturnType<typeof createTestContext>>

function loginFrom(ctx: Ctx, email: string, password: string, address: string) {
  return ctx.app.request(
    '/api/auth/login',
    { method: 'POST', headers: json, body: JSON.stringify({ email, password }) },
    { incoming: { socket: { remoteAddress: address } } },
  )
}

describe('login throttling', () => {
  for (const burst of [40, 100]) {
    it(`checks at most the limit of a concurrent burst of ${burst} guesses`, async () => {
      const ctx = await createTestContext()
      const editor = await ctx.as('editor')
      const before = lastAuditSeq(ctx.db)
      const answers = await Promise.all(
        Array.from({ length: burst }, (_, i) => loginFrom(ctx, editor.email, `wrong guess number ${i}`, '203.0.113.7')),
      )
      const statuses = answers.map((r) => r.status)
      // Every checked guess writes a login_failed event; a refused one is never checked.
      const checked = auditEventsAfter(ctx.db, before).filter((e) => e.action === 'login_failed').length
      expect(checked).toBeLessThanOrEqual(DEFAULT_THROTTLE.perAccountAndAddress)
      expect(statuses.filter((s) => s === 401)).toHaveLength(checked)
      expect(statuses.filter((s) => s === 429)).toHaveLength(burst - checked)
    })
  }

  it('does not lock the owner out: a flood from one address leaves their own address free', async () => {
    const ctx = await createTestContext()
    const admin = await ctx.as('admin')
    for (let i = 0; i < 12; i++) await loginFrom(ctx, admin.email, `attacker guess ${i}`, '198.51.100.66')
    expect((await loginFrom(ctx, admin.email, TEST_PASSWORD, '198.51.100.66')).status).toBe(429)
    expect((await loginFrom(ctx, admin.email, TEST_PASSWORD, '192.0.2.10')).status).toBe(200)
  })

  it('counts failed guesses per address, not sign-ins: one office behind one address can all sign in', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    // More successful sign-ins from one address than its free attempts (the browser journeys do this).
    for (let i = 0; i < DEFAULT_THROTTLE.perAddress + 5; i++) {
      expect((await loginFrom(ctx, editor.email, TEST_PASSWORD, '203.0.113.50')).status, `sign-in ${i + 1}`).toBe(200)
    }
    // Failed guesses from that address still count, and past its limit even the right password waits.
    for (let i = 0; i < DEFAULT_THROTTLE.perAddress; i++) await loginFrom(ctx, `nobody${i}@example.test`, 'wrong guess', '203.0.113.50')
    expect((await loginFrom(ctx, editor.email, TEST_PASSWORD, '203.0.113.50')).status).toBe(429)
  })

  it('waits longer after each attempt past the free ones, never longer than the window', () => {
    const db = openDatabase(':memory:')
    const keys = [{ key: 'pair:x@example.test|203.0.113.1', free: 3 }]
    const t0 = Date.parse('2026-01-01T00:00:00Z')
    let now = t0
    const waits: number[] = []
    let allowed = 0
    while (waits.length < 8) {
      const wait = takeAttempt(db, keys, DEFAULT_THROTTLE, new Date(now))
      if (wait === 0) {
        allowed++
        continue
      }
      waits.push(wait)
      // The client waits as told; its next attempt is counted and pushes the wait further.
      now += wait * 1000
    }
    // Three free attempts, then one per wait.
    expect(allowed).toBe(3 + 7)
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!)
    expect(waits[1]).toBeGreaterThan(waits[0]!)
    expect(Math.max(...waits)).toBeLessThanOrEqual(DEFAULT_THROTTLE.windowMinutes * 60)
    closeDatabase(db)
  })

  it('has a looser ceiling per account across addresses', async () => {
    const ctx = await createTestContext({
      config: { throttle: { perAccountAndAddress: 5, perAccount: 8, perAddress: 20, windowMinutes: 15 } },
    })
    const editor = await ctx.as('editor')
    for (let i = 0; i < 8; i++) expect((await loginFrom(ctx, editor.email, 'wrong wrong wrong', `198.51.100.${i}`)).status).toBe(401)
    const blocked = await loginFrom(ctx, editor.email, TEST_PASSWORD, '192.0.2.200')
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('is lifted by an administrator (audited), and by a password reset', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    const id = (await ctx.api.get('/api/users')).body.find((u: { email: string }) => u.email === editor.email).id
    const flood = async () => {
      for (let i = 0; i < 6; i++) await loginFrom(ctx, editor.email, `guess ${i}`, '198.51.100.9')
      expect((await loginFrom(ctx, editor.email, TEST_PASSWORD, '198.51.100.9')).status).toBe(429)
    }
    await flood()
    const before = lastAuditSeq(ctx.db)
    // Only an administrator may unlock.
    expect((await editor.post(`/api/users/${id}/unlock`)).status).toBe(403)
    const unlocked = await ctx.api.post(`/api/users/${id}/unlock`)
    expect(unlocked.status).toBe(200)
    expect(auditEventsAfter(ctx.db, before).map((e) => e.action)).toEqual(['unlock'])
    expect((await loginFrom(ctx, editor.email, TEST_PASSWORD, '198.51.100.9')).status).toBe(200)

    await flood()
    expect((await ctx.api.post(`/api/users/${id}/password`, { password: 'another long passphrase 7' })).status).toBe(200)
    expect((await loginFrom(ctx, editor.email, 'another long passphrase 7', '198.51.100.9')).status).toBe(200)
  })

  it('is lifted from the command line: users unlock --email', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seloste-unlock-'))
    const file = join(dir, 'db.sqlite')
    try {
      const db = openDatabase(file)
      await createUser(systemContext(db), { email: 'owner@example.test', name: 'Owner', role: 'editor', password: TEST_PASSWORD })
      for (let i = 0; i < 6; i++)
        takeAttempt(
          db,
          [
            { key: 'pair:owner@example.test|198.51.100.1', free: 5 },
            { key: 'account:owner@example.test', free: 50 },
          ],
          DEFAULT_THROTTLE,
        )
      expect(count(db, 'SELECT count(*) FROM login_throttle WHERE blocked_until IS NOT NULL')).toBe(1)
      closeDatabase(db)
      const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..')
      const out = execFileSync(join(apiDir, 'node_modules/.bin/tsx'), ['src/cli/users.ts', 'unlock', '--email', 'owner@example.test'], {
        cwd: apiDir,
        env: { ...process.env, DATABASE_PATH: file },
        encoding: 'utf8',
      })
      expect(out).toContain('Lifted the login backoff on owner@example.test')
      const after = openDatabase(file)
      expect(count(after, 'SELECT count(*) FROM login_throttle')).toBe(0)
      expect(count(after, "SELECT count(*) FROM audit_events WHERE action = 'unlock'")).toBe(1)
      closeDatabase(after)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('changing one own password', () => {
  it('is throttled before the check and its failures are audited', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    const before = lastAuditSeq(ctx.db)
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        editor.post('/api/auth/password', { currentPassword: `not it ${i} at all`, newPassword: 'a brand new passphrase' }),
      ),
    )
    const failed = auditEventsAfter(ctx.db, before).filter((e) => e.action === 'change_password_failed')
    expect(failed.length).toBeGreaterThan(0)
    expect(failed.length).toBeLessThanOrEqual(DEFAULT_THROTTLE.perAccountAndAddress)
    expect(answers.filter((r) => r.status === 429)).toHaveLength(20 - failed.length)
    // Even the right password waits now.
    expect(
      (await editor.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' })).status,
    ).toBe(429)
  })

  it('is audited when it succeeds', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    const before = lastAuditSeq(ctx.db)
    expect(
      (await editor.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' })).status,
    ).toBe(204)
    expect(auditEventsAfter(ctx.db, before).map((e) => e.action)).toEqual(['change_password'])
  })
})

describe('sessions and calendar links', () => {
  it('writes the logout and ends the session together', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    const before = lastAuditSeq(ctx.db)
    const sessionsBefore = count(ctx.db, 'SELECT count(*) FROM sessions')
    expect((await editor.post('/api/auth/logout')).status).toBe(204)
    expect(count(ctx.db, 'SELECT count(*) FROM sessions')).toBe(sessionsBefore - 1)
    expect(auditEventsAfter(ctx.db, before).map((e) => e.action)).toEqual(['logout'])
  })

  it('ends the calendar link on a password reset and on disabling (re-enabling does not bring it back)', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    const user = (await ctx.api.get('/api/users')).body.find((u: { email: string }) => u.email === editor.email)
    const feed = async () => {
      const { url } = (await editor.post('/api/calendar/token')).body as { url: string }
      const path = new URL(url).pathname + new URL(url).search
      expect((await ctx.anonymous.get(path)).status).toBe(200)
      return path
    }
    const first = await feed()
    expect((await ctx.api.post(`/api/users/${user.id}/password`, { password: 'another long passphrase 7' })).status).toBe(200)
    expect((await ctx.anonymous.get(first)).status).toBe(401)

    const cookie = (await ctx.anonymous.post('/api/auth/login', { email: editor.email, password: 'another long passphrase 7' })).headers
      .get('set-cookie')!
      .split(';')[0]!
    const { url } = (await (await ctx.app.request('/api/calendar/token', { method: 'POST', headers: { cookie } })).json()) as {
      url: string
    }
    const second = new URL(url).pathname + new URL(url).search
    expect((await ctx.anonymous.get(second)).status).toBe(200)
    const version = (await ctx.api.get(`/api/users/${user.id}`)).body.version
    const disabled = await ctx.api.patch(`/api/users/${user.id}`, { disabled: true, version })
    expect(disabled.status).toBe(200)
    expect((await ctx.api.patch(`/api/users/${user.id}`, { disabled: false, version: disabled.body.version })).status).toBe(200)
    expect((await ctx.anonymous.get(second)).status).toBe(401)
  })

  it('builds the calendar link from PUBLIC_BASE_URL, never from the Host header', async () => {
    const ctx = await createTestContext({ config: { publicBaseUrl: 'https://seloste.example.fi' } })
    const res = await ctx.api.request('POST', '/api/calendar/token', undefined, { headers: { host: 'evil.example' } })
    expect(res.body.url).toMatch(/^https:\/\/seloste\.example\.fi\/api\/calendar\.ics\?token=/)
    const feed = await ctx.anonymous.request('GET', '/public/processors/feed.atom', undefined, { headers: { host: 'evil.example' } })
    expect(feed.text).not.toContain('evil.example')
  })

  it('takes only the __Host- cookie over HTTPS', async () => {
    const ctx = await createTestContext()
    const token = (ctx.api as unknown as { cookie: string }).cookie.split('=')[1]!
    const plain = await ctx.app.request('https://seloste.example/api/auth/me', { headers: { cookie: `seloste_session=${token}` } })
    expect(plain.status).toBe(401)
    const prefixed = await ctx.app.request('https://seloste.example/api/auth/me', {
      headers: { cookie: `__Host-seloste_session=${token}` },
    })
    expect(prefixed.status).toBe(200)
    expect((await ctx.app.request('http://localhost/api/auth/me', { headers: { cookie: `seloste_session=${token}` } })).status).toBe(200)
  })
})

describe('uploads', () => {
  it('stores and serves a document under a .pdf name whatever it was called', async () => {
    const ctx = await createTestContext()
    const processor = await ctx.api.post('/api/processors', { displayName: 'Upload name test', role: 'processor' })
    const dpa = await ctx.api.post(`/api/processors/${processor.body.id}/dpas`, { status: 'signed', signedOn: '2026-01-15' })
    for (const name of ['evil.html', 'image.svg', 'noextension']) {
      const form = new FormData()
      form.set('file', new File([Buffer.from('%PDF-1.4\n%%EOF\n')], name, { type: 'text/html' }))
      const res = await ctx.api.request('POST', `/api/dpas/${dpa.body.id}/document`, undefined, { raw: form })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      expect(res.body.document.fileName).toMatch(/\.pdf$/)
      expect(res.body.document.fileName).not.toMatch(/\.(html|svg)$/)
      const got = await ctx.api.get(`/api/dpas/${dpa.body.id}/document`)
      expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]*\.pdf"/)
      expect(got.headers.get('x-content-type-options')).toBe('nosniff')
      expect(got.headers.get('content-type')).toBe('application/pdf')
    }
  })
})

describe('password screening', () => {
  it('refuses repetition, the service name and the organisation and user names with a little added', () => {
    for (const weak of [
      'aaaaaaaaaaaa',
      ' '.repeat(12),
      'abcabcabcabc',
      'seloste12345',
      'Seloste2026!!',
      'Example Oy 2024!',
      'mikko.virtanen1',
    ]) {
      expect(passwordProblem(weak, 'mikko.virtanen@example.fi', ['Example Oy']), weak).not.toBeNull()
    }
    for (const fine of [TEST_PASSWORD, 'correct horse battery staple', 'seloste is a tool I trust']) {
      expect(passwordProblem(fine, 'mikko.virtanen@example.fi', ['Example Oy']), fine).toBeNull()
    }
  })

  it('refuses them through the API with the field named', async () => {
    const ctx = await createTestContext({ demo: true })
    const org = (await ctx.api.get('/api/organisation')).body.name as string
    for (const password of ['aaaaaaaaaaaa', ' '.repeat(12), 'seloste12345', `${org}1234`]) {
      const res = await ctx.api.post('/api/users', { email: 'new.person@example.test', name: 'New', role: 'editor', password })
      expect(res.status, password).toBe(400)
      expect(res.body.error.fields[0].path).toBe('password')
    }
  })
})

describe('URL fields', () => {
  it('percent-encodes what would end a Markdown link target or an HTML attribute', () => {
    const parsed = ProcessorInput.parse({
      displayName: 'x',
      role: 'processor',
      websiteUrl: 'https://a.example/x)[click](https://evil.example',
    })
    expect(parsed.websiteUrl).toBe('https://a.example/x%29[click]%28https://evil.example')
    expect(parsed.websiteUrl).not.toMatch(/[()]/)
  })

  it('stores the encoded URL and the public Markdown keeps it one link', async () => {
    const ctx = await createTestContext({ demo: true })
    const res = await ctx.api.post('/api/processors', {
      displayName: 'Link test',
      role: 'processor',
      status: 'active',
      isPublic: true,
      websiteUrl: 'https://a.example/(x)"onmouseover=alert(1)',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.websiteUrl).toBe('https://a.example/%28x%29%22onmouseover=alert%281%29')
  })
})
