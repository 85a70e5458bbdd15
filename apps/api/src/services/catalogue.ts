/**
 * The vendor catalogue in the registry: search, the proposal a processor is created from, linking an
 * existing processor, and the diff between a linked record and the current entry (decision 009).
 *
 * A proposal only restates the catalogue's sourced facts; what the catalogue does not know stays empty.
 * Transfer mechanisms follow the facts: inside the EEA none is needed; a country with an adequacy
 * decision gets that decision; the EU-US DPF only where the contracting entity is itself the US entity
 * the catalogue lists as a DPF participant (that entity is pre-filled as the transfer's certified entity);
 * otherwise the SCCs of the vendor's DPA with the module that fits the role, or its BCRs; else "unknown",
 * which a finding raises. DPF through another entity of the group is offered after "unknown", never
 * proposed: only the reviewer knows whether the data goes to that entity.
 */
import { eq } from 'drizzle-orm'
import {
  adequacyDecisionsFor,
  canonicalJson,
  CATALOGUE_FACTS,
  changedFacts,
  encodeLinkTarget,
  isDpfParticipantUrl,
  isInEea,
  type CatalogueDiff,
  type CatalogueDiffItem,
  type CatalogueEntry,
  type CatalogueFactChange,
  type CatalogueList,
  type CatalogueListItem,
  type CatalogueProposal,
  type Processor,
  type ProcessorRole,
  type ProposedField,
  type ProposedTransfer,
  type ProposedTransferOption,
  type Sourced,
  type SourceRef,
  type TransferKind,
} from '@seloste/schema'
import type { z } from 'zod'
import type { CatalogueAcceptInput, CatalogueCreateInput, CatalogueDismissInput, CatalogueLinkInput } from '@seloste/schema'
import type { DbOrTx } from '../db/client'
import { processors } from '../db/schema'
import { AppError, invalid, notFound } from '../lib/app-error'
import { currentCatalogue, type LoadedCatalogue } from './catalogue-store'
import { nowIso, type ServiceContext } from './context'
import { applyProcessorUpdate, getProcessor, insertProcessor, requireVersion, type CatalogueLinkColumns } from './processors'
import { insertTransfer } from './transfers'

const SEARCH_LIMIT = 50

function listItem(e: CatalogueEntry): CatalogueListItem {
  return {
    id: e.id,
    name: e.name,
    category: e.category,
    services: e.services,
    website: e.website,
    contractingEntity: e.contractingEntity?.value.name ?? null,
    headquarters: e.headquarters?.value ?? null,
  }
}

export function searchCatalogue(q: string | undefined): CatalogueList {
  const catalogue = currentCatalogue()
  const term = (q ?? '').toLowerCase()
  const matches = catalogue.entries.filter((e) => {
    if (!term) return true
    const text = [
      e.id,
      e.name,
      e.category,
      e.services.en,
      e.services.fi ?? '',
      e.contractingEntity?.value.name ?? '',
      e.parentGroup?.value ?? '',
    ]
      .join('\n')
      .toLowerCase()
    return text.includes(term)
  })
  matches.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id))
  return { version: catalogue.version, total: matches.length, items: matches.slice(0, SEARCH_LIMIT).map(listItem) }
}

export function getCatalogueEntry(id: string): { version: string; entry: CatalogueEntry } {
  const catalogue = currentCatalogue()
  const entry = catalogue.byId.get(id)
  if (!entry) throw notFound('Catalogue entry')
  return { version: catalogue.version, entry }
}

const ref = (f: Sourced<unknown>): SourceRef => ({ source: f.source, asOf: f.asOf, quote: f.quote })

/** Names compared as people write them: case, punctuation and spacing aside ("Google LLC" = "Google, LLC"). */
function sameEntityName(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
  return norm(a) === norm(b)
}

/** The SCC module the registry expects for the role (checks.ts expectedSccModule, repeated to keep the services independent of the checks). */
function sccModuleFor(role: ProcessorRole): 1 | 2 | 3 | null {
  if (role === 'processor') return 2
  if (role === 'sub_processor') return 3
  if (role === 'independent_controller' || role === 'recipient') return 1
  return null
}

const KINDS: Record<'storage' | 'access' | 'storage-and-access', TransferKind[]> = {
  storage: ['storage'],
  access: ['remote_access'],
  'storage-and-access': ['storage', 'remote_access'],
}

/** Whether the catalogue says the contracting entity itself is the US entity listed as a DPF participant. */
function contractingEntityIsDpfParticipant(e: CatalogueEntry): boolean {
  return (
    !!e.dpf &&
    !!e.contractingEntity &&
    e.contractingEntity.value.country === 'US' &&
    sameEntityName(e.contractingEntity.value.name, e.dpf.value.entity)
  )
}

function transferOptions(
  e: CatalogueEntry,
  country: string,
  kind: TransferKind,
  role: ProcessorRole,
  today: string,
): ProposedTransferOption[] {
  const base = {
    country,
    kind,
    adequacyDecisionId: null,
    dpfListingUrl: null,
    dpfVerifiedOn: null,
    certifiedEntity: null,
    sccModule: null,
  }
  if (isInEea(country)) return [{ reason: 'eea', input: { ...base, safeguard: 'none_needed' }, basis: null }]
  const options: ProposedTransferOption[] = []
  const adequacy = adequacyDecisionsFor(country).find(
    (d) => !d.frameworkOnly && !d.internationalOrganisation && (!d.validUntil || d.validUntil >= today),
  )
  if (adequacy)
    options.push({ reason: 'adequacy', input: { ...base, safeguard: 'adequacy', adequacyDecisionId: adequacy.id }, basis: null })
  // The DPF certifies the US entity the catalogue names; the option names it as the certified entity, with
  // the catalogue's source as its basis. The listing is kept only where the source is the programme's own page.
  const dpf: ProposedTransferOption | null =
    country === 'US' && e.dpf
      ? {
          reason: 'dpf',
          input: {
            ...base,
            safeguard: 'dpf',
            certifiedEntity: e.dpf.value.entity,
            dpfListingUrl: isDpfParticipantUrl(e.dpf.source) ? e.dpf.source : null,
            dpfVerifiedOn: isDpfParticipantUrl(e.dpf.source) ? e.dpf.asOf : null,
          },
          basis: ref(e.dpf),
        }
      : null
  const dpfIsTheContractingEntity = contractingEntityIsDpfParticipant(e)
  if (dpf && dpfIsTheContractingEntity) options.push(dpf)
  const module = sccModuleFor(role)
  if (e.sccModules && module !== null && e.sccModules.value.includes(module)) {
    options.push({ reason: 'scc', input: { ...base, safeguard: 'scc', sccModule: module }, basis: ref(e.sccModules) })
  }
  if (e.bcr) options.push({ reason: 'bcr', input: { ...base, safeguard: 'bcr' }, basis: ref(e.bcr) })
  // DPF through another entity of the group (or one the catalogue cannot tie to the contract) covers the
  // transfer only if the data goes to that entity, which the catalogue does not say: offered after "unknown",
  // never the proposal, even when the catalogue knows no other mechanism.
  options.push({ reason: 'no_mechanism', input: { ...base, safeguard: 'unknown' }, basis: null })
  if (dpf && !dpfIsTheContractingEntity) options.push(dpf)
  return options
}

/** The transfers the entry's locations give, one per country and kind (storage-and-access gives both), in the catalogue's order. */
export function proposedTransfers(e: CatalogueEntry, role: ProcessorRole, today = nowIso().slice(0, 10)): ProposedTransfer[] {
  const out: ProposedTransfer[] = []
  const dpfEntity = e.dpf && !contractingEntityIsDpfParticipant(e) ? e.dpf.value.entity : null
  for (const loc of e.dataLocations) {
    for (const kind of KINDS[loc.value.kind]) {
      if (out.some((t) => t.country === loc.value.country && t.kind === kind)) continue
      const country = loc.value.country
      out.push({
        country,
        kind,
        location: ref(loc),
        options: transferOptions(e, country, kind, role, today),
        dpfEntity: country === 'US' ? dpfEntity : null,
      })
    }
  }
  return out
}

/** A processor whose name or legal name is the parent group's, to propose as the parent. */
function parentMatch(db: DbOrTx, e: CatalogueEntry): { id: number; displayName: string } | null {
  if (!e.parentGroup) return null
  const name = e.parentGroup.value
  const rows = db.select({ id: processors.id, displayName: processors.displayName, legalName: processors.legalName }).from(processors).all()
  const hit = rows.find((r) => sameEntityName(r.displayName, name) || (r.legalName !== null && sameEntityName(r.legalName, name)))
  return hit ? { id: hit.id, displayName: hit.displayName } : null
}

function proposedFields(db: DbOrTx, e: CatalogueEntry): ProposedField[] {
  const fields: ProposedField[] = []
  if (e.contractingEntity)
    fields.push({ field: 'legalName', value: e.contractingEntity.value.name, label: null, source: ref(e.contractingEntity) })
  if (e.headquarters) fields.push({ field: 'hqCountry', value: e.headquarters.value, label: null, source: ref(e.headquarters) })
  if (e.dpaUrl) fields.push({ field: 'dpaUrl', value: encodeLinkTarget(e.dpaUrl.value), label: null, source: ref(e.dpaUrl) })
  if (e.privacyPolicyUrl)
    fields.push({
      field: 'privacyPolicyUrl',
      value: encodeLinkTarget(e.privacyPolicyUrl.value),
      label: null,
      source: ref(e.privacyPolicyUrl),
    })
  const parent = parentMatch(db, e)
  if (parent && e.parentGroup) fields.push({ field: 'parentId', value: parent.id, label: e.parentGroup.value, source: ref(e.parentGroup) })
  return fields
}

function entryOrNotFound(catalogue: LoadedCatalogue, id: string): CatalogueEntry {
  const entry = catalogue.byId.get(id)
  if (!entry) throw notFound('Catalogue entry')
  return entry
}

export function catalogueProposal(db: DbOrTx, id: string, role: ProcessorRole): CatalogueProposal {
  const catalogue = currentCatalogue()
  const e = entryOrNotFound(catalogue, id)
  return {
    catalogueId: e.id,
    catalogueVersion: catalogue.version,
    entry: e,
    role,
    base: { displayName: e.name, service: { en: e.services.en, fi: e.services.fi ?? '' }, websiteUrl: e.website },
    fields: proposedFields(db, e),
    transfers: proposedTransfers(e, role),
    unknown: CATALOGUE_FACTS.filter((f) => (f === 'dataLocations' ? e.dataLocations.length === 0 : e[f] === null)),
    parentMatch: parentMatch(db, e),
  }
}

function requireCatalogueVersion(catalogue: LoadedCatalogue, version: string): void {
  if (version !== catalogue.version) {
    throw new AppError(
      'version_conflict',
      `The catalogue has changed since (now version ${catalogue.version}, yours ${version}); load the proposal again`,
      {
        current: { catalogueVersion: catalogue.version },
      },
    )
  }
}

function linkColumns(catalogue: LoadedCatalogue, entry: CatalogueEntry): Required<CatalogueLinkColumns> {
  return { catalogueId: entry.id, catalogueVersion: catalogue.version, catalogueSeen: entry }
}

/** Prefixes the field paths of an error raised for one part of a request (e.g. the second transfer). */
function within<T>(prefix: string, fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    if (err instanceof AppError && err.extra.fields) {
      throw new AppError(err.code, err.message, {
        ...err.extra,
        fields: err.extra.fields.map((f) => ({ ...f, path: `${prefix}.${f.path}` })),
      })
    }
    throw err
  }
}

/** Creates the processor and its transfers from the reviewed proposal, in one transaction: all of it or nothing. */
export function createFromCatalogue(ctx: ServiceContext, id: string, input: z.output<typeof CatalogueCreateInput>): Processor {
  const catalogue = currentCatalogue()
  const entry = entryOrNotFound(catalogue, id)
  requireCatalogueVersion(catalogue, input.catalogueVersion)
  return ctx.db.transaction(
    (tx) => {
      const created = within('processor', () => insertProcessor(tx, ctx, input.processor, linkColumns(catalogue, entry)))
      input.transfers.forEach((t, i) => within(`transfers.${i}`, () => insertTransfer(tx, ctx, created.id, t)))
      return getProcessor(tx, created.id)
    },
    { behavior: 'immediate' },
  )
}

function findRow(db: DbOrTx, id: number) {
  return db.select().from(processors).where(eq(processors.id, id)).get()
}

/** Links an existing processor to an entry: the version seen is the current one; the record's fields are not changed (the diff proposes them). */
export function linkToCatalogue(ctx: ServiceContext, processorId: number, input: z.output<typeof CatalogueLinkInput>): Processor {
  const catalogue = currentCatalogue()
  const entry = catalogue.byId.get(input.entryId)
  if (!entry) throw invalid([{ path: 'entryId', message: 'No catalogue entry with this id' }])
  return ctx.db.transaction(
    (tx) => applyProcessorUpdate(tx, ctx, processorId, { version: input.version }, linkColumns(catalogue, entry), 'catalogue_link'),
    { behavior: 'immediate' },
  )
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null)

function factSources(e: CatalogueEntry | null, fact: (typeof CATALOGUE_FACTS)[number]): SourceRef[] {
  if (!e) return []
  const f = e[fact]
  if (Array.isArray(f)) return f.map(ref)
  return f ? [ref(f as Sourced<unknown>)] : []
}

function factValueOf(e: unknown, fact: (typeof CATALOGUE_FACTS)[number]): unknown {
  const f = (e as Record<string, unknown> | null)?.[fact]
  if (Array.isArray(f)) return f.map((x: { value?: unknown }) => x?.value ?? null)
  return f === null || f === undefined ? null : ((f as { value?: unknown }).value ?? null)
}

interface LinkedState {
  processor: Processor
  row: NonNullable<ReturnType<typeof findRow>>
  entry: CatalogueEntry
  catalogue: LoadedCatalogue
}

function linkedState(db: DbOrTx, processorId: number): LinkedState {
  const row = findRow(db, processorId)
  if (!row) throw notFound('Processor')
  if (!row.catalogueId) throw new AppError('conflict', 'The processor is not linked to a catalogue entry; link it first')
  const catalogue = currentCatalogue()
  const entry = catalogue.byId.get(row.catalogueId)
  if (!entry) throw new AppError('conflict', `The catalogue no longer has the entry "${row.catalogueId}"`)
  return { processor: getProcessor(db, processorId), row, entry, catalogue }
}

/** The record against what the current entry proposes: only where they differ, and never proposing to empty a field. */
function diffItems(
  db: DbOrTx,
  p: Processor,
  entry: CatalogueEntry,
): (CatalogueDiffItem & { apply: { field?: ProposedField; transfer?: ProposedTransfer } })[] {
  const items: (CatalogueDiffItem & { apply: { field?: ProposedField; transfer?: ProposedTransfer } })[] = []
  for (const f of proposedFields(db, entry)) {
    const record = f.field === 'parentId' ? (p.parent?.id ?? null) : p[f.field]
    if (!same(record, f.value)) items.push({ key: f.field, record, catalogue: f.value, source: f.source, apply: { field: f } })
  }
  for (const t of proposedTransfers(entry, p.role)) {
    if (p.transfers.some((r) => r.country === t.country && r.kind === t.kind)) continue
    items.push({
      key: `transfer:${t.country}:${t.kind}`,
      record: null,
      catalogue: t.options[0]!.input,
      source: t.location,
      apply: { transfer: t },
    })
  }
  return items
}

export function catalogueDiff(db: DbOrTx, processorId: number): CatalogueDiff {
  const { processor, row, entry, catalogue } = linkedState(db, processorId)
  const changes: CatalogueFactChange[] = changedFacts(row.catalogueSeen ?? null, entry).map((fact) => ({
    fact,
    seen: factValueOf(row.catalogueSeen, fact),
    current: factValueOf(entry, fact),
    source: factSources(entry, fact),
  }))
  return {
    processorId,
    processorVersion: processor.version,
    entryId: entry.id,
    entryName: entry.name,
    catalogueVersion: catalogue.version,
    seenVersion: row.catalogueVersion ?? '',
    changes,
    items: diffItems(db, processor, entry).map(({ apply: _apply, ...item }) => item),
  }
}

/**
 * Applies the chosen differences (fields in one audited update, each new transfer audited) and marks
 * the current catalogue version as seen, all in one transaction; a stale processor or catalogue version is a 409.
 */
export function acceptCatalogueDiff(ctx: ServiceContext, processorId: number, input: z.output<typeof CatalogueAcceptInput>): Processor {
  return ctx.db.transaction(
    (tx) => {
      const { processor, entry, catalogue } = linkedState(tx, processorId)
      requireVersion(processor, input.version, 'Processor', () => processor)
      requireCatalogueVersion(catalogue, input.catalogueVersion)
      const available = new Map(diffItems(tx, processor, entry).map((i) => [i.key, i]))
      const bad = input.keys.flatMap((k, i) =>
        available.has(k) ? [] : [{ path: `keys.${i}`, message: `"${k}" is not a difference the record has with the catalogue entry now` }],
      )
      if (bad.length) throw invalid(bad)
      const patch: Record<string, unknown> = { version: input.version }
      for (const k of new Set(input.keys)) {
        const field = available.get(k)!.apply.field
        if (field) patch[field.field] = field.value
      }
      const updated = applyProcessorUpdate(
        tx,
        ctx,
        processorId,
        patch as { version: number },
        linkColumns(catalogue, entry),
        'catalogue_accept',
      )
      for (const k of new Set(input.keys)) {
        const t = available.get(k)!.apply.transfer
        if (t)
          within(k, () =>
            insertTransfer(tx, ctx, processorId, {
              ...t.options[0]!.input,
              tiaStatus: 'unknown',
              derogation: null,
              otherSafeguard: null,
              tiaUrl: null,
              notes: null,
            } as Parameters<typeof insertTransfer>[3]),
          )
      }
      return getProcessor(tx, updated.id)
    },
    { behavior: 'immediate' },
  )
}

/** Records the current catalogue version as seen without changing the record's fields (audited). */
export function dismissCatalogueDiff(ctx: ServiceContext, processorId: number, input: z.output<typeof CatalogueDismissInput>): Processor {
  return ctx.db.transaction(
    (tx) => {
      const { processor, entry, catalogue } = linkedState(tx, processorId)
      requireVersion(processor, input.version, 'Processor', () => processor)
      requireCatalogueVersion(catalogue, input.catalogueVersion)
      return applyProcessorUpdate(tx, ctx, processorId, { version: input.version }, linkColumns(catalogue, entry), 'catalogue_dismiss')
    },
    { behavior: 'immediate' },
  )
}
