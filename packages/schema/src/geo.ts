/**
 * Countries, the European Economic Area and the European Commission's adequacy decisions.
 *
 * ISO 3166-1 alpha-2: the 249 officially assigned codes (user-assigned codes such as XK are refused).
 * The legal lists (EEA members, adequacy decisions, international organisations, Art. 46/49 tools)
 * are data with their sources and the date they were checked: reference/legal-reference.ts. This
 * module keeps the functions the rules call, reading that data.
 */
import { LEGAL_REFERENCE, type AdequacyDecision } from './reference/legal-reference'
import { COUNTRY_NAME_OVERRIDES } from './glossary'
import type { Language } from './common'

export type { AdequacyDecision } from './reference/legal-reference'

/** The date the legal reference data (EEA, adequacy decisions) was last checked against its sources. */
export const ADEQUACY_LIST_CHECKED = LEGAL_REFERENCE.checkedOn

// prettier-ignore
export const COUNTRY_CODES = [
  'AD','AE','AF','AG','AI','AL','AM','AO','AQ','AR','AS','AT','AU','AW','AX','AZ','BA','BB','BD','BE','BF','BG','BH','BI','BJ','BL','BM','BN','BO','BQ','BR','BS','BT','BV','BW','BY','BZ',
  'CA','CC','CD','CF','CG','CH','CI','CK','CL','CM','CN','CO','CR','CU','CV','CW','CX','CY','CZ','DE','DJ','DK','DM','DO','DZ','EC','EE','EG','EH','ER','ES','ET','FI','FJ','FK','FM','FO','FR',
  'GA','GB','GD','GE','GF','GG','GH','GI','GL','GM','GN','GP','GQ','GR','GS','GT','GU','GW','GY','HK','HM','HN','HR','HT','HU','ID','IE','IL','IM','IN','IO','IQ','IR','IS','IT','JE','JM','JO','JP',
  'KE','KG','KH','KI','KM','KN','KP','KR','KW','KY','KZ','LA','LB','LC','LI','LK','LR','LS','LT','LU','LV','LY','MA','MC','MD','ME','MF','MG','MH','MK','ML','MM','MN','MO','MP','MQ','MR','MS',
  'MT','MU','MV','MW','MX','MY','MZ','NA','NC','NE','NF','NG','NI','NL','NO','NP','NR','NU','NZ','OM','PA','PE','PF','PG','PH','PK','PL','PM','PN','PR','PS','PT','PW','PY','QA','RE','RO','RS',
  'RU','RW','SA','SB','SC','SD','SE','SG','SH','SI','SJ','SK','SL','SM','SN','SO','SR','SS','ST','SV','SX','SY','SZ','TC','TD','TF','TG','TH','TJ','TK','TL','TM','TN','TO','TR','TT','TV','TW',
  'TZ','UA','UG','UM','US','UY','UZ','VA','VC','VE','VG','VI','VN','VU','WF','WS','YE','YT','ZA','ZM','ZW',
] as const

/** An ISO 3166-1 alpha-2 country code. */
export type CountryCode = (typeof COUNTRY_CODES)[number]

const countrySet: ReadonlySet<string> = new Set(COUNTRY_CODES)
export function isCountryCode(code: string): code is CountryCode {
  return countrySet.has(code)
}

/** EU member states. */
export const EU_COUNTRIES = LEGAL_REFERENCE.euMembers as readonly CountryCode[]

/** The European Economic Area: where GDPR Chapter V (transfers) does not apply. */
export const EEA_COUNTRIES: readonly CountryCode[] = [
  ...LEGAL_REFERENCE.euMembers,
  ...LEGAL_REFERENCE.euTerritories,
  ...LEGAL_REFERENCE.eeaEfta,
] as CountryCode[]

const eeaSet: ReadonlySet<string> = new Set(EEA_COUNTRIES)
/** Inside or outside the EEA is always derived from the country, never typed. */
export function isInEea(country: string): boolean {
  return eeaSet.has(country)
}

/** Every adequacy decision in force or recorded, for countries and international organisations. */
export const ADEQUACY_DECISIONS: readonly AdequacyDecision[] = LEGAL_REFERENCE.adequacyDecisions as AdequacyDecision[]

/** Decisions for a country (never those for international organisations). */
export function adequacyDecisionsFor(country: string): AdequacyDecision[] {
  return ADEQUACY_DECISIONS.filter((d) => d.country !== null && d.country === country)
}

export function findAdequacyDecision(id: string): AdequacyDecision | undefined {
  return ADEQUACY_DECISIONS.find((d) => d.id === id)
}

/** Countries with an adequacy decision that covers transfers without a framework certification. */
export function hasGeneralAdequacy(country: string): boolean {
  return ADEQUACY_DECISIONS.some((d) => d.country === country && !d.frameworkOnly)
}

/** International organisations with an adequacy decision (Art. 45(1)). */
export const INTERNATIONAL_ORGANISATIONS = LEGAL_REFERENCE.internationalOrganisations

/** Decisions for international organisations (a transfer to one is a Chapter V transfer wherever its seat is). */
export function internationalOrganisationDecisions(): AdequacyDecision[] {
  return ADEQUACY_DECISIONS.filter((d) => d.internationalOrganisation !== null)
}

/** The name of an adequacy decision's subject: the country, or the international organisation. */
export function adequacySubjectName(d: AdequacyDecision, lang: 'fi' | 'en'): string {
  if (d.country) return countryName(d.country, lang)
  return INTERNATIONAL_ORGANISATIONS.find((o) => o.id === d.internationalOrganisation)?.name[lang] ?? d.internationalOrganisation ?? ''
}

/** How a decision is cited: its act number, or its adoption date where the number is not recorded (never a guess). */
export function adequacyCitation(d: AdequacyDecision, lang: 'fi' | 'en'): string {
  if (d.decision) return d.decision
  const [y, m, day] = d.adoptedOn.split('-').map(Number) as [number, number, number]
  if (lang === 'fi') return `${day}.${m}.${y}`
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, day),
  )
}

const regionNames = new Map<string, Intl.DisplayNames>()

/**
 * The country's name in the given language, from the runtime's ICU data (Intl.DisplayNames), except
 * where the glossary names it otherwise (the UK is "Yhdistynyt kuningaskunta", not ICU's "Iso-Britannia").
 */
export function countryName(code: string, lang: string): string {
  const override = COUNTRY_NAME_OVERRIDES[lang as Language]?.[code]
  if (override) return override
  try {
    let names = regionNames.get(lang)
    // Building the formatter costs far more than asking it: one per language.
    if (!names) regionNames.set(lang, (names = new Intl.DisplayNames([lang], { type: 'region' })))
    return names.of(code) ?? code
  } catch {
    return code
  }
}
