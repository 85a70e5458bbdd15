/** The vendor catalogue's API: search, the proposal a processor is created from, and the diff of a linked record. */
import { z } from 'zod'
import { searchTerm, VersionField } from '../common'
import { ProcessorInput, ProcessorRef, ProcessorRole, Safeguard, TransferInput, TransferKind } from '../registry'
import { CATALOGUE_FACTS, CatalogueCategory, CatalogueEntry, CatalogueVersion } from './index'

export const CatalogueId = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Must be a catalogue entry id (kebab-case, e.g. google-workspace)')
export const CatalogueIdParam = z.object({ id: CatalogueId.meta({ param: { name: 'id', in: 'path' }, example: 'google-workspace' }) })

export const CatalogueQuery = z.object({
  q: searchTerm(200)
    .optional()
    .meta({ description: 'Searches the name, id, category, services, contracting entity and parent group (a substring, any case)' }),
})

export const CatalogueListItem = z
  .object({
    id: z.string(),
    name: z.string(),
    category: CatalogueCategory,
    services: z.object({ en: z.string(), fi: z.string().nullable() }),
    website: z.string(),
    contractingEntity: z.string().nullable(),
    headquarters: z.string().nullable(),
  })
  .meta({ id: 'CatalogueListItem' })
export type CatalogueListItem = z.infer<typeof CatalogueListItem>

export const CatalogueList = z
  .object({ version: z.string(), total: z.number().int(), items: z.array(CatalogueListItem) })
  .meta({ id: 'CatalogueList', description: 'Matching entries sorted by name (at most 50)' })
export type CatalogueList = z.infer<typeof CatalogueList>

export const CatalogueEntryResponse = z.object({ version: z.string(), entry: CatalogueEntry }).meta({ id: 'CatalogueEntryResponse' })
export type CatalogueEntryResponse = z.infer<typeof CatalogueEntryResponse>

/** Where a proposed value came from. */
export const SourceRef = z.object({ source: z.string(), asOf: z.string(), quote: z.string() }).meta({ id: 'CatalogueSource' })
export type SourceRef = z.infer<typeof SourceRef>

/** The processor fields a catalogue entry can fill in. */
export const PROPOSED_FIELDS = ['legalName', 'hqCountry', 'dpaUrl', 'privacyPolicyUrl', 'parentId'] as const
export const ProposedFieldName = z.enum(PROPOSED_FIELDS)
export type ProposedFieldName = z.infer<typeof ProposedFieldName>

export const ProposedField = z
  .object({
    field: ProposedFieldName,
    value: z.union([z.string(), z.number()]),
    /** For parentId: the parent group's name as the catalogue gives it. */
    label: z.string().nullable(),
    source: SourceRef,
  })
  .meta({ id: 'CatalogueProposedField' })
export type ProposedField = z.infer<typeof ProposedField>

/** Why a transfer mechanism is proposed. */
export const ProposalReason = z.enum(['eea', 'adequacy', 'dpf', 'scc', 'bcr', 'no_mechanism'])
export type ProposalReason = z.infer<typeof ProposalReason>

export const ProposedTransferInput = z.object({
  country: z.string(),
  kind: TransferKind,
  safeguard: Safeguard,
  adequacyDecisionId: z.string().nullable(),
  dpfListingUrl: z.string().nullable(),
  dpfVerifiedOn: z.string().nullable(),
  /** With DPF: the US entity the catalogue names as the participant (its source is the option's basis). */
  certifiedEntity: z.string().nullable(),
  sccModule: z.number().int().nullable(),
})
export type ProposedTransferInput = z.infer<typeof ProposedTransferInput>

export const ProposedTransferOption = z.object({
  reason: ProposalReason,
  input: ProposedTransferInput,
  /** The catalogue fact the mechanism rests on (the DPF listing, the DPA's SCCs, the BCRs); null inside the EEA, for adequacy and for none. */
  basis: SourceRef.nullable(),
})
export type ProposedTransferOption = z.infer<typeof ProposedTransferOption>

export const ProposedTransfer = z
  .object({
    country: z.string(),
    kind: TransferKind,
    location: SourceRef,
    /**
     * The first is the proposal: a mechanism the catalogue sources for this transfer (or the country's
     * adequacy decision, or inside the EEA none), else "unknown"; never the DPF through an entity the data
     * may not go to. The others are what the catalogue's facts also allow.
     */
    options: z.array(ProposedTransferOption).min(1),
    /** The DPF participant the catalogue names when it is not the contracting entity: DPF covers the transfer only if the data goes to that entity, which the reviewer decides. */
    dpfEntity: z.string().nullable(),
  })
  .meta({ id: 'CatalogueProposedTransfer' })
export type ProposedTransfer = z.infer<typeof ProposedTransfer>

export const CatalogueProposal = z
  .object({
    catalogueId: z.string(),
    catalogueVersion: z.string(),
    entry: CatalogueEntry,
    role: ProcessorRole,
    /** Values without a source of their own: the name, the services and the homepage. */
    base: z.object({ displayName: z.string(), service: z.object({ fi: z.string(), en: z.string() }), websiteUrl: z.string() }),
    fields: z.array(ProposedField),
    transfers: z.array(ProposedTransfer),
    /** Facts the catalogue does not know: left empty, never guessed. */
    unknown: z.array(z.enum(CATALOGUE_FACTS)),
    parentMatch: ProcessorRef.nullable(),
  })
  .meta({ id: 'CatalogueProposal' })
export type CatalogueProposal = z.infer<typeof CatalogueProposal>

export const ProposalQuery = z.object({
  role: ProcessorRole.default('processor').meta({ description: 'The role the processor will have (decides the SCC module)' }),
})

export const CatalogueCreateInput = z
  .strictObject({
    catalogueVersion: CatalogueVersion.meta({
      description: 'The catalogue version the proposal was made from (409 if the catalogue changed since)',
    }),
    processor: ProcessorInput,
    transfers: z.array(TransferInput).max(100),
  })
  .meta({ id: 'CatalogueCreateInput' })
export type CatalogueCreateInput = z.input<typeof CatalogueCreateInput>

export const CatalogueLinkInput = z.strictObject({ version: VersionField, entryId: CatalogueId }).meta({ id: 'CatalogueLinkInput' })
export type CatalogueLinkInput = z.input<typeof CatalogueLinkInput>

export const CatalogueDiffItem = z
  .object({
    key: z.string().meta({ description: 'legalName, hqCountry, dpaUrl, privacyPolicyUrl, or transfer:<country>:<kind>' }),
    record: z.unknown().meta({ description: 'What the record says (null: not recorded)' }),
    catalogue: z.unknown().meta({ description: 'What the current catalogue proposes' }),
    source: SourceRef.nullable(),
  })
  .meta({ id: 'CatalogueDiffItem' })
export type CatalogueDiffItem = z.infer<typeof CatalogueDiffItem>

export const CatalogueFactChange = z
  .object({ fact: z.enum(CATALOGUE_FACTS), seen: z.unknown(), current: z.unknown(), source: z.array(SourceRef) })
  .meta({ id: 'CatalogueFactChange' })
export type CatalogueFactChange = z.infer<typeof CatalogueFactChange>

export const CatalogueDiff = z
  .object({
    processorId: z.number().int(),
    processorVersion: z.number().int(),
    entryId: z.string(),
    entryName: z.string().nullable(),
    catalogueVersion: z.string().meta({ description: 'The current catalogue version (send it back with accept or dismiss)' }),
    seenVersion: z.string(),
    /** The facts that changed in the catalogue since the version seen. */
    changes: z.array(CatalogueFactChange),
    /** Where the record differs from what the current entry proposes; each can be accepted. */
    items: z.array(CatalogueDiffItem),
  })
  .meta({ id: 'CatalogueDiff' })
export type CatalogueDiff = z.infer<typeof CatalogueDiff>

export const CatalogueAcceptInput = z
  .strictObject({
    version: VersionField,
    catalogueVersion: CatalogueVersion,
    keys: z.array(z.string().min(1).max(100)).min(1, 'Choose at least one difference to accept').max(200),
  })
  .meta({ id: 'CatalogueAcceptInput' })
export type CatalogueAcceptInput = z.input<typeof CatalogueAcceptInput>

export const CatalogueDismissInput = z
  .strictObject({ version: VersionField, catalogueVersion: CatalogueVersion })
  .meta({ id: 'CatalogueDismissInput' })
export type CatalogueDismissInput = z.input<typeof CatalogueDismissInput>
