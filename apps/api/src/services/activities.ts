/**
 * Records of processing activities (GDPR Art. 30(1)): each activity with its purposes and legal
 * bases, the vocabulary's categories of data subjects and personal data, retention, sources,
 * recipients (processors of the registry and others) and the rest of what the record must say.
 * Transfers outside the EEA are never typed on an activity: they are derived from the linked
 * processors' transfers when the activity is read or exported.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm'
import {
  ActivityRules,
  activityDefaults,
  canonicalJson,
  fieldErrorsFrom,
  normalisePurpose,
  withPurposeDefaults,
  normaliseRetention,
  type Activity,
  type ActivityDataCategory,
  type ActivityFields,
  type ActivityInputParsed,
  type ActivityMatrix,
  type ActivityProcessor,
  type ActivityRecord,
  type ActivityRef,
  type ActivityUpdateParsed,
  type FieldError,
  type Transfer,
  type VocabularyRef,
} from '@seloste/schema'
import type { DbOrTx } from '../db/client'
import {
  activities,
  activityDataCategories,
  activityDataSubjects,
  activityProcessors,
  dataCategories,
  dataSubjectCategories,
  processors,
  transfers,
} from '../db/schema'
import { AppError, invalid, notFound } from '../lib/app-error'
import { deriveThirdCountryTransfers } from '../exports/snapshot'
import { recordAudit } from './audit'
import { nowIso, type ServiceContext } from './context'
import { toTransfer } from './mappers'
import { requireVersion, changesNothing } from './versions'

type ActivityRow = typeof activities.$inferSelect

/** Fields whose change does not undo an approval: they say who looks after the record and when, not what it says. */
const ADMINISTRATIVE_FIELDS = new Set<string>(['owner', 'nextReviewOn'])

// ---- Reading ---------------------------------------------------------------------------

/** The activities' own rows with their vocabulary and processors, in the audit trail's shape. */
export function loadActivityRecords(db: DbOrTx, ids?: number[]): ActivityRecord[] {
  if (ids && ids.length === 0) return []
  const rows = ids ? db.select().from(activities).where(inArray(activities.id, ids)).all() : db.select().from(activities).all()
  if (rows.length === 0) return []
  const filter = <T extends { activityId: unknown }>(t: T) => (ids ? inArray(t.activityId as typeof activities.id, ids) : undefined)

  const subjects = db
    .select({
      activityId: activityDataSubjects.activityId,
      id: dataSubjectCategories.id,
      fi: dataSubjectCategories.nameFi,
      en: dataSubjectCategories.nameEn,
    })
    .from(activityDataSubjects)
    .innerJoin(dataSubjectCategories, eq(dataSubjectCategories.id, activityDataSubjects.categoryId))
    .where(filter(activityDataSubjects))
    .orderBy(asc(activityDataSubjects.activityId), asc(activityDataSubjects.position))
    .all()
  const categories = db
    .select({
      activityId: activityDataCategories.activityId,
      id: dataCategories.id,
      fi: dataCategories.nameFi,
      en: dataCategories.nameEn,
      special: dataCategories.special,
      retention: activityDataCategories.retention,
    })
    .from(activityDataCategories)
    .innerJoin(dataCategories, eq(dataCategories.id, activityDataCategories.categoryId))
    .where(filter(activityDataCategories))
    .orderBy(asc(activityDataCategories.activityId), asc(activityDataCategories.position))
    .all()
  const linked = db
    .select({
      activityId: activityProcessors.activityId,
      id: processors.id,
      displayName: processors.displayName,
      displayNameEn: processors.displayNameEn,
      role: processors.role,
      status: processors.status,
    })
    .from(activityProcessors)
    .innerJoin(processors, eq(processors.id, activityProcessors.processorId))
    .where(filter(activityProcessors))
    .orderBy(sql`${processors.displayName} COLLATE NOCASE`, asc(processors.id))
    .all()

  const group = <T extends { activityId: number }, U>(items: T[], map: (t: T) => U) => {
    const out = new Map<number, U[]>()
    for (const item of items) {
      const list = out.get(item.activityId) ?? []
      list.push(map(item))
      out.set(item.activityId, list)
    }
    return out
  }
  const subjectsOf = group(subjects, (s): VocabularyRef => ({ id: s.id, name: { fi: s.fi, en: s.en } }))
  const categoriesOf = group(categories, (c): ActivityDataCategory => ({
    id: c.id,
    name: { fi: c.fi, en: c.en },
    special: c.special,
    retention: c.retention ?? null,
  }))
  const processorsOf = group(linked, (p): ActivityProcessor => ({
    id: p.id,
    displayName: p.displayName,
    displayNameEn: p.displayNameEn,
    role: p.role,
    status: p.status,
  }))
  return rows.map((row) => toRecord(row, subjectsOf.get(row.id) ?? [], categoriesOf.get(row.id) ?? [], processorsOf.get(row.id) ?? []))
}

function toRecord(
  row: ActivityRow,
  subjects: VocabularyRef[],
  categories: ActivityDataCategory[],
  linked: ActivityProcessor[],
): ActivityRecord {
  return {
    id: row.id,
    name: { fi: row.nameFi, en: row.nameEn },
    description: { fi: row.descriptionFi, en: row.descriptionEn },
    owner: row.owner,
    status: row.status,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt,
    nextReviewOn: row.nextReviewOn,
    // Purposes stored before the tracking fields existed read as "not assessed".
    purposes: row.purposes.map(withPurposeDefaults),
    dataSubjectCategories: subjects,
    dataCategories: categories,
    retention: row.retention ?? null,
    sources: row.sources,
    sourcesOther: { fi: row.sourcesOtherFi, en: row.sourcesOtherEn },
    processors: linked,
    otherRecipients: row.otherRecipients,
    securityMeasures: { fi: row.securityMeasuresFi, en: row.securityMeasuresEn },
    automatedDecisionMaking: row.automatedDecisionMaking,
    profiling: row.profiling,
    automatedDecisionDescription: { fi: row.automatedDecisionDescriptionFi, en: row.automatedDecisionDescriptionEn },
    dpiaStatus: row.dpiaStatus,
    dpiaUrl: row.dpiaUrl,
    rights: row.rights,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

function findRecord(db: DbOrTx, id: number): ActivityRecord | undefined {
  return loadActivityRecords(db, [id])[0]
}

function transfersOf(db: DbOrTx, processorIds: number[]): Transfer[] {
  if (processorIds.length === 0) return []
  return db.select().from(transfers).where(inArray(transfers.processorId, processorIds)).all().map(toTransfer)
}

function withDerived(db: DbOrTx, record: ActivityRecord): Activity {
  return {
    ...record,
    thirdCountryTransfers: deriveThirdCountryTransfers(
      record.processors,
      transfersOf(
        db,
        record.processors.map((p) => p.id),
      ),
    ),
  }
}

export function getActivity(db: DbOrTx, id: number): Activity {
  const record = findRecord(db, id)
  if (!record) throw notFound('Processing activity')
  return withDerived(db, record)
}

/** Sort key of a localized name: Finnish first (the policy's language), English when there is no Finnish. */
const nameKey = (name: { fi: string; en: string }) => (name.fi || name.en).toLocaleLowerCase('fi')
export const byName = <T extends { id: number; name: { fi: string; en: string } }>(a: T, b: T) =>
  nameKey(a.name).localeCompare(nameKey(b.name), 'fi') || a.id - b.id

/** Every activity against every processor, with the links: the dashboard's matrix. */
export function activityMatrix(db: DbOrTx): ActivityMatrix {
  const rows = db
    .select({ id: activities.id, fi: activities.nameFi, en: activities.nameEn, status: activities.status })
    .from(activities)
    .all()
  const refs: ActivityRef[] = rows.map((r) => ({ id: r.id, name: { fi: r.fi, en: r.en }, status: r.status })).sort(byName)
  const columns = db
    .select({
      id: processors.id,
      displayName: processors.displayName,
      displayNameEn: processors.displayNameEn,
      role: processors.role,
      status: processors.status,
    })
    .from(processors)
    .orderBy(sql`${processors.displayName} COLLATE NOCASE`, asc(processors.id))
    .all()
  const links = db
    .select({ activityId: activityProcessors.activityId, processorId: activityProcessors.processorId })
    .from(activityProcessors)
    .orderBy(asc(activityProcessors.activityId), asc(activityProcessors.processorId))
    .all()
  return { activities: refs, processors: columns, links }
}

/** The activities a processor serves, sorted by name. */
export function activitiesOfProcessor(db: DbOrTx, processorId: number): ActivityRef[] {
  if (!db.select({ id: processors.id }).from(processors).where(eq(processors.id, processorId)).get()) throw notFound('Processor')
  return db
    .select({ id: activities.id, fi: activities.nameFi, en: activities.nameEn, status: activities.status })
    .from(activityProcessors)
    .innerJoin(activities, eq(activities.id, activityProcessors.activityId))
    .where(eq(activityProcessors.processorId, processorId))
    .all()
    .map((r) => ({ id: r.id, name: { fi: r.fi, en: r.en }, status: r.status }))
    .sort(byName)
}

// ---- Changing --------------------------------------------------------------------------

/** The editable fields of a stored record, in the shape of the API's input. */
function fieldsOf(r: ActivityRecord): ActivityFields {
  return {
    name: r.name,
    description: r.description,
    owner: r.owner,
    nextReviewOn: r.nextReviewOn,
    purposes: r.purposes,
    dataSubjectCategoryIds: r.dataSubjectCategories.map((c) => c.id),
    dataCategories: r.dataCategories.map((c) => ({ id: c.id, retention: c.retention })),
    retention: r.retention,
    sources: r.sources,
    sourcesOther: r.sourcesOther,
    processorIds: r.processors.map((p) => p.id),
    otherRecipients: r.otherRecipients,
    securityMeasures: r.securityMeasures,
    automatedDecisionMaking: r.automatedDecisionMaking,
    profiling: r.profiling,
    automatedDecisionDescription: r.automatedDecisionDescription,
    dpiaStatus: r.dpiaStatus,
    dpiaUrl: r.dpiaUrl,
    rights: r.rights,
  }
}

function missingIds(
  db: DbOrTx,
  table: typeof processors | typeof dataCategories | typeof dataSubjectCategories,
  ids: number[],
): Set<number> {
  if (ids.length === 0) return new Set()
  const found = new Set(
    db
      .select({ id: table.id })
      .from(table)
      .where(inArray(table.id, ids))
      .all()
      .map((r) => r.id),
  )
  return new Set(ids.filter((id) => !found.has(id)))
}

/**
 * Checks the merged record: the activity's own rules, that every reference exists, and the Art. 9
 * condition of each purpose when special categories are processed. Returns the record with the
 * fields of other legal bases and retention kinds cleared.
 */
function checked(db: DbOrTx, merged: ActivityFields): ActivityFields {
  const result = ActivityRules.safeParse(merged)
  if (!result.success) throw invalid(fieldErrorsFrom(result.error.issues))
  const fields = result.data
  const problems: FieldError[] = []
  const noSuchSubject = missingIds(db, dataSubjectCategories, fields.dataSubjectCategoryIds)
  fields.dataSubjectCategoryIds.forEach((id, i) => {
    if (noSuchSubject.has(id)) problems.push({ path: `dataSubjectCategoryIds.${i}`, message: `No category of data subjects with id ${id}` })
  })
  const noSuchCategory = missingIds(
    db,
    dataCategories,
    fields.dataCategories.map((c) => c.id),
  )
  fields.dataCategories.forEach((c, i) => {
    if (noSuchCategory.has(c.id)) problems.push({ path: `dataCategories.${i}.id`, message: `No data category with id ${c.id}` })
  })
  const noSuchProcessor = missingIds(db, processors, fields.processorIds)
  fields.processorIds.forEach((id, i) => {
    if (noSuchProcessor.has(id)) problems.push({ path: `processorIds.${i}`, message: `No processor with id ${id}` })
  })
  const special = fields.dataCategories.length
    ? db
        .select({ fi: dataCategories.nameFi, en: dataCategories.nameEn })
        .from(dataCategories)
        .where(
          sql`${inArray(
            dataCategories.id,
            fields.dataCategories.map((c) => c.id),
          )} AND ${dataCategories.special} = 1`,
        )
        .all()
    : []
  if (special.length > 0) {
    const names = special.map((s) => s.en || s.fi).join(', ')
    fields.purposes.forEach((p, i) => {
      if (!p.art9Condition) {
        problems.push({
          path: `purposes.${i}.art9Condition`,
          message: `Special categories of personal data are processed (${names}): choose the Art. 9(2) condition`,
        })
      }
    })
  }
  if (problems.length) throw invalid(problems)
  const decides = fields.automatedDecisionMaking === true || fields.profiling === true
  return {
    ...fields,
    purposes: fields.purposes.map((p) => ({ ...normalisePurpose(p), art9Condition: special.length > 0 ? p.art9Condition : null })),
    retention: fields.retention ? normaliseRetention(fields.retention) : null,
    dataCategories: fields.dataCategories.map((c) => ({ id: c.id, retention: c.retention ? normaliseRetention(c.retention) : null })),
    automatedDecisionDescription: decides ? fields.automatedDecisionDescription : { fi: '', en: '' },
  }
}

function toColumns(f: ActivityFields) {
  return {
    nameFi: f.name.fi,
    nameEn: f.name.en,
    descriptionFi: f.description.fi,
    descriptionEn: f.description.en,
    owner: f.owner,
    nextReviewOn: f.nextReviewOn,
    purposes: f.purposes,
    retention: f.retention,
    sources: f.sources,
    sourcesOtherFi: f.sourcesOther.fi,
    sourcesOtherEn: f.sourcesOther.en,
    otherRecipients: f.otherRecipients,
    securityMeasuresFi: f.securityMeasures.fi,
    securityMeasuresEn: f.securityMeasures.en,
    automatedDecisionMaking: f.automatedDecisionMaking,
    profiling: f.profiling,
    automatedDecisionDescriptionFi: f.automatedDecisionDescription.fi,
    automatedDecisionDescriptionEn: f.automatedDecisionDescription.en,
    dpiaStatus: f.dpiaStatus,
    dpiaUrl: f.dpiaUrl,
    rights: f.rights,
  }
}

/** Replaces the activity's links to the vocabulary and the processors. */
function writeLinks(tx: DbOrTx, activityId: number, f: ActivityFields): void {
  tx.delete(activityDataSubjects).where(eq(activityDataSubjects.activityId, activityId)).run()
  tx.delete(activityDataCategories).where(eq(activityDataCategories.activityId, activityId)).run()
  tx.delete(activityProcessors).where(eq(activityProcessors.activityId, activityId)).run()
  if (f.dataSubjectCategoryIds.length) {
    tx.insert(activityDataSubjects)
      .values(f.dataSubjectCategoryIds.map((categoryId, position) => ({ activityId, categoryId, position })))
      .run()
  }
  if (f.dataCategories.length) {
    tx.insert(activityDataCategories)
      .values(f.dataCategories.map((c, position) => ({ activityId, categoryId: c.id, retention: c.retention, position })))
      .run()
  }
  if (f.processorIds.length) {
    tx.insert(activityProcessors)
      .values(f.processorIds.map((processorId) => ({ activityId, processorId })))
      .run()
  }
}

function requireRecord(tx: DbOrTx, id: number, version: number): ActivityRecord {
  return requireVersion(findRecord(tx, id), version, 'Processing activity', () => getActivity(tx, id))
}

export function createActivity(ctx: ServiceContext, input: ActivityInputParsed): Activity {
  return ctx.db.transaction(
    (tx) => {
      const fields = checked(tx, { ...activityDefaults(), ...stripUndefined(input) } as ActivityFields)
      const now = nowIso()
      const row = tx
        .insert(activities)
        .values({ ...toColumns(fields), status: 'draft', version: 1, createdAt: now, updatedAt: now })
        .returning({ id: activities.id })
        .get()
      writeLinks(tx, row.id, fields)
      const after = findRecord(tx, row.id)!
      recordAudit(tx, ctx, { action: 'create', entityType: 'activity', entityId: row.id, after })
      return withDerived(tx, after)
    },
    { behavior: 'immediate' },
  )
}

/**
 * Changes the fields sent. A change to what the record says returns an approved activity to
 * draft (the approval was of the old content); a change of owner or review date does not.
 */
export function updateActivity(ctx: ServiceContext, id: number, input: ActivityUpdateParsed): Activity {
  return ctx.db.transaction(
    (tx) => {
      const before = requireRecord(tx, id, input.version)
      const { version: _v, ...patch } = input
      const current = fieldsOf(before)
      const fields = checked(tx, { ...current, ...stripUndefined(patch) } as ActivityFields)
      // A save that changes nothing keeps the version (others' open forms stay valid) and writes no event.
      if (changesNothing(current, fields)) return withDerived(tx, before)
      const contentChanged = (Object.keys(fields) as (keyof ActivityFields)[]).some(
        (k) => !ADMINISTRATIVE_FIELDS.has(k) && canonicalJson(fields[k]) !== canonicalJson(current[k]),
      )
      const approval =
        before.status === 'approved' && contentChanged ? { status: 'draft' as const, approvedBy: null, approvedAt: null } : {}
      tx.update(activities)
        .set({ ...toColumns(fields), ...approval, version: before.version + 1, updatedAt: nowIso() })
        .where(eq(activities.id, id))
        .run()
      writeLinks(tx, id, fields)
      const after = findRecord(tx, id)!
      recordAudit(tx, ctx, { action: 'update', entityType: 'activity', entityId: id, before, after })
      return withDerived(tx, after)
    },
    { behavior: 'immediate' },
  )
}

/**
 * Approves the activity as it stands: it must say what Art. 30(1) requires (a legal basis for
 * every purpose, the categories of data subjects and of personal data).
 */
export function approveActivity(ctx: ServiceContext, id: number, version: number): Activity {
  return ctx.db.transaction(
    (tx) => {
      const before = requireRecord(tx, id, version)
      if (before.status === 'approved') throw new AppError('conflict', 'The activity is already approved')
      const problems: FieldError[] = []
      before.purposes.forEach((p, i) => {
        if (!p.legalBasis) problems.push({ path: `purposes.${i}.legalBasis`, message: 'Choose the legal basis before approving' })
      })
      if (before.dataSubjectCategories.length === 0)
        problems.push({ path: 'dataSubjectCategoryIds', message: 'Name the categories of data subjects before approving' })
      if (before.dataCategories.length === 0)
        problems.push({ path: 'dataCategories', message: 'Name the categories of personal data before approving' })
      if (problems.length) throw invalid(problems, 'The activity is not complete enough to approve')
      const now = nowIso()
      tx.update(activities)
        .set({ status: 'approved', approvedBy: ctx.actor.email, approvedAt: now, version: before.version + 1, updatedAt: now })
        .where(eq(activities.id, id))
        .run()
      const after = findRecord(tx, id)!
      recordAudit(tx, ctx, { action: 'approve', entityType: 'activity', entityId: id, before, after })
      return withDerived(tx, after)
    },
    { behavior: 'immediate' },
  )
}

export function deleteActivity(ctx: ServiceContext, id: number, version: number): void {
  ctx.db.transaction(
    (tx) => {
      const before = requireRecord(tx, id, version)
      tx.delete(activities).where(eq(activities.id, id)).run()
      recordAudit(tx, ctx, { action: 'delete', entityType: 'activity', entityId: id, before })
    },
    { behavior: 'immediate' },
  )
}

/**
 * Called inside the transaction that deletes a processor: each activity it served loses the link,
 * with an audited change of its own (so that the trail, and an export rebuilt from it, agree).
 */
export function unlinkProcessorFromActivities(tx: DbOrTx, ctx: ServiceContext, processorId: number): void {
  const ids = tx
    .select({ id: activityProcessors.activityId })
    .from(activityProcessors)
    .where(eq(activityProcessors.processorId, processorId))
    .all()
  for (const { id } of ids) {
    const before = findRecord(tx, id)!
    tx.delete(activityProcessors)
      .where(sql`${activityProcessors.activityId} = ${id} AND ${activityProcessors.processorId} = ${processorId}`)
      .run()
    tx.update(activities)
      .set({ status: 'draft', approvedBy: null, approvedAt: null, version: before.version + 1, updatedAt: nowIso() })
      .where(eq(activities.id, id))
      .run()
    recordAudit(tx, ctx, { action: 'update', entityType: 'activity', entityId: id, before, after: findRecord(tx, id)! })
  }
}

/**
 * Called inside the transaction that merges vocabulary entry `fromId` into `intoId`: every activity
 * that uses `fromId` uses `intoId` instead, at the same position (an activity that already uses
 * both keeps one, with the retention of `intoId`, or of `fromId` where `intoId` had none). Each
 * changed activity gets a new version and an audited update of its own, so that the trail, and an
 * export rebuilt from it, agree. The approval stands: the merge says the two entries mean the same
 * thing, as a rename does. Returns the ids of the changed activities.
 */
export function replaceCategoryInActivities(
  tx: DbOrTx,
  ctx: ServiceContext,
  kind: 'data' | 'subjects',
  fromId: number,
  intoId: number,
): number[] {
  const table = kind === 'data' ? activityDataCategories : activityDataSubjects
  const ids = tx
    .select({ id: table.activityId })
    .from(table)
    .where(eq(table.categoryId, fromId))
    .orderBy(asc(table.activityId))
    .all()
    .map((r) => r.id)
  for (const id of ids) {
    const before = findRecord(tx, id)!
    if (kind === 'data') {
      const from = tx
        .select()
        .from(activityDataCategories)
        .where(sql`${activityDataCategories.activityId} = ${id} AND ${activityDataCategories.categoryId} = ${fromId}`)
        .get()!
      const into = tx
        .select()
        .from(activityDataCategories)
        .where(sql`${activityDataCategories.activityId} = ${id} AND ${activityDataCategories.categoryId} = ${intoId}`)
        .get()
      if (into) {
        tx.delete(activityDataCategories)
          .where(sql`${activityDataCategories.activityId} = ${id} AND ${activityDataCategories.categoryId} = ${fromId}`)
          .run()
        if (into.retention === null && from.retention !== null) {
          tx.update(activityDataCategories)
            .set({ retention: from.retention })
            .where(sql`${activityDataCategories.activityId} = ${id} AND ${activityDataCategories.categoryId} = ${intoId}`)
            .run()
        }
      } else {
        tx.update(activityDataCategories)
          .set({ categoryId: intoId })
          .where(sql`${activityDataCategories.activityId} = ${id} AND ${activityDataCategories.categoryId} = ${fromId}`)
          .run()
      }
    } else {
      const hasInto = tx
        .select()
        .from(activityDataSubjects)
        .where(sql`${activityDataSubjects.activityId} = ${id} AND ${activityDataSubjects.categoryId} = ${intoId}`)
        .get()
      if (hasInto) {
        tx.delete(activityDataSubjects)
          .where(sql`${activityDataSubjects.activityId} = ${id} AND ${activityDataSubjects.categoryId} = ${fromId}`)
          .run()
      } else {
        tx.update(activityDataSubjects)
          .set({ categoryId: intoId })
          .where(sql`${activityDataSubjects.activityId} = ${id} AND ${activityDataSubjects.categoryId} = ${fromId}`)
          .run()
      }
    }
    tx.update(activities)
      .set({ version: before.version + 1, updatedAt: nowIso() })
      .where(eq(activities.id, id))
      .run()
    recordAudit(tx, ctx, { action: 'update', entityType: 'activity', entityId: id, before, after: findRecord(tx, id)! })
  }
  return ids
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
