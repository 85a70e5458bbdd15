/**
 * The shared vocabulary of the records of processing: categories of personal data (with the
 * Art. 9(1) special categories flagged) and categories of data subjects. An activity refers to a
 * category by id, so that the same category is one thing across every activity; a category in use
 * cannot be deleted.
 */
import { asc, eq, sql } from 'drizzle-orm'
import {
  type DataCategory,
  type DataCategoryInput,
  type DataCategoryUpdate,
  type DataSubjectCategory,
  type DataSubjectCategoryInput,
  type DataSubjectCategoryUpdate,
  type FieldError,
  type LocalizedText,
  type UsedBy,
  type VocabularyMerge,
} from '@seloste/schema'
import type { z } from 'zod'
import type { DbOrTx } from '../db/client'
import { activities, activityDataCategories, activityDataSubjects, dataCategories, dataSubjectCategories } from '../db/schema'
import { AppError, invalid, notFound } from '../lib/app-error'
import type { DataCategoryRecord, DataSubjectCategoryRecord } from '../exports/snapshot'
import { replaceCategoryInActivities } from './activities'
import { recordAudit } from './audit'
import { nowIso, type ServiceContext } from './context'
import { requireVersion } from './versions'

type DataCategoryRow = typeof dataCategories.$inferSelect
type DataSubjectCategoryRow = typeof dataSubjectCategories.$inferSelect

/** A data category as the audit trail records it (its usage count changes without an event of its own). */

export function toDataCategoryRecord(row: DataCategoryRow): DataCategoryRecord {
  return {
    id: row.id,
    name: { fi: row.nameFi, en: row.nameEn },
    special: row.special,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

export function toDataSubjectCategoryRecord(row: DataSubjectCategoryRow): DataSubjectCategoryRecord {
  return { id: row.id, name: { fi: row.nameFi, en: row.nameEn }, version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt }
}

const normalName = (s: string) => s.trim().toLocaleLowerCase('fi')

/** The same name (in either language, ignoring case) may not mean two categories. */
function checkUniqueName(
  existing: { id: number; nameFi: string; nameEn: string }[],
  id: number | null,
  name: LocalizedText,
  what: string,
): void {
  const fields: FieldError[] = []
  for (const lang of ['fi', 'en'] as const) {
    const wanted = normalName(name[lang])
    if (!wanted) continue
    const clash = existing.find((e) => e.id !== id && normalName(lang === 'fi' ? e.nameFi : e.nameEn) === wanted)
    if (clash) fields.push({ path: `name.${lang}`, message: `There already is a ${what} with this name (id ${clash.id})` })
  }
  if (fields.length) throw invalid(fields)
}

/** The activities that use a category, for the answer that refuses its removal. */
function usedBy(db: DbOrTx, table: typeof activityDataCategories | typeof activityDataSubjects, categoryId: number): UsedBy[] {
  return db
    .select({ id: activities.id, fi: activities.nameFi, en: activities.nameEn })
    .from(table)
    .innerJoin(activities, eq(activities.id, table.activityId))
    .where(eq(table.categoryId, categoryId))
    .orderBy(asc(activities.id))
    .all()
    .map((a) => ({ type: 'activity' as const, id: a.id, name: { fi: a.fi, en: a.en } }))
}

function usageCounts(db: DbOrTx, table: typeof activityDataCategories | typeof activityDataSubjects): Map<number, number> {
  const rows = db
    .select({ id: table.categoryId, n: sql<number>`count(*)` })
    .from(table)
    .groupBy(table.categoryId)
    .all()
  return new Map(rows.map((r) => [r.id, r.n]))
}

/** Refuses with 409 while the entry is in use; the body lists every activity that uses it. */
function refuseWhileInUse(users: UsedBy[], what: string): void {
  if (users.length === 0) return
  const names = users.map((u) => u.name.en || u.name.fi)
  const shown = names
    .slice(0, 5)
    .map((n) => `"${n}"`)
    .join(', ')
  const more = names.length > 5 ? ` and ${names.length - 5} more` : ''
  throw new AppError(
    'conflict',
    `The ${what} is used by ${names.length} processing ${names.length === 1 ? 'activity' : 'activities'} (${shown}${more}); remove it from them first, or merge it into another`,
    { usedBy: users },
  )
}

/** The entry a merge moves every use to: another entry of the same vocabulary (a 400 naming `into` otherwise). */
function mergeTarget<T>(found: T | undefined, fromId: number, intoId: number, what: string): T {
  if (intoId === fromId) throw invalid([{ path: 'into', message: `Choose another ${what} to merge into` }])
  if (!found) throw invalid([{ path: 'into', message: `There is no ${what} with id ${intoId}` }])
  return found
}

// ---- Categories of personal data -------------------------------------------------------

export function listDataCategories(db: DbOrTx): DataCategory[] {
  const counts = usageCounts(db, activityDataCategories)
  return db
    .select()
    .from(dataCategories)
    .orderBy(sql`${dataCategories.nameFi} COLLATE NOCASE`, asc(dataCategories.id))
    .all()
    .map((r) => ({ ...toDataCategoryRecord(r), activityCount: counts.get(r.id) ?? 0 }))
}

function findDataCategory(db: DbOrTx, id: number): DataCategoryRow | undefined {
  return db.select().from(dataCategories).where(eq(dataCategories.id, id)).get()
}

export function getDataCategory(db: DbOrTx, id: number): DataCategory {
  const row = findDataCategory(db, id)
  if (!row) throw notFound('Data category')
  const activityCount = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM activity_data_categories WHERE category_id = ${id}`).n
  return { ...toDataCategoryRecord(row), activityCount }
}

export function createDataCategory(ctx: ServiceContext, input: z.output<typeof DataCategoryInput>): DataCategory {
  return ctx.db.transaction(
    (tx) => {
      checkUniqueName(tx.select().from(dataCategories).all(), null, input.name, 'data category')
      const now = nowIso()
      const row = tx
        .insert(dataCategories)
        .values({ nameFi: input.name.fi, nameEn: input.name.en, special: input.special, version: 1, createdAt: now, updatedAt: now })
        .returning()
        .get()
      recordAudit(tx, ctx, { action: 'create', entityType: 'data_category', entityId: row.id, after: toDataCategoryRecord(row) })
      return getDataCategory(tx, row.id)
    },
    { behavior: 'immediate' },
  )
}

export function updateDataCategory(ctx: ServiceContext, id: number, input: z.output<typeof DataCategoryUpdate>): DataCategory {
  return ctx.db.transaction(
    (tx) => {
      const before = requireVersion(findDataCategory(tx, id), input.version, 'Data category', () => getDataCategory(tx, id))
      const name = input.name ?? { fi: before.nameFi, en: before.nameEn }
      checkUniqueName(tx.select().from(dataCategories).all(), id, name, 'data category')
      const row = tx
        .update(dataCategories)
        .set({
          nameFi: name.fi,
          nameEn: name.en,
          special: input.special ?? before.special,
          version: before.version + 1,
          updatedAt: nowIso(),
        })
        .where(eq(dataCategories.id, id))
        .returning()
        .get()!
      recordAudit(tx, ctx, {
        action: 'update',
        entityType: 'data_category',
        entityId: id,
        before: toDataCategoryRecord(before),
        after: toDataCategoryRecord(row),
      })
      return getDataCategory(tx, id)
    },
    { behavior: 'immediate' },
  )
}

export function deleteDataCategory(ctx: ServiceContext, id: number, version: number): void {
  ctx.db.transaction(
    (tx) => {
      const before = requireVersion(findDataCategory(tx, id), version, 'Data category', () => getDataCategory(tx, id))
      refuseWhileInUse(usedBy(tx, activityDataCategories, id), 'data category')
      tx.delete(dataCategories).where(eq(dataCategories.id, id)).run()
      recordAudit(tx, ctx, { action: 'delete', entityType: 'data_category', entityId: id, before: toDataCategoryRecord(before) })
    },
    { behavior: 'immediate' },
  )
}

/**
 * Merges a data category into another: every activity that uses it uses `into` instead (each an
 * audited update), then the category is removed with a `merge` event whose `after` is null and
 * whose `before` is the category and the entry it was merged into. One transaction.
 * Refused when only one of the two is an Art. 9(1) special category (the merge would change what
 * the records say about special categories): change the flag first.
 */
export function mergeDataCategory(
  ctx: ServiceContext,
  id: number,
  input: z.output<typeof VocabularyMerge>,
): { into: DataCategory; changedActivityIds: number[] } {
  return ctx.db.transaction(
    (tx) => {
      const before = requireVersion(findDataCategory(tx, id), input.version, 'Data category', () => getDataCategory(tx, id))
      const into = mergeTarget(findDataCategory(tx, input.into), id, input.into, 'data category')
      if (into.special !== before.special) {
        throw invalid([
          {
            path: 'into',
            message: 'Only one of the two is a special category of personal data (Art. 9(1)); make them agree before merging',
          },
        ])
      }
      const changedActivityIds = replaceCategoryInActivities(tx, ctx, 'data', id, input.into)
      tx.delete(dataCategories).where(eq(dataCategories.id, id)).run()
      recordAudit(tx, ctx, {
        action: 'merge',
        entityType: 'data_category',
        entityId: id,
        before: { ...toDataCategoryRecord(before), mergedInto: { id: into.id, name: { fi: into.nameFi, en: into.nameEn } } },
      })
      return { into: getDataCategory(tx, input.into), changedActivityIds }
    },
    { behavior: 'immediate' },
  )
}

// ---- Categories of data subjects ---------------------------------------------------------

export function listDataSubjectCategories(db: DbOrTx): DataSubjectCategory[] {
  const counts = usageCounts(db, activityDataSubjects)
  return db
    .select()
    .from(dataSubjectCategories)
    .orderBy(sql`${dataSubjectCategories.nameFi} COLLATE NOCASE`, asc(dataSubjectCategories.id))
    .all()
    .map((r) => ({ ...toDataSubjectCategoryRecord(r), activityCount: counts.get(r.id) ?? 0 }))
}

function findDataSubjectCategory(db: DbOrTx, id: number): DataSubjectCategoryRow | undefined {
  return db.select().from(dataSubjectCategories).where(eq(dataSubjectCategories.id, id)).get()
}

export function getDataSubjectCategory(db: DbOrTx, id: number): DataSubjectCategory {
  const row = findDataSubjectCategory(db, id)
  if (!row) throw notFound('Category of data subjects')
  const activityCount = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM activity_data_subjects WHERE category_id = ${id}`).n
  return { ...toDataSubjectCategoryRecord(row), activityCount }
}

export function createDataSubjectCategory(ctx: ServiceContext, input: z.output<typeof DataSubjectCategoryInput>): DataSubjectCategory {
  return ctx.db.transaction(
    (tx) => {
      checkUniqueName(tx.select().from(dataSubjectCategories).all(), null, input.name, 'category of data subjects')
      const now = nowIso()
      const row = tx
        .insert(dataSubjectCategories)
        .values({ nameFi: input.name.fi, nameEn: input.name.en, version: 1, createdAt: now, updatedAt: now })
        .returning()
        .get()
      recordAudit(tx, ctx, {
        action: 'create',
        entityType: 'data_subject_category',
        entityId: row.id,
        after: toDataSubjectCategoryRecord(row),
      })
      return getDataSubjectCategory(tx, row.id)
    },
    { behavior: 'immediate' },
  )
}

export function updateDataSubjectCategory(
  ctx: ServiceContext,
  id: number,
  input: z.output<typeof DataSubjectCategoryUpdate>,
): DataSubjectCategory {
  return ctx.db.transaction(
    (tx) => {
      const before = requireVersion(findDataSubjectCategory(tx, id), input.version, 'Category of data subjects', () =>
        getDataSubjectCategory(tx, id),
      )
      const name = input.name ?? { fi: before.nameFi, en: before.nameEn }
      checkUniqueName(tx.select().from(dataSubjectCategories).all(), id, name, 'category of data subjects')
      const row = tx
        .update(dataSubjectCategories)
        .set({ nameFi: name.fi, nameEn: name.en, version: before.version + 1, updatedAt: nowIso() })
        .where(eq(dataSubjectCategories.id, id))
        .returning()
        .get()!
      recordAudit(tx, ctx, {
        action: 'update',
        entityType: 'data_subject_category',
        entityId: id,
        before: toDataSubjectCategoryRecord(before),
        after: toDataSubjectCategoryRecord(row),
      })
      return getDataSubjectCategory(tx, id)
    },
    { behavior: 'immediate' },
  )
}

export function deleteDataSubjectCategory(ctx: ServiceContext, id: number, version: number): void {
  ctx.db.transaction(
    (tx) => {
      const before = requireVersion(findDataSubjectCategory(tx, id), version, 'Category of data subjects', () =>
        getDataSubjectCategory(tx, id),
      )
      refuseWhileInUse(usedBy(tx, activityDataSubjects, id), 'category of data subjects')
      tx.delete(dataSubjectCategories).where(eq(dataSubjectCategories.id, id)).run()
      recordAudit(tx, ctx, {
        action: 'delete',
        entityType: 'data_subject_category',
        entityId: id,
        before: toDataSubjectCategoryRecord(before),
      })
    },
    { behavior: 'immediate' },
  )
}

/**
 * Merges a category of data subjects into another: every activity that uses it uses `into`
 * instead (each an audited update), then the category is removed with a `merge` event. One transaction.
 */
export function mergeDataSubjectCategory(
  ctx: ServiceContext,
  id: number,
  input: z.output<typeof VocabularyMerge>,
): { into: DataSubjectCategory; changedActivityIds: number[] } {
  return ctx.db.transaction(
    (tx) => {
      const before = requireVersion(findDataSubjectCategory(tx, id), input.version, 'Category of data subjects', () =>
        getDataSubjectCategory(tx, id),
      )
      const into = mergeTarget(findDataSubjectCategory(tx, input.into), id, input.into, 'category of data subjects')
      const changedActivityIds = replaceCategoryInActivities(tx, ctx, 'subjects', id, input.into)
      tx.delete(dataSubjectCategories).where(eq(dataSubjectCategories.id, id)).run()
      recordAudit(tx, ctx, {
        action: 'merge',
        entityType: 'data_subject_category',
        entityId: id,
        before: { ...toDataSubjectCategoryRecord(before), mergedInto: { id: into.id, name: { fi: into.nameFi, en: into.nameEn } } },
      })
      return { into: getDataSubjectCategory(tx, input.into), changedActivityIds }
    },
    { behavior: 'immediate' },
  )
}
