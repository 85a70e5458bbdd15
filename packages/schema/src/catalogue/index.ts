/**
 * The vendor catalogue: facts about vendors that small companies commonly use, each with the page it
 * came from and the date that page showed (or was read). Shipped as two data files researched in
 * parallel (vendors-a.json, vendors-b.json), validated by CatalogueEntry and concatenated.
 *
 * The shape is a contract with the people who research the data (see README, "Vendor catalogue"):
 * every fact is either null (unknown: no source found; never guessed) or a Sourced value.
 */
import { z } from 'zod'
import { canonicalJson } from '../common'
import { isCountryCode } from '../geo'
import vendorsA from './vendors-a.json'
import vendorsB from './vendors-b.json'
import { MESSAGES } from '../messages'

/**
 * The shipped catalogue's version: the date its data last changed (YYYY-MM-DD, with ".N" for a second
 * change on one day). Bump it whenever vendors-a.json or vendors-b.json changes: processors linked to
 * an entry remember the version they last saw, and a changed entry raises "vendor facts changed".
 */
export const catalogueVersion = '2026-12-05.1'

export const CATALOGUE_CATEGORIES = [
  'office',
  'email',
  'crm',
  'accounting',
  'payments',
  'newsletter',
  'analytics',
  'chat-video',
  'hosting-cdn',
  'support',
  'e-signature',
  'forms-scheduling',
  'hr',
  'other',
] as const
export const CatalogueCategory = z.enum(CATALOGUE_CATEGORIES)
export type CatalogueCategory = z.infer<typeof CatalogueCategory>

/** An https address (a source, a vendor's page): plain http is not a source anyone should rely on. */
export const HttpsUrl = z.url({ protocol: /^https$/, message: 'Must be an https address' }).max(2000)

/** ISO 3166-1 alpha-2, upper case, exactly as written (no trimming or case folding in a data file). */
export const CatalogueCountry = z.string().refine((code) => isCountryCode(code), {
  message: 'Must be an ISO 3166-1 alpha-2 country code in upper case, e.g. FI or US ("EU" is not a country)',
})

const nonEmpty = (max: number) =>
  z
    .string()
    .min(1, MESSAGES.required)
    .max(max)
    .refine((s) => s.trim() === s && s !== '', { message: 'Must not be blank or start or end with spaces' })

export const CATALOGUE_VERSION_PATTERN = /^\d{4}-\d{2}-\d{2}(\.\d+)?$/
export const CatalogueVersion = z.string().regex(CATALOGUE_VERSION_PATTERN, 'Must be a date (YYYY-MM-DD), optionally with ".N"')

/** A fact with where it came from: the page (https), the date it showed or was read, and the words that state it. */
export function sourced<T extends z.ZodType>(value: T) {
  return z.strictObject({
    value,
    source: HttpsUrl,
    asOf: z.iso.date({ message: MESSAGES.date }),
    quote: nonEmpty(300),
  })
}
export interface Sourced<T> {
  value: T
  source: string
  asOf: string
  quote: string
}

export const DataLocationKind = z.enum(['storage', 'access', 'storage-and-access'])
export type DataLocationKind = z.infer<typeof DataLocationKind>

const LegalEntity = z.strictObject({ name: nonEmpty(200), country: CatalogueCountry })

/** Every key is required: an unknown fact is written as null (an unknown location list as []), never left out. */
export const CatalogueEntry = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Must be kebab-case: lower-case letters and digits joined by single hyphens')
      .max(100),
    name: nonEmpty(200),
    category: CatalogueCategory,
    services: z.strictObject({ en: nonEmpty(500), fi: nonEmpty(500).nullable() }),
    website: HttpsUrl,
    contractingEntity: sourced(LegalEntity).nullable(),
    parentGroup: sourced(nonEmpty(200)).nullable(),
    headquarters: sourced(CatalogueCountry).nullable(),
    dataLocations: z.array(sourced(z.strictObject({ country: CatalogueCountry, kind: DataLocationKind }))).max(100),
    dpf: sourced(z.strictObject({ entity: nonEmpty(200) })).nullable(),
    sccModules: sourced(
      z
        .array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]))
        .min(1)
        .refine((m) => new Set(m).size === m.length, { message: 'Each module once' }),
    ).nullable(),
    bcr: sourced(z.literal(true)).nullable(),
    dpaUrl: sourced(HttpsUrl).nullable(),
    subprocessorsUrl: sourced(HttpsUrl).nullable(),
    privacyPolicyUrl: sourced(HttpsUrl).nullable(),
  })
  .meta({
    id: 'CatalogueEntry',
    description: 'A vendor in the catalogue; every fact is null (unknown) or carries its source URL, date and quote',
  })
export type CatalogueEntry = z.infer<typeof CatalogueEntry>

/** The facts of an entry (the fields that carry a source), in the order they are shown. */
export const CATALOGUE_FACTS = [
  'contractingEntity',
  'parentGroup',
  'headquarters',
  'dataLocations',
  'dpf',
  'sccModules',
  'bcr',
  'dpaUrl',
  'subprocessorsUrl',
  'privacyPolicyUrl',
] as const
export type CatalogueFact = (typeof CATALOGUE_FACTS)[number]

/** The facts' names in both languages (findings, the diff panel). */
export const CATALOGUE_FACT_LABELS: Record<CatalogueFact, { en: string; fi: string }> = {
  contractingEntity: { en: 'contracting entity', fi: 'sopimuskumppani' },
  parentGroup: { en: 'parent group', fi: 'konserni' },
  headquarters: { en: 'headquarters', fi: 'kotipaikka' },
  dataLocations: { en: 'data locations', fi: 'tietojen sijainnit' },
  dpf: { en: 'EU-US Data Privacy Framework', fi: 'EU–US Data Privacy Framework' },
  sccModules: { en: 'standard contractual clauses', fi: 'vakiosopimuslausekkeet' },
  bcr: { en: 'binding corporate rules', fi: 'yritystä koskevat sitovat säännöt' },
  dpaUrl: { en: 'DPA link', fi: 'käsittelysopimuksen linkki' },
  subprocessorsUrl: { en: 'sub-processor list', fi: 'alihankkijaluettelo' },
  privacyPolicyUrl: { en: 'privacy policy', fi: 'tietosuojaseloste' },
}

/** A list of entries whose ids are unique. */
export const CatalogueEntries = z.array(CatalogueEntry).superRefine((entries, ctx) => {
  const seen = new Map<string, number>()
  entries.forEach((e, i) => {
    const first = seen.get(e.id)
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Duplicate id "${e.id}" (also entry ${first})` })
    else seen.set(e.id, i)
  })
})

/** A catalogue as a file (SELOSTE_CATALOGUE_FILE): its version and its entries. */
export const CatalogueFile = z.strictObject({ version: CatalogueVersion, entries: CatalogueEntries })
export type Catalogue = z.infer<typeof CatalogueFile>

/** The two shipped data files as they are, unvalidated (a function, so a bundle that does not use it leaves the data out). */
export function shippedCatalogueFiles(): { file: string; entries: unknown[] }[] {
  return [
    { file: 'vendors-a.json', entries: vendorsA as unknown[] },
    { file: 'vendors-b.json', entries: vendorsB as unknown[] },
  ]
}

/** The shipped catalogue, validated: both files concatenated. Throws (naming the entry and field) if the data breaks the shape. */
export function shippedCatalogue(): Catalogue {
  return CatalogueFile.parse({ version: catalogueVersion, entries: shippedCatalogueFiles().flatMap((f) => f.entries) })
}

/** The value of a fact, or null when it is unknown. */
export function factValue<K extends CatalogueFact>(entry: CatalogueEntry, fact: K): unknown {
  const f = entry[fact]
  if (Array.isArray(f)) return f.map((x) => x.value)
  return f === null ? null : (f as Sourced<unknown>).value
}

/** A processor's link to a catalogue entry, as the read model shows it. */
export const CatalogueLinkInfo = z
  .object({
    entryId: z.string(),
    entryName: z
      .string()
      .nullable()
      .meta({ description: "The entry's name in the current catalogue; null when the catalogue no longer has it" }),
    version: z
      .string()
      .meta({ description: 'The catalogue version whose facts the owner last saw (created, linked, accepted or dismissed at)' }),
    status: z
      .enum(['current', 'changed', 'removed'])
      .meta({ description: 'current: the facts are as seen; changed: some changed since; removed: the catalogue no longer has the entry' }),
    changedFacts: z.array(z.enum(CATALOGUE_FACTS)),
  })
  .meta({ id: 'CatalogueLink' })
export type CatalogueLinkInfo = z.infer<typeof CatalogueLinkInfo>

const CANONICAL_SORT = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The value of a fact for comparison: null when unknown; locations as a sorted list of values. */
function comparable(entry: unknown, fact: CatalogueFact): string {
  const f = (entry as Record<string, unknown> | null)?.[fact]
  if (Array.isArray(f)) return JSON.stringify(f.map((x: { value?: unknown }) => canonicalJson(x?.value ?? null)).sort(CANONICAL_SORT))
  if (f === null || f === undefined) return 'null'
  return canonicalJson((f as { value?: unknown }).value ?? null)
}

/** The facts whose values differ between the entry as seen and as it is now (sources and dates alone are not a change). */
export function changedFacts(seen: unknown, current: CatalogueEntry): CatalogueFact[] {
  return CATALOGUE_FACTS.filter((fact) => comparable(seen, fact) !== comparable(current, fact))
}
