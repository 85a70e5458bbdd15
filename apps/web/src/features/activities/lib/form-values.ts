import {
  ART9_CONDITION_LABELS,
  DATA_SOURCE_LABELS,
  DATA_SUBJECT_RIGHT_LABELS,
  DEVICE_TRACKING_LABELS,
  DPIA_STATUS_LABELS,
  LEGAL_BASIS_LABELS,
  TRACKING_CONSENT_LABELS,
  describeRetention,
  type Activity,
  type Art9Condition,
  type DataSource,
  type DataSubjectRight,
  type DeviceTracking,
  type DpiaStatus,
  type TrackingConsent,
  type Language,
  type LegalBasis,
  type LocalizedText,
  type Retention,
  type RetentionKind,
  type RetentionUnit,
} from '@seloste/schema'
import type { TFunction } from 'i18next'

/** A retention period as the form holds it: kind '' = not recorded; the amount as typed. */
export interface RetentionFormValues {
  kind: '' | RetentionKind
  amount: string
  unit: '' | RetentionUnit
  minimum: boolean
  event: LocalizedText
  legalReference: string
}

export interface PurposeFormValues {
  description: LocalizedText
  legalBasis: '' | LegalBasis
  legitimateInterest: LocalizedText
  liaUrl: string
  consentCollection: LocalizedText
  consentWithdrawal: LocalizedText
  legalReference: string
  art9Condition: '' | Art9Condition
  /** '' = not assessed. */
  deviceTracking: '' | DeviceTracking
  trackingConsent: '' | TrackingConsent
  emailMarketing: boolean
}

export type Tristate = '' | 'yes' | 'no'

/** What the activity form holds: text as strings ('' = not recorded), choices as ids, the version it was loaded at. */
export interface ActivityFormValues {
  name: LocalizedText
  description: LocalizedText
  owner: string
  nextReviewOn: string
  purposes: PurposeFormValues[]
  dataSubjectCategoryIds: number[]
  dataCategories: { id: number; retention: RetentionFormValues }[]
  retention: RetentionFormValues
  sources: DataSource[]
  sourcesOther: LocalizedText
  processorIds: number[]
  otherRecipients: { name: LocalizedText; condition: LocalizedText }[]
  securityMeasures: LocalizedText
  automatedDecisionMaking: Tristate
  profiling: Tristate
  automatedDecisionDescription: LocalizedText
  dpiaStatus: DpiaStatus
  dpiaUrl: string
  rights: DataSubjectRight[]
  /** Edit only: the version the form was loaded at; sent with the update for optimistic concurrency. */
  version?: number
}

const text = (t?: LocalizedText): LocalizedText => ({ fi: t?.fi ?? '', en: t?.en ?? '' })

export function emptyRetention(): RetentionFormValues {
  return { kind: '', amount: '', unit: '', minimum: false, event: text(), legalReference: '' }
}

export function emptyPurpose(): PurposeFormValues {
  return {
    description: text(),
    legalBasis: '',
    legitimateInterest: text(),
    liaUrl: '',
    consentCollection: text(),
    consentWithdrawal: text(),
    legalReference: '',
    art9Condition: '',
    deviceTracking: '',
    trackingConsent: '',
    emailMarketing: false,
  }
}

export function emptyActivityValues(): ActivityFormValues {
  return {
    name: text(),
    description: text(),
    owner: '',
    nextReviewOn: '',
    purposes: [emptyPurpose()],
    dataSubjectCategoryIds: [],
    dataCategories: [],
    retention: emptyRetention(),
    sources: [],
    sourcesOther: text(),
    processorIds: [],
    otherRecipients: [],
    securityMeasures: text(),
    automatedDecisionMaking: '',
    profiling: '',
    automatedDecisionDescription: text(),
    dpiaStatus: 'unknown',
    dpiaUrl: '',
    rights: [],
  }
}

function retentionToForm(r: Retention | null): RetentionFormValues {
  if (!r) return emptyRetention()
  return {
    kind: r.kind,
    amount: r.amount == null ? '' : String(r.amount),
    unit: r.unit ?? '',
    minimum: r.minimum,
    event: text(r.event),
    legalReference: r.legalReference ?? '',
  }
}

const tristate = (v: boolean | null): Tristate => (v === null ? '' : v ? 'yes' : 'no')

export function activityToFormValues(a: Activity): ActivityFormValues {
  return {
    name: text(a.name),
    description: text(a.description),
    owner: a.owner ?? '',
    nextReviewOn: a.nextReviewOn ?? '',
    purposes: a.purposes.map((p) => ({
      description: text(p.description),
      legalBasis: p.legalBasis ?? '',
      legitimateInterest: text(p.legitimateInterest),
      liaUrl: p.liaUrl ?? '',
      consentCollection: text(p.consentCollection),
      consentWithdrawal: text(p.consentWithdrawal),
      legalReference: p.legalReference ?? '',
      art9Condition: p.art9Condition ?? '',
      deviceTracking: p.deviceTracking ?? '',
      trackingConsent: p.trackingConsent ?? '',
      emailMarketing: p.emailMarketing ?? false,
    })),
    dataSubjectCategoryIds: a.dataSubjectCategories.map((c) => c.id),
    dataCategories: a.dataCategories.map((c) => ({ id: c.id, retention: retentionToForm(c.retention) })),
    retention: retentionToForm(a.retention),
    sources: [...a.sources],
    sourcesOther: text(a.sourcesOther),
    processorIds: a.processors.map((p) => p.id),
    otherRecipients: a.otherRecipients.map((r) => ({ name: text(r.name), condition: text(r.condition) })),
    securityMeasures: text(a.securityMeasures),
    automatedDecisionMaking: tristate(a.automatedDecisionMaking),
    profiling: tristate(a.profiling),
    automatedDecisionDescription: text(a.automatedDecisionDescription),
    dpiaStatus: a.dpiaStatus,
    dpiaUrl: a.dpiaUrl ?? '',
    rights: [...a.rights],
    version: a.version,
  }
}

/** A typed amount as the schema's number; what is not a number stays as typed, for the schema to refuse. */
function toAmount(v: string): number | null | string {
  const s = v.trim()
  if (s === '') return null
  const n = Number(s)
  return Number.isFinite(n) ? n : s
}

/** The period as the API takes it, with the fields of other kinds left out (hidden inputs never block a save). */
function retentionToInput(r: RetentionFormValues) {
  if (r.kind === '') return null
  const counted = r.kind !== 'until_event'
  return {
    kind: r.kind,
    amount: counted ? toAmount(r.amount) : null,
    unit: counted && r.unit ? r.unit : null,
    minimum: counted ? r.minimum : false,
    event: r.kind === 'duration' ? text() : r.event,
    legalReference: r.legalReference,
  }
}

const bool = (v: Tristate): boolean | null => (v === '' ? null : v === 'yes')

/**
 * The form's values in the API's shape (before the schema's own trimming and defaults). The fields
 * of another legal basis or retention kind are cleared first, as the API does, so that a field the
 * user can no longer see never holds up a save.
 */
export function toActivityInput(v: ActivityFormValues) {
  const decides = v.automatedDecisionMaking === 'yes' || v.profiling === 'yes'
  return {
    name: v.name,
    description: v.description,
    owner: v.owner,
    nextReviewOn: v.nextReviewOn,
    purposes: v.purposes.map((p) => {
      const basis = p.legalBasis === '' ? null : p.legalBasis
      return {
        description: p.description,
        legalBasis: basis,
        legitimateInterest: basis === 'f' ? p.legitimateInterest : text(),
        liaUrl: basis === 'f' ? p.liaUrl : '',
        consentCollection: basis === 'a' ? p.consentCollection : text(),
        consentWithdrawal: basis === 'a' ? p.consentWithdrawal : text(),
        legalReference: basis === 'c' || basis === 'e' ? p.legalReference : '',
        art9Condition: p.art9Condition === '' ? null : p.art9Condition,
        deviceTracking: p.deviceTracking === '' ? null : p.deviceTracking,
        trackingConsent: p.deviceTracking === 'not_strictly_necessary' && p.trackingConsent !== '' ? p.trackingConsent : null,
        emailMarketing: p.emailMarketing,
      }
    }),
    dataSubjectCategoryIds: v.dataSubjectCategoryIds,
    dataCategories: v.dataCategories.map((c) => ({ id: c.id, retention: retentionToInput(c.retention) })),
    retention: retentionToInput(v.retention),
    sources: v.sources,
    sourcesOther: v.sourcesOther,
    processorIds: v.processorIds,
    otherRecipients: v.otherRecipients,
    securityMeasures: v.securityMeasures,
    automatedDecisionMaking: bool(v.automatedDecisionMaking),
    profiling: bool(v.profiling),
    automatedDecisionDescription: decides ? v.automatedDecisionDescription : text(),
    dpiaStatus: v.dpiaStatus,
    dpiaUrl: v.dpiaUrl,
    rights: v.rights,
    ...(v.version !== undefined ? { version: v.version } : {}),
  }
}

function retentionPaths(prefix: string, r: RetentionFormValues): string[] {
  if (r.kind === '') return [`${prefix}.kind`]
  const out = [`${prefix}.kind`]
  if (r.kind !== 'until_event') out.push(`${prefix}.amount`, `${prefix}.unit`)
  if (r.kind !== 'duration') out.push(`${prefix}.event`, `${prefix}.event.en`)
  out.push(`${prefix}.legalReference`)
  return out
}

/**
 * Every input's path, in the order they appear on the form (also the error summary's order). A
 * text that must be written in at least one language carries its error on the object path
 * ("purposes.1.legitimateInterest"), shown at its Finnish input; the English input is ".en".
 */
export function activityFormPaths(v: ActivityFormValues, special: boolean): string[] {
  const out = ['name', 'name.en', 'description.fi', 'description.en', 'owner', 'nextReviewOn', 'purposes']
  v.purposes.forEach((p, i) => {
    const at = `purposes.${i}`
    out.push(`${at}.description`, `${at}.description.en`, `${at}.legalBasis`)
    if (p.legalBasis === 'f') out.push(`${at}.legitimateInterest`, `${at}.legitimateInterest.en`, `${at}.liaUrl`)
    if (p.legalBasis === 'a')
      out.push(`${at}.consentCollection`, `${at}.consentCollection.en`, `${at}.consentWithdrawal`, `${at}.consentWithdrawal.en`)
    if (p.legalBasis === 'c' || p.legalBasis === 'e') out.push(`${at}.legalReference`)
    if (special) out.push(`${at}.art9Condition`)
    out.push(`${at}.deviceTracking`)
    if (p.deviceTracking === 'not_strictly_necessary') out.push(`${at}.trackingConsent`)
    out.push(`${at}.emailMarketing`)
  })
  out.push('dataSubjectCategoryIds', 'dataCategories')
  v.dataCategories.forEach((c, i) => out.push(...retentionPaths(`dataCategories.${i}.retention`, c.retention)))
  out.push(...retentionPaths('retention', v.retention))
  out.push('sources', 'sourcesOther.fi', 'sourcesOther.en', 'processorIds', 'otherRecipients')
  v.otherRecipients.forEach((_r, i) =>
    out.push(
      `otherRecipients.${i}.name`,
      `otherRecipients.${i}.name.en`,
      `otherRecipients.${i}.condition.fi`,
      `otherRecipients.${i}.condition.en`,
    ),
  )
  out.push('securityMeasures.fi', 'securityMeasures.en', 'automatedDecisionMaking', 'profiling')
  if (v.automatedDecisionMaking === 'yes' || v.profiling === 'yes')
    out.push('automatedDecisionDescription', 'automatedDecisionDescription.en')
  out.push('dpiaStatus', 'dpiaUrl', 'rights')
  return specificFirst(out)
}

/**
 * Moves each path after the paths inside it ("purposes" after "purposes.1.legalBasis", "name"
 * after "name.en"): the error summary links an error to the first path that contains it, and
 * the nearest input is the most specific one.
 */
function specificFirst(paths: string[]): string[] {
  const out = [...paths]
  for (const p of paths) {
    let last = -1
    out.forEach((q, i) => {
      if (q.startsWith(`${p}.`)) last = i
    })
    const at = out.indexOf(p)
    if (last > at) {
      out.splice(at, 1)
      out.splice(last, 0, p)
    }
  }
  return out
}

const LANG_SUFFIX: Record<string, 'fi' | 'en'> = { fi: 'fi', en: 'en' }

/** A readable label for any form path: "Purpose 2: Legitimate interest pursued (English)". */
export function activityFieldLabel(t: TFunction, path: string): string {
  const parts = path.split('.')
  const langOf = (rest: string[]) => {
    const last = rest.at(-1)
    return last && LANG_SUFFIX[last] ? ` (${t(last === 'fi' ? 'language.fiName' : 'language.enName')})` : ''
  }
  const retentionField = (field: string | undefined) => {
    switch (field) {
      case 'kind':
        return t('activities.fields.retentionKind')
      case 'amount':
        return t('activities.fields.amount')
      case 'unit':
        return t('activities.fields.unit')
      case 'event':
        return t('activities.fields.event')
      case 'legalReference':
        return t('activities.fields.retentionLegalReference')
      default:
        return ''
    }
  }
  const [head, second, third, fourth] = parts
  if (head === 'purposes' && second !== undefined && /^\d+$/.test(second)) {
    const n = Number(second) + 1
    // The purpose's own text is "Purpose 2" itself, not "Purpose 2: Purpose".
    const field = third && third !== 'description' && third in FIELD_KEYS ? t(`activities.fields.${third as FieldKey}`) : ''
    return `${t('activities.purposeN', { n })}${field ? `: ${field}` : ''}${langOf(parts.slice(3))}`
  }
  if (head === 'otherRecipients' && second !== undefined && /^\d+$/.test(second)) {
    const n = Number(second) + 1
    const field =
      third === 'name' ? t('activities.fields.recipientName') : third === 'condition' ? t('activities.fields.recipientCondition') : ''
    return `${t('activities.recipientN', { n })}${field ? `: ${field}` : ''}${langOf(parts.slice(3))}`
  }
  if (head === 'dataCategories' && second !== undefined && /^\d+$/.test(second)) {
    const field = third === 'retention' ? retentionField(fourth) : ''
    return `${t('activities.fields.dataCategories')} ${Number(second) + 1}${field ? `: ${field}` : ''}${langOf(parts.slice(4))}`
  }
  if (head === 'retention')
    return `${t('activities.fields.retention')}${second ? `: ${retentionField(second)}` : ''}${langOf(parts.slice(2))}`
  if (head === 'dataSubjectCategoryIds' || head === 'processorIds')
    return t(`activities.fields.${head === 'processorIds' ? 'processors' : 'dataSubjectCategories'}`)
  if (head && head in FIELD_KEYS) return `${t(`activities.fields.${head as FieldKey}`)}${langOf(parts.slice(1))}`
  return path
}

const FIELD_KEYS = {
  name: 1,
  description: 1,
  owner: 1,
  nextReviewOn: 1,
  purposes: 1,
  purposeDescription: 1,
  legalBasis: 1,
  legitimateInterest: 1,
  liaUrl: 1,
  consentCollection: 1,
  consentWithdrawal: 1,
  legalReference: 1,
  art9Condition: 1,
  deviceTracking: 1,
  trackingConsent: 1,
  emailMarketing: 1,
  dataSubjectCategories: 1,
  dataCategories: 1,
  retention: 1,
  sources: 1,
  sourcesOther: 1,
  otherRecipients: 1,
  securityMeasures: 1,
  automatedDecisionMaking: 1,
  profiling: 1,
  automatedDecisionDescription: 1,
  dpiaStatus: 1,
  dpiaUrl: 1,
  rights: 1,
} as const
type FieldKey = keyof typeof FIELD_KEYS

/** The fields the conflict banner compares, in form order. */
export const ACTIVITY_COMPARE_KEYS = [
  'name.fi',
  'name.en',
  'description.fi',
  'description.en',
  'owner',
  'nextReviewOn',
  'purposes',
  'dataSubjectCategories',
  'dataCategories',
  'retention',
  'sources',
  'sourcesOther',
  'processors',
  'otherRecipients',
  'securityMeasures',
  'automatedDecisionMaking',
  'profiling',
  'automatedDecisionDescription',
  'dpiaStatus',
  'dpiaUrl',
  'rights',
] as const

export function activityCompareLabels(t: TFunction): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const key of ACTIVITY_COMPARE_KEYS) {
    const [head, lang] = key.split('.')
    const label = head && head in FIELD_KEYS ? t(`activities.fields.${head as FieldKey}`) : t('activities.fields.processors')
    labels[key] = lang ? `${label} (${t(lang === 'fi' ? 'language.fiName' : 'language.enName')})` : label
  }
  return labels
}

export interface NameLookup {
  subject: (id: number) => string
  category: (id: number) => string
  processor: (id: number) => string
}

const both = (v: LocalizedText) => [v.fi.trim(), v.en.trim()].filter(Boolean).join(' / ')

function describeRetentionValues(r: RetentionFormValues, lang: Language): string {
  const input = retentionToInput(r)
  if (!input) return ''
  const amount = typeof input.amount === 'number' ? input.amount : null
  return describeRetention({ ...input, amount, legalReference: input.legalReference.trim() || null, event: input.event }, lang)
}

/** The form's values as readable text per field, for comparing two versions side by side. */
export function describeActivityValues(v: ActivityFormValues, t: TFunction, lang: Language, names: NameLookup): Record<string, string> {
  const tri = (x: Tristate) => (x === '' ? t('activities.notAssessed') : x === 'yes' ? t('activities.yes') : t('activities.no'))
  return {
    'name.fi': v.name.fi.trim(),
    'name.en': v.name.en.trim(),
    'description.fi': v.description.fi.trim(),
    'description.en': v.description.en.trim(),
    owner: v.owner.trim(),
    nextReviewOn: v.nextReviewOn,
    purposes: v.purposes
      .map((p, i) => {
        const basis = p.legalBasis ? LEGAL_BASIS_LABELS[p.legalBasis][lang] : t('activities.basisNotChosen')
        const extra = [
          p.legalBasis === 'f' ? both(p.legitimateInterest) : '',
          p.legalBasis === 'f' ? p.liaUrl.trim() : '',
          p.legalBasis === 'a' ? both(p.consentCollection) : '',
          p.legalBasis === 'a' ? both(p.consentWithdrawal) : '',
          p.legalBasis === 'c' || p.legalBasis === 'e' ? p.legalReference.trim() : '',
          p.art9Condition ? ART9_CONDITION_LABELS[p.art9Condition][lang] : '',
          p.deviceTracking ? DEVICE_TRACKING_LABELS[p.deviceTracking][lang] : '',
          p.deviceTracking === 'not_strictly_necessary' && p.trackingConsent ? TRACKING_CONSENT_LABELS[p.trackingConsent][lang] : '',
          p.emailMarketing ? t('activities.fields.emailMarketing') : '',
        ].filter(Boolean)
        return `${i + 1}. ${both(p.description)} — ${basis}${extra.length ? ` (${extra.join('; ')})` : ''}`
      })
      .join('\n'),
    dataSubjectCategories: v.dataSubjectCategoryIds.map(names.subject).join(', '),
    dataCategories: v.dataCategories
      .map((c) => {
        const own = describeRetentionValues(c.retention, lang)
        return own ? `${names.category(c.id)} (${own})` : names.category(c.id)
      })
      .join(', '),
    retention: describeRetentionValues(v.retention, lang),
    sources: v.sources.map((s) => DATA_SOURCE_LABELS[s][lang]).join(', '),
    sourcesOther: both(v.sourcesOther),
    processors: v.processorIds.map(names.processor).join(', '),
    otherRecipients: v.otherRecipients.map((r) => [both(r.name), both(r.condition)].filter(Boolean).join(': ')).join('\n'),
    securityMeasures: both(v.securityMeasures),
    automatedDecisionMaking: tri(v.automatedDecisionMaking),
    profiling: tri(v.profiling),
    automatedDecisionDescription: v.automatedDecisionMaking === 'yes' || v.profiling === 'yes' ? both(v.automatedDecisionDescription) : '',
    dpiaStatus: DPIA_STATUS_LABELS[v.dpiaStatus][lang],
    dpiaUrl: v.dpiaUrl.trim(),
    rights: v.rights.map((r) => DATA_SUBJECT_RIGHT_LABELS[r][lang]).join(', '),
  }
}

/** The form value a compared field (ACTIVITY_COMPARE_KEYS) shows, for the conflict panel's merge. */
export function activityValuePath(key: string): string {
  return key === 'dataSubjectCategories' ? 'dataSubjectCategoryIds' : key === 'processors' ? 'processorIds' : key
}
