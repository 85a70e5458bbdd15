/**
 * Publishing the privacy notice: blocked while the records have gaps (listed, linked), immutable
 * dated versions, a preview of the sections that change, audited; and the public pages, formats,
 * change history, feed and ETags, read back by their readers.
 */
import { describe, expect, it } from 'vitest'
import { auditEventsAfter, count, createTestContext, lastAuditSeq, type TestClient } from './helpers'
import { python } from './fixtures/readers'

/** Records, through the API, the facts the demo's notice is missing (the gaps checkNotice lists). */
export async function fillDemoGaps(api: TestClient): Promise<void> {
  const org = (await api.get('/api/organisation')).body
  expect((await api.patch('/api/organisation', { version: org.version, dpoAppointed: false, hasJointControllers: false })).status).toBe(200)
  const list = (await api.get('/api/activities')).body.items as { id: number; name: { fi: string } }[]
  const byName = (fi: string) => list.find((a) => a.name.fi === fi)!.id
  const platforms = (await api.get(`/api/activities/${byName('Palveluidemme tunnistautuminen ja tuoteanalytiikka')}`)).body
  const purposes = platforms.purposes.map((p: Record<string, unknown>, i: number) =>
    i === 0
      ? { ...p, legalBasis: 'b' }
      : {
          ...p,
          legalBasis: 'a',
          consentCollection: { fi: 'Evästebannerissa', en: 'In the cookie banner' },
          consentWithdrawal: { fi: 'Evästeasetuksista', en: 'In the cookie settings' },
          trackingConsent: 'separate',
        },
  )
  const retention = { kind: 'duration', amount: 12, unit: 'months' }
  expect((await api.patch(`/api/activities/${platforms.id}`, { version: platforms.version, purposes, retention })).status).toBe(200)
  const bookkeeping = (await api.get(`/api/activities/${byName('Kirjanpito')}`)).body
  expect((await api.patch(`/api/activities/${bookkeeping.id}`, { version: bookkeeping.version, sources: ['data_subject'] })).status).toBe(
    200,
  )
  const prospects = (await api.get(`/api/activities/${byName('Asiakasprospektit')}`)).body
  expect(
    (
      await api.patch(`/api/activities/${prospects.id}`, {
        version: prospects.version,
        retention: { kind: 'duration', amount: 2, unit: 'years' },
      })
    ).status,
  ).toBe(200)
}

describe('publishing the privacy notice', () => {
  it('is refused with the list of blocking problems while the demo records have gaps, and the preview lists them linked to their records', async () => {
    const ctx = await createTestContext({ demo: true })
    const preview = await ctx.api.get('/api/notice/preview')
    expect(preview.status).toBe(200)
    expect(preview.body.publishable).toBe(false)
    expect(
      preview.body.problems.filter((p: { severity: string }) => p.severity === 'blocking').map((p: { code: string }) => p.code),
    ).toEqual([
      'dpo_unrecorded',
      'joint_controllers_unrecorded',
      'activity_retention',
      'activity_sources',
      'purpose_basis',
      'purpose_basis',
      'activity_retention',
    ])
    const refused = await ctx.api.post('/api/notice/publish', { basedOnVersion: 0 })
    expect(refused.status).toBe(409)
    expect(refused.body.error.current.problems).toHaveLength(7)
    expect(refused.body.error.message).toContain('data protection officer')
    expect(count(ctx.db, 'SELECT count(*) FROM notice_versions')).toBe(0)
    expect((await ctx.anonymous.get('/public/notice?lang=fi')).status).toBe(404)
  })

  it('publishes immutable dated versions once the gaps are filled, audited, with the changed sections listed', async () => {
    const ctx = await createTestContext({ demo: true })
    await fillDemoGaps(ctx.api)
    expect((await (await ctx.as('auditor')).post('/api/notice/publish', { basedOnVersion: 0 })).status).toBe(403)
    const preview = (await ctx.api.get('/api/notice/preview')).body
    expect(preview).toMatchObject({ publishable: true, latest: null, changes: [] })
    const seq = lastAuditSeq(ctx.db)
    const first = await ctx.api.post('/api/notice/publish', { basedOnVersion: 0, date: '2026-12-05' })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ version: 1, date: '2026-12-05', changes: [] })
    expect(auditEventsAfter(ctx.db, seq).map((e) => [e.action, e.entityType, e.entityId])).toEqual([['publish', 'notice', '1']])
    expect(() => ctx.db.$client.prepare("UPDATE notice_versions SET date = '2020-01-01'").run()).toThrow(/immutable/)
    expect(() => ctx.db.$client.prepare('DELETE FROM notice_versions').run()).toThrow(/immutable/)

    expect((await ctx.api.post('/api/notice/publish', { basedOnVersion: 1 })).status).toBe(409)
    expect((await ctx.api.post('/api/notice/publish', { basedOnVersion: 0 })).body.error.code).toBe('version_conflict')
    expect((await ctx.api.post('/api/notice/publish', { basedOnVersion: 1, extra: true })).status).toBe(400)

    // A record changes: the preview names the section, and the next version lists it.
    const visitors = ((await ctx.api.get('/api/activities')).body.items as { id: number; name: { fi: string } }[]).find(
      (a) => a.name.fi === 'Verkkosivuston kävijät',
    )!
    const record = (await ctx.api.get(`/api/activities/${visitors.id}`)).body
    expect(
      (
        await ctx.api.patch(`/api/activities/${visitors.id}`, {
          version: record.version,
          retention: { kind: 'duration', amount: 3, unit: 'months' },
        })
      ).status,
    ).toBe(200)
    const next = (await ctx.api.get('/api/notice/preview')).body
    expect(next.changes).toEqual([
      {
        section: 'retention',
        heading: { fi: '3. Henkilötietojen säilytysaika', en: '3. How long we keep personal data' },
        kind: 'changed',
      },
    ])
    expect((await ctx.api.post('/api/notice/publish', { basedOnVersion: 1, date: '2026-12-04' })).status).toBe(400)
    const second = await ctx.api.post('/api/notice/publish', { basedOnVersion: 1, date: '2026-12-06' })
    expect(second.body).toMatchObject({ version: 2, changes: next.changes })

    // The first version stays as it was published.
    expect((await ctx.anonymous.get('/public/notice/versions/1.md?lang=fi')).text).toContain('6 kuukautta')
    expect((await ctx.anonymous.get('/public/notice.md?lang=fi')).text).toContain('3 kuukautta')
    const versions = (await (await ctx.as('auditor')).get('/api/notice/versions')).body
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1])
  })
})

describe('the public notice', async () => {
  const ctx = await createTestContext({ demo: true })
  await fillDemoGaps(ctx.api)
  expect((await ctx.api.post('/api/notice/publish', { basedOnVersion: 0, date: '2026-12-05' })).status).toBe(201)

  it('is served in both languages, in HTML, Markdown and JSON, with the date of the version', async () => {
    const fi = await ctx.anonymous.get('/public/notice?lang=fi')
    expect(fi.status).toBe(200)
    expect(fi.text).toContain('<html lang="fi">')
    expect(fi.text).toContain('Tietosuojavaltuutetun toimisto')
    expect(fi.text).toContain('Päivitetty 5.12.2026')
    expect(fi.text).toContain('3235836-5')
    const en = await ctx.anonymous.get('/public/notice?lang=en')
    expect(en.text).toContain('<html lang="en">')
    expect(en.text).toContain('Updated 5 December 2026')
    const md = await ctx.anonymous.get('/public/notice.md?lang=en')
    expect(md.headers.get('content-type')).toContain('text/markdown')
    expect(md.text.startsWith('# Privacy notice')).toBe(true)
    const json = await ctx.anonymous.get('/public/notice.json?lang=fi')
    expect(json.body).toMatchObject({ kind: 'privacy_notice', lang: 'fi', version: 1, date: '2026-12-05' })
    expect((await ctx.anonymous.get('/public/notice/versions/1.json?lang=en')).body.lang).toBe('en')
    expect((await ctx.anonymous.get('/public/notice/versions/9')).status).toBe(404)
    expect((await ctx.anonymous.get('/public/notice?lang=sv')).status).toBe(400)
  })

  it('answers 304 to a client that has the same bytes', async () => {
    const res = await ctx.anonymous.get('/public/notice?lang=fi')
    const etag = res.headers.get('etag')!
    expect(etag).toMatch(/^"/)
    const again = await ctx.anonymous.request('GET', '/public/notice?lang=fi', undefined, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(res.headers.get('last-modified')).toBeTruthy()
  })

  it('has a change history page and an Atom feed that feedparser reads', async () => {
    const changes = await ctx.anonymous.get('/public/notice/changes?lang=fi')
    expect(changes.status).toBe(200)
    expect(changes.text).toContain('Ensimmäinen julkaistu versio.')
    const feed = await ctx.anonymous.get('/public/notice/feed.atom?lang=en')
    expect(feed.headers.get('content-type')).toContain('application/atom+xml')
    const parsed = python<{ bozo: number; title: string; entries: string[] }>(
      `
import feedparser, json, sys
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({"bozo": int(d.bozo), "title": d.feed.get("title", ""), "entries": [e.title for e in d.entries]}))
`,
      feed.bytes,
    )
    expect(parsed).toEqual({ bozo: 0, title: 'Privacy notice – Mikroni Digital', entries: ['Version 1 (2026-12-05)'] })
  })
})
