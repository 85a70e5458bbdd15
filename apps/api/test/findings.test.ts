import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { addDays } from '../src/findings/checks'
import { findingTrend, listFindings, recordDailyCounts, todayIso } from '../src/services/findings'
import { createTestContext } from './helpers'

describe('GET /api/findings', () => {
  it('finds the real gaps of the demo data', async () => {
    const ctx = await createTestContext({ demo: true })
    const res = await ctx.api.get('/api/findings')
    expect(res.status).toBe(200)
    const keys = res.body.open.map((f: { checkId: string; entity: { name: { en: string } } }) => `${f.checkId} ${f.entity.name.en}`)
    // CapsuleCRM's DPF basis was never verified; Plausible is a processor with no DPA recorded.
    expect(keys).toContain('dpf-not-verified CapsuleCRM Inc – United States')
    expect(keys).toContain('dpa-missing Plausible')
    // Each record is named in both languages.
    const capsule = res.body.open.find((f: { checkId: string }) => f.checkId === 'dpf-not-verified')
    expect(capsule.entity.name).toEqual({ fi: 'CapsuleCRM Inc – Yhdysvallat', en: 'CapsuleCRM Inc – United States' })
    expect(res.body.counts.high).toBe(res.body.open.filter((f: { severity: string }) => f.severity === 'high').length)
    const f = res.body.open[0]
    expect(f).toEqual(
      expect.objectContaining({
        key: expect.any(String),
        checkId: expect.any(String),
        severity: 'high',
        link: expect.stringMatching(/^\//),
        acknowledgement: null,
      }),
    )
    expect(f.message.fi).toBeTruthy()
    expect(f.message.en).toBeTruthy()
    const filtered = (await ctx.api.get('/api/findings?severity=low')).body
    expect(filtered.open.every((x: { severity: string }) => x.severity === 'low')).toBe(true)
    // Filters narrow the lists, never the totals.
    expect(filtered.counts).toEqual(res.body.counts)
    expect((await ctx.api.get('/api/findings?severity=urgent')).status).toBe(400)
  })

  it('lets an auditor read findings but not acknowledge them', async () => {
    const ctx = await createTestContext({ demo: true })
    const auditor = await ctx.as('auditor')
    const open = (await auditor.get('/api/findings')).body.open
    expect(open.length).toBeGreaterThan(0)
    const res = await auditor.post('/api/findings/acknowledgements', {
      findingKey: open[0].key,
      reason: 'Accepted',
      expiresOn: addDays(todayIso(), 30),
    })
    expect(res.status).toBe(403)
  })

  it('a fix makes the finding disappear', async () => {
    const ctx = await createTestContext({ demo: true })
    const capsule = (await ctx.api.get('/api/processors?q=capsule')).body.items[0]
    const transfer = (await ctx.api.get(`/api/processors/${capsule.id}`)).body.transfers[0]
    await ctx.api.patch(`/api/transfers/${transfer.id}`, { dpfVerifiedOn: todayIso(), version: transfer.version })
    const keys = (await ctx.api.get('/api/findings')).body.open.map((f: { checkId: string }) => f.checkId)
    expect(keys).not.toContain('dpf-not-verified')
  })
})

describe('acknowledgements', () => {
  it('moves a finding to acknowledged until it expires, recorded in the audit trail', async () => {
    const ctx = await createTestContext({ demo: true })
    const before = (await ctx.api.get('/api/findings')).body
    const target = before.open.find((f: { checkId: string }) => f.checkId === 'dpa-missing')
    const until = addDays(todayIso(), 10)
    const ack = await ctx.api.post('/api/findings/acknowledgements', {
      findingKey: target.key,
      reason: 'Plausible is anonymised; DPA requested',
      expiresOn: until,
    })
    expect(ack.status).toBe(201)

    const after = (await ctx.api.get('/api/findings')).body
    expect(after.open.map((f: { key: string }) => f.key)).not.toContain(target.key)
    const acknowledged = after.acknowledged.find((f: { key: string }) => f.key === target.key)
    expect(acknowledged.acknowledgement).toMatchObject({ reason: 'Plausible is anonymised; DPA requested', expiresOn: until })
    expect(after.counts.high).toBe(before.counts.high - 1)
    const again = await ctx.api.post('/api/findings/acknowledgements', { findingKey: target.key, reason: 'Twice', expiresOn: until })
    expect(again.status).toBe(409)

    // After its expiry date it shouts again.
    const later = listFindings(ctx.db, {}, addDays(until, 1))
    expect(later.open.map((f) => f.key)).toContain(target.key)

    const audit = (await ctx.api.get('/api/audit?entityType=finding')).body.items
    expect(audit[0]).toMatchObject({ action: 'acknowledge' })
    expect(audit[0].after.findingKey).toBe(target.key)

    expect((await ctx.api.delete(`/api/findings/acknowledgements/${ack.body.id}`)).status).toBe(204)
    expect((await ctx.api.get('/api/findings')).body.open.map((f: { key: string }) => f.key)).toContain(target.key)
    expect((await ctx.api.delete('/api/findings/acknowledgements/9999')).status).toBe(404)
  })

  it('refuses an unknown finding, a past expiry and a missing reason', async () => {
    const ctx = await createTestContext({ demo: true })
    const key = (await ctx.api.get('/api/findings')).body.open[0].key
    const unknown = await ctx.api.post('/api/findings/acknowledgements', {
      findingKey: 'nope:processor:1',
      reason: 'Because',
      expiresOn: addDays(todayIso(), 5),
    })
    expect(unknown.body.error.fields[0].path).toBe('findingKey')
    const past = await ctx.api.post('/api/findings/acknowledgements', { findingKey: key, reason: 'Because', expiresOn: '2020-01-01' })
    expect(past.body.error.fields[0].path).toBe('expiresOn')
    const far = await ctx.api.post('/api/findings/acknowledgements', {
      findingKey: key,
      reason: 'Because',
      expiresOn: addDays(todayIso(), 800),
    })
    expect(far.body.error.fields[0].path).toBe('expiresOn')
    const noReason = await ctx.api.post('/api/findings/acknowledgements', {
      findingKey: key,
      reason: '',
      expiresOn: addDays(todayIso(), 5),
    })
    expect(noReason.body.error.fields[0].path).toBe('reason')
  })
})

describe('trend and deadlines', () => {
  it('records open counts once a day and returns the trend', async () => {
    const ctx = await createTestContext({ demo: true })
    const day1 = addDays(todayIso(), -2)
    recordDailyCounts(ctx.db, day1)
    recordDailyCounts(ctx.db, day1)
    const counts = recordDailyCounts(ctx.db)
    const trend = findingTrend(ctx.db)
    expect(trend.map((p) => p.date)).toEqual([day1, todayIso()])
    expect(trend[1]).toMatchObject(counts)
    expect((await ctx.api.get('/api/findings/trend')).body).toHaveLength(2)
  })

  it('lists DPA reviews and expiries and DPF re-verifications within the window', async () => {
    const ctx = await createTestContext({ demo: true })
    const google = (await ctx.api.get('/api/processors?q=google')).body.items[0]
    const dpa = (await ctx.api.get(`/api/processors/${google.id}`)).body.dpas[0]
    await ctx.api.patch(`/api/dpas/${dpa.id}`, {
      nextReviewOn: addDays(todayIso(), 20),
      validUntil: addDays(todayIso(), 200),
      version: dpa.version,
    })
    const capsule = (await ctx.api.get('/api/processors?q=capsule')).body.items[0]
    const t = (await ctx.api.get(`/api/processors/${capsule.id}`)).body.transfers[0]
    await ctx.api.patch(`/api/transfers/${t.id}`, { dpfVerifiedOn: addDays(todayIso(), -300), version: t.version })
    const deadlines = (await ctx.api.get('/api/deadlines?days=90')).body
    expect(deadlines.map((d: { kind: string }) => d.kind)).toEqual(['dpa_review', 'dpf_reverification'])
    expect(deadlines[0]).toMatchObject({ kind: 'dpa_review', date: addDays(todayIso(), 20), link: `/processors/${google.id}` })
    const year = (await ctx.api.get('/api/deadlines?days=365')).body.map((d: { kind: string }) => d.kind)
    expect(year).toContain('dpa_expiry')
  })
})

describe('the calendar feed', () => {
  it('serves the deadlines as iCalendar to the holder of the secret URL, and a new URL revokes the old', async () => {
    const ctx = await createTestContext({ demo: true })
    const editor = await ctx.as('editor')
    expect((await editor.get('/api/calendar/token')).body.createdAt).toBeNull()
    const google = (await ctx.api.get('/api/processors?q=google')).body.items[0]
    const dpa = (await ctx.api.get(`/api/processors/${google.id}`)).body.dpas[0]
    await ctx.api.patch(`/api/dpas/${dpa.id}`, { nextReviewOn: addDays(todayIso(), 40), version: dpa.version })

    const { url } = (await editor.post('/api/calendar/token')).body
    expect(url).toMatch(/\/api\/calendar\.ics\?token=[\w-]{43}$/)
    const path = new URL(url).pathname + new URL(url).search
    const res = await ctx.anonymous.get(path)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/calendar')
    const component = new ICAL.Component(ICAL.parse(res.text))
    const events = component.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e))
    const review = events.find((e) => e.summary.includes('Google Workspace'))!
    expect(review.startDate.toString()).toBe(addDays(todayIso(), 40))
    expect(review.startDate.isDate).toBe(true)

    await editor.post('/api/calendar/token')
    expect((await ctx.anonymous.get(path)).status).toBe(401)
    expect((await ctx.anonymous.get('/api/calendar.ics?token=guess')).status).toBe(401)
    expect((await ctx.anonymous.get('/api/calendar.ics')).status).toBe(400)
  })

  it("stops serving a disabled user's feed for good: re-enabling does not bring the old link back (issue 13)", async () => {
    const ctx = await createTestContext({ demo: true })
    const editor = await ctx.as('editor')
    const { url } = (await editor.post('/api/calendar/token')).body
    const path = new URL(url).pathname + new URL(url).search
    expect((await ctx.anonymous.get(path)).status).toBe(200)
    const me = (await editor.get('/api/auth/me')).body.user
    const user = (await ctx.api.get(`/api/users/${me.id}`)).body
    const disabled = await ctx.api.patch(`/api/users/${me.id}`, { disabled: true, version: user.version })
    expect(disabled.status).toBe(200)
    expect((await ctx.anonymous.get(path)).status).toBe(401)
    expect((await ctx.api.patch(`/api/users/${me.id}`, { disabled: false, version: disabled.body.version })).status).toBe(200)
    expect((await ctx.anonymous.get(path)).status).toBe(401)
  })
})
