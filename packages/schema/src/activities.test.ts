import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  ActivityInput,
  ActivityRules,
  ActivityUpdate,
  AsOf,
  DataCategoryInput,
  Retention,
  activityDefaults,
  describeRetention,
  normalisePurpose,
  normaliseRetention,
  type ActivityInput as ActivityInputType,
  type PurposeInput,
} from './activities'
import { fieldErrorsFrom } from './errors'

function issuePaths(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success ? [] : fieldErrorsFrom(result.error.issues).map((f) => f.path)
}

const purpose = (overrides: Partial<PurposeInput> = {}): PurposeInput => ({
  description: { fi: 'Laskutus', en: 'Invoicing' },
  legalBasis: 'b',
  ...overrides,
})

const activity = (overrides: Partial<ActivityInputType> = {}): ActivityInputType => ({
  name: { fi: 'Asiakkaat', en: 'Customers' },
  purposes: [purpose()],
  ...overrides,
})

describe('activity input', () => {
  it('needs only a name and one purpose', () => {
    expect(ActivityInput.safeParse(activity()).success).toBe(true)
  })

  it('refuses a name with no text in either language, on the name field', () => {
    expect(issuePaths(ActivityInput.safeParse(activity({ name: { fi: ' ', en: '' } })))).toEqual(['name'])
  })

  it('accepts a name in one language only', () => {
    expect(ActivityInput.safeParse(activity({ name: { fi: '', en: 'Customers' } })).success).toBe(true)
  })

  it('refuses an activity without purposes (Art. 30(1)(b))', () => {
    expect(issuePaths(ActivityInput.safeParse(activity({ purposes: [] })))).toEqual(['purposes'])
  })

  it('accepts a purpose whose legal basis is not yet determined', () => {
    expect(ActivityInput.safeParse(activity({ purposes: [purpose({ legalBasis: null })] })).success).toBe(true)
  })

  it('refuses a legal basis outside Art. 6(1) (a)-(f)', () => {
    expect(issuePaths(ActivityInput.safeParse(activity({ purposes: [purpose({ legalBasis: 'g' as never })] })))).toEqual([
      'purposes.0.legalBasis',
    ])
  })

  it('names the legitimate interest for basis (f), on that purpose', () => {
    const result = ActivityInput.safeParse(activity({ purposes: [purpose(), purpose({ legalBasis: 'f' })] }))
    expect(issuePaths(result)).toEqual(['purposes.1.legitimateInterest'])
  })

  it('accepts basis (f) with the interest named and no assessment linked yet', () => {
    const result = ActivityInput.safeParse(
      activity({ purposes: [purpose({ legalBasis: 'f', legitimateInterest: { fi: 'Markkinointi', en: '' } })] }),
    )
    expect(result.success).toBe(true)
  })

  it('needs how consent is collected and withdrawn for basis (a)', () => {
    const result = ActivityInput.safeParse(
      activity({ purposes: [purpose({ legalBasis: 'a', consentCollection: { fi: 'Tilaamalla', en: '' } })] }),
    )
    expect(issuePaths(result)).toEqual(['purposes.0.consentWithdrawal'])
  })

  it.each(['c', 'e'] as const)('needs the law for basis (%s) (Art. 6(3))', (legalBasis) => {
    expect(issuePaths(ActivityInput.safeParse(activity({ purposes: [purpose({ legalBasis })] })))).toEqual(['purposes.0.legalReference'])
    expect(ActivityInput.safeParse(activity({ purposes: [purpose({ legalBasis, legalReference: 'Kirjanpitolaki' })] })).success).toBe(true)
  })

  it('refuses a link to an assessment that is not an http(s) address', () => {
    const result = ActivityInput.safeParse(
      activity({ purposes: [purpose({ legalBasis: 'f', legitimateInterest: { fi: 'x', en: '' }, liaUrl: 'javascript:alert(1)' })] }),
    )
    expect(issuePaths(result)).toEqual(['purposes.0.liaUrl'])
  })

  it('needs a description when automated decisions or profiling are used', () => {
    expect(issuePaths(ActivityInput.safeParse(activity({ profiling: true })))).toEqual(['automatedDecisionDescription'])
    expect(
      ActivityInput.safeParse(activity({ profiling: true, automatedDecisionDescription: { fi: '', en: 'Lead scoring' } })).success,
    ).toBe(true)
    expect(ActivityInput.safeParse(activity({ automatedDecisionMaking: false, profiling: false })).success).toBe(true)
  })

  it('refuses the same data category, subject category or processor twice, on the second one', () => {
    const result = ActivityInput.safeParse(
      activity({ dataCategories: [{ id: 1 }, { id: 1 }], dataSubjectCategoryIds: [2, 3, 2], processorIds: [4, 4] }),
    )
    expect(issuePaths(result).sort()).toEqual(['dataCategories.1.id', 'dataSubjectCategoryIds.2', 'processorIds.1'])
  })

  it('refuses unknown sources and rights, and drops repeated ones', () => {
    expect(issuePaths(ActivityInput.safeParse(activity({ sources: ['gossip' as never] })))).toEqual(['sources.0'])
    expect(issuePaths(ActivityInput.safeParse(activity({ rights: ['anything' as never] })))).toEqual(['rights.0'])
    const parsed = ActivityInput.parse(activity({ sources: ['employer', 'employer'], rights: ['access', 'access', 'complaint'] }))
    expect(parsed.sources).toEqual(['employer'])
    expect(parsed.rights).toEqual(['access', 'complaint'])
  })

  it('fills the optional fields of a purpose with empty values', () => {
    expect(ActivityInput.parse(activity()).purposes[0]).toEqual({
      description: { fi: 'Laskutus', en: 'Invoicing' },
      legalBasis: 'b',
      legitimateInterest: { fi: '', en: '' },
      liaUrl: null,
      consentCollection: { fi: '', en: '' },
      consentWithdrawal: { fi: '', en: '' },
      legalReference: null,
      art9Condition: null,
      // Not assessed, not "none": tracking is a fact someone records.
      deviceTracking: null,
      trackingConsent: null,
      emailMarketing: false,
    })
  })
})

describe('activity update', () => {
  it('takes any subset of the fields with the version, and leaves the others absent', () => {
    const parsed = ActivityUpdate.parse({ owner: 'Roni', version: 3 })
    expect(parsed).toEqual({ owner: 'Roni', version: 3 })
  })

  it('needs the version', () => {
    expect(issuePaths(ActivityUpdate.safeParse({ owner: 'Roni' }))).toEqual(['version'])
  })

  it('leaves the rules of the whole record to ActivityRules', () => {
    expect(ActivityUpdate.safeParse({ purposes: [purpose({ legalBasis: 'f' })], version: 1 }).success).toBe(true)
    const merged = { ...activityDefaults(), ...ActivityInput.parse(activity()), purposes: [purpose({ legalBasis: 'f' })] }
    expect(ActivityRules.safeParse({ ...activityDefaults(), ...ActivityInput.parse(activity()) }).success).toBe(true)
    expect(issuePaths(ActivityRules.safeParse(merged))).toEqual(['purposes.0.legitimateInterest'])
  })
})

describe('retention', () => {
  it('needs the length and unit of a duration', () => {
    expect(issuePaths(Retention.safeParse({ kind: 'duration' })).sort()).toEqual(['amount', 'unit'])
  })

  it('needs the event of a period that runs until or from an event', () => {
    expect(issuePaths(Retention.safeParse({ kind: 'until_event' }))).toEqual(['event'])
    expect(issuePaths(Retention.safeParse({ kind: 'duration_after_event', amount: 5, unit: 'years' }))).toEqual(['event'])
  })

  it('gives the failing field its path inside the activity', () => {
    const result = ActivityInput.safeParse(
      activity({
        retention: { kind: 'duration', amount: 0, unit: 'years' },
        dataCategories: [{ id: 1, retention: { kind: 'until_event' } }],
      }),
    )
    expect(issuePaths(result).sort()).toEqual(['dataCategories.0.retention.event', 'retention.amount'])
  })

  it("says the policy's periods in words, in both languages", () => {
    const customers = Retention.parse({
      kind: 'duration_after_event',
      amount: 5,
      unit: 'years',
      event: { fi: 'asiakassuhde päättyy', en: 'the customer relationship ends' },
    })
    expect(describeRetention(customers, 'fi')).toBe('5 vuotta sen jälkeen, kun asiakassuhde päättyy')
    expect(describeRetention(customers, 'en')).toBe('5 years after the customer relationship ends')
    const newsletter = Retention.parse({
      kind: 'until_event',
      event: { fi: 'tilaaja peruuttaa tilauksensa', en: 'the subscriber cancels the subscription' },
    })
    expect(describeRetention(newsletter, 'fi')).toBe('kunnes tilaaja peruuttaa tilauksensa')
    expect(describeRetention(newsletter, 'en')).toBe('until the subscriber cancels the subscription')
    const visitors = Retention.parse({ kind: 'duration', amount: 6, unit: 'months' })
    expect(describeRetention(visitors, 'fi')).toBe('6 kuukautta')
    expect(describeRetention(visitors, 'en')).toBe('6 months')
    const bookkeeping = Retention.parse({
      kind: 'duration',
      amount: 6,
      unit: 'years',
      minimum: true,
      legalReference: 'Kirjanpitolaki (1336/1997)',
    })
    expect(describeRetention(bookkeeping, 'fi')).toBe('vähintään 6 vuotta (Kirjanpitolaki (1336/1997))')
    expect(describeRetention(bookkeeping, 'en')).toBe('at least 6 years (Kirjanpitolaki (1336/1997))')
    expect(describeRetention(Retention.parse({ kind: 'duration', amount: 1, unit: 'days' }), 'fi')).toBe('1 päivä')
  })

  it('uses the other language when the event is written in one only', () => {
    const r = Retention.parse({ kind: 'until_event', event: { fi: 'tili suljetaan', en: '' } })
    expect(describeRetention(r, 'en')).toBe('until tili suljetaan')
  })

  it('clears what does not belong to the kind', () => {
    const r = normaliseRetention(
      Retention.parse({ kind: 'until_event', amount: 3, unit: 'years', minimum: true, event: { fi: 'x', en: 'y' } }),
    )
    expect(r).toMatchObject({ amount: null, unit: null, minimum: false, event: { fi: 'x', en: 'y' } })
    expect(normaliseRetention(Retention.parse({ kind: 'duration', amount: 3, unit: 'years', event: { fi: 'x', en: 'y' } })).event).toEqual({
      fi: '',
      en: '',
    })
  })
})

describe('normalisePurpose', () => {
  it('clears the fields of other legal bases', () => {
    const p = ActivityInput.parse(
      activity({
        purposes: [
          purpose({
            legalBasis: 'b',
            legitimateInterest: { fi: 'x', en: '' },
            liaUrl: 'https://example.test/lia',
            consentCollection: { fi: 'y', en: '' },
            legalReference: 'Laki',
          }),
        ],
      }),
    ).purposes[0]!
    expect(normalisePurpose(p)).toMatchObject({
      legitimateInterest: { fi: '', en: '' },
      liaUrl: null,
      consentCollection: { fi: '', en: '' },
      legalReference: null,
    })
  })

  it('keeps the fields of its own basis', () => {
    const p = ActivityInput.parse(
      activity({ purposes: [purpose({ legalBasis: 'f', legitimateInterest: { fi: 'x', en: '' }, liaUrl: 'https://example.test/lia' })] }),
    ).purposes[0]!
    expect(normalisePurpose(p)).toMatchObject({ legitimateInterest: { fi: 'x', en: '' }, liaUrl: 'https://example.test/lia' })
  })
})

describe('vocabulary input', () => {
  it('defaults a data category to not special', () => {
    expect(DataCategoryInput.parse({ name: { fi: 'Nimi', en: 'Name' } })).toEqual({ name: { fi: 'Nimi', en: 'Name' }, special: false })
  })

  it('refuses an empty name', () => {
    expect(issuePaths(DataCategoryInput.safeParse({ name: { fi: '', en: '' } }))).toEqual(['name'])
  })
})

describe('asOf', () => {
  it.each(['2025-06-27', '2025-06-27T12:00:00Z', '2025-06-27T12:00:00.123+03:00'])('accepts %s', (v) => {
    expect(AsOf.safeParse(v).success).toBe(true)
  })

  it.each(['yesterday', '27.6.2025', '2025-13-01'])('refuses %s', (v) => {
    expect(AsOf.safeParse(v).success).toBe(false)
  })
})
