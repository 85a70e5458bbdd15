import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { parseFeed } from '@rowanmanning/feed-parser'
import { parse as parseCsv } from 'csv-parse/sync'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderHtml } from '../src/public-list/render-html'
import { renderJson } from '../src/public-list/render-data'
import { renderMarkdown } from '../src/public-list/render-markdown'
import { getVersion, latestVersion } from '../src/services/public-list'
import { eq } from 'drizzle-orm'
import { diffEntries, type PublicEntry } from '@seloste/schema'
import { transfers } from '../src/db/schema'
import { createTestContext, requireFileOutsideRepo, type TestContext } from './helpers'

const GOLDEN = join(import.meta.dirname, 'golden')
const REFERENCE = join(import.meta.dirname, '../../../../shared/reference/tietosuojaseloste.md')

/**
 * Compares with the committed golden file; UPDATE_GOLDEN=1 (and only that) writes it (review the
 * diff before committing). A missing file fails: a test that wrote its own expectation would pass.
 */
function expectGolden(name: string, actual: string) {
  const file = join(GOLDEN, name)
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual)
  if (!existsSync(file))
    throw new Error(`the golden file ${file} is missing: run with UPDATE_GOLDEN=1 to write it, and review it before committing`)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

async function publishNow(ctx: TestContext) {
  const preview = (await ctx.api.get('/api/public-list/preview')).body
  return ctx.api.post('/api/public-list/publish', { confirmUnknownLocations: true, basedOnVersion: preview.latest?.version ?? 0 })
}

describe('the generated Markdown of the demo data', () => {
  it('matches the Finnish golden file', async () => {
    const ctx = await createTestContext({ demo: true })
    expectGolden('public-list.fi.md', renderMarkdown(latestVersion(ctx.db)!, 'fi', '2026-01-01'))
  })

  it('matches the English golden file', async () => {
    const ctx = await createTestContext({ demo: true })
    expectGolden('public-list.en.md', renderMarkdown(latestVersion(ctx.db)!, 'en', '2026-01-01'))
  })

  it('names the processors and transfer basis of the reference policy sections 6 and 7', async (t) => {
    requireFileOutsideRepo(REFERENCE, t, "the reference company's privacy policy")
    const policy = readFileSync(REFERENCE, 'utf8')
    const sections = policy.slice(policy.indexOf('## 6.'), policy.indexOf('## 8.'))
    const ctx = await createTestContext({ demo: true })
    const generated = renderMarkdown(latestVersion(ctx.db)!, 'fi', '2026-01-01')
    for (const name of ['Google', 'Zestia', 'CapsuleCRM', 'Fennoa', 'Slack', 'PostHog', 'Stripe']) {
      expect(sections).toContain(name)
      expect(generated).toContain(name)
    }
    expect(sections.toLowerCase()).toContain('perintätoimisto')
    expect(generated).toContain('Perintätoimisto')
    // The same transfer basis statements: the Commission's adequacy decision, the DPF and its listing.
    for (const phrase of [
      'Komission päätös riittävästä tietosuojan tasosta',
      'Data Privacy Framework',
      'Yhdysval',
      'www.dataprivacyframework.gov',
      'laki tai viranomainen niin vaatii',
    ]) {
      expect(sections.toLowerCase()).toContain(phrase.toLowerCase())
      expect(generated.toLowerCase()).toContain(phrase.toLowerCase())
    }
    // Plausible is not in the policy's processor list, so it is not public.
    expect(sections).not.toContain('Plausible')
    expect(generated).not.toContain('Plausible')
  })
})

describe('publishing', () => {
  it('shows the difference from the last version before publishing, then freezes a numbered, dated version', async () => {
    const ctx = await createTestContext({ demo: true })
    const before = (await ctx.api.get('/api/public-list/preview')).body
    expect(before.latest).toMatchObject({ version: 1, date: '2025-06-27' })
    expect(before.changes).toEqual([])

    const created = (
      await ctx.api.post('/api/processors', {
        displayName: 'Mailer Oy',
        role: 'processor',
        isPublic: true,
        service: { fi: 'Uutiskirjepalvelu', en: 'Newsletter service' },
      })
    ).body
    const slack = (await ctx.api.get('/api/processors?q=slack')).body.items[0]
    await ctx.api.patch(`/api/processors/${slack.id}`, { purpose: { fi: 'viestintään', en: 'communication' }, version: slack.version })
    const google = (await ctx.api.get('/api/processors?q=google')).body.items[0]
    await ctx.api.post(`/api/processors/${google.id}/retire`, { version: google.version, endDate: '2026-11-01' })

    const preview = (await ctx.api.get('/api/public-list/preview')).body
    expect(preview.changes).toEqual(
      expect.arrayContaining([
        { key: created.id, name: 'Mailer Oy', kind: 'added', fields: [] },
        { key: slack.id, name: 'Slack', kind: 'changed', fields: ['purpose'] },
        { key: google.id, name: 'Google Workspace', kind: 'removed', fields: [] },
      ]),
    )
    const rendered = (await ctx.api.get('/api/public-list/preview/rendered')).body
    expect(rendered.fi.markdown).toContain('Mailer Oy')
    expect(rendered.en.html).toContain('Newsletter service')

    const published = await ctx.api.post('/api/public-list/publish', {
      confirmUnknownLocations: true,
      basedOnVersion: 1,
      date: '2026-11-26',
    })
    expect(published.status).toBe(201)
    expect(published.body).toMatchObject({ version: 2, date: '2026-11-26' })
    expect(published.body.content.entries.find((e: { name: string }) => e.name === 'Mailer Oy').addedOn).toBe('2026-11-26')
    expect(published.body.content.entries.find((e: { name: string }) => e.name === 'Slack').addedOn).toBe('2025-06-27')

    const audit = (await ctx.api.get('/api/audit?action=publish')).body.items
    expect(audit[0]).toMatchObject({ entityType: 'public_list', entityId: '2' })

    const changes = await ctx.anonymous.get('/public/processors/changes?lang=en')
    expect(changes.status).toBe(200)
    expect(changes.text).toContain('Removed: Google Workspace')
    expect(changes.text).toContain('Added: Mailer Oy')
    expect(changes.text).toContain('26 November 2026')
  })

  it('refuses a publish based on a stale preview, and one with nothing new', async () => {
    const ctx = await createTestContext({ demo: true })
    expect((await ctx.api.post('/api/public-list/publish', { confirmUnknownLocations: true, basedOnVersion: 1 })).status).toBe(409)
    await ctx.api.post('/api/processors', { displayName: 'New Oy', role: 'processor' })
    const stale = await ctx.api.post('/api/public-list/publish', { confirmUnknownLocations: true, basedOnVersion: 0 })
    expect(stale.status).toBe(409)
    expect(stale.body.error.current.version).toBe(1)
    expect(
      (await ctx.api.post('/api/public-list/publish', { confirmUnknownLocations: true, basedOnVersion: 1, date: '2020-01-01' })).body.error
        .fields[0].path,
    ).toBe('date')
    expect((await ctx.api.post('/api/public-list/publish', { confirmUnknownLocations: true, basedOnVersion: 1 })).status).toBe(201)
  })

  it('dates a version without a date today, or with the latest date when that is already tomorrow', async () => {
    const ctx = await createTestContext({ demo: true })
    const today = new Date().toISOString().slice(0, 10)
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    await ctx.api.post('/api/processors', { displayName: 'Early Oy', role: 'processor' })
    // Published from east of UTC after local midnight: the dashboard sends its own date.
    expect(
      (await ctx.api.post('/api/public-list/publish', { confirmUnknownLocations: true, basedOnVersion: 1, date: tomorrow })).body,
    ).toMatchObject({ version: 2, date: tomorrow })
    await ctx.api.post('/api/processors', { displayName: 'Later Oy', role: 'processor' })
    const undated = await ctx.api.post('/api/public-list/publish', { confirmUnknownLocations: true, basedOnVersion: 2 })
    expect(undated.status, JSON.stringify(undated.body)).toBe(201)
    expect(undated.body).toMatchObject({ version: 3, date: tomorrow })
    // A date given explicitly is still checked.
    await ctx.api.post('/api/processors', { displayName: 'Last Oy', role: 'processor' })
    expect(
      (await ctx.api.post('/api/public-list/publish', { confirmUnknownLocations: true, basedOnVersion: 3, date: today })).body.error
        .fields[0].path,
    ).toBe('date')
  })

  it('never changes a published version when the registry changes afterwards', async () => {
    const ctx = await createTestContext({ demo: true })
    const v1 = getVersion(ctx.db, 1)
    const before = (await ctx.anonymous.get('/public/processors.json?lang=fi')).text
    const capsule = (await ctx.api.get('/api/processors?q=capsule')).body.items[0]
    await ctx.api.patch(`/api/processors/${capsule.id}`, { displayName: 'Renamed Inc', version: capsule.version })
    await publishNow(ctx)
    expect(getVersion(ctx.db, 1)).toEqual(v1)
    expect((await ctx.anonymous.get('/public/processors/versions/1.json?lang=fi')).text).toBe(before)
    expect((await ctx.anonymous.get('/public/processors.json?lang=fi')).text).toContain('Renamed Inc')
    const raw = ctx.db.$client
    expect(() => raw.prepare("UPDATE published_versions SET date = '2000-01-01'").run()).toThrow(/immutable/)
    expect(() => raw.prepare('DELETE FROM published_versions').run()).toThrow(/immutable/)
  })
})

describe('the public endpoints', () => {
  it('serve every format without an account, in both languages, with the version and date', async () => {
    const ctx = await createTestContext({ demo: true })
    const fi = await ctx.anonymous.get('/public/processors')
    expect(fi.status).toBe(200)
    expect(fi.headers.get('content-type')).toContain('text/html')
    expect(fi.text).toContain('<html lang="fi">')
    expect(fi.text).toContain('Päivitetty 27.6.2025')
    expect(fi.text).toContain('Versio 1')
    for (const href of [
      '/public/processors.md?lang=fi',
      '/public/processors.json?lang=fi',
      '/public/processors.csv?lang=fi',
      '/public/processors/feed.atom?lang=fi',
      '/public/processors/changes?lang=fi',
    ]) {
      expect(fi.text).toContain(`href="${href}"`)
    }
    expect(fi.text).not.toMatch(/<script/i)
    const en = await ctx.anonymous.get('/public/processors?lang=en')
    expect(en.text).toContain('<html lang="en">')
    expect(en.text).toContain('Updated 27 June 2025')

    const json = await ctx.anonymous.get('/public/processors.json?lang=en')
    expect(json.body).toMatchObject({ version: 1, date: '2025-06-27', language: 'en' })
    const capsule = json.body.entries.find((e: { name: string }) => e.name === 'CapsuleCRM Inc')
    expect(capsule.locations[0]).toMatchObject({
      country: 'US',
      countryName: 'United States',
      safeguard: 'dpf',
      outsideEea: true,
      dpfListingUrl: null,
    })

    const md = await ctx.anonymous.get('/public/processors.md?lang=fi')
    expect(md.headers.get('content-type')).toContain('text/markdown')
    expect(md.text).toContain('## 6. Henkilötietojen käsittelijät')

    const csv = parseCsv((await ctx.anonymous.get('/public/processors.csv?lang=fi')).text, { columns: true }) as Record<string, string>[]
    expect(csv.find((r) => r.name === 'CapsuleCRM Inc')).toMatchObject({
      country: 'US',
      country_name: 'Yhdysvallat',
      safeguard: 'dpf',
      outside_eea: 'true',
    })

    expect((await ctx.anonymous.get('/public/processors/versions/1?lang=en')).text).toContain('Version 1')
    expect((await ctx.anonymous.get('/public/processors/versions/9')).status).toBe(404)
    const badLang = await ctx.anonymous.get('/public/processors?lang=sv')
    expect(badLang.status).toBe(400)
    expect(badLang.body.error.fields[0].path).toBe('lang')
  })

  it('answers 404 with a clear page before anything is published', async () => {
    const ctx = await createTestContext()
    const res = await ctx.anonymous.get('/public/processors?lang=en')
    expect(res.status).toBe(404)
    expect(res.text).toContain('has not been published yet')
    expect((await ctx.anonymous.get('/public/processors.json')).status).toBe(404)
  })

  it('expose no field that is not public', async () => {
    const ctx = await createTestContext({ demo: true })
    const secrets = {
      notes: 'SECRET-INTERNAL-NOTE',
      dpa: 'SECRET-DPA-REF',
      tia: 'https://intranet.example/SECRET-TIA',
      transferNote: 'SECRET-TRANSFER-NOTE',
      category: 'SECRET-CATEGORY',
    }
    const p = (
      await ctx.api.post('/api/processors', {
        displayName: 'Leaky Ltd',
        role: 'processor',
        isPublic: true,
        internalNotes: secrets.notes,
        dataCategories: [secrets.category],
      })
    ).body
    await ctx.api.post(`/api/processors/${p.id}/transfers`, {
      country: 'IN',
      kind: 'support',
      safeguard: 'scc',
      sccModule: 2,
      tiaStatus: 'done',
      tiaUrl: secrets.tia,
      notes: secrets.transferNote,
    })
    await ctx.api.post(`/api/processors/${p.id}/dpas`, { status: 'signed', signedOn: '2025-01-01', reference: secrets.dpa })
    const hidden = (await ctx.api.post('/api/processors', { displayName: 'Internal Only Oy', role: 'processor', isPublic: false })).body
    expect(hidden.isPublic).toBe(false)
    expect((await publishNow(ctx)).status).toBe(201)

    const org = (await ctx.api.get('/api/organisation')).body
    // The privacy contact's address is published on purpose, only as where a copy of SCCs or BCRs can be
    // requested (Art. 13(1)(f)), as the reference policy itself publishes it; the person's name never.
    const forbidden = [...Object.values(secrets), 'Internal Only Oy', 'Plausible', org.privacyContactName]
    const urls = [
      '/public/processors',
      '/public/processors.json',
      '/public/processors.md',
      '/public/processors.csv',
      '/public/processors/changes',
      '/public/processors/feed.atom',
      '/public/processors/versions/2',
      '/public/processors/versions/2.json',
    ]
    for (const url of urls) {
      for (const lang of ['fi', 'en']) {
        const res = await ctx.anonymous.get(`${url}?lang=${lang}`)
        expect(res.status).toBe(200)
        for (const secret of forbidden) expect(res.text, `${url} leaks ${secret}`).not.toContain(secret)
        const sentences = res.text.split(org.privacyContactEmail).length - 1
        const copies =
          res.text.split(lang === 'fi' ? 'Jäljennöksen niistä voi pyytää osoitteesta' : 'A copy can be requested from').length - 1
        expect(sentences, `${url}: the contact appears only in the copy sentence`).toBeLessThanOrEqual(copies)
      }
    }
    const json = (await ctx.anonymous.get('/public/processors.json?lang=en')).body
    const leaky = json.entries.find((e: { name: string }) => e.name === 'Leaky Ltd')
    expect(Object.keys(leaky).sort()).toEqual(
      [
        'addedOn',
        'disclosureCondition',
        'effectiveDate',
        'hqCountry',
        'legalName',
        'locationRecorded',
        'locations',
        'name',
        'parentName',
        'privacyPolicyUrl',
        'purpose',
        'role',
        'service',
        'status',
        'websiteUrl',
      ].sort(),
    )
    expect(Object.keys(leaky.locations[0]).sort()).toEqual(
      [
        'adequacyDecision',
        'basis',
        'certifiedEntity',
        'country',
        'countryName',
        'derogation',
        'dpfListingUrl',
        'internationalOrganisation',
        'kind',
        'outsideEea',
        'safeguard',
        'sccModule',
      ].sort(),
    )
  })

  it('supports ETag and Last-Modified with 304', async () => {
    const ctx = await createTestContext({ demo: true })
    const first = await ctx.anonymous.get('/public/processors.json?lang=fi')
    const etag = first.headers.get('etag')!
    const lastModified = first.headers.get('last-modified')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(new Date(lastModified).getTime()).not.toBeNaN()
    expect(first.headers.get('cache-control')).toContain('public')
    const again = await ctx.anonymous.request('GET', '/public/processors.json?lang=fi', undefined, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.text).toBe('')
    const since = await ctx.anonymous.request('GET', '/public/processors?lang=fi', undefined, {
      headers: { 'if-modified-since': lastModified },
    })
    expect(since.status).toBe(304)
    const otherLang = await ctx.anonymous.request('GET', '/public/processors.json?lang=en', undefined, {
      headers: { 'if-none-match': etag },
    })
    expect(otherLang.status).toBe(200)
    await ctx.api.post('/api/processors', { displayName: 'Newer Oy', role: 'processor' })
    await publishNow(ctx)
    const changed = await ctx.anonymous.request('GET', '/public/processors.json?lang=fi', undefined, {
      headers: { 'if-none-match': etag, 'if-modified-since': lastModified },
    })
    expect(changed.status).toBe(200)
  })

  it('shows a processor named like markup as text in every format', async () => {
    const ctx = await createTestContext({ demo: true })
    const name = '<script>alert("x")</script> *Bold* [link](javascript:alert(1))'
    await ctx.api.post('/api/processors', {
      displayName: name,
      role: 'processor',
      service: { fi: '<img src=x onerror=alert(1)>', en: '<b>b</b>' },
    })
    await publishNow(ctx)
    const html = (await ctx.anonymous.get('/public/processors?lang=fi')).text
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    const md = (await ctx.anonymous.get('/public/processors.md?lang=fi')).text
    expect(md).not.toContain('<script>')
    expect(md).toContain('\\*Bold\\*')
    expect(md).toContain('\\[link\\]')
    const json = (await ctx.anonymous.get('/public/processors.json?lang=fi')).body
    expect(json.entries.some((e: { name: string }) => e.name === name)).toBe(true)
    const feed = (await ctx.anonymous.get('/public/processors/feed.atom?lang=fi')).text
    expect(feed).not.toContain('<script>alert')
  })

  it('publishes an Atom feed that a feed parser reads, one entry per version', async () => {
    const ctx = await createTestContext({ demo: true })
    await ctx.api.post('/api/processors', { displayName: 'Feedable Oy', role: 'processor' })
    await publishNow(ctx)
    const res = await ctx.anonymous.get('/public/processors/feed.atom?lang=en')
    expect(res.headers.get('content-type')).toContain('application/atom+xml')
    const feed = parseFeed(res.text)
    expect(feed.meta.type).toBe('atom')
    expect(feed.items).toHaveLength(2)
    const titles = feed.items.map((i) => i.title)
    expect(titles).toEqual(expect.arrayContaining(['Version 2 (' + new Date().toISOString().slice(0, 10) + ')', 'Version 1 (2025-06-27)']))
    const v2 = feed.items.find((i) => i.title?.startsWith('Version 2'))!
    expect(v2.content).toContain('Added: Feedable Oy')
  })
})

describe('announced ahead', () => {
  it('shows a planned processor as upcoming until its start date, then as active', async () => {
    const ctx = await createTestContext({ demo: true })
    await ctx.api.post('/api/processors', {
      displayName: 'Future Analytics Oy',
      role: 'processor',
      status: 'planned',
      startDate: '2027-03-01',
      isPublic: true,
    })
    await ctx.api.post('/api/processors', { displayName: 'Undated Plan Oy', role: 'processor', status: 'planned', isPublic: true })
    const v = (await publishNow(ctx)).body
    const version = getVersion(ctx.db, v.version)
    expect(version.content.entries.map((e) => e.name)).not.toContain('Undated Plan Oy')
    const before = renderHtml(version, 'fi', '2027-02-28')
    expect(before).toContain('Otetaan käyttöön 1.3.2027 alkaen')
    const after = renderHtml(version, 'fi', '2027-03-01')
    expect(after).not.toContain('Otetaan käyttöön')
    expect(after).toContain('Future Analytics Oy')
    const jsonBefore = JSON.parse(renderJson(version, 'en', '2027-02-28'))
    expect(jsonBefore.entries.find((e: { name: string }) => e.name === 'Future Analytics Oy')).toMatchObject({
      status: 'upcoming',
      effectiveDate: '2027-03-01',
    })
    expect(renderMarkdown(version, 'en', '2027-02-28')).toContain('In use from 1 March 2027')
  })
})

describe('compression', () => {
  it('sends brotli or gzip to clients that accept it, each with its own ETag, and the same content', async () => {
    const ctx = await createTestContext({ demo: true })
    const plain = await ctx.anonymous.get('/public/processors.json?lang=en')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('content-length')).toBe(String(Buffer.byteLength(plain.text)))
    // Straight to the app: the test client would try to read the compressed bytes as JSON.
    const fetchWith = (acceptEncoding: string, extra: Record<string, string> = {}) =>
      ctx.app.request('/public/processors.json?lang=en', { headers: { 'accept-encoding': acceptEncoding, ...extra } })
    const decode = { br: brotliDecompressSync, gzip: gunzipSync }
    const etags = new Set([plain.headers.get('etag')])
    // What browsers send: brotli wins a tie; an explicit preference or a refusal (q=0) is followed.
    for (const [header, expected] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.5, gzip', 'gzip'],
      ['br;q=0, gzip;q=0.1', 'gzip'],
      ['*', 'br'],
    ] as const) {
      const res = await fetchWith(header)
      expect(res.status, header).toBe(200)
      expect(res.headers.get('content-encoding'), header).toBe(expected)
      expect(res.headers.get('vary')).toContain('Accept-Encoding')
      const bytes = new Uint8Array(await res.arrayBuffer())
      expect(res.headers.get('content-length')).toBe(String(bytes.length))
      expect(decode[expected](bytes).toString('utf8')).toBe(plain.text)
      etags.add(res.headers.get('etag'))
    }
    // One validator per representation: identity, br and gzip.
    expect(etags.size).toBe(3)
    for (const header of ['identity', 'deflate', 'br;q=0, gzip;q=0']) {
      const res = await fetchWith(header)
      expect(res.headers.get('content-encoding'), header).toBeNull()
      expect(await res.text()).toBe(plain.text)
    }
    const gz = await fetchWith('gzip')
    expect((await fetchWith('gzip', { 'if-none-match': gz.headers.get('etag')! })).status).toBe(304)
    // The gzip validator does not stand for the brotli bytes.
    expect((await fetchWith('br', { 'if-none-match': gz.headers.get('etag')! })).status).toBe(200)
  })

  it('leaves small answers uncompressed', async () => {
    // The feed of a list not yet published: a few hundred bytes, where compression would gain nothing.
    const ctx = await createTestContext()
    const res = await ctx.app.request('/public/processors/feed.atom?lang=en', { headers: { 'accept-encoding': 'br, gzip' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBeNull()
    expect((await res.text()).length).toBeLessThan(1024)
  })
})

describe('Art. 13(1)(f), the DPF entity and international organisations in the published list (issue 11)', () => {
  async function publishedWith(setup: (ctx: Awaited<ReturnType<typeof createTestContext>>) => Promise<void>) {
    const ctx = await createTestContext({ demo: true })
    await setup(ctx)
    expect((await publishNow(ctx)).status).toBe(201)
    const text: Record<string, string> = {}
    for (const lang of ['fi', 'en']) {
      for (const url of ['/public/processors', '/public/processors.md', '/public/processors.json', '/public/processors.csv']) {
        text[`${url}:${lang}`] = (await ctx.anonymous.get(`${url}?lang=${lang}`)).text
      }
    }
    return text
  }

  it('says in every format and both languages where a copy of the SCCs and BCRs can be requested, in agreeing Finnish', async () => {
    let email = ''
    const text = await publishedWith(async (ctx) => {
      email = (await ctx.api.get('/api/organisation')).body.privacyContactEmail
      const p = (await ctx.api.post('/api/processors', { displayName: 'Delhi Support', role: 'processor', isPublic: true })).body
      await ctx.api.post(`/api/processors/${p.id}/transfers`, { country: 'IN', kind: 'support', safeguard: 'scc', sccModule: 2 })
      await ctx.api.post(`/api/processors/${p.id}/transfers`, { country: 'CN', kind: 'support', safeguard: 'bcr' })
    })
    expect(email).toMatch(/@/)
    for (const [key, body] of Object.entries(text)) {
      const fi = key.endsWith(':fi')
      expect(body, key).toContain(
        fi
          ? 'Siirto perustuu vakiosopimuslausekkeisiin, jotka Euroopan komissio on hyväksynyt täytäntöönpanopäätöksellä (EU) 2021/914; moduuli 2.'
          : 'The transfer is based on the standard contractual clauses adopted by the European Commission in Implementing Decision (EU) 2021/914; module 2.',
      )
      expect(body, key).toContain(fi ? 'Siirto perustuu yritystä koskeviin sitoviin sääntöihin' : 'binding corporate rules')
      // No nested or doubled parentheses around the act's number.
      expect(body, key).not.toMatch(/\([^()]*\([^()]*\)[^()]*\)|\)\)/)
      expect(body, key).toContain(fi ? `Jäljennöksen niistä voi pyytää osoitteesta ${email}` : `A copy can be requested from ${email}`)
      expect(body, key).not.toMatch(
        /Siirtoperuste(ena)? (on|ovat) (Euroopan komission hyväksymät vakiosopimuslausekkeet|yritystä koskevat)/,
      )
    }
  })

  it('says the contact is not recorded when none is, never inventing one', async () => {
    const text = await publishedWith(async (ctx) => {
      const org = (await ctx.api.get('/api/organisation')).body
      expect((await ctx.api.patch('/api/organisation', { privacyContactEmail: '', version: org.version })).status).toBe(200)
      const p = (await ctx.api.post('/api/processors', { displayName: 'Delhi Support', role: 'processor', isPublic: true })).body
      await ctx.api.post(`/api/processors/${p.id}/transfers`, { country: 'IN', kind: 'support', safeguard: 'scc', sccModule: 2 })
    })
    expect(text['/public/processors.md:fi']).toContain('yhteystietoa pyyntöjä varten ei ole kirjattu')
    expect(text['/public/processors.md:en']).toContain('no contact for such requests is recorded')
  })

  it('names the certified company the transfer records in the DPF statement, or says none is recorded, never the display or legal name', async () => {
    const text = await publishedWith(async (ctx) => {
      const a = (
        await ctx.api.post('/api/processors', {
          displayName: 'Acme Workspace',
          legalName: 'Acme Cloud LLC',
          role: 'processor',
          hqCountry: 'US',
          isPublic: true,
        })
      ).body
      const created = await ctx.api.post(`/api/processors/${a.id}/transfers`, {
        country: 'US',
        kind: 'storage',
        safeguard: 'dpf',
        certifiedEntity: 'Acme Holdings Inc.',
        dpfListingUrl: 'https://www.dataprivacyframework.gov/participant/777',
      })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      const b = (
        await ctx.api.post('/api/processors', {
          displayName: 'Nameless Suite',
          legalName: 'Nameless LLC',
          role: 'processor',
          hqCountry: 'US',
          isPublic: true,
        })
      ).body
      const legacy = await ctx.api.post(`/api/processors/${b.id}/transfers`, {
        country: 'US',
        kind: 'storage',
        safeguard: 'dpf',
        certifiedEntity: 'Example Inc.',
      })
      // A record made before the certified company was asked (migration 0015 leaves it empty).
      ctx.db.update(transfers).set({ certifiedEntity: null }).where(eq(transfers.id, legacy.body.id)).run()
    })
    const fi = text['/public/processors.md:fi']!
    const en = text['/public/processors.md:en']!
    expect(fi).toContain('Acme Holdings Inc. on Data Privacy Framework -sertifioitu yhtiö')
    expect(en).toContain('Acme Holdings Inc. is certified under the Data Privacy Framework')
    for (const claimed of ['Acme Workspace', 'Acme Cloud LLC', 'Nameless Suite', 'Nameless LLC', 'Example Inc.']) {
      expect(en).not.toContain(`${claimed} is certified`)
      expect(fi).not.toContain(`${claimed} on Data Privacy Framework -sertifioitu`)
    }
    expect(en).toContain('The legal name of the certified company is not recorded')
    expect(fi).toContain('Sertifioidun yhtiön virallista nimeä ei ole kirjattu')
    const json = JSON.parse(text['/public/processors.json:en']!) as {
      entries: { name: string; locations: { certifiedEntity: string | null }[] }[]
    }
    expect(json.entries.find((e) => e.name === 'Acme Workspace')!.locations[0]!.certifiedEntity).toBe('Acme Holdings Inc.')
    expect(json.entries.find((e) => e.name === 'Nameless Suite')!.locations[0]!.certifiedEntity).toBeNull()
  })

  it('does not "change" a DPF entry of a version published before the certified company existed, and lists naming one as a change', () => {
    const location = {
      country: 'US',
      outsideEea: true,
      kind: 'storage',
      safeguard: 'dpf',
      adequacyDecision: null,
      dpfListingUrl: null,
      sccModule: null,
      derogation: null,
      otherSafeguard: null,
    } satisfies PublicEntry['locations'][number]
    const old = {
      key: 1,
      name: 'CapsuleCRM Inc',
      legalName: 'CapsuleCRM Inc',
      role: 'sub_processor',
      parentKey: null,
      parentName: null,
      service: { fi: '', en: '' },
      purpose: { fi: '', en: '' },
      disclosureCondition: { fi: '', en: '' },
      websiteUrl: null,
      privacyPolicyUrl: null,
      hqCountry: 'US',
      effectiveDate: null,
      addedOn: '2025-06-27',
      locations: [location],
    } satisfies PublicEntry
    expect(diffEntries([old], [{ ...old, locations: [{ ...location, certifiedEntity: null }] }])).toEqual([])
    expect(diffEntries([old], [{ ...old, locations: [{ ...location, certifiedEntity: 'CapsuleCRM Inc' }] }])).toEqual([
      { key: 1, name: 'CapsuleCRM Inc', kind: 'changed', fields: ['locations'] },
    ])
  })

  it('lists a transfer to the European Patent Organisation as resting on its decision of 15 July 2025', async () => {
    const text = await publishedWith(async (ctx) => {
      const epo = (
        await ctx.api.post('/api/processors', {
          displayName: 'European Patent Organisation',
          role: 'international_organisation',
          hqCountry: 'DE',
          isPublic: true,
        })
      ).body
      const res = await ctx.api.post(`/api/processors/${epo.id}/transfers`, {
        country: 'DE',
        kind: 'processing',
        safeguard: 'adequacy',
        adequacyDecisionId: 'epo-2025',
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
    })
    expect(text['/public/processors.md:en']).toContain(
      "The recipient is an international organisation (European Patent Organisation). The transfer is based on the European Commission's adequacy decision of 15 July 2025.",
    )
    expect(text['/public/processors.md:fi']).toContain(
      'Vastaanottaja on kansainvälinen järjestö (Euroopan patenttijärjestö). Siirtoperuste on Euroopan komission 15.7.2025 tekemä päätös riittävästä tietosuojan tasosta.',
    )
    expect(text['/public/processors:en']).toContain('international organisation (European Patent Organisation)')
    const json = JSON.parse(text['/public/processors.json:en']!)
    const entry = json.entries.find((e: { name: string }) => e.name === 'European Patent Organisation')
    expect(entry.role).toBe('international_organisation')
    expect(entry.locations[0]).toMatchObject({ internationalOrganisation: 'European Patent Organisation', adequacyDecision: null })
  })
})
