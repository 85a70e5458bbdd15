/** One test per check: a record that triggers it and one that does not. The checks are pure functions. */
import { describe, expect, it } from 'vitest'
import { emptyChecklist, type Dpa, type Processor, type Transfer } from '@seloste/schema'
import {
  activityCompleteness,
  adequacyDecisionEnding,
  art46WithoutTia,
  art49Systematic,
  dpfEntity,
  referenceDataStale,
  sccModuleFit,
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
    documentUrl: null,
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
    transfers: [],
    dpas: [dpa()],
    version: 1,
    createdAt: '',
    updatedAt: '',
    ...over,
  }
}

function activity(over: Partial<ActivityView> = {}): ActivityView {
  return {
    id: nextId++,
    name: { fi: 'Asiakkaat', en: 'Customers' },
    status: 'approved',
    processorIds: [],
    purposes: [{ legalBasis: 'b', assessmentUrl: null, art9Condition: null }],
    hasRetention: true,
    dataCategoryCount: 2,
    processesSpecialCategories: false,
    nextReviewOn: null,
    ...over,
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
    expect(ids(transferSafeguard, view({ processors: [p] }))).toEqual([
      'transfer-safeguard-not-applicable',
      'transfer-safeguard-not-applicable',
      'transfer-safeguard-not-applicable',
    ])
  })
  it('flags SCCs without a module', () => {
    const p = processor({
      transfers: [transfer({ country: 'IN', outsideEea: true, safeguard: 'scc', sccModule: null, tiaStatus: 'done' })],
    })
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
    const p = processor({
      transfers: [transfer({ country: 'IN', outsideEea: true, safeguard: 'scc', sccModule: 2, tiaStatus: 'in_progress' })],
    })
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
    const a = activity({
      purposes: [{ legalBasis: null, assessmentUrl: null, art9Condition: null }],
      hasRetention: false,
      dataCategoryCount: 0,
    })
    expect(ids(activityCompleteness, view({ activities: [a] }))).toEqual([
      'activity-no-legal-basis',
      'activity-no-retention',
      'activity-no-data-categories',
    ])
    expect(ids(activityCompleteness, view({ activities: [activity({ purposes: [] })] }))).toEqual(['activity-no-legal-basis'])
  })
  it('flags a legitimate interest without an assessment and special categories without an Art. 9 condition', () => {
    const a = activity({ purposes: [{ legalBasis: 'f', assessmentUrl: null, art9Condition: null }], processesSpecialCategories: true })
    expect(ids(activityCompleteness, view({ activities: [a] }))).toEqual([
      'legitimate-interest-no-assessment',
      'special-categories-no-art9',
    ])
  })
  it('does not flag a complete activity', () => {
    const a = activity({
      purposes: [{ legalBasis: 'f', assessmentUrl: 'https://example.fi/lia', art9Condition: 'a' }],
      processesSpecialCategories: true,
    })
    expect(activityCompleteness(view({ activities: [a] }))).toEqual([])
  })
})

describe('legal reference data and Chapter V (issue 11)', () => {
  const gb = (today: string) =>
    view({
      today,
      processors: [
        processor({ transfers: [transfer({ country: 'GB', outsideEea: true, safeguard: 'adequacy', adequacyDecisionId: 'gb-2021' })] }),
      ],
    })

  it('flags a transfer whose adequacy decision ends within 6 months, and one that has ended, in both languages', () => {
    const [ending] = adequacyDecisionEnding(gb('2031-07-01'))
    expect(ending).toMatchObject({ checkId: 'adequacy-decision-ending', severity: 'medium' })
    expect(ending!.message.fi).toContain('27.12.2031')
    expect(ending!.message.en).toContain('27 December 2031')
    expect(ending!.message.en).toContain('(EU) 2021/1772')
    const [ended] = adequacyDecisionEnding(gb('2032-01-02'))
    expect(ended).toMatchObject({ checkId: 'adequacy-decision-ended', severity: 'high' })
    expect(ended!.message.fi).toContain('päättyi 27.12.2031')
  })
  it('does not flag a decision valid for over 6 months, nor one without an end (Brazil)', () => {
    expect(adequacyDecisionEnding(gb('2026-12-04'))).toEqual([])
    const br = processor({
      transfers: [transfer({ country: 'BR', outsideEea: true, safeguard: 'adequacy', adequacyDecisionId: 'br-2026' })],
    })
    expect(adequacyDecisionEnding(view({ today: '2040-01-01', processors: [br] }))).toEqual([])
  })

  it('flags reference data checked over 6 months ago, with the date in both languages', () => {
    const [f] = referenceDataStale(view({ today: '2027-06-05', referenceCheckedOn: '2026-12-04' }))
    expect(f).toMatchObject({ checkId: 'reference-data-stale', entity: { type: 'organisation', id: null } })
    expect(f!.message.fi).toContain('4.12.2026')
    expect(f!.message.en).toContain('4 December 2026')
  })
  it('does not flag reference data checked within 6 months (the file as committed, today)', () => {
    expect(referenceDataStale(view({ today: '2027-06-04', referenceCheckedOn: '2026-12-04' }))).toEqual([])
    expect(referenceDataStale(view({ today: '2026-12-04' }))).toEqual([])
  })

  it.each([
    ['module 1 for a processor (expects 2)', 'processor', 1, 2],
    ['module 2 for a sub-processor (expects 3)', 'sub_processor', 2, 3],
    ['module 3 for an independent controller (expects 1)', 'independent_controller', 3, 1],
    ["module 4 for a processor (never fits a controller's own transfer)", 'processor', 4, 2],
  ] as const)('flags SCC %s, in both languages', (_why, role, module, expected) => {
    const p = processor({ role, transfers: [transfer({ country: 'IN', outsideEea: true, safeguard: 'scc', sccModule: module })] })
    const [f] = sccModuleFit(view({ processors: [p] }))
    expect(f).toMatchObject({ checkId: 'transfer-scc-module-mismatch' })
    expect(f!.message.fi).toContain(`moduuli ${module} ei sovi`)
    expect(f!.message.en).toContain(`calls for module ${expected}`)
  })
  it.each([
    ['processor', 2],
    ['sub_processor', 3],
    ['recipient', 1],
  ] as const)('does not flag the fitting module for a %s (module %s)', (role, module) => {
    const p = processor({ role, transfers: [transfer({ country: 'IN', outsideEea: true, safeguard: 'scc', sccModule: module })] })
    expect(sccModuleFit(view({ processors: [p] }))).toEqual([])
  })

  it('expects a transfer impact assessment for BCRs and other Art. 46 tools, in both languages', () => {
    const p = processor({
      transfers: [
        transfer({ country: 'IN', outsideEea: true, safeguard: 'bcr' }),
        transfer({ country: 'CN', outsideEea: true, safeguard: 'other_art46', otherSafeguard: 'code of conduct' }),
      ],
    })
    const found = art46WithoutTia(view({ processors: [p] }))
    expect(found.map((f) => f.checkId)).toEqual(['transfer-art46-no-tia', 'transfer-art46-no-tia'])
    expect(found[0]!.message.fi).toContain('Intia')
    expect(found[0]!.message.en).toContain('India')
  })
  it('does not expect one once it is done, nor for SCCs (their own check)', () => {
    const p = processor({
      transfers: [
        transfer({ country: 'IN', outsideEea: true, safeguard: 'bcr', tiaStatus: 'done' }),
        transfer({ country: 'CN', outsideEea: true, safeguard: 'scc', sccModule: 2 }),
      ],
    })
    expect(art46WithoutTia(view({ processors: [p] }))).toEqual([])
  })

  it('flags an Art. 49 derogation for storage, in both languages', () => {
    const p = processor({
      transfers: [transfer({ country: 'IN', outsideEea: true, safeguard: 'derogation_art49', derogation: 'b', kind: 'storage' })],
    })
    const [f] = art49Systematic(view({ processors: [p] }))
    expect(f).toMatchObject({ checkId: 'transfer-art49-systematic', severity: 'high' })
    expect(f!.message.fi).toContain('satunnaisiin')
    expect(f!.message.en).toContain('occasional')
  })
  it('does not flag an Art. 49 derogation for occasional support', () => {
    const p = processor({
      transfers: [transfer({ country: 'IN', outsideEea: true, safeguard: 'derogation_art49', derogation: 'b', kind: 'support' })],
    })
    expect(art49Systematic(view({ processors: [p] }))).toEqual([])
  })

  it('flags a DPF transfer without its certified company, and a recipient without a home country, in both languages', () => {
    // A record made before the certified company was asked: the legal name alone does not say who is certified.
    const p = processor({
      displayName: 'Google Workspace',
      legalName: 'Google Cloud EMEA Limited',
      transfers: [transfer({ country: 'US', outsideEea: true, safeguard: 'dpf' })],
    })
    const found = dpfEntity(view({ processors: [p] }))
    expect(found.map((f) => f.checkId)).toEqual(['dpf-no-certified-entity', 'dpf-home-country-unknown'])
    expect(found[0]!.message.fi).toContain('Data Privacy Framework -sertifioitua yhdysvaltalaista yhtiötä')
    expect(found[0]!.message.en).toContain('names no US company certified under the Data Privacy Framework')
  })
  it('does not flag a DPF transfer that names its certified company, for a recipient in the US', () => {
    const p = processor({
      hqCountry: 'US',
      transfers: [transfer({ country: 'US', outsideEea: true, safeguard: 'dpf', certifiedEntity: 'Google LLC' })],
    })
    expect(dpfEntity(view({ processors: [p] }))).toEqual([])
  })

  it('accepts the EPO decision only for an international organisation, wherever its seat is', () => {
    const epo = processor({
      role: 'international_organisation',
      transfers: [transfer({ country: 'DE', safeguard: 'adequacy', adequacyDecisionId: 'epo-2025' })],
    })
    expect(transferSafeguard(view({ processors: [epo] }))).toEqual([])
    const noBasis = processor({ role: 'international_organisation', transfers: [transfer({ country: 'DE', safeguard: 'none_needed' })] })
    expect(ids(transferSafeguard, view({ processors: [noBasis] }))).toEqual(['transfer-no-safeguard'])
    const misused = processor({
      role: 'processor',
      transfers: [transfer({ country: 'IN', outsideEea: true, safeguard: 'adequacy', adequacyDecisionId: 'epo-2025' })],
    })
    expect(ids(transferSafeguard, view({ processors: [misused] }))).toEqual(['transfer-safeguard-not-applicable'])
  })
})
