/**
 * The activities list: filters and sorting over the records of processing, with each activity's open
 * findings. A module of its own because it reads the findings, and the findings read the activities
 * (`activity-views.ts` -> `activities.ts`): kept here, the imports stay one way.
 */
import { isInEea, type ActivityList, type ActivityListItem, type ActivityListQuery, type LegalBasis } from '@seloste/schema'
import type { z } from 'zod'
import type { DbOrTx } from '../db/client'
import { transfers } from '../db/schema'
import { byName, loadActivityRecords } from './activities'
import { listFindings, todayIso } from './findings'

/** Open (not acknowledged) findings per activity: all of them, and whether "no retention period" is among them. */
function openFindingsOfActivities(db: DbOrTx, today: string): Map<number, { count: number; noRetention: boolean }> {
  const out = new Map<number, { count: number; noRetention: boolean }>()
  for (const f of listFindings(db, { entityType: 'activity' }, today).open) {
    if (f.entity.id === null) continue
    const seen = out.get(f.entity.id) ?? { count: 0, noRetention: false }
    seen.count++
    if (f.checkId === 'activity-no-retention') seen.noRetention = true
    out.set(f.entity.id, seen)
  }
  return out
}

export function listActivities(db: DbOrTx, q: z.output<typeof ActivityListQuery>, today = todayIso()): ActivityList {
  let records = loadActivityRecords(db)
  if (q.status) records = records.filter((r) => r.status === q.status)
  if (q.q) {
    const term = q.q.toLocaleLowerCase('fi')
    records = records.filter((r) => `${r.name.fi}\n${r.name.en}`.toLocaleLowerCase('fi').includes(term))
  }
  if (q.legalBasis) records = records.filter((r) => r.purposes.some((p) => p.legalBasis === q.legalBasis))
  if (q.subject !== undefined) records = records.filter((r) => r.dataSubjectCategories.some((s) => s.id === q.subject))
  if (q.processor !== undefined) records = records.filter((r) => r.processors.some((p) => p.id === q.processor))

  const findings = openFindingsOfActivities(db, today)
  if (q.gap === 'findings') records = records.filter((r) => (findings.get(r.id)?.count ?? 0) > 0)
  if (q.gap === 'noRetention') records = records.filter((r) => findings.get(r.id)?.noRetention === true)

  const outsideIds = new Set(
    db
      .select({ processorId: transfers.processorId, country: transfers.country })
      .from(transfers)
      .all()
      .filter((t) => !isInEea(t.country))
      .map((t) => t.processorId),
  )
  const items: ActivityListItem[] = records.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    owner: r.owner,
    nextReviewOn: r.nextReviewOn,
    legalBases: [...new Set(r.purposes.map((p) => p.legalBasis).filter((b): b is LegalBasis => b !== null))].sort(),
    purposeCount: r.purposes.length,
    processorCount: r.processors.length,
    specialCategories: r.dataCategories.some((c) => c.special),
    outsideEea: r.processors.some((p) => outsideIds.has(p.id)),
    dpiaStatus: r.dpiaStatus,
    openFindings: findings.get(r.id)?.count ?? 0,
    version: r.version,
    updatedAt: r.updatedAt,
  }))
  // Ties fall back to the name (A to Z), so the order is the same each time.
  const sign = q.order === 'desc' ? -1 : 1
  const primary: (a: ActivityListItem, b: ActivityListItem) => number =
    q.sort === 'updatedAt'
      ? (a, b) => a.updatedAt.localeCompare(b.updatedAt)
      : q.sort === 'findings'
        ? (a, b) => a.openFindings - b.openFindings
        : () => 0
  items.sort((a, b) => sign * primary(a, b) || (q.sort === 'name' ? sign : 1) * byName(a, b))
  return { items, total: items.length }
}
