import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { fieldErrorsFrom } from './errors'
import { MESSAGES } from './messages'
import {
  Checklist,
  DpaInput,
  DpaRules,
  DpaUpdate,
  OrganisationInput,
  ProcessorInput,
  ProcessorListQuery,
  ProcessorUpdate,
  TransferInput,
  TransferRules,
  TransferUpdate,
  emptyChecklist,
  normaliseTransfer,
  type TransferInput as TransferInputType,
} from './registry'

/** The dotted paths of the issues of a failed parse (empty when it succeeded). */
function issuePaths(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success ? [] : fieldErrorsFrom(result.error.issues).map((f) => f.path)
}

/** A transfer on the DPF by default; a DPF transfer names its certified company unless the case says otherwise. */
function transfer(overrides: Partial<TransferInputType> = {}): TransferInputType {
  const t: TransferInputType = { country: 'US', kind: 'storage', safeguard: 'dpf', ...overrides }
  return t.safeguard === 'dpf' && !('certifiedEntity' in overrides) ? { ...t, certifiedEntity: 'Example Inc.' } : t
}

describe('transfer rules (GDPR Chapter V)', () => {
  describe('inside the EEA', () => {
    it('accepts "none needed" for Finland', () => {
      expect(TransferInput.safeParse(transfer({ country: 'FI', safeguard: 'none_needed' })).success).toBe(true)
    })

    it('accepts "none needed" for Norway (EEA, not EU)', () => {
      expect(TransferInput.safeParse(transfer({ country: 'NO', safeguard: 'none_needed' })).success).toBe(true)
    })

    it.each(['scc', 'unknown', 'bcr'] as const)('refuses safeguard %s, on the safeguard field', (safeguard) => {
      const result = TransferInput.safeParse(transfer({ country: 'SE', safeguard, sccModule: 2 }))
      expect(issuePaths(result)).toEqual(['safeguard'])
    })
  })

  describe('outside the EEA', () => {
    it('refuses "none needed", on the safeguard field', () => {
      const result = TransferInput.safeParse(transfer({ country: 'IN', safeguard: 'none_needed' }))
      expect(issuePaths(result)).toEqual(['safeguard'])
      expect(result.error!.issues[0]!.message).toMatch(/outside the EEA/)
    })

    it('refuses "none needed" for Switzerland, which is not in the EEA', () => {
      expect(issuePaths(TransferInput.safeParse(transfer({ country: 'CH', safeguard: 'none_needed' })))).toEqual(['safeguard'])
    })

    it('accepts "unknown" so that a gap can be recorded', () => {
      expect(TransferInput.safeParse(transfer({ country: 'IN', safeguard: 'unknown' })).success).toBe(true)
    })

    it('accepts binding corporate rules without further fields', () => {
      expect(TransferInput.safeParse(transfer({ country: 'IN', safeguard: 'bcr' })).success).toBe(true)
    })
  })

  describe('Data Privacy Framework', () => {
    it('accepts the DPF for the United States', () => {
      expect(TransferInput.safeParse(transfer({ country: 'US', safeguard: 'dpf' })).success).toBe(true)
    })

    it('refuses the DPF for any other country, on the safeguard field', () => {
      const result = TransferInput.safeParse(transfer({ country: 'CA', safeguard: 'dpf' }))
      expect(issuePaths(result)).toEqual(['safeguard'])
      expect(result.error!.issues[0]!.message).toMatch(/only to the United States/)
    })

    it('refuses the DPF inside the EEA with both problems on the safeguard field', () => {
      expect(issuePaths(TransferInput.safeParse(transfer({ country: 'FI', safeguard: 'dpf' })))).toEqual(['safeguard', 'safeguard'])
    })
  })

  describe('adequacy', () => {
    it('accepts a decision of the same country', () => {
      expect(TransferInput.safeParse(transfer({ country: 'JP', safeguard: 'adequacy', adequacyDecisionId: 'jp-2019' })).success).toBe(true)
    })

    it('needs a decision, on the adequacyDecisionId field', () => {
      expect(issuePaths(TransferInput.safeParse(transfer({ country: 'JP', safeguard: 'adequacy' })))).toEqual(['adequacyDecisionId'])
      expect(issuePaths(TransferInput.safeParse(transfer({ country: 'JP', safeguard: 'adequacy', adequacyDecisionId: null })))).toEqual([
        'adequacyDecisionId',
      ])
    })

    it("refuses another country's decision", () => {
      const result = TransferInput.safeParse(transfer({ country: 'JP', safeguard: 'adequacy', adequacyDecisionId: 'gb-2021' }))
      expect(issuePaths(result)).toEqual(['adequacyDecisionId'])
    })

    it('refuses an unknown decision id', () => {
      expect(
        issuePaths(TransferInput.safeParse(transfer({ country: 'JP', safeguard: 'adequacy', adequacyDecisionId: 'jp-2099' }))),
      ).toEqual(['adequacyDecisionId'])
    })

    it('refuses adequacy for a country that has no decision', () => {
      expect(
        issuePaths(TransferInput.safeParse(transfer({ country: 'IN', safeguard: 'adequacy', adequacyDecisionId: 'jp-2019' }))),
      ).toEqual(['adequacyDecisionId'])
    })

    it('refuses the US framework decision as plain adequacy, pointing to the DPF on the safeguard field', () => {
      const result = TransferInput.safeParse(transfer({ country: 'US', safeguard: 'adequacy', adequacyDecisionId: 'us-dpf-2023' }))
      expect(issuePaths(result)).toEqual(['safeguard'])
      expect(result.error!.issues[0]!.message).toMatch(/Data Privacy Framework/)
    })
  })

  describe('standard contractual clauses', () => {
    it('need a module, on the sccModule field', () => {
      expect(issuePaths(TransferInput.safeParse(transfer({ country: 'IN', safeguard: 'scc' })))).toEqual(['sccModule'])
      expect(issuePaths(TransferInput.safeParse(transfer({ country: 'IN', safeguard: 'scc', sccModule: null })))).toEqual(['sccModule'])
    })

    it.each([1, 2, 3, 4] as const)('accept module %i', (sccModule) => {
      expect(TransferInput.safeParse(transfer({ country: 'IN', safeguard: 'scc', sccModule })).success).toBe(true)
    })

    it.each([0, 5])('refuse module %i, on the sccModule field', (sccModule) => {
      const result = TransferInput.safeParse(transfer({ country: 'IN', safeguard: 'scc', sccModule: sccModule as 1 }))
      expect(issuePaths(result)).toContain('sccModule')
    })
  })

  describe('Art. 49 derogations', () => {
    it('need the point of Art. 49, on the derogation field', () => {
      expect(issuePaths(TransferInput.safeParse(transfer({ country: 'IN', safeguard: 'derogation_art49' })))).toEqual(['derogation'])
    })

    it('accept a point, including compelling legitimate interests', () => {
      expect(TransferInput.safeParse(transfer({ country: 'IN', safeguard: 'derogation_art49', derogation: 'a' })).success).toBe(true)
      expect(
        TransferInput.safeParse(transfer({ country: 'IN', safeguard: 'derogation_art49', derogation: 'compelling_interests' })).success,
      ).toBe(true)
    })

    it('refuse a point that does not exist', () => {
      expect(
        issuePaths(TransferInput.safeParse(transfer({ country: 'IN', safeguard: 'derogation_art49', derogation: 'h' as 'a' }))),
      ).toContain('derogation')
    })
  })

  describe('other Art. 46 safeguards', () => {
    it('need a description, on the otherSafeguard field', () => {
      expect(issuePaths(TransferInput.safeParse(transfer({ country: 'IN', safeguard: 'other_art46' })))).toEqual(['otherSafeguard'])
    })

    it('treat a blank description as none', () => {
      expect(issuePaths(TransferInput.safeParse(transfer({ country: 'IN', safeguard: 'other_art46', otherSafeguard: '   ' })))).toEqual([
        'otherSafeguard',
      ])
    })

    it('accept a description', () => {
      expect(
        TransferInput.safeParse(
          transfer({ country: 'IN', safeguard: 'other_art46', otherSafeguard: 'Approved code of conduct (Art. 46(2)(e))' }),
        ).success,
      ).toBe(true)
    })
  })

  it('requires country, kind and safeguard on create', () => {
    expect(issuePaths(TransferInput.safeParse({})).sort()).toEqual(['country', 'kind', 'safeguard'])
  })

  it('normalises a lower-case country before applying the rules', () => {
    const result = TransferInput.safeParse(transfer({ country: 'us', safeguard: 'dpf' }))
    expect(result.success).toBe(true)
    expect(result.data!.country).toBe('US')
  })

  it('refuses an unknown country on the country field', () => {
    expect(issuePaths(TransferInput.safeParse(transfer({ country: 'XK', safeguard: 'unknown' })))).toEqual(['country'])
  })

  it('only checks the shape of an update; the rules apply to the merged record', () => {
    expect(TransferUpdate.safeParse({ version: 1, country: 'FI' }).success).toBe(true)
    expect(issuePaths(TransferUpdate.safeParse({ country: 'FI' }))).toEqual(['version'])
  })

  it('asks a DPF transfer for the US company certified, and refuses one with any other safeguard', () => {
    const missing = TransferInput.safeParse(transfer({ certifiedEntity: null }))
    expect(issuePaths(missing)).toEqual(['certifiedEntity'])
    expect(missing.success ? null : fieldErrorsFrom(missing.error.issues)[0]!.message).toBe(MESSAGES.dpf_certified_entity_missing)
    // Blank is not a name.
    expect(issuePaths(TransferInput.safeParse(transfer({ certifiedEntity: '   ' })))).toEqual(['certifiedEntity'])
    const parsed = TransferInput.safeParse(transfer({ certifiedEntity: '  Google LLC ' }))
    expect(parsed.success && parsed.data.certifiedEntity).toBe('Google LLC')
    const notDpf = TransferInput.safeParse(transfer({ safeguard: 'scc', sccModule: 2, certifiedEntity: 'Google LLC' }))
    expect(issuePaths(notDpf)).toEqual(['certifiedEntity'])
    expect(notDpf.success ? null : fieldErrorsFrom(notDpf.error.issues)[0]!.message).toBe(MESSAGES.dpf_certified_entity_not_dpf)
    expect(issuePaths(TransferInput.safeParse(transfer({ certifiedEntity: 'x'.repeat(201) })))).toEqual(['certifiedEntity'])
  })

  it('applies the same rules to a whole record (TransferRules)', () => {
    const record = {
      country: 'FI',
      kind: 'storage',
      safeguard: 'dpf',
      adequacyDecisionId: null,
      dpfListingUrl: null,
      dpfVerifiedOn: null,
      certifiedEntity: 'Example Inc.',
      sccModule: null,
      derogation: null,
      otherSafeguard: null,
      tiaStatus: 'unknown',
      tiaUrl: null,
      notes: null,
    }
    expect(issuePaths(TransferRules.safeParse(record))).toContain('safeguard')
    expect(TransferRules.safeParse({ ...record, safeguard: 'none_needed', certifiedEntity: null }).success).toBe(true)
  })
})

describe('normaliseTransfer', () => {
  const everything = {
    country: 'IN',
    safeguard: 'scc' as const,
    adequacyDecisionId: 'jp-2019',
    dpfListingUrl: 'https://www.dataprivacyframework.gov/participant/1234',
    dpfVerifiedOn: '2025-01-01',
    certifiedEntity: 'Example Inc.',
    sccModule: 2,
    derogation: 'a',
    otherSafeguard: 'something',
    notes: 'kept',
  }

  it('keeps only the fields of the chosen safeguard (scc)', () => {
    expect(normaliseTransfer(everything)).toEqual({
      country: 'IN',
      safeguard: 'scc',
      adequacyDecisionId: null,
      dpfListingUrl: null,
      dpfVerifiedOn: null,
      certifiedEntity: null,
      sccModule: 2,
      derogation: null,
      otherSafeguard: null,
      notes: 'kept',
    })
  })

  it('keeps the listing and verification date for the DPF', () => {
    expect(normaliseTransfer({ ...everything, country: 'US', safeguard: 'dpf' })).toMatchObject({
      dpfListingUrl: 'https://www.dataprivacyframework.gov/participant/1234',
      dpfVerifiedOn: '2025-01-01',
      certifiedEntity: 'Example Inc.',
      adequacyDecisionId: null,
      sccModule: null,
      derogation: null,
      otherSafeguard: null,
    })
  })

  it('keeps the decision for adequacy, the point for a derogation and the description for other Art. 46', () => {
    expect(normaliseTransfer({ ...everything, safeguard: 'adequacy' })).toMatchObject({
      adequacyDecisionId: 'jp-2019',
      sccModule: null,
      dpfListingUrl: null,
    })
    expect(normaliseTransfer({ ...everything, safeguard: 'derogation_art49' })).toMatchObject({
      derogation: 'a',
      sccModule: null,
      otherSafeguard: null,
    })
    expect(normaliseTransfer({ ...everything, safeguard: 'other_art46' })).toMatchObject({
      otherSafeguard: 'something',
      derogation: null,
      sccModule: null,
    })
  })

  it('clears every safeguard field inside the EEA', () => {
    expect(normaliseTransfer({ ...everything, country: 'FI', safeguard: 'none_needed' })).toMatchObject({
      adequacyDecisionId: null,
      dpfListingUrl: null,
      dpfVerifiedOn: null,
      sccModule: null,
      derogation: null,
      otherSafeguard: null,
    })
  })

  it('fills a missing field of the chosen safeguard with null', () => {
    const withoutModule: { country: string; safeguard: 'scc'; sccModule?: number | null } = { country: 'IN', safeguard: 'scc' }
    expect(normaliseTransfer(withoutModule).sccModule).toBeNull()
  })
})

describe('DPA rules (GDPR Art. 28(3))', () => {
  it('accepts a signed agreement with its status and signing date', () => {
    expect(DpaInput.safeParse({ status: 'signed', signedOn: '2025-01-01' }).success).toBe(true)
  })

  it('refuses "signed" without the signing date, naming the field', () => {
    expect(issuePaths(DpaInput.safeParse({ status: 'signed' }))).toEqual(['signedOn'])
    expect(
      issuePaths(
        DpaRules.safeParse({
          ...DpaRules.parse({
            status: 'signed',
            signedOn: '2025-01-01',
            notRequiredReason: null,
            reference: null,
            documentUrl: null,
            validUntil: null,
            nextReviewOn: null,
            checklist: emptyChecklist(),
          }),
          signedOn: null,
        }),
      ),
    ).toEqual(['signedOn'])
    expect(DpaInput.safeParse({ status: 'in_negotiation' }).success).toBe(true)
  })

  it('requires the status', () => {
    expect(issuePaths(DpaInput.safeParse({}))).toEqual(['status'])
  })

  it('needs a reason when no agreement is required, on the notRequiredReason field', () => {
    expect(issuePaths(DpaInput.safeParse({ status: 'not_required' }))).toEqual(['notRequiredReason'])
    expect(issuePaths(DpaInput.safeParse({ status: 'not_required', notRequiredReason: '  ' }))).toEqual(['notRequiredReason'])
  })

  it('accepts "not required" with a reason', () => {
    expect(DpaInput.safeParse({ status: 'not_required', notRequiredReason: 'Independent controller (payment service)' }).success).toBe(true)
  })

  it('refuses an end before the signing date, on the validUntil field', () => {
    const result = DpaInput.safeParse({ status: 'signed', signedOn: '2025-06-27', validUntil: '2025-06-26' })
    expect(issuePaths(result)).toEqual(['validUntil'])
  })

  it('accepts an agreement that ends on the day it was signed', () => {
    expect(DpaInput.safeParse({ status: 'signed', signedOn: '2025-06-27', validUntil: '2025-06-27' }).success).toBe(true)
  })

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(issuePaths(DpaInput.safeParse({ status: 'signed', signedOn: '27.6.2025' }))).toEqual(['signedOn'])
  })

  it('needs every checklist point (a)-(h) and a known status', () => {
    const { h: _h, ...withoutH } = emptyChecklist()
    expect(issuePaths(DpaInput.safeParse({ status: 'signed', signedOn: '2025-01-01', checklist: withoutH }))).toEqual(['checklist.h'])
    const bad = { ...emptyChecklist(), c: { status: 'maybe', clause: null } }
    expect(issuePaths(DpaInput.safeParse({ status: 'signed', signedOn: '2025-01-01', checklist: bad }))).toEqual(['checklist.c.status'])
  })

  it('has an empty checklist of eight unknown points', () => {
    const empty = emptyChecklist()
    expect(Object.keys(empty)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])
    expect(Object.values(empty).every((p) => p.status === 'unknown' && p.clause === null)).toBe(true)
    expect(Checklist.safeParse(empty).success).toBe(true)
  })

  it('needs the version in an update', () => {
    expect(issuePaths(DpaUpdate.safeParse({ status: 'signed', signedOn: '2025-01-01' }))).toEqual(['version'])
    expect(DpaUpdate.safeParse({ status: 'signed', signedOn: '2025-01-01', version: 3 }).success).toBe(true)
  })
})

describe('ProcessorInput', () => {
  const validProcessor = () => ({ displayName: 'Acme Cloud', role: 'processor' as const })

  it('accepts a name and a role', () => {
    expect(ProcessorInput.safeParse(validProcessor()).success).toBe(true)
  })

  it('requires the name and the role', () => {
    expect(issuePaths(ProcessorInput.safeParse({})).sort()).toEqual(['displayName', 'role'])
  })

  it('refuses a blank name after trimming', () => {
    expect(issuePaths(ProcessorInput.safeParse({ ...validProcessor(), displayName: '   ' }))).toEqual(['displayName'])
  })

  it('trims the name', () => {
    expect(ProcessorInput.parse({ ...validProcessor(), displayName: '  Acme  ' }).displayName).toBe('Acme')
  })

  it('refuses an unknown role', () => {
    expect(issuePaths(ProcessorInput.safeParse({ ...validProcessor(), role: 'vendor' }))).toEqual(['role'])
  })

  it('refuses an end date before the start date, on the endDate field', () => {
    const result = ProcessorInput.safeParse({ ...validProcessor(), startDate: '2025-06-01', endDate: '2025-05-31' })
    expect(issuePaths(result)).toEqual(['endDate'])
  })

  it('accepts an end date equal to the start date', () => {
    expect(ProcessorInput.safeParse({ ...validProcessor(), startDate: '2025-06-01', endDate: '2025-06-01' }).success).toBe(true)
  })

  it('refuses the end before the start in an update too', () => {
    expect(issuePaths(ProcessorUpdate.safeParse({ version: 1, startDate: '2025-06-01', endDate: '2025-01-01' }))).toEqual(['endDate'])
  })

  it.each(['https://example.com/privacy', 'http://example.com'])('accepts the http(s) address %s', (url) => {
    expect(ProcessorInput.parse({ ...validProcessor(), websiteUrl: url }).websiteUrl).toBe(url)
  })

  it.each(['ftp://example.com/file', 'javascript:alert(1)', 'mailto:dpo@example.com', 'example.com', 'file:///etc/passwd'])(
    'refuses %s as a website address',
    (url) => {
      expect(issuePaths(ProcessorInput.safeParse({ ...validProcessor(), websiteUrl: url }))).toEqual(['websiteUrl'])
    },
  )

  it('checks the privacy policy and DPA addresses the same way', () => {
    const result = ProcessorInput.safeParse({ ...validProcessor(), privacyPolicyUrl: 'ftp://x.example', dpaUrl: 'nope' })
    expect(issuePaths(result).sort()).toEqual(['dpaUrl', 'privacyPolicyUrl'])
  })

  it('turns an empty address into null', () => {
    expect(ProcessorInput.parse({ ...validProcessor(), websiteUrl: '' }).websiteUrl).toBeNull()
  })

  it('trims categories and collapses duplicates, keeping the first order', () => {
    const parsed = ProcessorInput.parse({
      ...validProcessor(),
      dataCategories: ['Email', ' Name ', 'Email', 'Name'],
      dataSubjectCategories: ['Customers', 'Customers'],
    })
    expect(parsed.dataCategories).toEqual(['Email', 'Name'])
    expect(parsed.dataSubjectCategories).toEqual(['Customers'])
  })

  it('refuses a blank category, naming its index', () => {
    expect(issuePaths(ProcessorInput.safeParse({ ...validProcessor(), dataCategories: ['Email', '  '] }))).toEqual(['dataCategories.1'])
  })

  it('gives nested paths for texts in both languages', () => {
    expect(issuePaths(ProcessorInput.safeParse({ ...validProcessor(), service: { fi: 1, en: 'x' } }))).toEqual(['service.fi'])
  })

  it('normalises the headquarters country and refuses an unknown one', () => {
    expect(ProcessorInput.parse({ ...validProcessor(), hqCountry: 'us' }).hqCountry).toBe('US')
    expect(issuePaths(ProcessorInput.safeParse({ ...validProcessor(), hqCountry: 'XK' }))).toEqual(['hqCountry'])
  })

  it('refuses a parent id that is not a positive whole number', () => {
    expect(issuePaths(ProcessorInput.safeParse({ ...validProcessor(), parentId: 0 }))).toEqual(['parentId'])
    expect(issuePaths(ProcessorInput.safeParse({ ...validProcessor(), parentId: 1.5 }))).toEqual(['parentId'])
  })
})

describe('OrganisationInput', () => {
  const validOrganisation = () => ({
    name: 'Mikroni Digital',
    businessId: '3235836-5',
    address: null,
    privacyContactName: null,
    privacyContactEmail: 'roni@mikroni.fi',
    defaultLanguage: 'fi' as const,
  })

  it('accepts the reference company', () => {
    expect(OrganisationInput.safeParse(validOrganisation()).success).toBe(true)
  })

  it('refuses an invalid business ID on the businessId field', () => {
    expect(issuePaths(OrganisationInput.safeParse({ ...validOrganisation(), businessId: '3235836-4' }))).toEqual(['businessId'])
  })

  it('refuses an invalid email and an unknown language', () => {
    const result = OrganisationInput.safeParse({ ...validOrganisation(), privacyContactEmail: 'roni@', defaultLanguage: 'sv' })
    expect(issuePaths(result).sort()).toEqual(['defaultLanguage', 'privacyContactEmail'])
  })
})

describe('ProcessorListQuery', () => {
  it('defaults to the first page of 25 sorted by name ascending', () => {
    expect(ProcessorListQuery.parse({})).toEqual({ sort: 'displayName', order: 'asc', page: 1, pageSize: 25 })
  })

  it('reads numbers and booleans from query strings', () => {
    expect(ProcessorListQuery.parse({ page: '3', pageSize: '10', outsideEea: 'false' })).toMatchObject({
      page: 3,
      pageSize: 10,
      outsideEea: false,
    })
  })

  it('refuses a page size over 100 or under 1 on the pageSize field', () => {
    expect(issuePaths(ProcessorListQuery.safeParse({ pageSize: '101' }))).toEqual(['pageSize'])
    expect(issuePaths(ProcessorListQuery.safeParse({ pageSize: '0' }))).toEqual(['pageSize'])
  })

  it('refuses a boolean that is not "true" or "false"', () => {
    expect(issuePaths(ProcessorListQuery.safeParse({ outsideEea: 'yes' }))).toEqual(['outsideEea'])
  })
})

describe('fieldErrorsFrom', () => {
  it('joins nested paths with dots, array indexes included', () => {
    expect(fieldErrorsFrom([{ path: ['transfers', 0, 'country'], message: 'Bad' }])).toEqual([
      { path: 'transfers.0.country', message: 'Bad' },
    ])
  })
})
