import { z } from 'zod'
import { canonicalJson, LocalizedText } from './common'
import { Derogation, ProcessorRole, Safeguard, TransferKind } from './registry'
import { MESSAGES } from './messages'

/**
 * The public processor list: what the privacy policy's processor and transfer sections say,
 * published as immutable, numbered, dated versions. Only the fields below ever leave the registry;
 * internal notes, DPAs, transfer impact assessments and people's contact details never do.
 */

/** Processor fields that are public (the rest of the record is internal). */
export const PUBLIC_PROCESSOR_FIELDS = [
  'displayName',
  'displayNameEn',
  'legalName',
  'role',
  'service',
  'purpose',
  'disclosureCondition',
  'websiteUrl',
  'privacyPolicyUrl',
  'hqCountry',
  'startDate',
  'internationalOrganisationId',
  'internationalOrganisationName',
] as const

/** Transfer fields that are public. */
export const PUBLIC_TRANSFER_FIELDS = [
  'country',
  'kind',
  'safeguard',
  'adequacyDecisionId',
  'dpfListingUrl',
  'certifiedEntity',
  'sccModule',
  'derogation',
  'otherSafeguard',
] as const

export const PublicLocation = z.object({
  country: z.string(),
  outsideEea: z.boolean(),
  kind: TransferKind,
  safeguard: Safeguard,
  /** The Commission decision's number, e.g. "(EU) 2021/1772"; null where none is recorded. */
  adequacyDecision: z.string().nullable(),
  /** The decision's adoption date: how it is cited where its number is not recorded (absent in older versions). */
  adequacyAdoptedOn: z.string().nullable().optional(),
  /** The international organisation the transfer goes to (Art. 30(1)(e)), by name; absent or null for a country. */
  // A union, not .nullable(): on a registered schema that becomes allOf [$ref, null-or-object], which null fails.
  internationalOrganisation: z.union([LocalizedText, z.null()]).optional(),
  dpfListingUrl: z.string().nullable(),
  /** With DPF: the US legal entity certified under the framework; null where not recorded, absent in older versions. */
  certifiedEntity: z.string().nullable().optional(),
  sccModule: z.number().int().nullable(),
  derogation: Derogation.nullable(),
  otherSafeguard: z.string().nullable(),
})
export type PublicLocation = z.infer<typeof PublicLocation>

export const PublicEntry = z
  .object({
    /** Stable across versions: the processor's id in the registry. */
    key: z.number().int(),
    name: z.string(),
    /**
     * The name in English where the display name is Finnish (e.g. "Perintätoimisto"); null or absent
     * (versions published before it existed): the name serves both languages. See `versionInLanguage`.
     */
    nameEn: z.string().nullable().optional(),
    legalName: z.string().nullable(),
    role: ProcessorRole,
    /** The parent company's name, where the entry is a subsidiary. */
    parentKey: z.number().int().nullable(),
    parentName: z.string().nullable(),
    /** The parent's English name, where one is recorded. */
    parentNameEn: z.string().nullable().optional(),
    service: LocalizedText,
    purpose: LocalizedText,
    disclosureCondition: LocalizedText,
    websiteUrl: z.string().nullable(),
    privacyPolicyUrl: z.string().nullable(),
    hqCountry: z.string().nullable(),
    /**
     * Role international_organisation only (absent for every other role, and in versions published before
     * it was recorded): which organisation it is, by name; null: not recorded, and the list says so.
     */
    // A union, not .nullable(): see PublicLocation.internationalOrganisation.
    internationalOrganisation: z.union([LocalizedText, z.null()]).optional(),
    /** Announced ahead: the date from which it processes data; before it the list shows it as upcoming. */
    effectiveDate: z.string().nullable(),
    /** The date of the version in which the entry first appeared. */
    addedOn: z.string(),
    locations: z.array(PublicLocation),
  })
  .meta({ id: 'PublicEntry' })
export type PublicEntry = z.infer<typeof PublicEntry>

export const PublicController = z.object({ name: z.string(), businessId: z.string() })

/** The content of a published version, before it has a number and date. */
export const PublicListContent = z.object({
  controller: PublicController,
  defaultLanguage: z.enum(['fi', 'en']),
  entries: z.array(PublicEntry),
  /**
   * True when every processor in the Art. 28 sense that is in use (public or not; not recipients, not
   * independent controllers, not sub-processors whose terms come through their parent) has a signed
   * DPA: only then does the list say "with all our processors".
   */
  allProcessorsHaveDpa: z.boolean(),
  /** Keys of the listed entries whose current DPA is signed: where the sentence above cannot be said, the list names these. */
  signedDpaKeys: z.array(z.number().int()).optional(),
  /**
   * Where a copy of SCCs, BCRs or other Art. 46 safeguards can be requested (Art. 13(1)(f)): the
   * organisation's privacy contact at publication, null when none was recorded. Absent in versions
   * published before it existed.
   */
  safeguardCopyContact: z.string().nullable().optional(),
})
export type PublicListContent = z.infer<typeof PublicListContent>

/**
 * The allow-list rule for parents: an entry names its parent (key and name) only when the parent is
 * itself an entry of the same list, i.e. a public record. A parent marked not public is never named,
 * not even through its child; the child then shows its own facts only, as if it had no parent.
 * Applied where a snapshot is built and again wherever a stored version is read, so that a version
 * published before this rule stops naming a hidden parent too.
 */
export function withPublicParentsOnly(content: PublicListContent): PublicListContent {
  const listed = new Set(content.entries.map((e) => e.key))
  if (content.entries.every((e) => e.parentKey === null || listed.has(e.parentKey))) return content
  return {
    ...content,
    entries: content.entries.map((e) =>
      e.parentKey === null || listed.has(e.parentKey) ? e : { ...e, parentKey: null, parentName: null, parentNameEn: null },
    ),
  }
}

export const EntryChange = z.object({
  key: z.number().int(),
  name: z.string(),
  /** The entry's English name, where one is recorded (absent for statements and older versions). */
  nameEn: z.string().nullable().optional(),
  /** "statement": a list-wide sentence appeared or disappeared; `name` is its id (STATEMENTS), `fields` ["added"] or ["removed"], key 0. */
  kind: z.enum(['added', 'removed', 'changed', 'statement']),
  /** For "changed": the public fields that differ. */
  fields: z.array(z.string()),
})
export type EntryChange = z.infer<typeof EntryChange>

export const PublishedVersion = z
  .object({
    version: z.number().int(),
    /** The date the version is dated (YYYY-MM-DD). */
    date: z.string(),
    publishedAt: z.string(),
    content: PublicListContent,
    changes: z.array(EntryChange),
    /** SHA-256 of the canonical content: changes whenever anything public changes. */
    contentHash: z.string(),
  })
  .meta({ id: 'PublishedVersion' })
export type PublishedVersion = z.infer<typeof PublishedVersion>

export const PublishedVersionSummary = PublishedVersion.omit({ content: true }).meta({ id: 'PublishedVersionSummary' })
export type PublishedVersionSummary = z.infer<typeof PublishedVersionSummary>

/** How many people follow the public list by email (administrators only): a count, nothing personal. */
export const Followers = z
  .discriminatedUnion('subscriptions', [
    z.object({
      subscriptions: z.literal('on'),
      confirmed: z.number().int().min(0).meta({ description: 'Confirmed subscribers (pending confirmations not counted)' }),
    }),
    z.object({
      subscriptions: z.literal('off').meta({ description: 'No mail server is configured (SMTP_URL): nobody can subscribe' }),
      confirmed: z.null(),
    }),
  ])
  .meta({ id: 'Followers' })
export type Followers = z.infer<typeof Followers>

export const PublishInput = z
  .strictObject({
    /** The latest version number the editor previewed (0 for the first); someone else's publish in between is a conflict. */
    basedOnVersion: z.number().int().min(0),
    date: z.iso.date({ message: MESSAGES.date }).optional().meta({ description: 'The date of the version; today by default' }),
    confirmUnknownLocations: z.boolean().optional().meta({
      description: 'Required (true) when a listed entry has no recorded location: the editor has read that the list will say so. Audited.',
    }),
  })
  .meta({ id: 'PublishInput' })
export type PublishInput = z.input<typeof PublishInput>

export const PublicListPreview = z
  .object({
    latest: PublishedVersionSummary.nullable(),
    draft: PublicListContent,
    changes: z.array(EntryChange),
  })
  .meta({ id: 'PublicListPreview' })
export type PublicListPreview = z.infer<typeof PublicListPreview>

const COMPARED: (keyof PublicEntry)[] = [
  'name',
  'nameEn',
  'legalName',
  'role',
  'parentName',
  'parentNameEn',
  'service',
  'purpose',
  'disclosureCondition',
  'websiteUrl',
  'privacyPolicyUrl',
  'hqCountry',
  'internationalOrganisation',
  'effectiveDate',
  'locations',
]

/** A field as compared: absent is null, and so is a location's field added after older versions were published (e.g. certifiedEntity). */
function compared(e: PublicEntry, f: keyof PublicEntry): string {
  if (f !== 'locations') return canonicalJson(e[f] ?? null)
  return canonicalJson(e.locations.map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== null && v !== undefined))))
}

/** What changed between two versions' entries, in list order: added, removed and changed entries. */
export function diffEntries(previous: readonly PublicEntry[], next: readonly PublicEntry[]): EntryChange[] {
  const before = new Map(previous.map((e) => [e.key, e]))
  const after = new Map(next.map((e) => [e.key, e]))
  const changes: EntryChange[] = []
  for (const e of next) {
    const old = before.get(e.key)
    if (!old) {
      changes.push({ key: e.key, ...changeNames(e), kind: 'added', fields: [] })
      continue
    }
    // An optional field absent from an older version is null: no change when nothing was recorded.
    const fields = COMPARED.filter((f) => compared(old, f) !== compared(e, f))
    if (fields.length) changes.push({ key: e.key, ...changeNames(e), kind: 'changed', fields })
  }
  for (const e of previous) if (!after.has(e.key)) changes.push({ key: e.key, ...changeNames(e), kind: 'removed', fields: [] })
  return changes
}

const changeNames = (e: PublicEntry) => (e.nameEn ? { name: e.name, nameEn: e.nameEn } : { name: e.name })

const pickName = (name: string, nameEn: string | null | undefined, lang: 'fi' | 'en') => (lang === 'en' && nameEn ? nameEn : name)

/** An entry as one language names it: `name` and `parentName` in that language, the English ones dropped. */
export function entryInLanguage(e: PublicEntry, lang: 'fi' | 'en'): PublicEntry {
  const { nameEn, parentNameEn, ...rest } = e
  return {
    ...rest,
    name: pickName(e.name, nameEn, lang),
    parentName: e.parentName === null ? null : pickName(e.parentName, parentNameEn, lang),
  }
}

/** A change as one language names its entry. */
export function changeInLanguage(c: EntryChange, lang: 'fi' | 'en'): EntryChange {
  const { nameEn, ...rest } = c
  return { ...rest, name: pickName(c.name, nameEn, lang) }
}

/**
 * A published version as one language shows it: every entry and change named in that language (an
 * English output never shows a Finnish display name where an English one is recorded), the entries in
 * that language's alphabetical order. Every renderer of the public list starts from this.
 */
export function versionInLanguage<V extends Pick<PublishedVersion, 'content' | 'changes'>>(version: V, lang: 'fi' | 'en'): V {
  const collator = new Intl.Collator(lang, { sensitivity: 'base' })
  const entries = version.content.entries
    .map((e) => entryInLanguage(e, lang))
    .sort((a, b) => collator.compare(a.name, b.name) || a.key - b.key)
  return { ...version, content: { ...version.content, entries }, changes: version.changes.map((c) => changeInLanguage(c, lang)) }
}

/**
 * List-wide sentences that follow from the records and so may appear or disappear between versions:
 * - all_processors_dpa: "we have DPAs with all our processors";
 * - no_other_transfers: "apart from these we do not transfer outside the EEA" (every entry's locations recorded).
 */
export const STATEMENTS = ['all_processors_dpa', 'no_other_transfers'] as const
export type Statement = (typeof STATEMENTS)[number]

/** Entries with no recorded location: nobody knows whether their data leaves the EEA. */
export function entriesWithoutLocation(entries: readonly PublicEntry[]): PublicEntry[] {
  return entries.filter((e) => e.locations.length === 0)
}

export function statementHolds(content: Pick<PublicListContent, 'entries' | 'allProcessorsHaveDpa'>, statement: Statement): boolean {
  if (statement === 'all_processors_dpa')
    return content.allProcessorsHaveDpa && content.entries.some((e) => e.role === 'processor' || e.role === 'sub_processor')
  return entriesWithoutLocation(content.entries).length === 0
}

/** The list-wide sentences that appear or disappear between two versions (none for a first version). */
export function diffStatements(previous: PublicListContent | null, next: PublicListContent): EntryChange[] {
  if (!previous) return []
  return STATEMENTS.flatMap((s) => {
    const before = statementHolds(previous, s)
    const after = statementHolds(next, s)
    return before === after ? [] : [{ key: 0, name: s, kind: 'statement' as const, fields: [after ? 'added' : 'removed'] }]
  })
}

/** Everything that changed between two versions: the entries, then the list-wide sentences. */
export function diffContent(previous: PublicListContent | null, next: PublicListContent): EntryChange[] {
  return [...diffEntries(previous?.entries ?? [], next.entries), ...diffStatements(previous, next)]
}
