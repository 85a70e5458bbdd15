/**
 * What the export builders read: the registry at one moment, as plain data. The services fill it
 * (services/as-of.ts, from the tables or rebuilt from the audit trail); the builders in this folder
 * only read it, so they depend on this type and not on any service.
 */
import {
  isInEea,
  type ActivityRecord,
  type DataCategory,
  type DataSubjectCategory,
  type DerivedTransfer,
  type Dpa,
  type Organisation,
  type Processor,
  type Transfer,
} from '@seloste/schema'

/**
 * A processor's own fields, as the audit trail records them: no read-model joins, the parent by id, and
 * its vendor catalogue link as stored (entry and version seen; the change status is derived, not kept).
 */
export type ProcessorRecord = Omit<Processor, 'parent' | 'subsidiaries' | 'transfers' | 'dpas' | 'catalogue'> & {
  parentId: number | null
  catalogue?: { entryId: string; version: string | null }
}

/** A category of personal data as the trail records it (the usage count is computed, not stored). */
export type DataCategoryRecord = Omit<DataCategory, 'activityCount'>
/** A category of data subjects as the trail records it. */
export type DataSubjectCategoryRecord = Omit<DataSubjectCategory, 'activityCount'>

/** Everything the exports read: the controller and the registry's records at one moment. */
export interface RegistrySnapshot {
  /** The moment rebuilt (an ISO instant), or null for the registry as it is now. */
  asOf: string | null
  organisation: Organisation | null
  processors: ProcessorRecord[]
  transfers: Transfer[]
  dpas: Dpa[]
  activities: ActivityRecord[]
  dataCategories: DataCategoryRecord[]
  dataSubjectCategories: DataSubjectCategoryRecord[]
}

/**
 * The transfers outside the EEA of the given processors, in the processors' order: what an
 * activity's data is exposed to through the processors that serve it. A pure function, shared by
 * the API (services/activities.ts) and the exports so that both say the same.
 */
export function deriveThirdCountryTransfers(
  linked: readonly { id: number; displayName: string; displayNameEn?: string | null }[],
  allTransfers: readonly Transfer[],
): DerivedTransfer[] {
  const byProcessor = new Map<number, Transfer[]>()
  for (const t of allTransfers) {
    if (isInEea(t.country)) continue
    const list = byProcessor.get(t.processorId) ?? []
    list.push(t)
    byProcessor.set(t.processorId, list)
  }
  return linked.flatMap((p) =>
    (byProcessor.get(p.id) ?? [])
      .sort((a, b) => a.id - b.id)
      .map((t) => ({
        processorId: p.id,
        processorName: p.displayName,
        processorNameEn: p.displayNameEn ?? null,
        transferId: t.id,
        country: t.country,
        kind: t.kind,
        safeguard: t.safeguard,
      })),
  )
}
