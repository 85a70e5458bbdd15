/** One test per check: a record that triggers it and one that does not. The checks are pure functions. */
import { describe, expect, it } from 'vitest'
import { emptyChecklist, type Dpa, type Processor, type Transfer } from '@seloste/schema'
import {
  activityCompleteness,
  dpaStatus,
  dpfVerification,
  foreignHeadquarters,
  publicListStale,
  publicListUsage,
  sccWithoutTia,
  transferSafeguard,
  type ActivityView,
  type Check,
  type RegistryView,
} from '../src/findings/checks'

const TODAY = '2026-11-26'
let nextId = 100

function transfer(over: Partial<Transfer> = {}): Transfer {
  return {
    id: nextId++, processorId: 1, country: 'FI', outsideEea: false, kind: 'storage', safeguard: 'none_needed', adequacyDecisionId: null, dpfListingUrl: null,
    dpfVerifiedOn: null, sccModule: null, derogation: null, otherSafeguard: null, tiaStatus: 'unknown', tiaUrl: null, notes: null, version: 1, createdAt: '', updatedAt: '', ...over,
  }
}

function dpa(over: Partial<Dpa> = {}): Dpa {
  const checklist = emptyChecklist()
  for (const k of Object.keys(checklist) as (keyof typeof checklist)[]) checklist[k] = { status: 'covered', clause: '1' }
  return {
    id: nextId++, processorId: 1, status: 'signed', notRequiredReason: null, signedOn: '2025-01-01', reference: null, documentUrl: null, validUntil: null,
    nextReviewOn: null, checklist, document: null, version: 1, createdAt: '', updatedAt: '', ...over,
  }
}

function processor(over: Partial<Processor> = {}): Processor {
  const id = over.id ?? nextId++
  return {
    id, displayName: `P${id}`, legalName: null, parent: null, subsidiaries: [], role: 'processor', service: { fi: '', en: '' }, purpose: { fi: '', en: '' },
    dataCategories: [], dataSubjectCategories: [], websiteUrl: null, privacyPolicyUrl: null, dpaUrl: null, hqCountry: null, status: 'active', startDate: null,
    endDate: null, disclosureCondition: { fi: '', en: '' }, isPublic: true, internalNotes: null, transfers: [], dpas: [dpa()], version: 1, createdAt: '', updatedAt: '', ...over,
  }
}

function activity(over: Partial<ActivityView> = {}): ActivityView {
  return {
    id: nextId++, name: { fi: 'Asiakkaat', en: 'Customers' }, status: 'approved', processorIds: [], purposes: [{ legalBasis: 'b', assessmentUrl: null, art9Condition: null }],
    hasRetention: true, dataCategoryCount: 2, processesSpecialCategories: false, nextReviewOn: null, ...over,
  }
}

function view(over: Partial<RegistryView> = {}): RegistryView {
  return { today: TODAY, processors: [], activities: [], publishedKeys: null, unpublishedChanges: false, ...over }
}

const ids = (check: Check, v: RegistryView) => check(v).map((f) => f.checkId)

describe('transfer safeguards', () => {
  it('flags a transfer outside the EEA with no safeguard', () => {
    const p = processor({ transfers: [transfer({ country: 'US', outsideEea: true, safeguard: 'unknown' })] })
    const [f] = transferSafeguard(view({ processors: [p] }))
    expect(f).toMatchObject({ checkId: 'transfer-no-safeguard', severity: 'high', link: `/processors/${p.id}` })
    expect(f!.message.fi).toContain('Yhdysvallat')
    expect(f!.message.en).toContain('United States')
  })
  it('flags DPF outside the United States and an adequacy decision the country does not have', () => {
    const p = processor({
      transfers: [
        transfer({ country: 'GB', outsideEea: true, safeguard: 'dpf' }),
        transfer({ country: 'IN', outsideEea: true, safeguard: 'adequacy', adequacyDecisionId: 'jp-2019' }),
        transfer({ country: 'US', outsideEea: true, safeguard: 'adequacy', adequacyDecisionId: 'us-dpf-2023' }),
      ],
    })
    expect(ids(transferSafeguard, view({ processors: [p] }))).toEqual(['transfer-safeguard-not-applicable', 'transfer-safeguard-not-applicable', 'transfer-safeguard-not-applicable'])
  })
  it('flags SCCs without a module', () => {
    const p = processor({ transfers: [transfer({ country: 'IN', outsideEea: true, safeguard: 'scc', sccModule: null, tiaStatus: 'done' })] })
    expect(ids(transferSafeguard, view({ processors: [p] }))).toEqual(['transfer-scc-no-module'])
  })
  it('accepts EEA locations, valid DPF, adequacy and SCCs, and ignores retired processors', () => {
    const ok = processor({
      transfers: [
        transfer({ country: 'SE' }),
        transfer({ country: 'US', outsideEea: true, safeguard: 'dpf' }),
        transfer({ country: 'JP', outsideEea: true, safeguard: 'adequacy', adequacyDecisionId: 'jp-2019' }),
        transfer({ country: 'IN', outsideEea: true, safeguard: 'scc', sccModule: 2 }),
      ],
    })
    const retired = processor({ status: 'retired', transfers: [transfer({ country: 'US', outsideEea: true, safeguard: 'unknown' })] })
    expect(transferSafeguard(view({ processors: [ok, retired] }))).toEqual([])
  })
})

describe('SCCs and transfer impact assessments', () => {
  it('flags SCCs to a country without adequacy and no TIA', () => {
    const p = processor({ transfers: [transfer({ country: 'IN', outsideEea: true, safeguard: 'scc', sccModule: 2, tiaStatus: 'in_progress' })] })
    expect(ids(sccWithoutTia, view({ processors: [p] }))).toEqual(['transfer-scc-no-tia'])
  })
  it('does not flag a done TIA, or SCCs to a country with adequacy', () => {
    const p = processor({
      transfers: [
        transfer({ country: 'IN', outsideEea: true, safeguard: 'scc', sccModule: 2, tiaStatus: 'done' }),
        transfer({ country: 'CH', outsideEea: true, safeguard: 'scc', sccModule: 2, tiaStatus: 'unknown' }),
      ],
    })
    expect(sccWithoutTia(view({ processors: [p] }))).toEqual([])
  })
})

describe('DPF verification', () => {
  it('flags a DPF basis never verified, and one verified over 12 months ago', () => {
    const never = processor({ transfers: [transfer({ country: 'US', outsideEea: true, safeguard: 'dpf' })] })
    const stale = processor({ transfers: [transfer({ country: 'US', outsideEea: true, safeguard: 'dpf', dpfVerifiedOn: '2025-11-25' })] })
    expect(ids(dpfVerification, view({ processors: [never, stale] }))).toEqual(['dpf-not-verified', 'dpf-verification-stale'])
    expect(dpfVerification(view({ processors: [stale] }))[0]!.message.fi).toContain('25.11.2025')
  })
  it('does not flag one verified within 12 months', () => {
    const fresh = processor({ transfers: [transfer({ country: 'US', outsideEea: true, safeguard: 'dpf', dpfVerifiedOn: '2025-11-26' })] })
    expect(dpfVerification(view({ processors: [fresh] }))).toEqual([])
  })
})

describe('headquarters outside the EEA', () => {
  it('flags a foreign headquarters or parent while every location is inside the EEA', () => {
    const parent = processor({ hqCountry: 'GB' })
    const child = processor({ parent: { id: parent.id, displayName: parent.displayName }, transfers: [transfer({ country: 'IE' })] })
    const own = processor({ hqCountry: 'US', transfers: [transfer({ country: 'DE' })] })
    expect(foreignHeadquarters(view({ processors: [parent, child, own] })).map((f) => f.entity.id)).toEqual([parent.id, child.id, own.id])
  })
  it('does not flag when a location outside the EEA is recorded, or the headquarters is in the EEA', () => {
    const recorded = processor({ hqCountry: 'US', transfers: [transfer({ country: 'US', outsideEea: true, safeguard: 'dpf' })] })
    const local = processor({ hqCountry: 'FI' })
    expect(foreignHeadquarters(view({ processors: [recorded, local] }))).toEqual([])
  })
})

describe('data processing agreements', () => {
  it('flags a missing DPA (none recorded, or status missing) for processors only', () => {
    const none = processor({ dpas: [] })
    const missing = processor({ dpas: [dpa({ status: 'missing' })] })
    const recipient = processor({ role: 'recipient', dpas: [] })
    // A sub-processor with its parent recorded is covered by the parent's agreement (one without a parent is tested in findings-truth).
    const sub = processor({ role: 'sub_processor', parent: { id: none.id, displayName: none.displayName }, dpas: [] })
    expect(dpaStatus(view({ processors: [none, missing, recipient, sub] })).map((f) => [f.checkId, f.entity.id])).toEqual([
      ['dpa-missing', none.id],
      ['dpa-missing', missing.id],
    ])
  })
  it('flags an expired DPA, a review past due, and both due within 30 days', () => {
    const expired = processor({ dpas: [dpa({ validUntil: '2026-11-25', nextReviewOn: '2026-11-01' })] })
    const soon = processor({ dpas: [dpa({ validUntil: '2026-12-20', nextReviewOn: '2026-12-26' })] })
    expect(ids(dpaStatus, view({ processors: [expired] }))).toEqual(['dpa-expired', 'dpa-review-overdue'])
    expect(ids(dpaStatus, view({ processors: [soon] }))).toEqual(['dpa-expiring', 'dpa-review-due'])
  })
  it('flags Art. 28(3) points not covered and unknown', () => {
    const d = dpa()
    d.checklist.d = { status: 'not_covered', clause: null }
    d.checklist.h = { status: 'unknown', clause: null }
    const p = processor({ dpas: [d] })
    const found = dpaStatus(view({ processors: [p] }))
    expect(found.map((f) => f.checkId)).toEqual(['dpa-checklist-not-covered', 'dpa-checklist-unknown'])
    expect(found[0]!.message.en).toContain('(d)')
  })
  it('does not flag a signed, complete DPA in force with its review far ahead', () => {
    const p = processor({ dpas: [dpa({ validUntil: '2028-01-01', nextReviewOn: '2027-06-01' })] })
    expect(dpaStatus(view({ processors: [p] }))).toEqual([])
  })
})

describe('the public list and the records', () => {
  it('flags a processor used by an activity but not public, one public but unused, and a retired one still linked', () => {
    const hidden = processor({ isPublic: false })
    const unused = processor({ isPublic: true })
    const retired = processor({ status: 'retired' })
    const used = processor({ isPublic: true })
    const a = activity({ processorIds: [hidden.id, retired.id, used.id] })
    const found = publicListUsage(view({ processors: [hidden, unused, retired, used], activities: [a] }))
    expect(found.map((f) => [f.checkId, f.entity.id])).toEqual([
      ['used-not-public', hidden.id],
      ['public-not-used', unused.id],
      ['retired-processor-in-use', retired.id],
    ])
    expect(found[0]!.message.fi).toContain('Asiakkaat')
    expect(found[0]!.message.en).toContain('Customers')
  })
  it('does not judge usage when no activities are recorded yet', () => {
    expect(publicListUsage(view({ processors: [processor({ isPublic: true })] }))).toEqual([])
  })
  it('flags a registry changed since the last publication, and only then', () => {
    expect(ids(publicListStale, view({ unpublishedChanges: true }))).toEqual(['public-list-outdated'])
    expect(publicListStale(view({ unpublishedChanges: false }))).toEqual([])
  })
})

describe('records of processing', () => {
  it('flags an activity without a legal basis, retention or data categories', () => {
    const a = activity({ purposes: [{ legalBasis: null, assessmentUrl: null, art9Condition: null }], hasRetention: false, dataCategoryCount: 0 })
    expect(ids(activityCompleteness, view({ activities: [a] }))).toEqual(['activity-no-legal-basis', 'activity-no-retention', 'activity-no-data-categories'])
    expect(ids(activityCompleteness, view({ activities: [activity({ purposes: [] })] }))).toEqual(['activity-no-legal-basis'])
  })
  it('flags a legitimate interest without an assessment and special categories without an Art. 9 condition', () => {
    const a = activity({ purposes: [{ legalBasis: 'f', assessmentUrl: null, art9Condition: null }], processesSpecialCategories: true })
    expect(ids(activityCompleteness, view({ activities: [a] }))).toEqual(['legitimate-interest-no-assessment', 'special-categories-no-art9'])
  })
  it('does not flag a complete activity', () => {
    const a = activity({ purposes: [{ legalBasis: 'f', assessmentUrl: 'https://example.fi/lia', art9Condition: 'a' }], processesSpecialCategories: true })
    expect(activityCompleteness(view({ activities: [a] }))).toEqual([])
  })
})
