import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  auditEventsAfter,
  createTestContext,
  expectValidationError,
  lastAuditSeq,
  type JsonBody,
  type TestClient,
  type TestContext,
} from './helpers'

// ---------------------------------------------------------------------------
// Local helpers
// ---------------------------------------------------------------------------

const purpose = (overrides: Record<string, unknown> = {}) => ({
  description: { fi: 'Laskutus', en: 'Invoicing' },
  legalBasis: 'b',
  ...overrides,
})

function validActivity(overrides: Record<string, unknown> = {}) {
  return { name: { fi: 'Testitoiminto', en: 'Test activity' }, purposes: [purpose()], ...overrides }
}

async function createActivity(api: TestClient, overrides: Record<string, unknown> = {}) {
  const res = await api.post('/api/activities', validActivity(overrides))
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

/** Demo ids by name: processors by display name, vocabulary by English name, activities by English name. */
async function demoIds(api: TestClient) {
  const processors = (await api.get('/api/processors?pageSize=100')).body.items
  const categories = (await api.get('/api/vocabulary/data-categories')).body
  const subjects = (await api.get('/api/vocabulary/data-subject-categories')).body
  const activities = (await api.get('/api/activities')).body.items
  const index = (items: JsonBody[], key: (t: JsonBody) => string) =>
    Object.fromEntries(items.map((i) => [key(i), i.id])) as Record<string, number>
  return {
    processor: index(processors, (p: { displayName: string }) => p.displayName),
    category: index(categories, (c: { name: { en: string } }) => c.name.en),
    subject: index(subjects, (c: { name: { en: string } }) => c.name.en),
    activity: index(activities, (a: { name: { en: string } }) => a.name.en),
  }
}

// ---------------------------------------------------------------------------
// The demo data: the reference policy's activities
// ---------------------------------------------------------------------------

describe("the demo data's activities (the reference policy)", () => {
  let ctx: TestContext
  let byName: Record<string, JsonBody>

  beforeAll(async () => {
    ctx = await createTestContext({ demo: true })
    byName = {}
    for (const item of (await ctx.api.get('/api/activities')).body.items)
      byName[item.name.en] = (await ctx.api.get(`/api/activities/${item.id}`)).body
  })

  it('has the six activities of sections 3, 4 and 11 (3.1 split: prospects have a purpose and retention of their own), all drafts', () => {
    expect(Object.keys(byName).sort()).toEqual(
      [
        'Authentication and product analytics on our platforms',
        'Bookkeeping',
        'Customers and business partners',
        'Prospective customers',
        'Newsletter subscribers',
        'Website visitors',
      ].sort(),
    )
    expect(Object.values(byName).every((a) => a.status === 'draft' && a.approvedBy === null)).toBe(true)
  })

  it('gives 3.1 its three purposes: contract and legitimate interests for customers and partners, the third (sales) for prospects', () => {
    const a = byName['Customers and business partners']
    expect(a.name.fi).toBe('Asiakkaat ja liikekumppanit')
    expect(a.purposes.map((p: { legalBasis: string }) => p.legalBasis)).toEqual(['b', 'f'])
    expect(a.purposes[0].description.fi).toBe('Tilausten ja palveluiden toimittaminen, ylläpito, asiakasviestintä ja laskuttaminen')
    expect(a.purposes[1].legitimateInterest.fi).toMatch(/väärinkäytösten estäminen/)
    const p = byName['Prospective customers']
    expect(p.name.fi).toBe('Asiakasprospektit')
    expect(p.purposes.map((x: { legalBasis: string }) => x.legalBasis)).toEqual(['f'])
    expect(p.purposes[0]).toMatchObject({
      description: { fi: 'Myynnin ja markkinoinnin toteuttaminen' },
      deviceTracking: 'not_strictly_necessary',
      emailMarketing: true,
    })
  })

  it("leaves the prospects' retention unrecorded (section 4 gives none; the customers' period counts from a relationship they do not have), and records the tracking of sales e-mails (11)", () => {
    const p = byName['Prospective customers']
    expect(p.retention).toBeNull()
    expect(p.dataSubjectCategories.map((c: { name: { en: string } }) => c.name.en)).toEqual(['Prospective customers'])
    const categories = p.dataCategories.map((c: { name: { en: string } }) => c.name.en)
    expect(categories).toContain('Email opens and link clicks')
    expect(categories).not.toContain('Order details')
    expect(categories).not.toContain('Billing details')
    expect(p.processors.map((x: { displayName: string }) => x.displayName).sort()).toEqual([
      'CapsuleCRM Inc',
      'Google Workspace',
      'Zestia Ltd',
    ])
    expect(p.sources).toEqual(['data_subject', 'employer', 'public_registers', 'public_web', 'purchased', 'third_party'])
  })

  it('gives 3.1 its data, subjects, retention and sources (sections 3.1, 4, 5)', () => {
    const a = byName['Customers and business partners']
    expect(a.dataSubjectCategories.map((c: { name: { en: string } }) => c.name.en)).toEqual(['Customers', 'Business partners'])
    expect(a.dataCategories.map((c: { name: { fi: string } }) => c.name.fi)).toEqual([
      'Nimi ja yhteystiedot (etu- ja sukunimi, sähköpostiosoite, puhelinnumero, postiosoite)',
      'Sosiaalisen median profiilit, erityisesti LinkedIn',
      'Yrityksen nimi ja asema siinä (tehtävänimike)',
      'Yhteydenpito rekisteröidyn ja yrityksemme välillä',
      'Tiedot tilauksista',
      'Laskutustiedot',
    ])
    expect(a.retention).toMatchObject({ kind: 'duration_after_event', amount: 5, unit: 'years', event: { fi: 'asiakassuhde päättyy' } })
    expect(a.sources).toEqual(['data_subject', 'employer', 'public_registers', 'public_web', 'purchased', 'third_party'])
    expect(a.sourcesOther.fi).toMatch(/Virre/)
    expect(a.sourcesOther.fi).toMatch(/YTJ/)
  })

  it("links 3.1 to the processors the policy names for it, and derives CapsuleCRM's US transfer", () => {
    const a = byName['Customers and business partners']
    expect(a.processors.map((p: { displayName: string }) => p.displayName).sort()).toEqual(
      ['CapsuleCRM Inc', 'Fennoa Oy', 'Google Workspace', 'Perintätoimisto', 'Slack', 'Stripe', 'Zestia Ltd'].sort(),
    )
    expect(a.thirdCountryTransfers).toEqual([
      expect.objectContaining({ processorName: 'CapsuleCRM Inc', country: 'US', safeguard: 'dpf', kind: 'storage' }),
    ])
    expect(a.otherRecipients).toEqual([
      {
        name: { fi: 'Viranomaiset', en: 'Authorities' },
        condition: expect.objectContaining({ fi: 'mikäli laki tai viranomainen niin vaatii' }),
      },
    ])
  })

  it('records website visitors with Plausible and the web host that keeps the IP logs, legitimate interests and six months (3.2, 4)', () => {
    const a = byName['Website visitors']
    expect(a.purposes.map((p: { legalBasis: string }) => p.legalBasis)).toEqual(['f'])
    expect(a.retention).toMatchObject({ kind: 'duration', amount: 6, unit: 'months', minimum: false })
    expect(a.processors.map((p: { displayName: string }) => p.displayName).sort()).toEqual(['Plausible', 'Verkkosivuston palveluntarjoaja'])
    expect(a.dataCategories).toHaveLength(6)
    expect(a.thirdCountryTransfers).toEqual([])
  })

  it('records newsletter subscribers on consent, until the subscription is cancelled, with opens and clicks (3.3, 4)', () => {
    const a = byName['Newsletter subscribers']
    expect(a.purposes[0]).toMatchObject({
      legalBasis: 'a',
      consentCollection: { fi: 'Tilaamalla uutiskirjeen' },
      consentWithdrawal: { fi: 'Peruuttamalla uutiskirjeen tilauksen' },
    })
    expect(a.retention).toMatchObject({ kind: 'until_event', amount: null, event: { fi: 'tilaaja peruuttaa tilauksensa' } })
    expect(a.dataCategories.map((c: { name: { en: string } }) => c.name.en)).toContain('Email opens and link clicks')
    expect(a.rights).toEqual(expect.arrayContaining(['portability', 'withdraw_consent']))
  })

  it('records bookkeeping as a legal obligation kept at least six years under the Accounting Act, with Fennoa', () => {
    const a = byName['Bookkeeping']
    expect(a.purposes[0]).toMatchObject({ legalBasis: 'c', legalReference: 'Kirjanpitolaki (1336/1997)' })
    expect(a.retention).toMatchObject({
      kind: 'duration_after_event',
      amount: 6,
      unit: 'years',
      minimum: true,
      legalReference: 'Kirjanpitolaki 1336/1997, 2 luku 10 § 2 mom.',
    })
    expect(a.processors.map((p: { displayName: string }) => p.displayName)).toEqual(['Fennoa Oy'])
  })

  it("records the platforms' authentication and product analytics with PostHog, the legal basis left open as the policy is silent (11)", () => {
    const a = byName['Authentication and product analytics on our platforms']
    expect(a.purposes.map((p: { legalBasis: string | null }) => p.legalBasis)).toEqual([null, null])
    expect(a.processors.map((p: { displayName: string }) => p.displayName)).toEqual(['PostHog'])
    expect(a.retention).toBeNull()
  })

  it('records section 8 (no automated decisions or profiling), section 9 (security) and leaves the unknowns empty', () => {
    for (const a of Object.values(byName)) {
      expect(a).toMatchObject({
        automatedDecisionMaking: false,
        profiling: false,
        owner: null,
        nextReviewOn: null,
        dpiaStatus: 'unknown',
        dpiaUrl: null,
      })
      expect(a.securityMeasures.fi).toMatch(/palomuureilla, salasanoin/)
      expect(a.securityMeasures.en).toMatch(/firewalls, passwords/)
      expect(a.rights).toEqual(expect.arrayContaining(['access', 'rectification', 'complaint']))
    }
  })

  it('has no special categories of personal data', async () => {
    const categories = (await ctx.api.get('/api/vocabulary/data-categories')).body
    expect(categories.every((c: { special: boolean }) => !c.special)).toBe(true)
  })
})

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

describe('GET /api/activities', () => {
  let ctx: TestContext
  beforeAll(async () => {
    ctx = await createTestContext({ demo: true })
  })

  it('lists every activity sorted by (Finnish) name, with a summary of each', async () => {
    const res = await ctx.api.get('/api/activities')
    expect(res.status).toBe(200)
    expect(res.body.total).toBe(6)
    expect(res.body.items.map((i: { name: { fi: string } }) => i.name.fi)).toEqual([
      'Asiakasprospektit',
      'Asiakkaat ja liikekumppanit',
      'Kirjanpito',
      'Palveluidemme tunnistautuminen ja tuoteanalytiikka',
      'Uutiskirjeen tilaajat',
      'Verkkosivuston kävijät',
    ])
    expect(res.body.items[0]).toMatchObject({ legalBases: ['f'], purposeCount: 1, processorCount: 3, outsideEea: true })
    expect(res.body.items[1]).toMatchObject({
      status: 'draft',
      legalBases: ['b', 'f'],
      purposeCount: 2,
      processorCount: 7,
      specialCategories: false,
      outsideEea: true,
      dpiaStatus: 'unknown',
      version: 1,
    })
    expect(res.body.items[2]).toMatchObject({ legalBases: ['c'], outsideEea: false })
    expect(res.body.items[3]).toMatchObject({ legalBases: [], purposeCount: 2 })
  })

  it('filters by name in either language, ignoring case, and by status', async () => {
    expect((await ctx.api.get('/api/activities?q=NEWSLETTER')).body.items.map((i: { name: { en: string } }) => i.name.en)).toEqual([
      'Newsletter subscribers',
    ])
    expect((await ctx.api.get(`/api/activities?q=${encodeURIComponent('kävijät')}`)).body.total).toBe(1)
    expect((await ctx.api.get('/api/activities?status=approved')).body).toEqual({ items: [], total: 0 })
  })

  it('refuses an unknown status', async () => {
    expectValidationError(await ctx.api.get('/api/activities?status=done'), ['status'])
  })

  it('gets one activity, and answers 404 for an unknown one and 400 for a bad id', async () => {
    const first = (await ctx.api.get('/api/activities')).body.items[0]
    const res = await ctx.api.get(`/api/activities/${first.id}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: first.id, name: first.name, version: 1, thirdCountryTransfers: expect.any(Array) })
    const missing = await ctx.api.get('/api/activities/999')
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('not_found')
    expectValidationError(await ctx.api.get('/api/activities/0'), ['id'])
  })

  it('gives the matrix of activities x processors with the links', async () => {
    const ids = await demoIds(ctx.api)
    const res = await ctx.api.get('/api/activities/matrix')
    expect(res.status).toBe(200)
    expect(res.body.activities).toHaveLength(6)
    expect(res.body.processors).toHaveLength(10)
    expect(res.body.processors[0]).toEqual({
      id: expect.any(Number),
      displayName: 'CapsuleCRM Inc',
      displayNameEn: null,
      role: 'sub_processor',
      status: 'active',
    })
    expect(res.body.links).toContainEqual({ activityId: ids.activity['Bookkeeping'], processorId: ids.processor['Fennoa Oy'] })
    expect(res.body.links).toContainEqual({ activityId: ids.activity['Website visitors'], processorId: ids.processor['Plausible'] })
    // Customers and partners 7, prospects 3, visitors 2, bookkeeping 1, platforms 1.
    expect(res.body.links).toHaveLength(7 + 3 + 2 + 1 + 1)
  })

  it('lists the activities a processor serves, and 404 for an unknown processor', async () => {
    const ids = await demoIds(ctx.api)
    const res = await ctx.api.get(`/api/processors/${ids.processor['Fennoa Oy']}/activities`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual([
      {
        id: ids.activity['Customers and business partners'],
        name: expect.objectContaining({ fi: 'Asiakkaat ja liikekumppanit' }),
        status: 'draft',
      },
      { id: ids.activity['Bookkeeping'], name: { fi: 'Kirjanpito', en: 'Bookkeeping' }, status: 'draft' },
    ])
    const none = (await ctx.api.post('/api/processors', { displayName: 'Unused Oy', role: 'processor' })).body
    expect((await ctx.api.get(`/api/processors/${none.id}/activities`)).body).toEqual([])
    expect((await ctx.api.get('/api/processors/999/activities')).status).toBe(404)
  })

  it('leaves the processor response as it was (activities come from their own route)', async () => {
    const ids = await demoIds(ctx.api)
    expect((await ctx.api.get(`/api/processors/${ids.processor['Fennoa Oy']}`)).body).not.toHaveProperty('activities')
  })
})

// ---------------------------------------------------------------------------
// Creating
// ---------------------------------------------------------------------------

describe('POST /api/activities', () => {
  let ctx: TestContext
  let ids: Awaited<ReturnType<typeof demoIds>>
  beforeEach(async () => {
    ctx = await createTestContext({ demo: true })
    ids = await demoIds(ctx.api)
  })

  it('creates a draft with the defaults for what was not given', async () => {
    const res = await ctx.api.post('/api/activities', validActivity())
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      id: expect.any(Number),
      name: { fi: 'Testitoiminto', en: 'Test activity' },
      description: { fi: '', en: '' },
      status: 'draft',
      approvedBy: null,
      approvedAt: null,
      owner: null,
      nextReviewOn: null,
      dataSubjectCategories: [],
      dataCategories: [],
      processors: [],
      retention: null,
      sources: [],
      otherRecipients: [],
      automatedDecisionMaking: null,
      profiling: null,
      dpiaStatus: 'unknown',
      rights: [],
      thirdCountryTransfers: [],
      version: 1,
    })
    expect(res.body.purposes).toEqual([
      expect.objectContaining({
        description: { fi: 'Laskutus', en: 'Invoicing' },
        legalBasis: 'b',
        legitimateInterest: { fi: '', en: '' },
      }),
    ])
  })

  it('links the vocabulary and processors, resolves their names and derives the transfers outside the EEA', async () => {
    const res = await ctx.api.post(
      '/api/activities',
      validActivity({
        dataSubjectCategoryIds: [ids.subject['Customers']],
        dataCategories: [{ id: ids.category['Billing details'], retention: { kind: 'duration', amount: 10, unit: 'years' } }],
        processorIds: [ids.processor['Google Workspace'], ids.processor['CapsuleCRM Inc']],
        otherRecipients: [{ name: { fi: 'Tilintarkastaja', en: 'Auditor' } }],
        sources: ['data_subject'],
        rights: ['access'],
      }),
    )
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.dataSubjectCategories).toEqual([{ id: ids.subject['Customers'], name: { fi: 'Asiakkaat', en: 'Customers' } }])
    expect(res.body.dataCategories).toEqual([
      {
        id: ids.category['Billing details'],
        name: { fi: 'Laskutustiedot', en: 'Billing details' },
        special: false,
        retention: expect.objectContaining({ kind: 'duration', amount: 10, unit: 'years' }),
      },
    ])
    expect(res.body.processors.map((p: { displayName: string }) => p.displayName)).toEqual(['CapsuleCRM Inc', 'Google Workspace'])
    expect(res.body.thirdCountryTransfers).toEqual([
      {
        processorId: ids.processor['CapsuleCRM Inc'],
        processorName: 'CapsuleCRM Inc',
        processorNameEn: null,
        transferId: expect.any(Number),
        country: 'US',
        kind: 'storage',
        safeguard: 'dpf',
      },
    ])
    expect(res.body.otherRecipients).toEqual([{ name: { fi: 'Tilintarkastaja', en: 'Auditor' }, condition: { fi: '', en: '' } }])
  })

  it('appends exactly one audit event with the created record', async () => {
    const mark = lastAuditSeq(ctx.db)
    const created = await createActivity(ctx.api, { processorIds: [ids.processor['Slack']] })
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'create', entityType: 'activity', entityId: String(created.id), before: null })
    const { thirdCountryTransfers: _derived, ...record } = created
    expect(events[0]!.after).toEqual(record)
  })

  it('refuses a body without name and purposes, naming both', async () => {
    expectValidationError(await ctx.api.post('/api/activities', {}), ['name', 'purposes'])
  })

  it("enforces each legal basis's fields, with the purpose's path", async () => {
    const res = await ctx.api.post(
      '/api/activities',
      validActivity({ purposes: [purpose(), purpose({ legalBasis: 'f' }), purpose({ legalBasis: 'a' }), purpose({ legalBasis: 'c' })] }),
    )
    expectValidationError(res, [
      'purposes.1.legitimateInterest',
      'purposes.2.consentCollection',
      'purposes.2.consentWithdrawal',
      'purposes.3.legalReference',
    ])
  })

  it('refuses references to unknown vocabulary and processors, each on its own path', async () => {
    const res = await ctx.api.post(
      '/api/activities',
      validActivity({
        dataSubjectCategoryIds: [ids.subject['Customers'], 9999],
        dataCategories: [{ id: 8888 }],
        processorIds: [ids.processor['Slack'], 7777],
      }),
    )
    expectValidationError(res, ['dataSubjectCategoryIds.1', 'dataCategories.0.id', 'processorIds.1'])
  })

  it('needs the Art. 9 condition of every purpose when a special category is processed', async () => {
    const health = (
      await ctx.api.post('/api/vocabulary/data-categories', { name: { fi: 'Terveystiedot', en: 'Health data' }, special: true })
    ).body
    const res = await ctx.api.post(
      '/api/activities',
      validActivity({ dataCategories: [{ id: health.id }], purposes: [purpose(), purpose({ art9Condition: 'h' })] }),
    )
    expectValidationError(res, ['purposes.0.art9Condition'])
    expect(res.body.error.fields[0].message).toMatch(/Health data/)
    const ok = await ctx.api.post(
      '/api/activities',
      validActivity({ dataCategories: [{ id: health.id }], purposes: [purpose({ art9Condition: 'b' })] }),
    )
    expect(ok.status).toBe(201)
    expect(ok.body.purposes[0].art9Condition).toBe('b')
    expect((await ctx.api.get('/api/activities')).body.items.find((i: { id: number }) => i.id === ok.body.id).specialCategories).toBe(true)
  })

  it('clears the fields that do not belong to the chosen legal basis, and an Art. 9 condition without special data', async () => {
    const res = await ctx.api.post(
      '/api/activities',
      validActivity({ purposes: [purpose({ legitimateInterest: { fi: 'x', en: '' }, legalReference: 'Laki', art9Condition: 'a' })] }),
    )
    expect(res.status).toBe(201)
    expect(res.body.purposes[0]).toMatchObject({
      legalBasis: 'b',
      legitimateInterest: { fi: '', en: '' },
      legalReference: null,
      art9Condition: null,
    })
  })

  it('refuses a retention without its length, with the path inside the activity', async () => {
    expectValidationError(await ctx.api.post('/api/activities', validActivity({ retention: { kind: 'duration', unit: 'years' } })), [
      'retention.amount',
    ])
  })

  it('refuses automated decisions without a description, and writes no event for a refused change', async () => {
    const mark = lastAuditSeq(ctx.db)
    expectValidationError(await ctx.api.post('/api/activities', validActivity({ automatedDecisionMaking: true })), [
      'automatedDecisionDescription',
    ])
    expect(auditEventsAfter(ctx.db, mark)).toHaveLength(0)
  })

  it('refuses changes by an auditor, and lets an editor make them', async () => {
    const auditor = await ctx.as('auditor')
    const res = await auditor.post('/api/activities', validActivity())
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('forbidden')
    const editor = await ctx.as('editor')
    expect((await editor.post('/api/activities', validActivity())).status).toBe(201)
  })
})

// ---------------------------------------------------------------------------
// Changing, approving, deleting
// ---------------------------------------------------------------------------

describe('PATCH /api/activities/{id}', () => {
  let ctx: TestContext
  let ids: Awaited<ReturnType<typeof demoIds>>
  beforeEach(async () => {
    ctx = await createTestContext({ demo: true })
    ids = await demoIds(ctx.api)
  })

  it('changes only the fields sent, bumps the version and records before and after', async () => {
    const created = await createActivity(ctx.api, { owner: 'Roni', processorIds: [ids.processor['Slack']] })
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.patch(`/api/activities/${created.id}`, { name: { fi: 'Uusi nimi', en: 'New name' }, version: 1 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      name: { fi: 'Uusi nimi', en: 'New name' },
      owner: 'Roni',
      version: 2,
      processors: [expect.objectContaining({ displayName: 'Slack' })],
    })
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'update', entityType: 'activity', entityId: String(created.id) })
    expect(events[0]!.before.name.en).toBe('Test activity')
    expect(events[0]!.after.name.en).toBe('New name')
    expect(events[0]!.after.version).toBe(2)
  })

  it('replaces the links when they are sent', async () => {
    const created = await createActivity(ctx.api, {
      processorIds: [ids.processor['Slack']],
      dataSubjectCategoryIds: [ids.subject['Customers']],
    })
    const res = await ctx.api.patch(`/api/activities/${created.id}`, { processorIds: [ids.processor['CapsuleCRM Inc']], version: 1 })
    expect(res.body.processors.map((p: { displayName: string }) => p.displayName)).toEqual(['CapsuleCRM Inc'])
    expect(res.body.thirdCountryTransfers).toHaveLength(1)
    expect(res.body.dataSubjectCategories).toHaveLength(1)
  })

  it('checks the merged record: a purpose changed to legitimate interests needs its interest', async () => {
    const created = await createActivity(ctx.api)
    expectValidationError(
      await ctx.api.patch(`/api/activities/${created.id}`, { purposes: [purpose(), purpose({ legalBasis: 'f' })], version: 1 }),
      ['purposes.1.legitimateInterest'],
    )
    expectValidationError(await ctx.api.patch(`/api/activities/${created.id}`, { profiling: true, version: 1 }), [
      'automatedDecisionDescription',
    ])
    expectValidationError(await ctx.api.patch(`/api/activities/${created.id}`, { processorIds: [999], version: 1 }), ['processorIds.0'])
    expectValidationError(await ctx.api.patch(`/api/activities/${created.id}`, { purposes: [], version: 1 }), ['purposes'])
    expect((await ctx.api.get(`/api/activities/${created.id}`)).body.version).toBe(1)
  })

  it('refuses a stale version with 409 and the current record', async () => {
    const created = await createActivity(ctx.api)
    await ctx.api.patch(`/api/activities/${created.id}`, { owner: 'A', version: 1 })
    const res = await ctx.api.patch(`/api/activities/${created.id}`, { owner: 'B', version: 1 })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('version_conflict')
    expect(res.body.error.current).toMatchObject({ id: created.id, owner: 'A', version: 2, thirdCountryTransfers: [] })
  })

  it('answers 404 for an unknown activity and 400 without a version', async () => {
    expect((await ctx.api.patch('/api/activities/999', { owner: 'A', version: 1 })).status).toBe(404)
    expectValidationError(await ctx.api.patch('/api/activities/1', { owner: 'A' }), ['version'])
  })

  it('refuses changes by an auditor', async () => {
    const auditor = await ctx.as('auditor')
    expect((await auditor.patch('/api/activities/1', { owner: 'A', version: 1 })).status).toBe(403)
    expect((await ctx.api.get('/api/activities/1')).body.owner).toBeNull()
  })
})

describe('approving', () => {
  let ctx: TestContext
  let ids: Awaited<ReturnType<typeof demoIds>>
  beforeEach(async () => {
    ctx = await createTestContext({ demo: true })
    ids = await demoIds(ctx.api)
  })

  it('approves a complete activity, recording who and when, with an audit event', async () => {
    const editor = await ctx.as('editor')
    const id = ids.activity['Bookkeeping']!
    const mark = lastAuditSeq(ctx.db)
    const res = await editor.post(`/api/activities/${id}/approve`, { version: 1 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'approved', approvedBy: editor.email, approvedAt: expect.any(String), version: 2 })
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'approve', entityType: 'activity', actorEmail: editor.email })
    expect(events[0]!.before.status).toBe('draft')
    expect(events[0]!.after.status).toBe('approved')
    expect((await ctx.api.get('/api/activities?status=approved')).body.total).toBe(1)
  })

  it('refuses to approve an activity whose purposes have no legal basis, naming each', async () => {
    const id = ids.activity['Authentication and product analytics on our platforms']!
    const res = await ctx.api.post(`/api/activities/${id}/approve`, { version: 1 })
    expectValidationError(res, ['purposes.0.legalBasis', 'purposes.1.legalBasis'])
  })

  it('refuses to approve an activity without categories of data subjects or data', async () => {
    const created = await createActivity(ctx.api)
    expectValidationError(await ctx.api.post(`/api/activities/${created.id}/approve`, { version: 1 }), [
      'dataSubjectCategoryIds',
      'dataCategories',
    ])
  })

  it('refuses to approve twice (409) and a stale version (409 with the current record)', async () => {
    const id = ids.activity['Bookkeeping']!
    expect((await ctx.api.post(`/api/activities/${id}/approve`, { version: 1 })).status).toBe(200)
    const again = await ctx.api.post(`/api/activities/${id}/approve`, { version: 2 })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('conflict')
    const stale = await ctx.api.post(`/api/activities/${id}/approve`, { version: 1 })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')
    expect(stale.body.error.current.status).toBe('approved')
  })

  it('returns an approved activity to draft when what it says changes, but not for its owner or review date', async () => {
    const id = ids.activity['Bookkeeping']!
    await ctx.api.post(`/api/activities/${id}/approve`, { version: 1 })
    const admin = await ctx.api.patch(`/api/activities/${id}`, { owner: 'Roni Äikäs', nextReviewOn: '2026-06-27', version: 2 })
    expect(admin.body).toMatchObject({ status: 'approved', owner: 'Roni Äikäs', nextReviewOn: '2026-06-27', version: 3 })
    // Saving the same name changes nothing: still approved, and the version stays.
    const same = await ctx.api.patch(`/api/activities/${id}`, { name: { fi: 'Kirjanpito', en: 'Bookkeeping' }, version: 3 })
    expect(same.body).toMatchObject({ status: 'approved', version: 3 })
    const content = await ctx.api.patch(`/api/activities/${id}`, { description: { fi: 'Muutettu', en: 'Changed' }, version: 3 })
    expect(content.body).toMatchObject({ status: 'draft', approvedBy: null, approvedAt: null, version: 4 })
  })

  it('refuses approval by an auditor, and 404 for an unknown activity', async () => {
    const auditor = await ctx.as('auditor')
    expect((await auditor.post(`/api/activities/${ids.activity['Bookkeeping']}/approve`, { version: 1 })).status).toBe(403)
    expect((await ctx.api.post('/api/activities/999/approve', { version: 1 })).status).toBe(404)
    expectValidationError(await ctx.api.post(`/api/activities/${ids.activity['Bookkeeping']}/approve`, {}), ['version'])
  })
})

describe('DELETE /api/activities/{id}', () => {
  let ctx: TestContext
  beforeEach(async () => {
    ctx = await createTestContext({ demo: true })
  })

  it('deletes the activity and its links with one audit event holding the record', async () => {
    const created = await createActivity(ctx.api, { processorIds: [1] })
    const mark = lastAuditSeq(ctx.db)
    expect((await ctx.api.delete(`/api/activities/${created.id}?version=1`)).status).toBe(204)
    expect((await ctx.api.get(`/api/activities/${created.id}`)).status).toBe(404)
    expect((await ctx.api.get('/api/activities/matrix')).body.links.some((l: { activityId: number }) => l.activityId === created.id)).toBe(
      false,
    )
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'delete', entityType: 'activity', entityId: String(created.id), after: null })
    expect(events[0]!.before).toMatchObject({ id: created.id, processors: [expect.objectContaining({ id: 1 })] })
  })

  it('refuses a stale version with the current record, a missing version, an unknown id and an auditor', async () => {
    const created = await createActivity(ctx.api)
    await ctx.api.patch(`/api/activities/${created.id}`, { owner: 'A', version: 1 })
    const stale = await ctx.api.delete(`/api/activities/${created.id}?version=1`)
    expect(stale.status).toBe(409)
    expect(stale.body.error.current.version).toBe(2)
    expectValidationError(await ctx.api.delete(`/api/activities/${created.id}`), ['version'])
    expect((await ctx.api.delete('/api/activities/999?version=1')).status).toBe(404)
    const auditor = await ctx.as('auditor')
    expect((await auditor.delete(`/api/activities/${created.id}?version=2`)).status).toBe(403)
    expect((await ctx.api.get(`/api/activities/${created.id}`)).status).toBe(200)
  })
})

describe('deleting a processor that activities use', () => {
  it('removes it from each activity with an audited change of that activity', async () => {
    const ctx = await createTestContext({ demo: true })
    const ids = await demoIds(ctx.api)
    const posthog = (await ctx.api.get(`/api/processors/${ids.processor['PostHog']}`)).body
    const activityId = ids.activity['Authentication and product analytics on our platforms']!
    const mark = lastAuditSeq(ctx.db)
    expect((await ctx.api.delete(`/api/processors/${posthog.id}?version=${posthog.version}`)).status).toBe(204)
    const activity = (await ctx.api.get(`/api/activities/${activityId}`)).body
    expect(activity).toMatchObject({ processors: [], version: 2 })
    const events = auditEventsAfter(ctx.db, mark).filter((e) => e.entityType === 'activity')
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'update', entityId: String(activityId) })
    expect(events[0]!.before.processors.map((p: { displayName: string }) => p.displayName)).toEqual(['PostHog'])
    expect(events[0]!.after.processors).toEqual([])
  })
})
