import { sql } from 'drizzle-orm'
import { ActivityInput, DataCategoryInput, DataSubjectCategoryInput, DpaInput, ProcessorInput, TransferInput } from '@seloste/schema'
import type { Db } from '../db/client'
import { activities, processors } from '../db/schema'
import { createActivity, deleteActivity } from '../services/activities'
import { systemContext } from '../services/context'
import { createDpa } from '../services/dpas'
import { createOrganisation, findOrganisation } from '../services/organisation'
import { createProcessor, deleteProcessor } from '../services/processors'
import { createTransfer } from '../services/transfers'
import {
  createDataCategory,
  createDataSubjectCategory,
  deleteDataCategory,
  deleteDataSubjectCategory,
  listDataCategories,
  listDataSubjectCategories,
} from '../services/vocabulary'
import {
  DEMO_ACTIVITIES,
  DEMO_DATA_CATEGORIES,
  DEMO_DATA_SUBJECT_CATEGORIES,
  type DemoCategoryKey,
  type DemoSubjectKey,
} from './demo-activities'
import { DEMO_ORGANISATION, DEMO_PROCESSORS, DEMO_PUBLISHED_ON } from './demo-data'
import { latestVersion, publishPublicList } from '../services/public-list'
import { getNoticeTexts, updateNoticeTexts } from '../services/notice-texts'
import { DEMO_NOTICE_TEXTS } from './demo-notice'

export interface SeedResult {
  organisation: boolean
  processors: number
}

/**
 * Loads the reference company into an empty registry. Idempotent: the organisation is created
 * only when missing and processors only when the registry has none, so a second run adds nothing.
 * Everything goes through the services, so the demo data passes the same rules and leaves the same
 * audit trail as a person's edits.
 */
export function seedDemoData(db: Db): SeedResult {
  const ctx = systemContext(db)
  const result: SeedResult = { organisation: false, processors: 0 }
  if (!findOrganisation(db)) {
    createOrganisation(ctx, DEMO_ORGANISATION)
    result.organisation = true
  }
  const existing = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM processors`).n
  if (existing > 0) {
    seedDemoActivities(db)
    return result
  }
  // The privacy notice's free-text blocks, in the policy's own words (only into a registry that has none).
  if (getNoticeTexts(db).version === 0) updateNoticeTexts(ctx, { ...DEMO_NOTICE_TEXTS, version: 0 })

  const ids = new Map<string, number>()
  for (const demo of DEMO_PROCESSORS) {
    const parentId = demo.parentKey ? ids.get(demo.parentKey) : undefined
    const created = createProcessor(ctx, ProcessorInput.parse({ ...demo.processor, parentId: parentId ?? null }))
    ids.set(demo.key, created.id)
    for (const t of demo.transfers ?? []) createTransfer(ctx, created.id, TransferInput.parse(t))
    if (demo.dpa) createDpa(ctx, created.id, DpaInput.parse(demo.dpa))
    result.processors++
  }
  // The reference policy's sections 6 and 7 as the first published version, dated as the policy.
  if (!latestVersion(db)) publishPublicList(ctx, { basedOnVersion: 0, date: DEMO_PUBLISHED_ON, confirmUnknownLocations: true })
  seedDemoActivities(db)
  return result
}

/**
 * Adds the reference policy's records of processing activities (seed/demo-activities.ts) with their
 * vocabulary, linked to the demo processors. Idempotent, and only into the demo registry: nothing is
 * added when there already are activities, or when the demo's processors are not all there (a
 * registry of one's own). Vocabulary terms that exist (by Finnish name) are reused. Returns how many
 * activities were added.
 */
export function seedDemoActivities(db: Db): number {
  const ctx = systemContext(db)
  if (db.get<{ n: number }>(sql`SELECT count(*) AS n FROM activities`).n > 0) return 0
  const processorIds = new Map(
    db
      .select({ id: processors.id, displayName: processors.displayName })
      .from(processors)
      .all()
      .map((p) => [p.displayName, p.id]),
  )
  if (!DEMO_ACTIVITIES.every((a) => a.processors.every((name) => processorIds.has(name)))) return 0

  const subjects = new Map(listDataSubjectCategories(db).map((c) => [c.name.fi, c.id]))
  const subjectId = (key: DemoSubjectKey) => {
    const input = DataSubjectCategoryInput.parse(DEMO_DATA_SUBJECT_CATEGORIES[key])
    const id = subjects.get(input.name.fi) ?? createDataSubjectCategory(ctx, input).id
    subjects.set(input.name.fi, id)
    return id
  }
  const categories = new Map(listDataCategories(db).map((c) => [c.name.fi, c.id]))
  const categoryId = (key: DemoCategoryKey) => {
    const input = DataCategoryInput.parse(DEMO_DATA_CATEGORIES[key])
    const id = categories.get(input.name.fi) ?? createDataCategory(ctx, input).id
    categories.set(input.name.fi, id)
    return id
  }
  for (const demo of DEMO_ACTIVITIES) {
    createActivity(
      ctx,
      ActivityInput.parse({
        ...demo.activity,
        dataSubjectCategoryIds: demo.dataSubjects.map(subjectId),
        dataCategories: demo.dataCategories.map((k) => ({ id: categoryId(k), retention: demo.categoryRetention?.[k] ?? null })),
        processorIds: demo.processors.map((name) => processorIds.get(name)!),
      }),
    )
  }
  return DEMO_ACTIVITIES.length
}

/**
 * Deletes every processing activity and vocabulary term, then every processor (with its transfers and
 * DPAs), leaves first so that no parent is deleted before its subsidiaries, all through the services,
 * and loads the demo data again. Each deletion is audited.
 */
export function resetDemoData(db: Db): SeedResult {
  const ctx = systemContext(db)
  // The activities and their vocabulary go first, so that they are loaded afresh with the processors.
  for (const a of db.select({ id: activities.id, version: activities.version }).from(activities).all()) deleteActivity(ctx, a.id, a.version)
  for (const c of listDataCategories(db)) deleteDataCategory(ctx, c.id, c.version)
  for (const c of listDataSubjectCategories(db)) deleteDataSubjectCategory(ctx, c.id, c.version)
  for (;;) {
    const leaves = db
      .select({ id: processors.id, version: processors.version })
      .from(processors)
      .where(sql`NOT EXISTS (SELECT 1 FROM processors c WHERE c.parent_id = ${processors.id})`)
      .all()
    if (leaves.length === 0) break
    for (const p of leaves) deleteProcessor(ctx, p.id, p.version)
  }
  return seedDemoData(db)
}
