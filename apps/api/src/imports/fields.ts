/**
 * What a column of an imported sheet can fill, how a heading is recognised (English, Finnish,
 * Seloste's own export headings, the UK ICO controller template's headings and a Finnish
 * translation of them) and how a cell's text is read as a value of the field's vocabulary.
 */
import {
  COUNTRY_CODES,
  DPIA_STATUS_LABELS,
  LEGAL_BASIS_LABELS,
  countryName,
  isCountryCode,
  type ImportField,
  type ImportTarget,
  type Language,
  type LegalBasis,
  type Retention,
} from '@seloste/schema'
import { PROCESSOR_COLUMNS, PROCESSOR_STATUS, ROLE, ROPA_COLUMNS } from '../exports/texts'

type Localized = { fi: string; en: string }

export type FieldKind = 'text' | 'localized' | 'list' | 'date' | 'bool' | 'country' | 'enum' | 'int' | 'url' | 'basis' | 'retention'

export interface FieldDef {
  key: string
  label: Localized
  kind: FieldKind
  /** For a localized text: which language of it the column holds. */
  lang?: Language
  /** For an enum: value -> the words it is known by (labels in both languages, synonyms). */
  options?: Record<string, string[]>
  optionLabels?: Record<string, Localized>
  /** Headings that mean this field (compared after normalising). */
  headers: string[]
}

/** A heading compared: lower case, without "(if applicable)" and the like, spaces collapsed, no trailing * or :. */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .toLocaleLowerCase('fi')
    .replace(/\((if applicable|if possible|jos sovellettavissa|jos mahdollista)\)/g, '')
    .replace(/[*:]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A value compared: lower case, spaces and punctuation at the ends trimmed. */
export function normaliseValue(v: string): string {
  return v
    .toLocaleLowerCase('fi')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;,]$/, '')
}

const exportHeaders = (cols: readonly { key: string; fi: string; en: string }[], key: string, lang?: Language): string[] => {
  const c = cols.find((x) => x.key === key)
  if (!c) return []
  return lang ? [c[lang]] : [c.fi, c.en]
}

const labelsOf = (labels: Record<string, Localized>, extra: Record<string, string[]> = {}): Record<string, string[]> =>
  Object.fromEntries(Object.entries(labels).map(([k, l]) => [k, [k, l.fi, l.en, ...(extra[k] ?? [])]]))

const localized = (key: string, label: Localized, headers: Record<Language, string[]>): FieldDef[] =>
  (['fi', 'en'] as const).map((lang) => ({
    key: `${key}.${lang}`,
    label: {
      fi: `${label.fi} (${lang === 'fi' ? 'suomeksi' : 'englanniksi'})`,
      en: `${label.en} (${lang === 'fi' ? 'in Finnish' : 'in English'})`,
    },
    kind: 'localized',
    lang,
    headers: headers[lang],
  }))

// ---- Processors -------------------------------------------------------------------------

const P = (key: string, lang?: Language) => exportHeaders(PROCESSOR_COLUMNS, key, lang)

export const PROCESSOR_FIELDS: FieldDef[] = [
  {
    key: 'id',
    label: { fi: 'Tunniste', en: 'ID' },
    kind: 'int',
    headers: [...P('id'), 'id', 'tunniste', 'processor id', 'käsittelijän tunniste'],
  },
  { key: 'version', label: { fi: 'Versio', en: 'Version' }, kind: 'int', headers: ['version', 'versio'] },
  {
    key: 'displayName',
    label: { fi: 'Nimi', en: 'Name' },
    kind: 'text',
    headers: [
      ...P('name'),
      'name',
      'nimi',
      'processor',
      'käsittelijä',
      'vendor',
      'toimittaja',
      'supplier',
      'company',
      'yritys',
      'palveluntarjoaja',
      'service provider',
    ],
  },
  {
    key: 'displayNameEn',
    label: { fi: 'Nimi englanniksi', en: 'Name in English' },
    kind: 'text',
    headers: [...P('nameEn'), 'english name', 'name (english)', 'nimi (englanniksi)'],
  },
  {
    key: 'legalName',
    label: { fi: 'Yhtiö', en: 'Legal entity' },
    kind: 'text',
    headers: [...P('legalName'), 'legal name', 'virallinen nimi', 'yhtiön nimi', 'legal entity name'],
  },
  {
    key: 'role',
    label: { fi: 'Rooli', en: 'Role' },
    kind: 'enum',
    options: labelsOf(ROLE, {
      processor: ['käsittelijä', 'data processor', 'henkilötietojen käsittelijä'],
      sub_processor: ['alihankkija', 'subprocessor', 'sub processor', 'alikäsittelijä'],
      independent_controller: ['controller', 'rekisterinpitäjä', 'separate controller', 'erillinen rekisterinpitäjä'],
      recipient: ['vastaanottaja', 'third party', 'kolmas osapuoli'],
      international_organisation: ['international organization'],
    }),
    optionLabels: ROLE,
    headers: [...P('role'), 'role', 'rooli', 'type', 'tyyppi'],
  },
  {
    key: 'status',
    label: { fi: 'Tila', en: 'Status' },
    kind: 'enum',
    options: labelsOf(PROCESSOR_STATUS, {
      active: ['in use', 'käytössä', 'aktiivinen'],
      retired: ['ended', 'päättynyt', 'lopetettu'],
      planned: ['tulossa'],
    }),
    optionLabels: PROCESSOR_STATUS,
    headers: [...P('status'), 'status', 'tila'],
  },
  ...localized(
    'service',
    { fi: 'Palvelu', en: 'Service' },
    { fi: [...P('service', 'fi'), 'palvelu'], en: [...P('service', 'en'), 'service'] },
  ),
  ...localized(
    'purpose',
    { fi: 'Käyttötarkoitus', en: 'Purpose' },
    { fi: [...P('purpose', 'fi'), 'käyttötarkoitus', 'tarkoitus'], en: [...P('purpose', 'en'), 'purpose'] },
  ),
  ...localized(
    'disclosureCondition',
    { fi: 'Luovutuksen edellytys', en: 'Disclosure condition' },
    { fi: P('disclosureCondition', 'fi'), en: P('disclosureCondition', 'en') },
  ),
  {
    key: 'hqCountry',
    label: { fi: 'Kotimaa', en: 'Headquarters' },
    kind: 'country',
    headers: [...P('hqCountry'), 'country', 'maa', 'hq country', 'headquarters country', 'sijaintimaa', 'kotipaikka'],
  },
  {
    key: 'startDate',
    label: { fi: 'Alkaen', en: 'Start date' },
    kind: 'date',
    headers: [...P('startDate'), 'start date', 'aloitettu', 'alkupäivä'],
  },
  {
    key: 'endDate',
    label: { fi: 'Päättynyt', en: 'End date' },
    kind: 'date',
    headers: [...P('endDate'), 'end date', 'päättyy', 'loppupäivä'],
  },
  {
    key: 'isPublic',
    label: { fi: 'Julkinen', en: 'Public' },
    kind: 'bool',
    headers: [...P('public'), 'public', 'julkinen', 'julkaistaan'],
  },
  {
    key: 'dataCategories',
    label: { fi: 'Henkilötietoryhmät', en: 'Data categories' },
    kind: 'list',
    headers: [...P('dataCategories'), 'data categories', 'categories of personal data', 'henkilötiedot'],
  },
  {
    key: 'dataSubjectCategories',
    label: { fi: 'Rekisteröityjen ryhmät', en: 'Data subject categories' },
    kind: 'list',
    headers: [...P('dataSubjectCategories'), 'data subjects', 'categories of individuals', 'rekisteröidyt'],
  },
  {
    key: 'websiteUrl',
    label: { fi: 'Verkkosivu', en: 'Website' },
    kind: 'url',
    headers: ['website', 'web site', 'url', 'verkkosivu', 'verkkosivut', 'kotisivu'],
  },
  {
    key: 'privacyPolicyUrl',
    label: { fi: 'Tietosuojaseloste', en: 'Privacy policy' },
    kind: 'url',
    headers: ['privacy policy', 'privacy policy url', 'tietosuojaseloste', 'tietosuojaselosteen osoite'],
  },
  {
    key: 'dpaUrl',
    label: { fi: 'Käsittelysopimuksen ehdot (linkki)', en: 'DPA terms (link)' },
    kind: 'url',
    headers: ['dpa url', 'dpa link', 'dpa terms', 'käsittelysopimuksen linkki'],
  },
  {
    key: 'internalNotes',
    label: { fi: 'Sisäiset muistiinpanot', en: 'Internal notes' },
    kind: 'text',
    headers: ['notes', 'internal notes', 'muistiinpanot', 'huomautukset', 'lisätiedot', 'comments', 'kommentit'],
  },
]

/** Columns of Seloste's processor export that Seloste derives from other records: recognised, not imported. */
const PROCESSOR_DERIVED = [
  'countries',
  'outsideEea',
  'transfers',
  'dpaStatus',
  'dpaSignedOn',
  'dpaValidUntil',
  'dpaNextReview',
  'dpaReference',
  'dpaDocument',
  'activities',
  'updatedAt',
].flatMap((k) => P(k))

// ---- Activities (records of processing) ---------------------------------------------------

const R = (key: string, lang?: Language) => exportHeaders(ROPA_COLUMNS, key, lang)

const BASIS_LABELS: Record<LegalBasis, Localized> = LEGAL_BASIS_LABELS

export const ACTIVITY_FIELDS: FieldDef[] = [
  { key: 'id', label: { fi: 'Käsittelytoimen tunniste', en: 'Activity ID' }, kind: 'int', headers: [...R('activityId'), 'id', 'tunniste'] },
  { key: 'version', label: { fi: 'Versio', en: 'Version' }, kind: 'int', headers: ['version', 'versio'] },
  ...localized(
    'name',
    { fi: 'Käsittelytoimi', en: 'Processing activity' },
    {
      fi: [...R('activity', 'fi'), 'käsittelytoimi', 'liiketoiminto', 'toiminto', 'käsittelytoiminto', 'rekisteri'],
      en: [...R('activity', 'en'), 'business function', 'processing activity', 'activity', 'name'],
    },
  ),
  ...localized(
    'purpose',
    { fi: 'Käsittelyn tarkoitus', en: 'Purpose of processing' },
    {
      fi: [...R('purpose', 'fi'), 'tarkoitus', 'käsittelyn tarkoitukset'],
      en: [...R('purpose', 'en'), 'purpose', 'purposes of processing'],
    },
  ),
  {
    key: 'legalBasis',
    label: { fi: 'Käsittelyperuste (6 artikla)', en: 'Lawful basis (Art. 6)' },
    kind: 'basis',
    optionLabels: BASIS_LABELS,
    headers: [
      ...R('legalBasis'),
      'lawful basis',
      'legal basis',
      'käsittelyperuste',
      'oikeusperuste',
      'käsittelyn oikeusperuste',
      'artiklan 6 mukainen käsittelyperuste',
      '6 artiklan mukainen käsittelyperuste',
    ],
  },
  ...localized(
    'legitimateInterest',
    { fi: 'Oikeutettu etu', en: 'Legitimate interests' },
    {
      fi: [...R('legitimateInterest', 'fi'), 'oikeutettu etu käsittelylle'],
      en: [...R('legitimateInterest', 'en'), 'legitimate interests', 'legitimate interest'],
    },
  ),
  {
    key: 'liaUrl',
    label: { fi: 'Linkki oikeutetun edun arviointiin', en: 'Link to legitimate interests assessment' },
    kind: 'url',
    headers: [...R('liaLink'), 'link to legitimate interests assessment'],
  },
  {
    key: 'retention',
    label: { fi: 'Säilytysaika', en: 'Retention' },
    kind: 'retention',
    headers: [
      ...R('retention'),
      'retention',
      'retention period',
      'säilytysaika',
      'säilytysajat',
      'säilytysaikataulu',
      'retention schedule',
    ],
  },
  ...localized(
    'securityMeasures',
    { fi: 'Turvatoimet', en: 'Security measures' },
    {
      fi: [...R('security', 'fi'), 'turvatoimet', 'tietoturva', 'teknisten ja organisatoristen turvatoimien kuvaus'],
      en: [...R('security', 'en'), 'security measures', 'security'],
    },
  ),
  ...localized('description', { fi: 'Kuvaus', en: 'Description' }, { fi: ['kuvaus'], en: ['description'] }),
  {
    key: 'owner',
    label: { fi: 'Vastuuhenkilö', en: 'Owner' },
    kind: 'text',
    headers: [...R('owner'), 'owner', 'vastuuhenkilö', 'omistaja', 'vastuutaho'],
  },
  {
    key: 'nextReviewOn',
    label: { fi: 'Seuraava katselmointi', en: 'Next review' },
    kind: 'date',
    headers: [...R('nextReview'), 'next review', 'seuraava katselmointi', 'review date'],
  },
  {
    key: 'dpiaStatus',
    label: { fi: 'Vaikutustenarvioinnin tila', en: 'DPIA progress' },
    kind: 'enum',
    options: labelsOf(DPIA_STATUS_LABELS, {
      not_needed: ['no', 'ei', 'not required'],
      done: ['complete', 'completed', 'valmis'],
      in_progress: ['ongoing'],
    }),
    optionLabels: DPIA_STATUS_LABELS,
    headers: [...R('dpiaProgress'), 'dpia progress', 'dpia status', 'vaikutustenarvioinnin tila', 'dpia:n tila'],
  },
  {
    key: 'dpiaUrl',
    label: { fi: 'Linkki vaikutustenarviointiin', en: 'Link to DPIA' },
    kind: 'url',
    headers: [...R('dpiaLink'), 'link to dpia', 'dpia link', 'linkki vaikutustenarviointiin'],
  },
]

/** Columns of the record export (and the ICO template) that Seloste keeps elsewhere or derives: recognised, not imported. */
const ACTIVITY_DERIVED = [
  'controller',
  'dataSubjects',
  'dataCategories',
  'recipients',
  'processorContracts',
  'thirdCountries',
  'safeguards',
  'art9',
  'rights',
  'automated',
  'sources',
  'consent',
  'location',
  'dpiaRequired',
  'status',
  'approved',
  'updatedAt',
].flatMap((k) => R(k))
const ICO_NOT_IMPORTED = [
  'name and contact details of joint controller',
  'safeguards for exceptional transfers of personal data to third countries or international organisations',
  'link to record of consent',
  'names of third countries or international organisations that personal data are transferred to',
  'general description of technical and organisational security measures',
  'yhteisrekisterinpitäjän nimi ja yhteystiedot',
]

export function fieldsFor(target: ImportTarget): FieldDef[] {
  return target === 'processors' ? PROCESSOR_FIELDS : ACTIVITY_FIELDS
}

const DERIVED_NOTE: Record<ImportTarget, string> = {
  processors: 'Derived by Seloste from transfers, DPAs or activities; not imported',
  activities: 'Kept in the vocabulary, the registry or derived by Seloste; not imported (add it in the activity form)',
}

/** The field a heading names, for this target (null when none), and a note when the heading is known but not imported. */
export function matchHeader(target: ImportTarget, header: string): { field: string | null; note: string | null; known: boolean } {
  const h = normaliseHeader(header)
  if (h === '') return { field: null, note: null, known: false }
  for (const f of fieldsFor(target)) if (f.headers.some((x) => normaliseHeader(x) === h)) return { field: f.key, note: null, known: true }
  const derived = target === 'processors' ? PROCESSOR_DERIVED : ACTIVITY_DERIVED
  if (
    derived.some((x) => normaliseHeader(x) === h) ||
    (target === 'activities' && ICO_NOT_IMPORTED.some((x) => normaliseHeader(x) === h))
  ) {
    return { field: null, note: DERIVED_NOTE[target], known: true }
  }
  return { field: null, note: null, known: false }
}

export function describeFields(target: ImportTarget): ImportField[] {
  return fieldsFor(target).map((f) => ({
    key: f.key,
    label: f.label,
    options: f.optionLabels ? Object.entries(f.optionLabels).map(([value, label]) => ({ value, label })) : null,
  }))
}

// ---- Values -----------------------------------------------------------------------------------

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; unmatched?: boolean }

const countryIndex = new Map<string, string>()
function countries(): Map<string, string> {
  if (countryIndex.size === 0) {
    for (const code of COUNTRY_CODES) {
      countryIndex.set(code.toLowerCase(), code)
      for (const lang of ['fi', 'en']) countryIndex.set(normaliseValue(countryName(code, lang)), code)
    }
    const aliases: Record<string, string> = {
      usa: 'US',
      'u.s.': 'US',
      'united states of america': 'US',
      'yhdysvallat (usa)': 'US',
      uk: 'GB',
      'great britain': 'GB',
      england: 'GB',
      'iso-britannia': 'GB',
      britannia: 'GB',
      holland: 'NL',
      hollanti: 'NL',
    }
    for (const [k, v] of Object.entries(aliases)) countryIndex.set(k, v)
  }
  return countryIndex
}

export function parseCountry(text: string): Parsed<string> {
  const code = countries().get(normaliseValue(text))
  if (code && isCountryCode(code)) return { ok: true, value: code }
  return {
    ok: false,
    message: `"${text}" is not a country Seloste knows (write its name in Finnish or English, or its ISO code such as US)`,
    unmatched: true,
  }
}

export function parseEnum(f: FieldDef, text: string): Parsed<string> {
  const v = normaliseValue(text)
  for (const [value, words] of Object.entries(f.options ?? {})) if (words.some((w) => normaliseValue(w) === v)) return { ok: true, value }
  return { ok: false, message: `"${text}" is not one of the values of ${f.label.en}`, unmatched: true }
}

export function parseBool(text: string): Parsed<boolean> {
  const v = normaliseValue(text)
  if (['yes', 'kyllä', 'true', 'x', '1', 'k', 'y', 'on'].includes(v)) return { ok: true, value: true }
  if (['no', 'ei', 'false', '0', 'e', 'n'].includes(v)) return { ok: true, value: false }
  return { ok: false, message: `"${text}" is not yes or no`, unmatched: true }
}

export function parseDate(text: string): Parsed<string> {
  const t = text.trim()
  let m = /^(\d{4})-(\d{2})-(\d{2})(T00:00:00(\.000)?Z)?$/.exec(t)
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!, text)
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t)
  if (m) return validDate(+m[3]!, +m[2]!, +m[1]!, text)
  return { ok: false, message: `"${text}" is not a date (write it as YYYY-MM-DD or D.M.YYYY)` }
}

function validDate(y: number, mo: number, d: number, text: string): Parsed<string> {
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return { ok: false, message: `"${text}" is not a date of the calendar` }
  return { ok: true, value: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` }
}

export function parseInt10(text: string): Parsed<number> {
  const t = text.trim()
  if (!/^\d{1,15}(\.0+)?$/.test(t) || Number(t) < 1) return { ok: false, message: `"${text}" is not a whole number above zero` }
  return { ok: true, value: Math.trunc(Number(t)) }
}

export function parseList(text: string): string[] {
  return text
    .split(/\r?\n|;/)
    .map((s) => s.trim())
    .filter(Boolean)
}

const BASIS_WORDS: [RegExp, LegalBasis][] = [
  [/\b(explicit )?consent\b|suostumu/, 'a'],
  [/\bcontract|\bsopimu/, 'b'],
  [/legal obligation|lakisääteinen|oikeudellinen velvoite|laki edellyttää/, 'c'],
  [/vital interest|elintärkeä/, 'd'],
  [/public task|public interest|yleistä etua|yleinen etu|julkisen vallan|julkinen valta/, 'e'],
  [/legitimate interest|oikeutettu etu|oikeutetun edun/, 'f'],
]

/**
 * An Art. 6(1) basis from its article ("6(1)(b)", "Art. 6.1 b", "6 artiklan 1 kohdan b alakohta"),
 * its letter, or its wording in English or Finnish ("contract", "sopimus"); text after a colon is
 * the legal reference (the export writes "Legal obligation (Art. 6(1)(c)): Kirjanpitolaki").
 */
export function parseBasis(text: string): Parsed<{ basis: LegalBasis | null; reference: string | null }> {
  const t = text.trim()
  const colon = t.indexOf(':')
  const head = normaliseValue(colon >= 0 ? t.slice(0, colon) : t)
  const reference = colon >= 0 ? t.slice(colon + 1).trim() || null : null
  if (['not recorded', 'ei kirjattu'].includes(head)) return { ok: true, value: { basis: null, reference: null } }
  const article = /6\s*(?:\(\s*1\s*\)|\.\s*1|\s*artiklan\s*1\s*kohdan)\s*\(?\s*([a-f])\s*\)?/.exec(head) ?? /^([a-f])\)?$/.exec(head)
  if (article) return { ok: true, value: { basis: article[1] as LegalBasis, reference } }
  const found = BASIS_WORDS.filter(([re]) => re.test(head)).map(([, b]) => b)
  if (new Set(found).size === 1) return { ok: true, value: { basis: found[0]!, reference } }
  return {
    ok: false,
    message: `"${text}" is not an Art. 6(1) basis Seloste recognises (write e.g. "6(1)(b)", "contract" or "sopimus")`,
    unmatched: true,
  }
}

const UNITS: [RegExp, Retention['unit'] & string][] = [
  [/^(days?|päivä[äa]?|pv)$/, 'days'],
  [/^(months?|kuukau(si|tta|den)|kk)$/, 'months'],
  [/^(years?|vuo(si|tta|den)|v)$/, 'years'],
]

/**
 * A retention period from its wording: "6 years", "at least 6 years (Kirjanpitolaki)", "5 years
 * after the customer relationship ends", "until the subscription ends", and the same in Finnish
 * ("6 vuotta", "vähintään 6 vuotta", "5 vuotta sen jälkeen, kun asiakassuhde päättyy", "kunnes ...").
 */
export function parseRetention(text: string, lang: Language): Parsed<Retention> {
  let t = text.replace(/\s+/g, ' ').trim()
  let legalReference: string | null = null
  const ref = /\(([^()]+)\)$/.exec(t)
  if (ref) {
    legalReference = ref[1]!.trim()
    t = t.slice(0, ref.index).trim()
  }
  const event = (e: string) => ({ fi: lang === 'fi' ? e : '', en: lang === 'en' ? e : '' })
  const until = /^(until|kunnes)\s+(.+)$/i.exec(t)
  if (until)
    return { ok: true, value: { kind: 'until_event', amount: null, unit: null, minimum: false, event: event(until[2]!), legalReference } }
  const m = /^(at least |vähintään )?(\d{1,4}) ([a-zäö]+)(?:\s+(?:after|from|sen jälkeen,? kun|siitä,? kun|kun)\s+(.+))?$/i.exec(t)
  if (m) {
    const unit = UNITS.find(([re]) => re.test(m[3]!.toLocaleLowerCase('fi')))?.[1]
    const amount = Number(m[2])
    if (unit && amount >= 1 && amount <= 1000) {
      const minimum = Boolean(m[1])
      if (m[4])
        return { ok: true, value: { kind: 'duration_after_event', amount, unit, minimum, event: event(m[4].trim()), legalReference } }
      return { ok: true, value: { kind: 'duration', amount, unit, minimum, event: { fi: '', en: '' }, legalReference } }
    }
  }
  return {
    ok: false,
    message: `"${text}" is not a retention period Seloste can read (write e.g. "6 years", "5 years after the contract ends", "until the account is closed", or "6 vuotta")`,
  }
}
