import { z } from 'zod'
import { Language, LocalizedText, VersionField, optionalDate, optionalText, optionalUrl, searchTerm } from './common'
import { ProcessorRole, ProcessorStatus, Safeguard, TransferKind } from './registry'
import { MESSAGES } from './messages'

// ---------------------------------------------------------------------------
// Records of processing activities (GDPR Art. 30(1)) and their shared vocabulary.
// ---------------------------------------------------------------------------

type Localized = { fi: string; en: string }
const bothLanguages = (fi: string, en: string): Localized => ({ fi, en })

/** True when neither language has any text. */
export function isBlank(text: { fi: string; en: string } | null | undefined): boolean {
  return !text || (text.fi.trim() === '' && text.en.trim() === '')
}

/** A text in both languages of which at least one must be filled in (a name, a purpose). */
export const RequiredLocalizedText = LocalizedText.refine((t) => !isBlank(t), { message: MESSAGES.either_language })

/** The empty text, as the default of optional localized fields. */
const emptyText = () => ({ fi: '', en: '' })

// ---- Shared vocabulary ------------------------------------------------------

export const DataCategoryInput = z
  .strictObject({
    name: RequiredLocalizedText.meta({ description: 'e.g. "Name and contact details"' }),
    special: z.boolean().default(false).meta({ description: 'A special category of personal data under GDPR Art. 9(1)' }),
  })
  .meta({ id: 'DataCategoryInput' })
export type DataCategoryInput = z.input<typeof DataCategoryInput>

export const DataCategoryUpdate = z
  .strictObject({ name: RequiredLocalizedText.optional(), special: z.boolean().optional(), version: VersionField })
  .meta({ id: 'DataCategoryUpdate' })
export type DataCategoryUpdate = z.input<typeof DataCategoryUpdate>

/** A category of personal data, one thing across every activity that processes it. */
export const DataCategory = z
  .object({
    id: z.number().int(),
    name: LocalizedText,
    special: z.boolean(),
    activityCount: z.number().int().meta({ description: 'How many processing activities use it (it cannot be deleted while in use)' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DataCategory' })
export type DataCategory = z.infer<typeof DataCategory>

export const DataSubjectCategoryInput = z
  .strictObject({ name: RequiredLocalizedText.meta({ description: 'e.g. "Customers"' }) })
  .meta({ id: 'DataSubjectCategoryInput' })
export type DataSubjectCategoryInput = z.input<typeof DataSubjectCategoryInput>

export const DataSubjectCategoryUpdate = z
  .strictObject({ name: RequiredLocalizedText.optional(), version: VersionField })
  .meta({ id: 'DataSubjectCategoryUpdate' })
export type DataSubjectCategoryUpdate = z.input<typeof DataSubjectCategoryUpdate>

/** A category of data subjects (customers, website visitors...), shared by the activities. */
export const DataSubjectCategory = z
  .object({
    id: z.number().int(),
    name: LocalizedText,
    activityCount: z.number().int().meta({ description: 'How many processing activities use it (it cannot be deleted while in use)' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DataSubjectCategory' })
export type DataSubjectCategory = z.infer<typeof DataSubjectCategory>

/** Merges one vocabulary entry into another: every use of the entry moves to `into`, and the entry is removed. */
export const VocabularyMerge = z
  .strictObject({
    into: z.number().int().positive().meta({ description: 'The id of the entry that takes over every use (same vocabulary)' }),
    version: VersionField.meta({ description: 'The version of the entry being merged away, as the client last saw it' }),
  })
  .meta({ id: 'VocabularyMerge' })
export type VocabularyMerge = z.input<typeof VocabularyMerge>

/** The result of a merge: the entry that remains, and the activities that changed. */
export const DataCategoryMergeResult = z
  .object({ into: DataCategory, changedActivityIds: z.array(z.number().int()) })
  .meta({ id: 'DataCategoryMergeResult' })
export const DataSubjectCategoryMergeResult = z
  .object({ into: DataSubjectCategory, changedActivityIds: z.array(z.number().int()) })
  .meta({ id: 'DataSubjectCategoryMergeResult' })

// ---- Legal bases ------------------------------------------------------------

/** The lawful basis of a purpose: GDPR Art. 6(1) points (a)-(f). */
export const LegalBasis = z.enum(['a', 'b', 'c', 'd', 'e', 'f']).meta({
  description: 'GDPR Art. 6(1) point: a consent, b contract, c legal obligation, d vital interests, e public task, f legitimate interests',
})
export type LegalBasis = z.infer<typeof LegalBasis>

export const LEGAL_BASIS_LABELS: Record<LegalBasis, Localized> = {
  a: bothLanguages('Suostumus (6 artiklan 1 kohdan a alakohta)', 'Consent (Art. 6(1)(a))'),
  b: bothLanguages('Sopimus (6 artiklan 1 kohdan b alakohta)', 'Contract (Art. 6(1)(b))'),
  c: bothLanguages('Lakisääteinen velvoite (6 artiklan 1 kohdan c alakohta)', 'Legal obligation (Art. 6(1)(c))'),
  d: bothLanguages('Elintärkeä etu (6 artiklan 1 kohdan d alakohta)', 'Vital interests (Art. 6(1)(d))'),
  e: bothLanguages('Yleistä etua koskeva tehtävä tai julkinen valta (6 artiklan 1 kohdan e alakohta)', 'Public task (Art. 6(1)(e))'),
  f: bothLanguages('Rekisterinpitäjän oikeutettu etu (6 artiklan 1 kohdan f alakohta)', 'Legitimate interests (Art. 6(1)(f))'),
}

/** The condition for processing special categories of personal data: GDPR Art. 9(2) points (a)-(j). */
export const Art9Condition = z.enum(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']).meta({ description: 'GDPR Art. 9(2) point' })
export type Art9Condition = z.infer<typeof Art9Condition>

export const ART9_CONDITION_LABELS: Record<Art9Condition, Localized> = {
  a: bothLanguages('Nimenomainen suostumus (9(2)(a))', 'Explicit consent (Art. 9(2)(a))'),
  b: bothLanguages(
    'Työoikeus, sosiaaliturva ja sosiaalinen suojelu (9(2)(b))',
    'Employment, social security and social protection law (Art. 9(2)(b))',
  ),
  c: bothLanguages(
    'Elintärkeä etu, kun suostumusta ei voida antaa (9(2)(c))',
    'Vital interests where consent cannot be given (Art. 9(2)(c))',
  ),
  d: bothLanguages('Voittoa tavoittelemattoman yhteisön toiminta (9(2)(d))', 'Activities of a not-for-profit body (Art. 9(2)(d))'),
  e: bothLanguages('Rekisteröidyn itse julkistamat tiedot (9(2)(e))', 'Made manifestly public by the data subject (Art. 9(2)(e))'),
  f: bothLanguages('Oikeusvaateen laatiminen, esittäminen tai puolustaminen (9(2)(f))', 'Legal claims (Art. 9(2)(f))'),
  g: bothLanguages('Tärkeä yleinen etu (9(2)(g))', 'Substantial public interest (Art. 9(2)(g))'),
  h: bothLanguages('Terveydenhuolto ja sosiaalihuolto (9(2)(h))', 'Health or social care (Art. 9(2)(h))'),
  i: bothLanguages('Kansanterveys (9(2)(i))', 'Public health (Art. 9(2)(i))'),
  j: bothLanguages('Arkistointi, tutkimus tai tilastointi (9(2)(j))', 'Archiving, research or statistics (Art. 9(2)(j))'),
}

// ---- Retention ---------------------------------------------------------------

/**
 * How a retention period is counted (GDPR Art. 30(1)(f)): a fixed duration ("6 months"), until an
 * event ("until the subscription is cancelled"), or a duration counted from an event
 * ("5 years after the customer relationship ends").
 */
export const RetentionKind = z.enum(['duration', 'until_event', 'duration_after_event'])
export type RetentionKind = z.infer<typeof RetentionKind>

export const RetentionUnit = z.enum(['days', 'months', 'years'])
export type RetentionUnit = z.infer<typeof RetentionUnit>

const retentionFields = {
  kind: RetentionKind,
  amount: z.number().int().min(1).max(1000).nullable().default(null),
  unit: RetentionUnit.nullable().default(null),
  minimum: z.boolean().default(false).meta({ description: 'The period is a minimum ("at least 6 years"), as an Act requires' }),
  event: LocalizedText.default(emptyText).meta({
    description: 'The event, written as a clause: "the customer relationship ends" / "asiakassuhde päättyy"',
  }),
  legalReference: optionalText(500).default(null).meta({ description: 'The law that sets the period, e.g. "Kirjanpitolaki (1336/1997)"' }),
}

type RetentionShape = { kind?: RetentionKind; amount?: number | null; unit?: RetentionUnit | null; event?: Localized }

export function checkRetentionRules(v: RetentionShape, ctx: z.RefinementCtx): void {
  const counted = v.kind === 'duration' || v.kind === 'duration_after_event'
  const fromEvent = v.kind === 'until_event' || v.kind === 'duration_after_event'
  if (counted && v.amount == null) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Give the length of the period' })
  if (counted && v.unit == null) ctx.addIssue({ code: 'custom', path: ['unit'], message: 'Choose days, months or years' })
  if (fromEvent && isBlank(v.event))
    ctx.addIssue({ code: 'custom', path: ['event'], message: 'Name the event, e.g. "the customer relationship ends"' })
}

export const Retention = z.strictObject(retentionFields).superRefine(checkRetentionRules).meta({ id: 'Retention' })
export type Retention = z.output<typeof Retention>
export type RetentionInput = z.input<typeof Retention>

/** Clears the fields that do not belong to the kind, so that a period never says two things. */
export function normaliseRetention(r: Retention): Retention {
  const counted = r.kind !== 'until_event'
  return {
    ...r,
    amount: counted ? r.amount : null,
    unit: counted ? r.unit : null,
    minimum: counted ? r.minimum : false,
    event: r.kind === 'duration' ? emptyText() : r.event,
  }
}

const UNIT_WORDS: Record<Language, Record<RetentionUnit, [string, string]>> = {
  fi: { days: ['päivä', 'päivää'], months: ['kuukausi', 'kuukautta'], years: ['vuosi', 'vuotta'] },
  en: { days: ['day', 'days'], months: ['month', 'months'], years: ['year', 'years'] },
}

/** The period in words: "at least 6 years", "5 vuotta sen jälkeen, kun asiakassuhde päättyy", with its legal reference. */
export function describeRetention(r: Retention, lang: Language): string {
  const other: Language = lang === 'fi' ? 'en' : 'fi'
  const event = r.event[lang] || r.event[other]
  const words = UNIT_WORDS[lang]
  const amount =
    r.amount != null && r.unit != null
      ? `${r.minimum ? (lang === 'fi' ? 'vähintään ' : 'at least ') : ''}${r.amount} ${words[r.unit][r.amount === 1 ? 0 : 1]}`
      : ''
  let text: string
  if (r.kind === 'duration') text = amount
  else if (r.kind === 'until_event') text = lang === 'fi' ? `kunnes ${event}` : `until ${event}`
  else text = lang === 'fi' ? `${amount} sen jälkeen, kun ${event}` : `${amount} after ${event}`
  return r.legalReference ? `${text} (${r.legalReference})` : text
}

// ---- Sources, recipients, rights ---------------------------------------------

/** Where the personal data comes from (GDPR Art. 14(2)(f)); details go in the free text. */
export const DataSource = z.enum(['data_subject', 'employer', 'public_registers', 'public_web', 'purchased', 'third_party'])
export type DataSource = z.infer<typeof DataSource>

export const DATA_SOURCE_LABELS: Record<DataSource, Localized> = {
  data_subject: bothLanguages('Rekisteröity itse', 'The data subject'),
  employer: bothLanguages('Rekisteröidyn työnantaja', "The data subject's employer"),
  public_registers: bothLanguages('Julkiset rekisterit (esim. YTJ, PRH:n Virre)', 'Public registers (e.g. YTJ, the PRH Virre service)'),
  public_web: bothLanguages('Julkiset verkkosivut ja sosiaalisen median palvelut', 'Public websites and social media'),
  purchased: bothLanguages('Ostetut tiedot', 'Purchased data'),
  third_party: bothLanguages('Kolmannen osapuolen palvelut', 'Third-party services'),
}

/** The data subject's rights under GDPR Arts. 15-22 and 77 (complaint to the supervisory authority). */
export const DataSubjectRight = z.enum([
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'withdraw_consent',
  'complaint',
])
export type DataSubjectRight = z.infer<typeof DataSubjectRight>

export const DATA_SUBJECT_RIGHT_LABELS: Record<DataSubjectRight, Localized> = {
  access: bothLanguages('Tarkastusoikeus (15 art.)', 'Access (Art. 15)'),
  rectification: bothLanguages('Oikeus tietojen oikaisemiseen (16 art.)', 'Rectification (Art. 16)'),
  erasure: bothLanguages('Oikeus tietojen poistamiseen (17 art.)', 'Erasure (Art. 17)'),
  restriction: bothLanguages('Oikeus käsittelyn rajoittamiseen (18 art.)', 'Restriction of processing (Art. 18)'),
  portability: bothLanguages('Oikeus siirtää tiedot järjestelmästä toiseen (20 art.)', 'Data portability (Art. 20)'),
  objection: bothLanguages('Vastustamisoikeus (21 art.)', 'Objection (Art. 21)'),
  withdraw_consent: bothLanguages('Oikeus peruuttaa suostumus (7 art. 3 kohta)', 'Withdrawing consent (Art. 7(3))'),
  complaint: bothLanguages('Oikeus tehdä valitus valvontaviranomaiselle (77 art.)', 'Complaint to the supervisory authority (Art. 77)'),
}

/** A recipient that is not a processor in the registry, e.g. authorities when the law requires it (Art. 30(1)(d)). */
export const OtherRecipient = z
  .strictObject({
    name: RequiredLocalizedText.meta({ description: 'The category of recipient, e.g. "Authorities"' }),
    condition: LocalizedText.default(emptyText).meta({ description: 'When data is disclosed, e.g. "when the law requires it"' }),
  })
  .meta({ id: 'OtherRecipient' })
export type OtherRecipient = z.output<typeof OtherRecipient>

/** The data protection impact assessment (GDPR Art. 35): whether one is needed and where it stands. */
export const DpiaStatus = z.enum(['not_needed', 'required', 'in_progress', 'done', 'unknown'])
export type DpiaStatus = z.infer<typeof DpiaStatus>

export const DPIA_STATUS_LABELS: Record<DpiaStatus, Localized> = {
  not_needed: bothLanguages('Ei tarvita', 'Not needed'),
  required: bothLanguages('Tarvitaan, ei aloitettu', 'Required, not started'),
  in_progress: bothLanguages('Kesken', 'In progress'),
  done: bothLanguages('Tehty', 'Done'),
  unknown: bothLanguages('Ei arvioitu', 'Not assessed'),
}

/** Draft until someone approves it; any change to the content returns an approved activity to draft. */
export const ActivityStatus = z.enum(['draft', 'approved'])
export type ActivityStatus = z.infer<typeof ActivityStatus>

// ---- Purposes ----------------------------------------------------------------

/**
 * Whether a purpose stores or reads information on the user's device, or follows e-mail opens and
 * link clicks (cookies, pixels, tracked links): laki sähköisen viestinnän palveluista (917/2014)
 * 205 § requires consent unless it is strictly necessary for the service the user asked for.
 * null: not assessed.
 */
export const DeviceTracking = z.enum(['none', 'strictly_necessary', 'not_strictly_necessary'])
export type DeviceTracking = z.infer<typeof DeviceTracking>

/**
 * How consent to such tracking is asked (GDPR Art. 4(11), 7(4): specific and freely given): on its own,
 * so it can be refused while keeping the service, or bundled into the service (subscribing means being tracked).
 */
export const TrackingConsent = z.enum(['separate', 'bundled'])
export type TrackingConsent = z.infer<typeof TrackingConsent>

export const DEVICE_TRACKING_LABELS: Record<DeviceTracking, Localized> = {
  none: bothLanguages('Ei seurantaa eikä evästeitä', 'No tracking or cookies'),
  strictly_necessary: bothLanguages(
    'Välttämättömät evästeet tai vastaavat (esim. kirjautuminen)',
    'Strictly necessary cookies or similar (e.g. sign-in)',
  ),
  not_strictly_necessary: bothLanguages(
    'Muut evästeet tai seuranta (analytiikka, sähköpostien avausten ja klikkausten seuranta)',
    'Other cookies or tracking (analytics, e-mail open and click tracking)',
  ),
}

export const TRACKING_CONSENT_LABELS: Record<TrackingConsent, Localized> = {
  separate: bothLanguages('Erillinen suostumus, jonka voi jättää antamatta', 'A separate consent that can be refused'),
  bundled: bothLanguages(
    'Sisältyy palveluun (esim. tilaamalla hyväksyy seurannan)',
    'Bundled into the service (e.g. subscribing means being tracked)',
  ),
}

/** The fields a purpose recorded before they existed reads as: not assessed, no e-mail marketing recorded. */
export function withPurposeDefaults<T extends object>(
  p: T,
): T & { deviceTracking: DeviceTracking | null; trackingConsent: TrackingConsent | null; emailMarketing: boolean } {
  const q = p as T & { deviceTracking?: DeviceTracking | null; trackingConsent?: TrackingConsent | null; emailMarketing?: boolean }
  return {
    ...p,
    deviceTracking: q.deviceTracking ?? null,
    trackingConsent: q.trackingConsent ?? null,
    emailMarketing: q.emailMarketing ?? false,
  }
}

const purposeFields = {
  description: RequiredLocalizedText.meta({ description: 'What the data is used for (Art. 30(1)(b))' }),
  legalBasis: LegalBasis.nullable().meta({
    description: 'Art. 6(1) point; null while not determined (the activity cannot then be approved)',
  }),
  legitimateInterest: LocalizedText.default(emptyText).meta({ description: 'With basis (f): the interest pursued' }),
  liaUrl: optionalUrl.default(null).meta({ description: 'With basis (f): link to the legitimate interests assessment' }),
  consentCollection: LocalizedText.default(emptyText).meta({ description: 'With basis (a): how consent is collected' }),
  consentWithdrawal: LocalizedText.default(emptyText).meta({ description: 'With basis (a): how consent is withdrawn' }),
  legalReference: optionalText(500)
    .default(null)
    .meta({ description: 'With basis (c) or (e): the law that requires or allows it (Art. 6(3))' }),
  art9Condition: Art9Condition.nullable()
    .default(null)
    .meta({ description: 'Where special categories are processed: the Art. 9(2) condition' }),
  deviceTracking: DeviceTracking.nullable()
    .default(null)
    .meta({ description: "Cookies or similar tracking on the user's device or in e-mails (917/2014 205 §); null when not assessed" }),
  trackingConsent: TrackingConsent.nullable().default(null).meta({
    description: 'With tracking that is not strictly necessary: whether consent to it is asked separately or bundled into the service',
  }),
  emailMarketing: z
    .boolean()
    .default(false)
    .meta({ description: 'Sends direct marketing by e-mail (917/2014 200-201 §), e.g. a newsletter' }),
}

export const PurposeInput = z.strictObject(purposeFields).meta({ id: 'PurposeInput' })
export type PurposeInput = z.input<typeof PurposeInput>
export type Purpose = z.output<typeof PurposeInput>

export const Purpose = z
  .object({
    description: LocalizedText,
    legalBasis: LegalBasis.nullable(),
    legitimateInterest: LocalizedText,
    liaUrl: z.string().nullable(),
    consentCollection: LocalizedText,
    consentWithdrawal: LocalizedText,
    legalReference: z.string().nullable(),
    art9Condition: Art9Condition.nullable(),
    deviceTracking: DeviceTracking.nullable(),
    trackingConsent: TrackingConsent.nullable(),
    emailMarketing: z.boolean(),
  })
  .meta({ id: 'Purpose' })

/** The per-basis rules of Art. 6(1), 6(3) and 7, checked for each purpose with its own field path. */
export function checkPurposeRules(p: Partial<Purpose>, ctx: z.RefinementCtx, path: (string | number)[]): void {
  const at = (field: string) => [...path, field]
  if (p.legalBasis === 'f' && isBlank(p.legitimateInterest)) {
    ctx.addIssue({ code: 'custom', path: at('legitimateInterest'), message: 'Name the legitimate interest pursued' })
  }
  if (p.legalBasis === 'a' && isBlank(p.consentCollection)) {
    ctx.addIssue({ code: 'custom', path: at('consentCollection'), message: 'Say how consent is collected' })
  }
  if (p.legalBasis === 'a' && isBlank(p.consentWithdrawal)) {
    ctx.addIssue({ code: 'custom', path: at('consentWithdrawal'), message: 'Say how consent can be withdrawn' })
  }
  if ((p.legalBasis === 'c' || p.legalBasis === 'e') && !p.legalReference) {
    ctx.addIssue({ code: 'custom', path: at('legalReference'), message: 'Name the law the processing is based on (Art. 6(3))' })
  }
}

/** Clears the fields of other legal bases, so that a purpose never says two things. */
export function normalisePurpose(p: Purpose): Purpose {
  return {
    ...p,
    legitimateInterest: p.legalBasis === 'f' ? p.legitimateInterest : emptyText(),
    liaUrl: p.legalBasis === 'f' ? p.liaUrl : null,
    consentCollection: p.legalBasis === 'a' ? p.consentCollection : emptyText(),
    consentWithdrawal: p.legalBasis === 'a' ? p.consentWithdrawal : emptyText(),
    legalReference: p.legalBasis === 'c' || p.legalBasis === 'e' ? p.legalReference : null,
    trackingConsent: p.deviceTracking === 'not_strictly_necessary' ? p.trackingConsent : null,
  }
}

// ---- Activities ----------------------------------------------------------------

const uniqueIds = (what: string) =>
  z
    .array(z.number().int().positive())
    .max(500)
    .superRefine((ids, ctx) => {
      const seen = new Set<number>()
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: `The same ${what} is listed twice` })
        seen.add(id)
      })
    })

export const ActivityDataCategoryInput = z
  .strictObject({
    id: z.number().int().positive().meta({ description: 'A data category of the vocabulary' }),
    retention: Retention.nullable()
      .default(null)
      .meta({ description: "This category's own retention, where it differs from the activity's" }),
  })
  .meta({ id: 'ActivityDataCategoryInput' })

const activityFields = {
  name: RequiredLocalizedText,
  description: LocalizedText,
  owner: optionalText(200).meta({ description: 'Who is responsible for the activity in the organisation' }),
  nextReviewOn: optionalDate,
  purposes: z.array(PurposeInput).min(1, 'Record at least one purpose (Art. 30(1)(b))').max(50),
  dataSubjectCategoryIds: uniqueIds('category of data subjects').meta({
    description: 'Categories of data subjects (Art. 30(1)(c)) from the vocabulary',
  }),
  dataCategories: z
    .array(ActivityDataCategoryInput)
    .max(500)
    .meta({ description: 'Categories of personal data (Art. 30(1)(c)) from the vocabulary, each with an optional retention of its own' }),
  retention: Retention.nullable().meta({ description: "The activity's retention (Art. 30(1)(f)); null when not recorded" }),
  sources: z
    .array(DataSource)
    .max(20)
    .transform((items) => [...new Set(items)]),
  sourcesOther: LocalizedText.meta({ description: 'The sources named, e.g. "PRH Virre, YTJ, LinkedIn"' }),
  processorIds: uniqueIds('processor').meta({ description: 'Processors and recipients from the registry that serve the activity' }),
  otherRecipients: z.array(OtherRecipient).max(50).meta({ description: 'Recipients that are not in the registry, e.g. authorities' }),
  securityMeasures: LocalizedText.meta({
    description: 'General description of the technical and organisational measures (Art. 30(1)(g), 32)',
  }),
  automatedDecisionMaking: z.boolean().nullable().meta({ description: 'Automated decisions under Art. 22; null when not assessed' }),
  profiling: z.boolean().nullable().meta({ description: 'Profiling (Art. 4(4)); null when not assessed' }),
  automatedDecisionDescription: LocalizedText.meta({ description: 'What is decided or profiled, and the logic involved' }),
  dpiaStatus: DpiaStatus,
  dpiaUrl: optionalUrl,
  rights: z
    .array(DataSubjectRight)
    .max(20)
    .transform((items) => [...new Set(items)])
    .meta({ description: 'The data subject rights that apply' }),
}

type ActivityShape = {
  purposes?: Partial<Purpose>[]
  dataCategories?: { id: number; retention: Retention | null }[]
  automatedDecisionMaking?: boolean | null
  profiling?: boolean | null
  automatedDecisionDescription?: Localized
}

/** The rules of an activity as a whole. Shared by create and (on the merged record) update. */
export function checkActivityRules(v: ActivityShape, ctx: z.RefinementCtx): void {
  v.purposes?.forEach((p, i) => checkPurposeRules(p, ctx, ['purposes', i]))
  const seen = new Set<number>()
  v.dataCategories?.forEach((c, i) => {
    if (seen.has(c.id))
      ctx.addIssue({ code: 'custom', path: ['dataCategories', i, 'id'], message: 'The same data category is listed twice' })
    seen.add(c.id)
  })
  if ((v.automatedDecisionMaking || v.profiling) && isBlank(v.automatedDecisionDescription)) {
    ctx.addIssue({ code: 'custom', path: ['automatedDecisionDescription'], message: 'Describe the automated decisions or profiling' })
  }
}

/** A new activity: a name and at least one purpose; every other field may be filled in later. */
export const ActivityInput = z
  .strictObject(activityFields)
  .partial()
  .required({ name: true, purposes: true })
  .superRefine(checkActivityRules)
  .meta({ id: 'ActivityInput' })
export type ActivityInput = z.input<typeof ActivityInput>
export type ActivityInputParsed = z.output<typeof ActivityInput>

/** A change: only the fields sent change. The service checks the merged record against ActivityRules. */
export const ActivityUpdate = z.strictObject(activityFields).partial().extend({ version: VersionField }).meta({ id: 'ActivityUpdate' })
export type ActivityUpdate = z.input<typeof ActivityUpdate>
export type ActivityUpdateParsed = z.output<typeof ActivityUpdate>

/** The whole record's rules, for the merged record of a change. */
export const ActivityRules = z.object(activityFields).superRefine(checkActivityRules)
export type ActivityFields = z.output<typeof ActivityRules>

/** The values of the fields a new activity leaves out: nothing recorded yet. Also a form's starting values. */
export function activityDefaults(): Omit<ActivityFields, 'name' | 'purposes'> {
  return {
    description: emptyText(),
    owner: null,
    nextReviewOn: null,
    dataSubjectCategoryIds: [],
    dataCategories: [],
    retention: null,
    sources: [],
    sourcesOther: emptyText(),
    processorIds: [],
    otherRecipients: [],
    securityMeasures: emptyText(),
    automatedDecisionMaking: null,
    profiling: null,
    automatedDecisionDescription: emptyText(),
    dpiaStatus: 'unknown',
    dpiaUrl: null,
    rights: [],
  }
}

export const ApproveActivity = z.strictObject({ version: VersionField }).meta({ id: 'ApproveActivity' })

// ---- Read models ------------------------------------------------------------------

export const VocabularyRef = z.object({ id: z.number().int(), name: LocalizedText }).meta({ id: 'VocabularyRef' })
export type VocabularyRef = z.infer<typeof VocabularyRef>

export const ActivityDataCategory = z
  .object({ id: z.number().int(), name: LocalizedText, special: z.boolean(), retention: Retention.nullable() })
  .meta({ id: 'ActivityDataCategory' })
export type ActivityDataCategory = z.infer<typeof ActivityDataCategory>

export const ActivityProcessor = z
  .object({
    id: z.number().int(),
    displayName: z.string(),
    displayNameEn: z.string().nullable().optional().meta({ description: 'The name in English, where one is recorded' }),
    role: ProcessorRole,
    status: ProcessorStatus,
  })
  .meta({ id: 'ActivityProcessor' })
export type ActivityProcessor = z.infer<typeof ActivityProcessor>

/** A transfer outside the EEA, derived from a linked processor's transfers; never typed on the activity. */
export const DerivedTransfer = z
  .object({
    processorId: z.number().int(),
    processorName: z.string(),
    processorNameEn: z.string().nullable().optional().meta({ description: "The processor's English name, where one is recorded" }),
    transferId: z.number().int(),
    country: z.string(),
    kind: TransferKind,
    safeguard: Safeguard,
  })
  .meta({ id: 'DerivedTransfer' })
export type DerivedTransfer = z.infer<typeof DerivedTransfer>

/** An activity as stored and as the audit trail records it (without what is derived from elsewhere). */
export const ActivityRecord = z.object({
  id: z.number().int(),
  name: LocalizedText,
  description: LocalizedText,
  owner: z.string().nullable(),
  status: ActivityStatus,
  approvedBy: z.string().nullable().meta({ description: 'Email of who approved it' }),
  approvedAt: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  purposes: z.array(Purpose),
  dataSubjectCategories: z.array(VocabularyRef),
  dataCategories: z.array(ActivityDataCategory),
  retention: Retention.nullable(),
  sources: z.array(DataSource),
  sourcesOther: LocalizedText,
  processors: z.array(ActivityProcessor),
  otherRecipients: z.array(OtherRecipient),
  securityMeasures: LocalizedText,
  automatedDecisionMaking: z.boolean().nullable(),
  profiling: z.boolean().nullable(),
  automatedDecisionDescription: LocalizedText,
  dpiaStatus: DpiaStatus,
  dpiaUrl: z.string().nullable(),
  rights: z.array(DataSubjectRight),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type ActivityRecord = z.infer<typeof ActivityRecord>

export const Activity = ActivityRecord.extend({
  thirdCountryTransfers: z
    .array(DerivedTransfer)
    .meta({ description: "Transfers outside the EEA, derived from the linked processors' transfers" }),
}).meta({ id: 'Activity' })
export type Activity = z.infer<typeof Activity>

export const ActivityListItem = z
  .object({
    id: z.number().int(),
    name: LocalizedText,
    status: ActivityStatus,
    owner: z.string().nullable(),
    nextReviewOn: z.string().nullable(),
    legalBases: z.array(LegalBasis).meta({ description: 'The distinct legal bases of its purposes' }),
    purposeCount: z.number().int(),
    processorCount: z.number().int(),
    specialCategories: z.boolean().meta({ description: 'Processes special categories of personal data (Art. 9)' }),
    outsideEea: z.boolean().meta({ description: 'A linked processor transfers data outside the EEA' }),
    dpiaStatus: DpiaStatus,
    openFindings: z.number().int().meta({ description: 'Open (not acknowledged) findings about this activity' }),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ActivityListItem' })
export type ActivityListItem = z.infer<typeof ActivityListItem>

/** How the activities list sorts: by name (Finnish first), by when it last changed, or by its open findings. */
export const ActivitySort = z.enum(['name', 'updatedAt', 'findings'])
export type ActivitySort = z.infer<typeof ActivitySort>

/** The gaps the list can be narrowed to: any open finding, or the open "no retention period" finding. */
export const ActivityGap = z.enum(['findings', 'noRetention'])
export type ActivityGap = z.infer<typeof ActivityGap>

const queryId = (what: string) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(2_147_483_647)
    .meta({ description: `The id of a ${what}` })

export const ActivityListQuery = z
  .object({
    q: searchTerm(200).optional().meta({ description: 'Searches the names in both languages (no control characters)' }),
    status: ActivityStatus.optional(),
    legalBasis: LegalBasis.optional().meta({ description: 'A purpose of the activity rests on this Art. 6(1) basis' }),
    subject: queryId('category of data subjects').optional().meta({ description: 'Concerns this category of data subjects' }),
    processor: queryId('processor').optional().meta({ description: 'Uses this processor' }),
    gap: ActivityGap.optional().meta({
      description: 'Only activities with an open (not acknowledged) finding, or with the open "no retention period" finding',
    }),
    sort: ActivitySort.default('name'),
    order: z.enum(['asc', 'desc']).default('asc'),
  })
  .meta({ id: 'ActivityListQuery' })
export type ActivityListQuery = z.input<typeof ActivityListQuery>

export const ActivityList = z
  .object({ items: z.array(ActivityListItem).meta({ description: 'Sorted as asked (by name by default)' }), total: z.number().int() })
  .meta({ id: 'ActivityList' })
export type ActivityList = z.infer<typeof ActivityList>

export const ActivityRef = z.object({ id: z.number().int(), name: LocalizedText, status: ActivityStatus }).meta({ id: 'ActivityRef' })
export type ActivityRef = z.infer<typeof ActivityRef>

export const ActivityMatrix = z
  .object({
    activities: z.array(ActivityRef).meta({ description: 'Rows, sorted by name' }),
    processors: z.array(ActivityProcessor).meta({ description: 'Columns: every processor, sorted by name' }),
    links: z
      .array(z.object({ activityId: z.number().int(), processorId: z.number().int() }))
      .meta({ description: 'The cells that are set' }),
  })
  .meta({ id: 'ActivityMatrix' })
export type ActivityMatrix = z.infer<typeof ActivityMatrix>

// ---- Exports ------------------------------------------------------------------------

/** A past moment: a date (the end of that day, UTC) or an exact ISO date-time. */
export const AsOf = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { message: 'Must be a date (YYYY-MM-DD) or an ISO date-time' })
  .meta({
    description: 'Rebuild the record as it stood then: a date means the end of that day (UTC); an ISO date-time is exact',
    example: '2025-06-27',
  })

export const ExportQuery = z
  .object({
    asOf: AsOf.optional(),
    lang: Language.optional().meta({ description: "Language of the texts and headings; the organisation's default when absent" }),
  })
  .meta({ id: 'ExportQuery' })
export type ExportQuery = z.input<typeof ExportQuery>
