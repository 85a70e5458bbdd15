/**
 * The registry as it stood at a moment, rebuilt from the audit trail.
 *
 * Every change to the registry is recorded with the full record before and after (see
 * ./audit.ts), so the state of an entity at a moment is simply what its last event at or before
 * that moment says: its `after`, or nothing if that event deleted it. The exports read a
 * RegistrySnapshot, whether of now (from the tables) or of a past moment (from the trail), through
 * the same builders, so that the two cannot say different things.
 */
import { sql } from 'drizzle-orm'
import type { ActivityRecord, Dpa, DpaDocument, Organisation, Transfer } from '@seloste/schema'
import type { DbOrTx } from '../db/client'
import { dataCategories, dataSubjectCategories, dpaDocuments, dpas, processors, transfers } from '../db/schema'
import { loadActivityRecords } from './activities'
import { processorRecord, toDpa, toTransfer } from './mappers'
import { ORGANISATION_UNRECORDED, findOrganisation } from './organisation'
import { toDataCategoryRecord, toDataSubjectCategoryRecord } from './vocabulary'
import type { DataCategoryRecord, DataSubjectCategoryRecord, ProcessorRecord, RegistrySnapshot } from '../exports/snapshot'

/** The entity types whose full state the trail records, in the order a snapshot lists them. */
export const SNAPSHOT_ENTITY_TYPES = [
  'organisation',
  'processor',
  'transfer',
  'dpa',
  'activity',
  'data_category',
  'data_subject_category',
] as const
export type SnapshotEntityType = (typeof SNAPSHOT_ENTITY_TYPES)[number]

/** Events that carry only a DPA's document, not the whole DPA: they change the state they follow. */
const DOCUMENT_ACTIONS = new Set(['attach_document', 'remove_document'])

/** An audit event as the rebuild needs it (`after` already parsed). */
export interface StateEvent {
  seq: number
  at: string
  action: string
  entityType: string
  entityId: string | null
  after: unknown
}

/**
 * The exact instant an `asOf` names: a date (YYYY-MM-DD) is the end of that day in UTC, an ISO
 * date-time is itself. Audit timestamps are UTC ISO strings, so the result compares as text.
 */
export function asOfCutoff(asOf: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return `${asOf}T23:59:59.999Z`
  return new Date(asOf).toISOString()
}

/**
 * Pure: the state of every entity as of `cutoff`. Events are applied in sequence order; for each
 * (entity type, id) the last event at or before the cutoff decides: its `after`, or absence when
 * it was a delete (or a merge, which removes the entry merged away). A DPA's document events change only the document of the state before them.
 * Returns type -> id -> state.
 */
export function rebuildState(events: Iterable<StateEvent>, cutoff: string): Map<string, Map<string, unknown>> {
  const state = new Map<string, Map<string, unknown>>()
  const ordered = [...events].filter((e) => e.at <= cutoff && e.entityId !== null).sort((a, b) => a.seq - b.seq)
  for (const e of ordered) {
    let byId = state.get(e.entityType)
    if (!byId) state.set(e.entityType, (byId = new Map()))
    const id = e.entityId!
    if (e.action === 'delete' || e.action === 'merge') {
      byId.delete(id)
    } else if (DOCUMENT_ACTIONS.has(e.action)) {
      const current = byId.get(id)
      if (current && typeof current === 'object') {
        byId.set(id, { ...current, document: e.action === 'attach_document' ? (e.after as DpaDocument | null) : null })
      }
    } else if (e.after !== null && e.after !== undefined) {
      byId.set(id, e.after)
    }
  }
  return state
}

const byNumericId = <T extends { id: number }>(a: T, b: T) => a.id - b.id

/** Pure: the rebuilt state as a snapshot, each list in id order. */
export function snapshotFromState(state: Map<string, Map<string, unknown>>, asOf: string | null): RegistrySnapshot {
  const list = <T extends { id: number }>(type: SnapshotEntityType) =>
    [...(state.get(type)?.values() ?? [])].map((v) => v as T).sort(byNumericId)
  const org = state.get('organisation')?.get('1') as Organisation | undefined
  return {
    asOf,
    // Events written before the Art. 37/27/26 fields existed rebuild them as not recorded; a representative
    // written before its three states (migration 0013) was a designated one, as the migration records it.
    organisation: org
      ? {
          ...ORGANISATION_UNRECORDED,
          ...(org.representative && org.representativeNeeded === undefined && { representativeNeeded: true }),
          ...org,
        }
      : null,
    // Events written before the English name (migration 0013) or the international organisation (0014) existed had none.
    processors: list<ProcessorRecord>('processor').map((p) => ({
      ...p,
      displayNameEn: p.displayNameEn ?? null,
      internationalOrganisationId: p.internationalOrganisationId ?? null,
      internationalOrganisationName: p.internationalOrganisationName ?? null,
    })),
    // Events written before the certified entity existed (migration 0015) recorded none.
    transfers: list<Transfer>('transfer').map((t) => ({ ...t, certifiedEntity: t.certifiedEntity ?? null })),
    dpas: list<Dpa>('dpa').map((d) => ({ ...d, document: d.document ?? null })),
    activities: list<ActivityRecord>('activity'),
    dataCategories: list<DataCategoryRecord>('data_category'),
    dataSubjectCategories: list<DataSubjectCategoryRecord>('data_subject_category'),
  }
}

/**
 * Reads the events that decide the state at `cutoff`: for each entity, its last event that carries
 * a whole record (or deletes it) at or before the cutoff, and the document events after it. Older
 * events cannot change the result, so they are not read (a long history stays cheap).
 */
export function loadDecidingEvents(db: DbOrTx, cutoff: string): StateEvent[] {
  const types = sql.join(
    SNAPSHOT_ENTITY_TYPES.map((t) => sql`${t}`),
    sql`, `,
  )
  const rows = db.all<{ seq: number; at: string; action: string; entityType: string; entityId: string | null; after: string | null }>(sql`
    WITH last_whole AS (
      SELECT entity_type, entity_id, max(seq) AS seq FROM audit_events
      WHERE at <= ${cutoff} AND entity_type IN (${types}) AND entity_id IS NOT NULL
        AND action NOT IN ('attach_document', 'remove_document')
      GROUP BY entity_type, entity_id
    )
    SELECT e.seq AS seq, e.at AS at, e.action AS action, e.entity_type AS entityType, e.entity_id AS entityId, e.after AS after
    FROM audit_events e JOIN last_whole l ON e.entity_type = l.entity_type AND e.entity_id = l.entity_id AND e.seq >= l.seq
    WHERE e.at <= ${cutoff}
    ORDER BY e.seq`)
  return rows.map((r) => ({ ...r, after: r.after === null ? null : (JSON.parse(r.after) as unknown) }))
}

/** The registry as it stood at `cutoff` (an ISO instant), rebuilt from the audit trail. */
export function loadSnapshotAsOf(db: DbOrTx, cutoff: string): RegistrySnapshot {
  return snapshotFromState(rebuildState(loadDecidingEvents(db, cutoff), cutoff), cutoff)
}

/** The registry as it is now, read from the tables in the shapes the audit trail records. */
export function loadCurrentSnapshot(db: DbOrTx): RegistrySnapshot {
  const dpaRows = db.select().from(dpas).all()
  const documents = new Map(
    db
      .select({
        dpaId: dpaDocuments.dpaId,
        fileName: dpaDocuments.fileName,
        size: dpaDocuments.size,
        sha256: dpaDocuments.sha256,
        uploadedAt: dpaDocuments.uploadedAt,
      })
      .from(dpaDocuments)
      .all()
      .map(({ dpaId, ...doc }): [number, DpaDocument] => [dpaId, doc]),
  )
  return {
    asOf: null,
    organisation: findOrganisation(db),
    processors: db.select().from(processors).all().map(processorRecord).sort(byNumericId),
    transfers: db.select().from(transfers).all().map(toTransfer).sort(byNumericId),
    dpas: dpaRows.map((d) => toDpa(d, documents.get(d.id) ?? null)).sort(byNumericId),
    activities: loadActivityRecords(db).sort(byNumericId),
    dataCategories: db.select().from(dataCategories).all().map(toDataCategoryRecord).sort(byNumericId),
    dataSubjectCategories: db.select().from(dataSubjectCategories).all().map(toDataSubjectCategoryRecord).sort(byNumericId),
  }
}
