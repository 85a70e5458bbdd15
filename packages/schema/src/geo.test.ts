import { describe, expect, it } from 'vitest'
import { CountryCodeSchema, optionalCountry } from './common'
import {
  ADEQUACY_DECISIONS,
  COUNTRY_CODES,
  EEA_COUNTRIES,
  EU_COUNTRIES,
  adequacyDecisionsFor,
  countryName,
  findAdequacyDecision,
  hasGeneralAdequacy,
  isCountryCode,
  isInEea,
} from './geo'

describe('country codes', () => {
  it('holds the 249 officially assigned ISO 3166-1 alpha-2 codes, each once', () => {
    expect(COUNTRY_CODES).toHaveLength(249)
    expect(new Set(COUNTRY_CODES).size).toBe(249)
    expect(COUNTRY_CODES.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true)
  })

  it.each(['FI', 'US', 'AX', 'GB'])('accepts %s', (code) => {
    expect(isCountryCode(code)).toBe(true)
    expect(CountryCodeSchema.safeParse(code).success).toBe(true)
  })

  it.each([
    ['XK (Kosovo, user-assigned)', 'XK'],
    ['ZZ (unassigned)', 'ZZ'],
    ['UK (not the ISO code of the United Kingdom)', 'UK'],
    ['EU (reserved, not a country)', 'EU'],
    ['a three-letter code', 'FIN'],
    ['an empty string', ''],
  ])('refuses %s', (_why, code) => {
    expect(isCountryCode(code)).toBe(false)
    expect(CountryCodeSchema.safeParse(code).success).toBe(false)
  })

  it('is case-sensitive in the raw check', () => {
    expect(isCountryCode('fi')).toBe(false)
  })

  it('normalises lower case and surrounding spaces in the schema', () => {
    expect(CountryCodeSchema.parse('fi')).toBe('FI')
    expect(CountryCodeSchema.parse(' us ')).toBe('US')
  })

  it('refuses an unknown code in the schema with a message that gives an example', () => {
    const result = CountryCodeSchema.safeParse('zz')
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.message).toMatch(/ISO 3166-1 alpha-2/)
  })

  it('lets an optional country be empty (null) but not unknown', () => {
    expect(optionalCountry.parse('')).toBeNull()
    expect(optionalCountry.parse(null)).toBeNull()
    expect(optionalCountry.parse('se')).toBe('SE')
    expect(optionalCountry.safeParse('XK').success).toBe(false)
  })
})

describe('isInEea', () => {
  it.each([
    ['FI', 'an EU member state'],
    ['DE', 'an EU member state'],
    ['NO', 'an EEA EFTA state'],
    ['IS', 'an EEA EFTA state'],
    ['LI', 'an EEA EFTA state'],
    ['AX', 'Åland, part of Finland with its own code'],
    ['RE', 'Réunion, a French outermost region'],
  ])('counts %s (%s) as inside the EEA', (code) => {
    expect(isInEea(code)).toBe(true)
  })

  it.each([
    ['CH', 'Switzerland is EFTA but not EEA'],
    ['GB', 'the United Kingdom left the EU'],
    ['US', 'the United States'],
    ['FO', 'the Faroe Islands are outside the EU'],
    ['GL', 'Greenland is outside the EU'],
  ])('counts %s as outside the EEA (%s)', (code) => {
    expect(isInEea(code)).toBe(false)
  })

  it('does not normalise case: the caller passes upper-case codes', () => {
    expect(isInEea('fi')).toBe(false)
  })

  it('has the 27 EU states plus Iceland, Liechtenstein, Norway and 7 EU territories', () => {
    expect(EU_COUNTRIES).toHaveLength(27)
    expect(new Set(EEA_COUNTRIES).size).toBe(27 + 3 + 7)
    expect(EEA_COUNTRIES.every(isCountryCode)).toBe(true)
  })
})

describe('adequacy decisions', () => {
  it('finds the Japanese decision by country', () => {
    expect(adequacyDecisionsFor('JP')).toEqual([
      expect.objectContaining({ id: 'jp-2019', country: 'JP', decision: '(EU) 2019/419', adoptedOn: '2019-01-23' }),
    ])
  })

  it('finds no decision for a country without one', () => {
    expect(adequacyDecisionsFor('CN')).toEqual([])
    expect(adequacyDecisionsFor('IN')).toEqual([])
  })

  it('marks the US decision as the Data Privacy Framework only', () => {
    const [us, ...others] = adequacyDecisionsFor('US')
    expect(others).toEqual([])
    expect(us).toMatchObject({ id: 'us-dpf-2023', decision: '(EU) 2023/1795', frameworkOnly: true })
  })

  it('finds a decision by its id, and nothing for an unknown id', () => {
    expect(findAdequacyDecision('gb-2021')?.country).toBe('GB')
    expect(findAdequacyDecision('ch-2000')?.country).toBe('CH')
    expect(findAdequacyDecision('xx-1999')).toBeUndefined()
  })

  it('says which countries have a general (not framework-only) adequacy decision', () => {
    expect(hasGeneralAdequacy('CH')).toBe(true)
    expect(hasGeneralAdequacy('GB')).toBe(true)
    expect(hasGeneralAdequacy('KR')).toBe(true)
    expect(hasGeneralAdequacy('US')).toBe(false)
    expect(hasGeneralAdequacy('CN')).toBe(false)
  })

  it('has unique ids, valid countries outside the EEA', () => {
    const ids = ADEQUACY_DECISIONS.map((d) => d.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const d of ADEQUACY_DECISIONS) {
      if (d.country === null) continue
      expect(isCountryCode(d.country), d.id).toBe(true)
      expect(isInEea(d.country), d.id).toBe(false)
    }
  })
})

describe('countryName', () => {
  it('names a country in Finnish and in English', () => {
    expect(countryName('FI', 'fi')).toBe('Suomi')
    expect(countryName('FI', 'en')).toBe('Finland')
    expect(countryName('US', 'en')).toBe('United States')
  })

  it('falls back to the code for an invalid language tag', () => {
    expect(countryName('FI', '!!')).toBe('FI')
  })
})
