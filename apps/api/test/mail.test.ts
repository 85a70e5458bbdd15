import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AddressInfo } from 'node:net'
import { smtpMailer, type Mailer } from '../src/lib/mailer'
import { addDays } from '../src/findings/checks'
import { sendDailyDigest } from '../src/services/digest'
import { todayIso } from '../src/services/findings'
import { createTestContext } from './helpers'

interface Received {
  to: string[]
  raw: string
}

// A real SMTP server on loopback, so the mail goes through nodemailer and SMTP for real.
const inbox: Received[] = []
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    let raw = ''
    stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')))
    stream.on('end', () => {
      inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw })
      callback()
    })
  },
})
let mailer: Mailer
/**
 * Every mail the app asked to send, in order. The app starts sending before its answer returns (the
 * first send is called synchronously), so "nothing was mailed" is read here, not by waiting.
 */
const requested: string[] = []

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  const smtp = smtpMailer(`smtp://127.0.0.1:${port}?ignoreTLS=true`, 'Seloste <no-reply@seloste.test>')
  mailer = {
    send: (mail) => {
      requested.push(mail.to)
      return smtp.send(mail)
    },
  }
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** The decoded text of a received mail (quoted-printable soft breaks joined). */
function body(mail: Received): string {
  return mail.raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
}

function linkIn(mail: Received, path: string): string {
  const match = new RegExp(`https?://[^\\s]*${path.replace(/[/.]/g, '\\$&')}\\?token=[\\w-]+&lang=\\w+`).exec(body(mail))
  if (!match) throw new Error(`no ${path} link in: ${body(mail)}`)
  const url = new URL(match[0])
  return url.pathname + url.search
}

/** Waits for mail to arrive; the bound (60 s) only catches mail that never comes. */
const until = async (check: () => boolean) => {
  const deadline = Date.now() + 60_000
  while (!check()) {
    if (Date.now() > deadline) throw new Error('the expected mail did not arrive within 60 s')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('following the public list by email', () => {
  it('is hidden, not broken, without SMTP', async () => {
    const ctx = await createTestContext({ demo: true })
    const page = await ctx.anonymous.get('/public/processors?lang=en')
    expect(page.text).not.toContain('action="/public/processors/subscribe"')
    const res = await ctx.anonymous.request('POST', '/public/processors/subscribe', undefined, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      raw: 'email=a%40b.fi&lang=en',
    })
    expect(res.status).toBe(404)
  })

  it('gives administrators the number of confirmed followers, nothing personal, or says subscriptions are off', async () => {
    const off = await createTestContext({ demo: true })
    expect((await off.api.get('/api/public-list/followers')).body).toEqual({ subscriptions: 'off', confirmed: null })
    for (const role of ['editor', 'auditor'] as const)
      expect((await (await off.as(role)).get('/api/public-list/followers')).status).toBe(403)
    expect((await off.anonymous.get('/api/public-list/followers')).status).toBe(401)

    inbox.length = 0
    const ctx = await createTestContext({ demo: true, config: { mailer, publicBaseUrl: 'https://seloste.example.fi' } })
    const followers = async () => (await ctx.api.get('/api/public-list/followers')).body
    expect(await followers()).toEqual({ subscriptions: 'on', confirmed: 0 })
    const form = { headers: { 'content-type': 'application/x-www-form-urlencoded' } }
    const subscribed = await ctx.anonymous.request('POST', '/public/processors/subscribe', undefined, {
      ...form,
      raw: 'email=follower%40example.fi&lang=fi',
    })
    expect(subscribed.status).toBe(200)
    await until(() => inbox.length === 1)
    // Pending: not yet following.
    expect(await followers()).toEqual({ subscriptions: 'on', confirmed: 0 })
    expect((await ctx.anonymous.get(linkIn(inbox[0]!, '/public/processors/subscribe/confirm'))).status).toBe(200)
    const counted = await ctx.api.get('/api/public-list/followers')
    expect(counted.body).toEqual({ subscriptions: 'on', confirmed: 1 })
    expect(counted.text).not.toContain('follower')
    expect(counted.text).not.toContain('@')
    const unsubscribeLink = linkIn(inbox[0]!, '/public/processors/unsubscribe')
    const token = new URL(`http://x${unsubscribeLink}`).searchParams.get('token')!
    await ctx.anonymous.request('POST', '/public/processors/unsubscribe', undefined, { ...form, raw: `token=${token}&lang=fi` })
    expect(await followers()).toEqual({ subscriptions: 'on', confirmed: 0 })
  })

  it('subscribes with double opt-in, mails each new version, and unsubscribes by the link in the mail', async () => {
    inbox.length = 0
    requested.length = 0
    const ctx = await createTestContext({ demo: true, config: { mailer, publicBaseUrl: 'https://seloste.example.fi' } })
    const page = await ctx.anonymous.get('/public/processors?lang=en')
    expect(page.text).toContain('action="/public/processors/subscribe"')
    const form = { headers: { 'content-type': 'application/x-www-form-urlencoded' } }

    const bad = await ctx.anonymous.request('POST', '/public/processors/subscribe', undefined, {
      ...form,
      raw: 'email=not-an-address&lang=en',
    })
    expect(bad.status).toBe(400)

    const res = await ctx.anonymous.request('POST', '/public/processors/subscribe', undefined, {
      ...form,
      raw: 'email=Reader%40Example.fi&lang=en',
    })
    expect(res.status).toBe(200)
    expect(res.text).toContain('Check your email')
    await until(() => inbox.length === 1)
    expect(inbox[0]!.to).toEqual(['reader@example.fi'])
    expect(body(inbox[0]!)).toContain('https://seloste.example.fi/public/processors/subscribe/confirm?token=')
    expect(inbox[0]!.raw).toMatch(/List-Unsubscribe:\s*<https:\/\/seloste\.example\.fi\/public\/processors\/unsubscribe\?token=/)

    // Not yet confirmed: a new version mails nobody.
    await ctx.api.post('/api/processors', { displayName: 'Unconfirmed Oy', role: 'processor' })
    await ctx.api.post('/api/public-list/publish', { confirmUnknownLocations: true, basedOnVersion: 1 })
    expect(requested).toEqual(['reader@example.fi'])
    expect(inbox).toHaveLength(1)

    const confirm = await ctx.anonymous.get(linkIn(inbox[0]!, '/public/processors/subscribe/confirm'))
    expect(confirm.status).toBe(200)
    expect(confirm.text).toContain('Subscription confirmed')
    expect((await ctx.anonymous.get(linkIn(inbox[0]!, '/public/processors/subscribe/confirm'))).status).toBe(404)

    await ctx.api.post('/api/processors', { displayName: 'Announced Oy', role: 'processor' })
    await ctx.api.post('/api/public-list/publish', { confirmUnknownLocations: true, basedOnVersion: 2 })
    await until(() => inbox.length === 2)
    const update = inbox[1]!
    expect(update.raw.replace(/\r\n\s+/g, ' ')).toContain('Subject: Mikroni Digital: processor list updated (version 3)')
    expect(body(update)).toContain('Added: Announced Oy')
    expect(update.raw.replace(/\r\n\s+/g, ' ')).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click')

    const unsubscribeLink = linkIn(update, '/public/processors/unsubscribe')
    const ask = await ctx.anonymous.get(unsubscribeLink)
    expect(ask.status).toBe(200)
    expect(ask.text).toContain('<form method="post"')
    const token = new URL(`http://x${unsubscribeLink}`).searchParams.get('token')!
    const done = await ctx.anonymous.request('POST', '/public/processors/unsubscribe', undefined, {
      ...form,
      raw: `token=${token}&lang=en`,
    })
    expect(done.status).toBe(200)
    expect(done.text).toContain('Unsubscribed')
    expect(ctx.db.$client.prepare('SELECT count(*) FROM list_subscribers').pluck().get()).toBe(0)

    await ctx.api.post('/api/processors', { displayName: 'Quiet Oy', role: 'processor' })
    await ctx.api.post('/api/public-list/publish', { confirmUnknownLocations: true, basedOnVersion: 3 })
    expect(requested).toHaveLength(2)
    await until(() => inbox.length === requested.length)
    expect(inbox).toHaveLength(2)
  })
})

describe('subscription requests', () => {
  it('are limited to ten an hour per client address, each a confirmation mail', async () => {
    inbox.length = 0
    requested.length = 0
    const ctx = await createTestContext({ demo: true, config: { mailer } })
    const subscribe = (email: string, address: string) =>
      ctx.app.request(
        '/public/processors/subscribe',
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `email=${encodeURIComponent(email)}&lang=en`,
        },
        { incoming: { socket: { remoteAddress: address } } },
      )
    for (let i = 0; i < 10; i++) expect((await subscribe(`reader${i}@example.fi`, '203.0.113.50')).status).toBe(200)
    const refused = await subscribe('one-too-many@example.fi', '203.0.113.50')
    expect(refused.status).toBe(429)
    expect(await refused.text()).toContain('Too many requests')
    // Another address is not held back by this one.
    expect((await subscribe('neighbour@example.fi', '198.51.100.50')).status).toBe(200)
    await until(() => inbox.length >= 11)
    const recipients = inbox.flatMap((m) => m.to)
    expect(recipients).toHaveLength(11)
    expect(recipients).not.toContain('one-too-many@example.fi')
    const stored = ctx.db.$client.prepare('SELECT email FROM list_subscribers').pluck().all() as string[]
    expect(stored).toHaveLength(11)
    expect(stored).not.toContain('one-too-many@example.fi')
  })
})

describe('the daily digest', () => {
  it('mails editors and admins the new findings and deadlines within 30 days, once a day', async () => {
    inbox.length = 0
    requested.length = 0
    const ctx = await createTestContext({ demo: true })
    const editor = await ctx.as('editor')
    await ctx.as('auditor')
    const google = (await ctx.api.get('/api/processors?q=google')).body.items[0]
    const dpa = (await ctx.api.get(`/api/processors/${google.id}`)).body.dpas[0]
    await ctx.api.patch(`/api/dpas/${dpa.id}`, { nextReviewOn: addDays(todayIso(), 12), version: dpa.version })

    const first = await sendDailyDigest(ctx.db, mailer, 'https://seloste.example.fi')
    expect(first).toMatchObject({ sent: 2 })
    expect(first!.newFindings).toBeGreaterThan(0)
    expect(first!.deadlines).toBe(1)
    await until(() => inbox.length === 2)
    expect(inbox.flatMap((m) => m.to).sort()).toEqual(['admin1@example.test', editor.email].sort())
    const text = body(inbox[0]!)
    expect(text).toContain('DPA review: Google Workspace')
    expect(text).toContain('https://seloste.example.fi/processors/')
    expect(text).toContain('Plausible')

    expect(await sendDailyDigest(ctx.db, mailer, 'https://seloste.example.fi')).toBeNull()

    // The next day only what is new is reported as new.
    const next = await sendDailyDigest(ctx.db, mailer, 'https://seloste.example.fi', addDays(todayIso(), 1))
    expect(next!.newFindings).toBe(0)
  })
})
