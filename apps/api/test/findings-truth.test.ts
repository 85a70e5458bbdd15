/**
 * The checks that catch the reference company's real gaps (issue 11): each as a pure function with a
 * record that triggers it and one that does not, then on the demo data through the API, where each
 * must fire and must stop firing once the gap is fixed.
 */
import { describe, expect, it } from 'vitest'
import { emptyChecklist, type Dpa, type Processor, type Transfer } from '@seloste/schema'
import {
  dpaStatus,
  emailMarketingWithoutProcessor,
  locationNotRecorded,
  rightsMissing,
  signedDpaWithoutDocument,
  trackingConsentBundled,
  trackingWithoutConsent,
  type ActivityView,
  type Check,
  type RegistryView,
} from '../src/findings/checks'
import { createTestContext, type TestContext } from './helpers'

let nextId = 500

function transfer(over: Partial<Transfer> = {}): Transfer {
  return {
    id: nextId++,
    processorId: 1,
    country: 'FI',
    outsideEea: false,
    kind: 'storage',
    safeguard: 'none_needed',
    adequacyDecisionId: null,
    dpfListingUrl: null,
    dpfVerifiedOn: null,
    certifiedEntity: null,
    sccModule: null,
    derogation: null,
    otherSafeguard: null,
    tiaStatus: 'unknown',
    tiaUrl: null,
    notes: null,
    version: 1,
    createdAt: '',
    updatedAt: '',
    ...over,
  }
}

function dpa(over: Partial<Dpa> = {}): Dpa {
  const checklist = emptyChecklist()
  for (const k of Object.keys(checklist) as (keyof typeof checklist)[]) checklist[k] = { status: 'covered', clause: '1' }
  return {
    id: nextId++,
    processorId: 1,
    status: 'signed',
    notRequiredReason: null,
    signedOn: '2025-01-01',
    reference: null,
    documentUrl: 'https://example.com/dpa.pdf',
    validUntil: null,
    nextReviewOn: null,
    checklist,
    document: null,
    version: 1,
    createdAt: '',
    updatedAt: '',
    ...over,
  }
}

function processor(over: Partial<Processor> = {}): Processor {
  const id = over.id ?? nextId++
  return {
    id,
    displayName: `P${id}`,
    displayNameEn: null,
    internationalOrganisationId: null,
    internationalOrganisationName: null,
    legalName: null,
    parent: null,
    subsidiaries: [],
    role: 'processor',
    service: { fi: '', en: '' },
    purpose: { fi: '', en: '' },
    dataCategories: [],
    dataSubjectCategories: [],
    websiteUrl: null,
    privacyPolicyUrl: null,
    dpaUrl: null,
    hqCountry: null,
    status: 'active',
    startDate: null,
    endDate: null,
    disclosureCondition: { fi: '', en: '' },
    isPublic: true,
    internalNotes: null,
    transfers: [transfer()],
    dpas: [dpa()],
    version: 1,
    createdAt: '',
    updatedAt: '',
    ...over,
  }
}

type PurposeView = ActivityView['purposes'][number]
const purpose = (over: Partial<PurposeView> = {}): PurposeView => ({
  legalBasis: 'b',
  assessmentUrl: null,
  art9Condition: null,
  deviceTracking: 'none',
  trackingConsent: null,
  emailMarketing: false,
  ...over,
})

function activity(over: Partial<ActivityView> = {}): ActivityView {
  return {
    id: nextId++,
    name: { fi: 'Asiakkaat', en: 'Customers' },
    status: 'approved',
    processorIds: [1],
    purposes: [purpose()],
    hasRetention: true,
    dataCategoryCount: 2,
    processesSpecialCategories: false,
    nextReviewOn: null,
    rights: ['access', 'rectification', 'restriction', 'complaint'],
    ...over,
  }
}

const view = (over: Partial<RegistryView> = {}): RegistryView => ({
  today: '2026-12-04',
  processors: [],
  activities: [],
  publishedKeys: null,
  unpublishedChanges: false,
  ...over,
})
const ids = (check: Check, v: RegistryView) => check(v).map((f) => f.checkId)

describe('location not recorded', () => {
  it('flags a processor or recipient in use with no location, in both languages', () => {
    const found = locationNotRecorded(
      view({ processors: [processor({ displayName: 'Slack', transfers: [] }), processor({ role: 'recipient', transfers: [] })] }),
    )
    expect(found.map((f) => f.checkId)).toEqual(['location-not-recorded', 'location-not-recorded'])
    expect(found[0]!.message.fi).toContain('Slack: tietojen sijaintia')
    expect(found[0]!.message.en).toContain('Slack: no location is recorded')
  })
  it('is silent once a location is recorded, and for a retired processor', () => {
    expect(ids(locationNotRecorded, view({ processors: [processor(), processor({ status: 'retired', transfers: [] })] }))).toEqual([])
  })
})

describe('a signed DPA with no document', () => {
  it('flags a signed agreement with neither a link nor an upload', () => {
    expect(ids(signedDpaWithoutDocument, view({ processors: [processor({ dpas: [dpa({ documentUrl: null })] })] }))).toEqual([
      'dpa-no-document',
    ])
  })
  it('is silent with a link or an uploaded copy, and for agreements not signed', () => {
    const uploaded = dpa({ documentUrl: null, document: { fileName: 'dpa.pdf', size: 1, sha256: 'x', uploadedAt: '' } })
    expect(
      ids(
        signedDpaWithoutDocument,
        view({
          processors: [
            processor(),
            processor({ dpas: [uploaded] }),
            processor({ dpas: [dpa({ status: 'in_negotiation', documentUrl: null })] }),
          ],
        }),
      ),
    ).toEqual([])
  })
})

describe('a sub-processor whose terms come through its parent', () => {
  it('has no "DPA missing" finding; one with no parent recorded does', () => {
    const parent = processor({ id: 1 })
    const covered = processor({ role: 'sub_processor', parent: { id: 1, displayName: 'P1' }, dpas: [] })
    const orphan = processor({ role: 'sub_processor', dpas: [] })
    expect(dpaStatus(view({ processors: [parent, covered, orphan] })).map((f) => [f.checkId, f.entity.id])).toEqual([
      ['dpa-missing', orphan.id],
    ])
  })
})

describe('tracking without consent (917/2014 205 §)', () => {
  it('flags tracking that is not strictly necessary on legitimate interest or with no basis', () => {
    const a = activity({
      purposes: [
        purpose({ legalBasis: 'f', deviceTracking: 'not_strictly_necessary' }),
        purpose({ legalBasis: null, deviceTracking: 'not_strictly_necessary' }),
      ],
    })
    const found = trackingWithoutConsent(view({ activities: [a] }))
    expect(found.map((f) => f.key)).toEqual([
      `tracking-without-consent:activity:${a.id}:purpose-1`,
      `tracking-without-consent:activity:${a.id}:purpose-2`,
    ])
    expect(found[0]!.message.fi).toContain('205 §')
    expect(found[0]!.message.en).toContain('on legitimate interest')
  })
  it('is silent on consent, for strictly necessary cookies, and where no tracking is recorded', () => {
    const a = activity({
      purposes: [
        purpose({ legalBasis: 'a', deviceTracking: 'not_strictly_necessary', trackingConsent: 'separate' }),
        purpose({ legalBasis: 'f', deviceTracking: 'strictly_necessary' }),
        purpose({ legalBasis: 'f', deviceTracking: null }),
      ],
    })
    expect(ids(trackingWithoutConsent, view({ activities: [a] }))).toEqual([])
  })
})

describe('tracking consent bundled into the service', () => {
  it('flags consent to tracking that is bundled, or not recorded as separate', () => {
    const a = activity({
      purposes: [
        purpose({ legalBasis: 'a', deviceTracking: 'not_strictly_necessary', trackingConsent: 'bundled' }),
        purpose({ legalBasis: 'a', deviceTracking: 'not_strictly_necessary', trackingConsent: null }),
      ],
    })
    expect(ids(trackingConsentBundled, view({ activities: [a] }))).toEqual(['tracking-consent-bundled', 'tracking-consent-bundled'])
  })
  it('is silent when the tracking has its own consent', () => {
    const a = activity({
      purposes: [
        purpose({ legalBasis: 'a', deviceTracking: 'not_strictly_necessary', trackingConsent: 'separate' }),
        purpose({ legalBasis: 'a', deviceTracking: 'none' }),
      ],
    })
    expect(ids(trackingConsentBundled, view({ activities: [a] }))).toEqual([])
  })
})

describe('e-mail marketing without its sending tool', () => {
  it('flags an activity that sends e-mail marketing with no processor recorded', () => {
    expect(
      ids(
        emailMarketingWithoutProcessor,
        view({ activities: [activity({ processorIds: [], purposes: [purpose({ legalBasis: 'a', emailMarketing: true })] })] }),
      ),
    ).toEqual(['email-marketing-no-processor'])
  })
  it('is silent once the tool is linked, and for activities that send no e-mail marketing', () => {
    expect(
      ids(
        emailMarketingWithoutProcessor,
        view({
          activities: [activity({ processorIds: [7], purposes: [purpose({ emailMarketing: true })] }), activity({ processorIds: [] })],
        }),
      ),
    ).toEqual([])
  })
})

describe('rights that always apply', () => {
  it('flags an activity whose rights leave out restriction (Art. 18)', () => {
    const found = rightsMissing(
      view({ activities: [activity({ rights: ['access', 'rectification', 'erasure', 'objection', 'complaint'] })] }),
    )
    expect(found.map((f) => f.key.split(':').pop())).toEqual(['restriction'])
    expect(found[0]!.message.fi).toContain('oikeus käsittelyn rajoittamiseen (18 art.)')
    expect(found[0]!.message.en).toContain('restriction of processing (Art. 18)')
  })
  it('is silent when access, rectification, restriction and complaint are all recorded', () => {
    expect(ids(rightsMissing, view({ activities: [activity()] }))).toEqual([])
  })
})

// ---- On the demo data, through the API -------------------------------------------------------------

type Finding = {
  checkId: string
  key: string
  entity: { type: string; id: number | null; name: { fi: string; en: string } }
  message: { fi: string; en: string }
}

async function findings(ctx: TestContext): Promise<Finding[]> {
  return (await ctx.api.get('/api/findings')).body.open
}

const of = (list: Finding[], checkId: string) => list.filter((f) => f.checkId === checkId)
const names = (list: Finding[]) => list.map((f) => f.entity.name.en).sort()

async function activityNamed(ctx: TestContext, en: string) {
  const list = (await ctx.api.get('/api/activities')).body.items
  const id = list.find((a: { name: { en: string } }) => a.name.en === en).id
  return (await ctx.api.get(`/api/activities/${id}`)).body
}

async function patchActivity(ctx: TestContext, a: { id: number; version: number }, body: Record<string, unknown>) {
  const res = await ctx.api.patch(`/api/activities/${a.id}`, { ...body, version: a.version })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}

describe('the findings on the demo data', () => {
  it("say the prospects' retention is missing (the policy gives none), and stop once one is recorded", async () => {
    const ctx = await createTestContext({ demo: true })
    expect(names(of(await findings(ctx), 'activity-no-retention'))).toContain('Prospective customers')
    // Customers and partners have the policy's period: no finding.
    expect(names(of(await findings(ctx), 'activity-no-retention'))).not.toContain('Customers and business partners')
    const prospects = await activityNamed(ctx, 'Prospective customers')
    await patchActivity(ctx, prospects, { retention: { kind: 'duration', amount: 2, unit: 'years' } })
    expect(names(of(await findings(ctx), 'activity-no-retention'))).not.toContain('Prospective customers')
  })

  it('name the web host of the IP logs: location not recorded, no DPA, not in the public list', async () => {
    const ctx = await createTestContext({ demo: true })
    const all = await findings(ctx)
    for (const check of ['location-not-recorded', 'dpa-missing', 'used-not-public']) {
      // In English by its English name (the demo's display name is a Finnish description), in Finnish by that.
      expect(names(of(all, check)), check).toContain('Website host')
      expect(
        of(all, check).map((f) => f.entity.name.fi),
        check,
      ).toContain('Verkkosivuston palveluntarjoaja')
      const host = of(all, check).find((f) => f.entity.name.en === 'Website host')!
      expect(host.message.en, check).not.toContain('Verkkosivuston')
      expect(host.message.fi, check).toContain('Verkkosivuston palveluntarjoaja')
    }
  })

  it('name the processors whose locations the policy does not give, and stop once one is recorded', async () => {
    const ctx = await createTestContext({ demo: true })
    const before = of(await findings(ctx), 'location-not-recorded')
    expect(names(before)).toEqual(expect.arrayContaining(['Google Workspace', 'Slack', 'PostHog', 'Stripe', 'Zestia Ltd']))
    // The web host that keeps the visitors' IP logs (policy 3.2): named nowhere, its location unknown.
    expect(names(before)).toContain('Website host')
    expect(names(before)).not.toContain('CapsuleCRM Inc')
    const slack = before.find((f) => f.entity.name.en === 'Slack')!
    const recorded = await ctx.api.post(`/api/processors/${slack.entity.id}/transfers`, {
      country: 'US',
      kind: 'storage',
      safeguard: 'dpf',
      certifiedEntity: 'Slack Technologies, LLC',
      tiaStatus: 'not_needed',
    })
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201)
    expect(names(of(await findings(ctx), 'location-not-recorded'))).not.toContain('Slack')
  })

  it('catch cookies and tracking without consent (platform analytics, sales e-mails), and stop once consent is the basis', async () => {
    const ctx = await createTestContext({ demo: true })
    const found = of(await findings(ctx), 'tracking-without-consent')
    expect(names(found)).toEqual(expect.arrayContaining(['Authentication and product analytics on our platforms', 'Prospective customers']))
    // Authentication cookies are strictly necessary: only the analytics purpose is flagged.
    const platforms = await activityNamed(ctx, 'Authentication and product analytics on our platforms')
    expect(found.filter((f) => f.entity.id === platforms.id).map((f) => f.key.split(':').pop())).toEqual(['purpose-2'])

    const purposes = platforms.purposes.map((p: { deviceTracking: string }, i: number) =>
      i === 1
        ? {
            ...p,
            legalBasis: 'a',
            consentCollection: { fi: 'Evästebanneri', en: 'Cookie banner' },
            consentWithdrawal: { fi: 'Evästeasetukset', en: 'Cookie settings' },
            trackingConsent: 'separate',
          }
        : p,
    )
    await patchActivity(ctx, platforms, { purposes })
    expect(of(await findings(ctx), 'tracking-without-consent').filter((f) => f.entity.id === platforms.id)).toEqual([])
  })

  it('catch the newsletter: tracking bundled into the subscription and no sending tool, and stop once both are fixed', async () => {
    const ctx = await createTestContext({ demo: true })
    const newsletter = await activityNamed(ctx, 'Newsletter subscribers')
    const all = await findings(ctx)
    expect(of(all, 'tracking-consent-bundled').map((f) => f.entity.id)).toEqual([newsletter.id])
    expect(of(all, 'email-marketing-no-processor').map((f) => f.entity.id)).toEqual([newsletter.id])

    const google = (await ctx.api.get('/api/processors?q=Google')).body.items[0].id
    const [delivery] = newsletter.purposes
    const tracking = {
      ...delivery,
      description: { fi: 'Avausten ja klikkausten seuranta', en: 'Tracking opens and clicks' },
      trackingConsent: 'separate',
      emailMarketing: false,
    }
    await patchActivity(ctx, newsletter, {
      processorIds: [google],
      purposes: [{ ...delivery, deviceTracking: 'none', trackingConsent: null }, tracking],
    })
    const after = await findings(ctx)
    expect(of(after, 'tracking-consent-bundled')).toEqual([])
    expect(of(after, 'email-marketing-no-processor')).toEqual([])
  })

  it('catch the missing right to restriction (Art. 18) in every activity, and stop once it is recorded', async () => {
    const ctx = await createTestContext({ demo: true })
    const activities = (await ctx.api.get('/api/activities')).body.items
    const missing = of(await findings(ctx), 'activity-right-missing')
    expect(missing.map((f) => f.key.split(':').pop())).toEqual(activities.map(() => 'restriction'))
    const visitors = await activityNamed(ctx, 'Website visitors')
    await patchActivity(ctx, visitors, { rights: [...visitors.rights, 'restriction'] })
    expect(of(await findings(ctx), 'activity-right-missing').map((f) => f.entity.id)).not.toContain(visitors.id)
  })

  it('note the signed DPAs with no copy of the agreement, and stop once one is linked', async () => {
    const ctx = await createTestContext({ demo: true })
    const found = of(await findings(ctx), 'dpa-no-document')
    expect(names(found)).toEqual(['Fennoa Oy', 'Google Workspace', 'PostHog', 'Slack', 'Zestia Ltd'])
    const dpa = (await ctx.api.get(`/api/dpas/${found[0]!.entity.id}`)).body
    expect((await ctx.api.patch(`/api/dpas/${dpa.id}`, { documentUrl: 'https://example.com/dpa.pdf', version: dpa.version })).status).toBe(
      200,
    )
    expect(of(await findings(ctx), 'dpa-no-document')).toHaveLength(4)
  })

  it('give no "DPA missing" for CapsuleCRM, whose terms come through Zestia', async () => {
    const ctx = await createTestContext({ demo: true })
    expect(names(of(await findings(ctx), 'dpa-missing'))).not.toContain('CapsuleCRM Inc')
  })
})

describe('the demo data says only what the policy says', () => {
  it('gives newsletter subscribers no phone number or postal address, and keeps accounting records as kirjanpitolaki 2:10 counts', async () => {
    const ctx = await createTestContext({ demo: true })
    const newsletter = await activityNamed(ctx, 'Newsletter subscribers')
    const categories = newsletter.dataCategories.map((c: { name: { fi: string } }) => c.name.fi).join(' | ')
    expect(categories).not.toContain('puhelin')
    expect(categories).not.toContain('Nimi ja yhteystiedot')
    expect(categories).toContain('Sähköpostiosoite')

    const books = await activityNamed(ctx, 'Bookkeeping')
    const ledgers = books.dataCategories.find((c: { name: { en: string } }) => c.name.en.includes('ledgers'))
    expect(ledgers.retention).toMatchObject({ kind: 'duration_after_event', amount: 10, unit: 'years', event: { fi: 'tilikausi päättyy' } })
    expect(books.retention).toMatchObject({ kind: 'duration_after_event', amount: 6, unit: 'years', minimum: true })
    expect(books.retention.legalReference).toContain('2 luku 10 §')
  })
})
