import { parseFeed } from '@rowanmanning/feed-parser'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../src/public-list/render-markdown'
import { latestVersion } from '../src/services/public-list'
import { createTestContext, type TestContext } from './helpers'

/** The demo processors whose locations the reference policy does not give (issue 11). */
const UNLOCATED_POLICY_NAMES = ['Google Workspace', 'Slack', 'PostHog', 'Stripe', 'Zestia Ltd']
const NO_OTHER_TRANSFERS_FI = 'Tätä lukuun ottamatta emme siirrä henkilötietojasi ETA-alueen ulkopuolelle.'
const ALL_DPAS_FI = 'Kaikkien käsittelijöidemme kanssa on tehty henkilötietojen käsittelysopimukset'

async function idOf(ctx: TestContext, name: string): Promise<number> {
  const page = (await ctx.api.get(`/api/processors?pageSize=100&q=${encodeURIComponent(name)}`)).body
  return page.items.find((p: { displayName: string }) => p.displayName === name).id
}

async function publish(ctx: TestContext, extra: Record<string, unknown> = {}) {
  const preview = (await ctx.api.get('/api/public-list/preview')).body
  return ctx.api.post('/api/public-list/publish', { basedOnVersion: preview.latest?.version ?? 0, ...extra })
}

async function draftFi(ctx: TestContext): Promise<string> {
  return (await ctx.api.get('/api/public-list/preview/rendered')).body.fi.markdown
}

describe('unknown locations in the public list', () => {
  it('says the locations are not recorded instead of "no other transfers", in every format and language', async () => {
    const ctx = await createTestContext({ demo: true })
    const fi = renderMarkdown(latestVersion(ctx.db)!, 'fi', '2026-01-01')
    expect(fi).not.toContain(NO_OTHER_TRANSFERS_FI)
    expect(fi).toContain('Seuraavien palveluiden tietojen sijaintia ei ole kirjattu')
    for (const name of UNLOCATED_POLICY_NAMES) expect(fi).toMatch(new RegExp(`ETA-alueen ulkopuolelle: [^\\n]*${name}`))
    for (const lang of ['fi', 'en']) {
      const html = (await ctx.anonymous.get(`/public/processors?lang=${lang}`)).text
      expect(html).toContain(lang === 'fi' ? 'Tietojen sijaintia ei ole kirjattu.' : 'Where the data is has not been recorded.')
      expect(html).not.toContain(lang === 'fi' ? NO_OTHER_TRANSFERS_FI : 'Apart from these, we do not transfer')
      const json = (await ctx.anonymous.get(`/public/processors.json?lang=${lang}`)).body
      const google = json.entries.find((e: { name: string }) => e.name === 'Google Workspace')
      expect(google.locationRecorded).toBe(false)
      expect(json.statements.transfers).toContain('Stripe')
      const csv = (await ctx.anonymous.get(`/public/processors.csv?lang=${lang}`)).text
      expect(csv.split('\n')[0]).toContain('location_recorded')
      expect(csv).toMatch(/Slack.*,false/)
    }
  })

  it('refuses to publish without the confirmation, naming the processors, and audits the confirmation', async () => {
    const ctx = await createTestContext({ demo: true })
    await ctx.api.post('/api/processors', { displayName: 'New Tool Oy', role: 'processor', isPublic: true, status: 'active' })
    const refused = await publish(ctx)
    expect(refused.status).toBe(400)
    expect(refused.body.error.fields[0].path).toBe('confirmUnknownLocations')
    for (const name of [...UNLOCATED_POLICY_NAMES, 'New Tool Oy']) expect(refused.body.error.fields[0].message).toContain(name)
    // Named in the reader's language: the English message by the English name, the body in both
    // languages for a client that speaks Finnish (the dashboard translates the code).
    expect(refused.body.error.fields[0].messageCode).toBe('locations_unrecorded')
    expect(refused.body.error.fields[0].message).toContain('Debt collection agency')
    expect(refused.body.error.fields[0].message).not.toContain('Perintätoimisto')
    expect(refused.body.error.unlocated).toEqual(
      expect.arrayContaining([
        { name: { fi: 'Perintätoimisto', en: 'Debt collection agency' } },
        { name: { fi: 'Google Workspace', en: 'Google Workspace' } },
        { name: { fi: 'New Tool Oy', en: 'New Tool Oy' } },
      ]),
    )
    expect(latestVersion(ctx.db)!.version).toBe(1)
    expect((await publish(ctx, { confirmUnknownLocations: false })).status).toBe(400)

    const published = await publish(ctx, { confirmUnknownLocations: true })
    expect(published.status).toBe(201)
    const event = (await ctx.api.get('/api/audit?action=publish')).body.items[0]
    expect(event.after.confirmedUnknownLocations).toEqual(expect.arrayContaining([...UNLOCATED_POLICY_NAMES, 'New Tool Oy']))
  })

  it('says "no other transfers" once every listed location is recorded, needs no confirmation, and lists the sentence as a change', async () => {
    const ctx = await createTestContext({ demo: true })
    const preview = (await ctx.api.get('/api/public-list/preview')).body
    for (const e of preview.draft.entries.filter((e: { locations: unknown[] }) => e.locations.length === 0)) {
      expect(
        (
          await ctx.api.post(`/api/processors/${e.key}/transfers`, {
            country: 'FI',
            kind: 'storage',
            safeguard: 'none_needed',
            tiaStatus: 'not_needed',
          })
        ).status,
      ).toBe(201)
    }
    const fi = await draftFi(ctx)
    expect(fi).toContain(NO_OTHER_TRANSFERS_FI)
    expect(fi).not.toContain('ei ole kirjattu')
    const changes = (await ctx.api.get('/api/public-list/preview')).body.changes
    expect(changes).toContainEqual({ key: 0, name: 'no_other_transfers', kind: 'statement', fields: ['added'] })
    expect((await publish(ctx)).status).toBe(201)
    const history = (await ctx.anonymous.get('/public/processors/changes?lang=fi')).text
    expect(history).toContain('Lisätty: lause ”emme siirrä tietoja muuten ETA-alueen ulkopuolelle”')

    // A new listed processor without a location takes the sentence away again, and the history says so.
    await ctx.api.post('/api/processors', { displayName: 'Somewhere Ltd', role: 'processor', isPublic: true, status: 'active' })
    expect(await draftFi(ctx)).not.toContain(NO_OTHER_TRANSFERS_FI)
    expect((await publish(ctx, { confirmUnknownLocations: true })).status).toBe(201)
    const feed = parseFeed((await ctx.anonymous.get('/public/processors/feed.atom?lang=en')).text)
    expect(feed.items[0]!.content).toContain('Removed: the sentence "we do not otherwise transfer data outside the EEA"')
  })
})

describe('the DPA sentence', () => {
  it('is not said while internal processors in use (Plausible, the web host) have no DPA, and appears as a listed change once they have', async () => {
    const ctx = await createTestContext({ demo: true })
    const v1 = latestVersion(ctx.db)!
    expect(v1.content.allProcessorsHaveDpa).toBe(false)
    const fi = renderMarkdown(v1, 'fi', '2026-01-01')
    expect(fi).not.toContain(ALL_DPAS_FI)
    // What is true is said: the listed processors with a signed agreement, and never the internal one.
    expect(fi).toContain(
      'Henkilötietojen käsittelysopimus on tehty seuraavien käsittelijöiden kanssa: Fennoa Oy, Google Workspace, PostHog, Slack, Zestia Ltd.',
    )
    expect(fi).not.toContain('Plausible')

    const plausible = await idOf(ctx, 'Plausible')
    expect((await ctx.api.post(`/api/processors/${plausible}/dpas`, { status: 'signed', signedOn: '2025-01-10' })).status).toBe(201)
    // One internal processor still without an agreement (the web host) keeps "all" untrue.
    expect(await draftFi(ctx)).not.toContain(ALL_DPAS_FI)
    const host = await idOf(ctx, 'Verkkosivuston palveluntarjoaja')
    expect((await ctx.api.post(`/api/processors/${host}/dpas`, { status: 'signed', signedOn: '2025-01-10' })).status).toBe(201)
    expect(await draftFi(ctx)).toContain(ALL_DPAS_FI)
    expect((await ctx.api.get('/api/public-list/preview')).body.changes).toEqual([
      { key: 0, name: 'all_processors_dpa', kind: 'statement', fields: ['added'] },
    ])
    expect((await publish(ctx, { confirmUnknownLocations: true })).status).toBe(201)
    expect((await ctx.anonymous.get('/public/processors/changes?lang=en')).text).toContain(
      'Added: the sentence &quot;data processing agreements with all our processors&quot;',
    )

    // An internal processor without an agreement makes "all" untrue: the sentence goes, and the feed says so.
    await ctx.api.post('/api/processors', { displayName: 'Hidden Helper Oy', role: 'processor', isPublic: false, status: 'active' })
    expect(await draftFi(ctx)).not.toContain(ALL_DPAS_FI)
    expect((await publish(ctx, { confirmUnknownLocations: true })).status).toBe(201)
    const feed = parseFeed((await ctx.anonymous.get('/public/processors/feed.atom?lang=fi')).text)
    expect(feed.items[0]!.content).toContain('Poistettu: lause ”käsittelysopimukset kaikkien käsittelijöiden kanssa”')
    expect(feed.items[0]!.content).not.toContain('Hidden Helper')
  })

  it('counts processors in the Art. 28 sense only: not recipients, independent controllers, retired ones or sub-processors covered by their parent', async () => {
    const ctx = await createTestContext({ demo: true })
    for (const name of ['Plausible', 'Verkkosivuston palveluntarjoaja']) {
      await ctx.api.post(`/api/processors/${await idOf(ctx, name)}/dpas`, { status: 'signed', signedOn: '2025-01-10' })
    }
    const google = await idOf(ctx, 'Google Workspace')
    for (const body of [
      { displayName: 'Bank Oyj', role: 'recipient' },
      { displayName: 'Tax Authority', role: 'independent_controller' },
      { displayName: 'Old Tool Oy', role: 'processor', status: 'retired' },
      { displayName: 'Google Cloud EMEA', role: 'sub_processor', parentId: google },
    ]) {
      expect((await ctx.api.post('/api/processors', { status: 'active', isPublic: false, ...body })).status).toBe(201)
    }
    expect((await ctx.api.get('/api/public-list/preview')).body.draft.allProcessorsHaveDpa).toBe(true)
    // A sub-processor with no parent recorded cannot be traced to any agreement: it counts.
    await ctx.api.post('/api/processors', { displayName: 'Orphan Sub Ltd', role: 'sub_processor', status: 'active', isPublic: false })
    expect((await ctx.api.get('/api/public-list/preview')).body.draft.allProcessorsHaveDpa).toBe(false)
  })
})
