import { asc, desc } from 'drizzle-orm'
import type { Processor } from '@seloste/schema'
import type { DbOrTx } from '../db/client'
import { dpas, processors, transfers } from '../db/schema'
import { processorFields, toDpa, toTransfer } from './mappers'
import { documentsFor } from './processors'

/**
 * Every processor with its transfers and DPAs, in three queries (not one per processor), for the
 * checks and reports that read the whole registry.
 */
export function loadAllProcessors(db: DbOrTx): Processor[] {
  const rows = db.select().from(processors).orderBy(asc(processors.id)).all()
  const transferRows = db.select().from(transfers).orderBy(asc(transfers.id)).all()
  const dpaRows = db.select().from(dpas).orderBy(desc(dpas.id)).all()
  const documents = documentsFor(
    db,
    dpaRows.map((d) => d.id),
  )
  const refs = new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.displayName, displayNameEn: r.displayNameEn }]))
  const group = <T extends { processorId: number }>(items: T[]) => {
    const map = new Map<number, T[]>()
    for (const item of items) map.set(item.processorId, [...(map.get(item.processorId) ?? []), item])
    return map
  }
  const transfersBy = group(transferRows)
  const dpasBy = group(dpaRows)
  const children = new Map<number, { id: number; displayName: string; displayNameEn: string | null }[]>()
  for (const r of rows) if (r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), refs.get(r.id)!])
  return rows.map((r) => ({
    ...processorFields(r),
    parent: r.parentId ? (refs.get(r.parentId) ?? { id: r.parentId, displayName: '', displayNameEn: null }) : null,
    subsidiaries: children.get(r.id) ?? [],
    transfers: (transfersBy.get(r.id) ?? []).map(toTransfer),
    dpas: (dpasBy.get(r.id) ?? []).map((d) => toDpa(d, documents.get(d.id) ?? null)),
  }))
}
