/**
 * Countries, the European Economic Area and the European Commission's adequacy decisions.
 *
 * The one place where these lists live. Sources and dates:
 * - ISO 3166-1 alpha-2: the 249 officially assigned codes (user-assigned codes such as XK are refused).
 * - EEA: the 27 EU member states plus Iceland, Liechtenstein and Norway (EEA Agreement), with the
 *   EU territories that carry their own ISO code (Åland, French outermost regions).
 * - Adequacy decisions under GDPR Art. 45: the European Commission's list
 *   ("Adequacy decisions", commission.europa.eu), checked 2025-09-30. Review when the Commission
 *   adopts, amends or withdraws a decision.
 */

export const ADEQUACY_LIST_CHECKED = '2025-09-30'

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
export const EU_COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
] as const satisfies readonly CountryCode[]

/** EU territories with an ISO code of their own: Åland (FI) and the French outermost regions. */
const EU_TERRITORIES = ['AX', 'GF', 'GP', 'MQ', 'RE', 'YT', 'MF'] as const satisfies readonly CountryCode[]

/** The European Economic Area: where GDPR Chapter V (transfers) does not apply. */
export const EEA_COUNTRIES: readonly CountryCode[] = [...EU_COUNTRIES, ...EU_TERRITORIES, 'IS', 'LI', 'NO']

const eeaSet: ReadonlySet<string> = new Set(EEA_COUNTRIES)
/** Inside or outside the EEA is always derived from the country, never typed. */
export function isInEea(country: string): boolean {
  return eeaSet.has(country)
}

/** A Commission adequacy decision under GDPR Art. 45 (or its predecessor Directive 95/46/EC Art. 25(6)). */
export interface AdequacyDecision {
  /** Stable identifier used in records, e.g. "jp-2019". */
  id: string
  country: CountryCode
  /** The Commission decision's number. */
  decision: string
  /** Limits of the decision, where it does not cover every transfer to the country. */
  scope?: { en: string; fi: string }
  /** True where the only route is an organisation's participation in a framework (the US DPF). */
  frameworkOnly?: boolean
}

export const ADEQUACY_DECISIONS: readonly AdequacyDecision[] = [
  { id: 'ad-2010', country: 'AD', decision: '2010/625/EU' },
  { id: 'ar-2003', country: 'AR', decision: '2003/490/EC' },
  {
    id: 'ca-2002', country: 'CA', decision: '2002/2/EC',
    scope: { en: 'Commercial organisations subject to PIPEDA', fi: 'PIPEDA-lain alaiset kaupalliset organisaatiot' },
  },
  { id: 'fo-2010', country: 'FO', decision: '2010/146/EU' },
  { id: 'gg-2003', country: 'GG', decision: '2003/821/EC' },
  { id: 'il-2011', country: 'IL', decision: '2011/61/EU' },
  { id: 'im-2004', country: 'IM', decision: '2004/411/EC' },
  { id: 'jp-2019', country: 'JP', decision: '(EU) 2019/419' },
  { id: 'je-2008', country: 'JE', decision: '2008/393/EC' },
  { id: 'nz-2013', country: 'NZ', decision: '2013/65/EU' },
  { id: 'kr-2022', country: 'KR', decision: '(EU) 2022/254' },
  { id: 'ch-2000', country: 'CH', decision: '2000/518/EC' },
  { id: 'gb-2021', country: 'GB', decision: '(EU) 2021/1772' },
  { id: 'uy-2012', country: 'UY', decision: '2012/484/EU' },
  {
    id: 'us-dpf-2023', country: 'US', decision: '(EU) 2023/1795', frameworkOnly: true,
    scope: {
      en: 'Only organisations certified under the EU-US Data Privacy Framework',
      fi: 'Vain EU–USA-tietosuojakehykseen (Data Privacy Framework) sertifioidut organisaatiot',
    },
  },
]

export function adequacyDecisionsFor(country: string): AdequacyDecision[] {
  return ADEQUACY_DECISIONS.filter((d) => d.country === country)
}

export function findAdequacyDecision(id: string): AdequacyDecision | undefined {
  return ADEQUACY_DECISIONS.find((d) => d.id === id)
}

/** Countries with an adequacy decision that covers transfers without a framework certification. */
export function hasGeneralAdequacy(country: string): boolean {
  return ADEQUACY_DECISIONS.some((d) => d.country === country && !d.frameworkOnly)
}

const regionNames = new Map<string, Intl.DisplayNames>()

/** The country's name in the given language, from the runtime's ICU data (Intl.DisplayNames). */
export function countryName(code: string, lang: string): string {
  try {
    let names = regionNames.get(lang)
    // Building the formatter costs far more than asking it: one per language.
    if (!names) regionNames.set(lang, (names = new Intl.DisplayNames([lang], { type: 'region' })))
    return names.of(code) ?? code
  } catch {
    return code
  }
}
