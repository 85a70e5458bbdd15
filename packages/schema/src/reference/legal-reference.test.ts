import { describe, expect, it } from 'vitest'
import {
  adequacyCitation,
  adequacyDecisionsFor,
  adequacySubjectName,
  findAdequacyDecision,
  hasGeneralAdequacy,
  internationalOrganisationDecisions,
  isCountryCode,
  isInEea,
} from '../geo'
import { LEGAL_REFERENCE, LegalReference } from './legal-reference'

describe('legal reference data', () => {
  it('validates against its own schema and is dated', () => {
    expect(LegalReference.safeParse(LEGAL_REFERENCE).success).toBe(true)
    expect(LEGAL_REFERENCE.checkedOn).toBe('2026-12-04')
  })

  it('gives every adequacy decision its adoption date and source, and its act where one is sourced', () => {
    for (const d of LEGAL_REFERENCE.adequacyDecisions) {
      expect(d.adoptedOn, d.id).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(d.source, d.id).toMatch(/^https:\/\//)
      if (d.decision === null) expect(d.note, `${d.id}: a missing act number must be explained`).toMatch(/not in the sources/)
      else expect(d.act, d.id).toContain(d.decision)
      if (d.country) expect(isCountryCode(d.country) && !isInEea(d.country), d.id).toBe(true)
    }
  })

  it('has Brazil (Implementing Decision (EU) 2026/179 of 26 January 2026) as a general adequacy decision', () => {
    const br = findAdequacyDecision('br-2026')!
    expect(br).toMatchObject({
      country: 'BR',
      act: 'Commission Implementing Decision (EU) 2026/179',
      adoptedOn: '2026-01-26',
      validUntil: null,
      frameworkOnly: false,
    })
    expect(hasGeneralAdequacy('BR')).toBe(true)
  })

  it('has the UK decision renewed on 19 December 2025, valid until 27 December 2031', () => {
    const gb = findAdequacyDecision('gb-2021')!
    expect(gb.validUntil).toBe('2031-12-27')
    expect(gb.amendments.at(-1)).toMatchObject({ on: '2025-12-19', act: null })
  })

  it('scopes Canada, Japan and the US', () => {
    expect(findAdequacyDecision('ca-2002')!.scope!.en).toMatch(/PIPEDA/)
    expect(findAdequacyDecision('jp-2019')!.scope!.en).toMatch(/Private-sector/)
    expect(findAdequacyDecision('us-dpf-2023')).toMatchObject({ frameworkOnly: true })
  })

  it('has the European Patent Organisation decision of 15 July 2025, for an organisation and not a country', () => {
    const [epo, ...rest] = internationalOrganisationDecisions()
    expect(rest).toEqual([])
    expect(epo).toMatchObject({ id: 'epo-2025', country: null, internationalOrganisation: 'epo', adoptedOn: '2025-07-15', decision: null })
    expect(adequacySubjectName(epo!, 'en')).toBe('European Patent Organisation')
    expect(adequacySubjectName(epo!, 'fi')).toBe('Euroopan patenttijärjestö')
    // No act number was sourced: it is cited by its date, never by an invented number.
    expect(adequacyCitation(epo!, 'en')).toBe('15 July 2025')
    expect(adequacyCitation(epo!, 'fi')).toBe('15.7.2025')
    // A country lookup never returns an organisation's decision.
    expect(adequacyDecisionsFor('DE')).toEqual([])
  })

  it('refuses data that breaks its own rules (hostile edits of the file)', () => {
    const decision = LEGAL_REFERENCE.adequacyDecisions[0]!
    const broken = (over: object) => LegalReference.safeParse({ ...LEGAL_REFERENCE, adequacyDecisions: [{ ...decision, ...over }] }).success
    expect(broken({ country: null })).toBe(false) // neither a country nor an organisation
    expect(broken({ internationalOrganisation: 'epo' })).toBe(false) // both
    expect(broken({ act: null })).toBe(false) // a number without its act
    expect(broken({ adoptedOn: '26.1.2026' })).toBe(false)
    expect(broken({ source: 'not a url' })).toBe(false)
    expect(LegalReference.safeParse({ ...LEGAL_REFERENCE, checkedOn: 'yesterday' }).success).toBe(false)
    expect(LegalReference.safeParse({ ...LEGAL_REFERENCE, euMembers: LEGAL_REFERENCE.euMembers.slice(1) }).success).toBe(false)
  })

  it('lists the Art. 46 tools and the Art. 49 derogations', () => {
    expect(LEGAL_REFERENCE.art46Tools.find((t) => t.id === 'scc')!.act).toBe('Commission Implementing Decision (EU) 2021/914')
    expect(LEGAL_REFERENCE.art49Derogations.map((d) => d.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'compelling_interests'])
  })
})
