import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import {
  MESSAGES,
  EEA_COUNTRIES,
  dpaRequired,
  isInEea,
  transferRecipientIssues,
  type AuditAction,
  type DpaDocument,
  type Processor,
  type ProcessorInputParsed,
  type ProcessorListItem,
  type ProcessorListQueryParsed,
  type ProcessorPage,
  type ProcessorUpdateParsed,
  type Safeguard,
} from '@seloste/schema'
import type { DbOrTx } from '../db/client'
import { dpaDocuments, dpas, processors, transfers } from '../db/schema'
import { AppError, invalid, notFound } from '../lib/app-error'
import { recordAudit } from './audit'
import { nowIso, type ServiceContext } from './context'
import { unlinkProcessorFromActivities } from './activities'
import { processorFields, processorRecord, toDpa, toTransfer } from './mappers'
import { changesNothing, requireVersion } from './versions'

type ProcessorRow = typeof processors.$inferSelect
type ProcessorColumns = Partial<typeof processors.$inferInsert>

/** Maps the API's (partial) processor fields onto table columns; absent fields stay absent. */
function toColumns(input: Partial<ProcessorInputParsed>): ProcessorColumns {
  const c: ProcessorColumns = {}
  if (input.displayName !== undefined) c.displayName = input.displayName
  if (input.displayNameEn !== undefined) c.displayNameEn = input.displayNameEn
  if (input.legalName !== undefined) c.legalName = input.legalName
  if (input.parentId !== undefined) c.parentId = input.parentId
  if (input.role !== undefined) c.role = input.role
  if (input.service !== undefined) [c.serviceFi, c.serviceEn] = [input.service.fi, input.service.en]
  if (input.purpose !== undefined) [c.purposeFi, c.purposeEn] = [input.purpose.fi, input.purpose.en]
  if (input.dataCategories !== undefined) c.dataCategories = input.dataCategories
  if (input.dataSubjectCategories !== undefined) c.dataSubjectCategories = input.dataSubjectCategories
  if (input.websiteUrl !== undefined) c.websiteUrl = input.websiteUrl
  if (input.privacyPolicyUrl !== undefined) c.privacyPolicyUrl = input.privacyPolicyUrl
  if (input.dpaUrl !== undefined) c.dpaUrl = input.dpaUrl
  if (input.hqCountry !== undefined) c.hqCountry = input.hqCountry
  if (input.status !== undefined) c.status = input.status
  if (input.startDate !== undefined) c.startDate = input.startDate
  if (input.endDate !== undefined) c.endDate = input.endDate
  if (input.disclosureCondition !== undefined)
    [c.disclosureConditionFi, c.disclosureConditionEn] = [input.disclosureCondition.fi, input.disclosureCondition.en]
  if (input.isPublic !== undefined) c.isPublic = input.isPublic
  if (input.internalNotes !== undefined) c.internalNotes = input.internalNotes
  if (input.internationalOrganisationId !== undefined) c.internationalOrganisationId = input.internationalOrganisationId
  if (input.internationalOrganisationName !== undefined) c.internationalOrganisationName = input.internationalOrganisationName
  return c
}

function searchTextOf(
  r: Pick<ProcessorRow, 'displayName' | 'legalName' | 'serviceFi' | 'serviceEn'> & { displayNameEn?: string | null },
): string {
  return [r.displayName, r.displayNameEn ?? '', r.legalName ?? '', r.serviceFi, r.serviceEn].join('\n').toLowerCase()
}

function findRow(db: DbOrTx, id: number): ProcessorRow | undefined {
  return db.select().from(processors).where(eq(processors.id, id)).get()
}

/** Checks the merged record: the parent exists, is not itself and does not make a loop. */
function checkMerged(
  db: DbOrTx,
  id: number | null,
  row: Pick<ProcessorRow, 'parentId' | 'startDate' | 'endDate' | 'role' | 'internationalOrganisationId' | 'internationalOrganisationName'>,
): void {
  if (row.startDate && row.endDate && row.endDate < row.startDate) {
    throw invalid([{ path: 'endDate', message: MESSAGES.end_before_start }])
  }
  // Which international organisation: once, and only for that role (a change of role clears it in the same request).
  if (row.internationalOrganisationId && row.internationalOrganisationName)
    throw invalid([{ path: 'internationalOrganisationName', message: MESSAGES.international_organisation_both }])
  if (row.role !== 'international_organisation') {
    const set = (['internationalOrganisationId', 'internationalOrganisationName'] as const).filter((k) => row[k])
    if (set.length) throw invalid(set.map((path) => ({ path, message: MESSAGES.international_organisation_role })))
  }
  if (row.parentId == null) return
  if (row.parentId === id) throw invalid([{ path: 'parentId', message: MESSAGES.own_parent }])
  let cursor: number | null = row.parentId
  const seen = new Set<number>()
  while (cursor != null && !seen.has(cursor)) {
    seen.add(cursor)
    const parent = db.select({ id: processors.id, parentId: processors.parentId }).from(processors).where(eq(processors.id, cursor)).get()
    if (!parent) {
      if (cursor === row.parentId) throw invalid([{ path: 'parentId', message: MESSAGES.processor_not_found }])
      break
    }
    if (parent.parentId === id && id !== null) {
      throw invalid([{ path: 'parentId', message: MESSAGES.own_ancestor }])
    }
    cursor = parent.parentId
  }
}

/**
 * A change of role or home country must not leave a transfer on a basis that no longer applies (a DPF
 * transfer of a processor now recorded outside the US): refused on the processor's field.
 */
function checkTransfersStillHold(db: DbOrTx, id: number, row: Pick<ProcessorRow, 'role' | 'hqCountry'>): void {
  const held = db
    .select({
      id: transfers.id,
      safeguard: transfers.safeguard,
      adequacyDecisionId: transfers.adequacyDecisionId,
      certifiedEntity: transfers.certifiedEntity,
    })
    .from(transfers)
    .where(eq(transfers.processorId, id))
    .all()
  for (const t of held) {
    const [issue] = transferRecipientIssues(t, row)
    if (issue) {
      const field = issue.path === 'safeguard' && t.safeguard === 'dpf' ? 'hqCountry' : 'role'
      throw invalid([{ path: field, message: `Transfer ${t.id} would no longer hold: ${issue.message}` }])
    }
  }
}

/**
 * The detail's queries, built and compiled once per database handle and then only executed: building
 * the SQL (drizzle) and compiling it (SQLite) each time was most of a detail request's time.
 */
function detailQueries(db: DbOrTx) {
  const id = sql.placeholder('id')
  const ref = { id: processors.id, displayName: processors.displayName, displayNameEn: processors.displayNameEn }
  return {
    row: db.select().from(processors).where(eq(processors.id, id)).prepare(),
    parent: db.select(ref).from(processors).where(eq(processors.id, id)).prepare(),
    subsidiaries: db.select(ref).from(processors).where(eq(processors.parentId, id)).orderBy(asc(processors.displayName)).prepare(),
    transfers: db.select().from(transfers).where(eq(transfers.processorId, id)).orderBy(asc(transfers.id)).prepare(),
    dpas: db.select().from(dpas).where(eq(dpas.processorId, id)).orderBy(desc(dpas.id)).prepare(),
    /** The documents of the processor's DPAs: what documentsFor(db, <its DPA ids>) returns. */
    documents: db
      .select({
        dpaId: dpaDocuments.dpaId,
        fileName: dpaDocuments.fileName,
        size: dpaDocuments.size,
        sha256: dpaDocuments.sha256,
        uploadedAt: dpaDocuments.uploadedAt,
      })
      .from(dpaDocuments)
      .where(inArray(dpaDocuments.dpaId, db.select({ id: dpas.id }).from(dpas).where(eq(dpas.processorId, id))))
      .prepare(),
  }
}
/** Per handle (the app's database, or one transaction), so a statement always runs where it was prepared. */
const preparedDetail = new WeakMap<DbOrTx, ReturnType<typeof detailQueries>>()

export function getProcessor(db: DbOrTx, id: number): Processor {
  let q = preparedDetail.get(db)
  if (!q) preparedDetail.set(db, (q = detailQueries(db)))
  const row = q.row.get({ id })
  if (!row) throw notFound('Processor')
  const parent = row.parentId ? (q.parent.get({ id: row.parentId }) ?? null) : null
  const subsidiaries = q.subsidiaries.all({ id })
  const transferRows = q.transfers.all({ id })
  const dpaRows = q.dpas.all({ id })
  const documents = new Map(dpaRows.length === 0 ? [] : q.documents.all({ id }).map(({ dpaId, ...doc }) => [dpaId, doc] as const))
  return {
    ...processorFields(row),
    parent,
    subsidiaries,
    transfers: transferRows.map(toTransfer),
    dpas: dpaRows.map((d) => toDpa(d, documents.get(d.id) ?? null)),
  }
}

export function documentsFor(db: DbOrTx, dpaIds: number[]): Map<number, DpaDocument> {
  if (dpaIds.length === 0) return new Map()
  const rows = db
    .select({
      dpaId: dpaDocuments.dpaId,
      fileName: dpaDocuments.fileName,
      size: dpaDocuments.size,
      sha256: dpaDocuments.sha256,
      uploadedAt: dpaDocuments.uploadedAt,
    })
    .from(dpaDocuments)
    .where(inArray(dpaDocuments.dpaId, dpaIds))
    .all()
  return new Map(rows.map(({ dpaId, ...doc }) => [dpaId, doc]))
}

/** The outer query's processor id, qualified so that correlated subqueries cannot bind it to their own table. */
const outerId = sql.raw('"processors"."id"')

/** The status of a processor's current (newest) DPA. */
const currentDpaStatus = sql<string | null>`(SELECT d.status FROM dpas d WHERE d.processor_id = ${outerId} ORDER BY d.id DESC LIMIT 1)`

const eeaList = sql.join(
  EEA_COUNTRIES.map((c) => sql`${c}`),
  sql`, `,
)

/** The trigram index (migration 0008) needs at least three characters to look anything up. */
function usesSearchIndex(term: string): boolean {
  return [...term].length >= 3
}

/**
 * The term as one FTS5 phrase: inside double quotes every character is literal except the quote
 * itself (doubled). A NUL would end the string early ("unterminated string"): the query schema
 * refuses control characters (`searchTerm`); a caller that skipped it still gets the same 400, never a NUL sent.
 */
export function ftsPhrase(term: string): string {
  // eslint-disable-next-line no-control-regex
  if (/\u0000/.test(term)) throw invalid([{ path: 'q', message: 'Must not contain control characters (such as NUL, tab or line breaks)' }])
  return `"${term.toLowerCase().replace(/"/g, '""')}"`
}

/**
 * The SQL of a list depends only on which filters are set and on the sort, not on their values: each
 * such shape is built (drizzle) and compiled (SQLite) once per database handle, then only executed.
 */
function listShape(q: ProcessorListQueryParsed): string {
  const dpa = q.dpaStatus === 'missing' ? 'missing' : q.dpaStatus ? 'status' : ''
  const eea = q.outsideEea === undefined ? '' : String(q.outsideEea)
  return [
    q.q ? (usesSearchIndex(q.q) ? 'q3' : 'q') : '',
    q.status ? 's' : '',
    q.role ? 'r' : '',
    q.country ? 'c' : '',
    q.safeguard ? 'g' : '',
    dpa,
    eea,
    q.sort,
    q.order,
  ].join('|')
}

/**
 * A list runs in two steps: the ids of the page (and the number of matches), then the page's rows.
 *
 * With a search term of three or more characters the trigram index drives the query: it reads only the
 * processors that contain the term, sorts those and counts them in the same pass (a window function),
 * so the cost grows with the matches, not with the registry. The unary `+` keeps SQLite from walking
 * the status or role index instead (which visits every processor of that status to find the few
 * matches). Without such a term, the indexes on status and name serve the page, and a separate
 * count reads the status index alone. Either way the page's columns, its current DPA and where its
 * data goes are read for the page's rows only, in one statement.
 */
function listQueries(db: DbOrTx, q: ProcessorListQueryParsed) {
  const p = sql.placeholder
  const searched = Boolean(q.q && usesSearchIndex(q.q))
  /** A column as a filter: on a searched list, not through its index (see above). */
  const filterBy = (column: typeof processors.status | typeof processors.role) => (searched ? sql`+${column}` : sql`${column}`)
  const where: SQL[] = []
  if (searched) {
    // The trigram index finds the candidates; LIKE below keeps the exact meaning (a substring).
    where.push(sql`${outerId} IN (SELECT rowid FROM processors_search WHERE processors_search MATCH ${p('match')})`)
  }
  if (q.q) where.push(sql`${processors.searchText} LIKE ${p('q')} ESCAPE '\\'`)
  if (q.status) where.push(sql`${filterBy(processors.status)} = ${p('status')}`)
  if (q.role) where.push(sql`${filterBy(processors.role)} = ${p('role')}`)
  if (q.country) where.push(sql`EXISTS (SELECT 1 FROM transfers t WHERE t.processor_id = ${outerId} AND t.country = ${p('country')})`)
  if (q.safeguard) where.push(sql`EXISTS (SELECT 1 FROM transfers t WHERE t.processor_id = ${outerId} AND t.safeguard = ${p('safeguard')})`)
  // "missing" means the gaps, as the findings count them: in use, needing a DPA of its own, without one.
  if (q.dpaStatus === 'missing') {
    where.push(sql`coalesce(${currentDpaStatus}, 'missing') = 'missing'`)
    where.push(
      sql`(${filterBy(processors.role)} = 'processor' OR (${filterBy(processors.role)} = 'sub_processor' AND ${processors.parentId} IS NULL))`,
    )
    where.push(sql`${filterBy(processors.status)} <> 'retired'`)
  } else if (q.dpaStatus) where.push(sql`${currentDpaStatus} = ${p('dpaStatus')}`)
  if (q.outsideEea !== undefined) {
    const outside = sql`EXISTS (SELECT 1 FROM transfers t WHERE t.processor_id = ${outerId} AND t.country NOT IN (${eeaList}))`
    where.push(q.outsideEea ? outside : sql`NOT ${outside}`)
  }
  const condition = where.length ? and(...where) : undefined

  const sortColumn = {
    displayName: sql`${processors.displayName} COLLATE NOCASE`,
    status: processors.status,
    role: processors.role,
    hqCountry: processors.hqCountry,
    updatedAt: processors.updatedAt,
  }[q.sort]
  const direction = q.order === 'desc' ? desc : asc

  return {
    count: db
      .select({ n: sql<number>`count(*)` })
      .from(processors)
      .where(condition)
      .prepare(),
    /** The page's ids in order; on a searched list also the number of matches (null otherwise). */
    ids: db
      .select({ id: processors.id, total: searched ? sql<number>`count(*) OVER ()` : sql<null>`NULL` })
      .from(processors)
      .where(condition)
      .orderBy(direction(sortColumn), asc(processors.id))
      .limit(p('limit'))
      .offset(p('offset'))
      .prepare(),
  }
}

/** Countries and safeguards of a processor's transfers, as a JSON array of [country, safeguard]. */
const placesJson = sql<string>`(SELECT json_group_array(json_array(t.country, t.safeguard)) FROM transfers t WHERE t.processor_id = ${outerId})`

/** A page row as the page query returns it: the columns in the order of its select. */
type PageRow = [
  id: number,
  displayName: string,
  legalName: string | null,
  role: ProcessorListItem['role'],
  status: ProcessorListItem['status'],
  serviceFi: string,
  serviceEn: string,
  hqCountry: string | null,
  isPublic: 0 | 1,
  version: number,
  updatedAt: string,
  dpaStatus: ProcessorListItem['dpaStatus'],
  places: string,
  parentId: number | null,
  parentName: string | null,
  displayNameEn: string | null,
  parentNameEn: string | null,
]

/**
 * The rows of a page, with their current DPA and places; the ids go in as one JSON array so that it is
 * compiled once. It is read as plain arrays (`values()`, typed by PageRow): drizzle's per-column
 * mapping of 13 columns × 50 rows was a tenth of a list request's time.
 */
function pageQuery(db: DbOrTx) {
  return db
    .select({
      id: processors.id,
      displayName: processors.displayName,
      legalName: processors.legalName,
      role: processors.role,
      status: processors.status,
      serviceFi: processors.serviceFi,
      serviceEn: processors.serviceEn,
      hqCountry: processors.hqCountry,
      isPublic: processors.isPublic,
      version: processors.version,
      updatedAt: processors.updatedAt,
      dpaStatus: currentDpaStatus,
      places: placesJson,
      parentId: processors.parentId,
      parentName: sql<string | null>`(SELECT parent.display_name FROM processors AS parent WHERE parent.id = "processors"."parent_id")`,
      displayNameEn: processors.displayNameEn,
      parentNameEn: sql<
        string | null
      >`(SELECT parent.display_name_en FROM processors AS parent WHERE parent.id = "processors"."parent_id")`,
    })
    .from(processors)
    .where(sql`${processors.id} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`)
    .prepare()
}

const preparedLists = new WeakMap<DbOrTx, { shapes: Map<string, ReturnType<typeof listQueries>>; page: ReturnType<typeof pageQuery> }>()

export function listProcessors(db: DbOrTx, q: ProcessorListQueryParsed): ProcessorPage {
  let prepared = preparedLists.get(db)
  if (!prepared) preparedLists.set(db, (prepared = { shapes: new Map(), page: pageQuery(db) }))
  const shape = listShape(q)
  let queries = prepared.shapes.get(shape)
  if (!queries) prepared.shapes.set(shape, (queries = listQueries(db, q)))

  const values = {
    q: q.q ? `%${q.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null,
    match: q.q && usesSearchIndex(q.q) ? ftsPhrase(q.q) : null,
    status: q.status ?? null,
    role: q.role ?? null,
    country: q.country ?? null,
    safeguard: q.safeguard ?? null,
    dpaStatus: q.dpaStatus ?? null,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  }
  const page = queries.ids.all(values)
  // A searched list counts in the same pass, unless the page is past the end and so has no row to say it.
  const total = page[0]?.total ?? queries.count.get(values)?.n ?? 0
  if (page.length === 0) return { items: [], total, page: q.page, pageSize: q.pageSize }

  const rows = new Map((prepared.page.values({ ids: JSON.stringify(page.map((r) => r.id)) }) as PageRow[]).map((r) => [r[0], r]))
  const items = page.flatMap(({ id }): ProcessorListItem[] => {
    const r = rows.get(id)
    if (!r) return [] // deleted by another process between the two reads
    const [
      ,
      displayName,
      legalName,
      role,
      status,
      serviceFi,
      serviceEn,
      hqCountry,
      isPublic,
      version,
      updatedAt,
      dpaStatus,
      placesText,
      parentId,
      parentName,
      displayNameEn,
      parentNameEn,
    ] = r
    const places = JSON.parse(placesText) as [string, Safeguard][]
    const countries = [...new Set(places.map(([country]) => country))].sort()
    return [
      {
        id,
        displayName,
        displayNameEn,
        legalName,
        role,
        status,
        service: { fi: serviceFi, en: serviceEn },
        hqCountry,
        parent: parentId === null ? null : { id: parentId, displayName: parentName ?? `#${parentId}`, displayNameEn: parentNameEn },
        isPublic: isPublic === 1,
        countries,
        outsideEea: countries.some((c) => !isInEea(c)),
        safeguards: [...new Set(places.filter(([country]) => !isInEea(country)).map(([, safeguard]) => safeguard))].sort(),
        dpaStatus,
        dpaRequired: dpaRequired({ role, parentId }),
        locationRecorded: places.length > 0,
        version,
        updatedAt,
      },
    ]
  })
  return { items, total, page: q.page, pageSize: q.pageSize }
}

export function createProcessor(ctx: ServiceContext, input: ProcessorInputParsed): Processor {
  return ctx.db.transaction((tx) => insertProcessor(tx, ctx, input), { behavior: 'immediate' })
}

/** The vendor catalogue link a processor can be created or updated with (see services/catalogue.ts). */
export type CatalogueLinkColumns = Pick<ProcessorColumns, 'catalogueId' | 'catalogueVersion' | 'catalogueSeen'>

/** Creates a processor inside the caller's transaction (audited); `link` records the catalogue entry it came from. */
export function insertProcessor(
  tx: DbOrTx,
  ctx: Omit<ServiceContext, 'db'>,
  input: ProcessorInputParsed,
  link: CatalogueLinkColumns = {},
): Processor {
  const now = nowIso()
  const columns = toColumns(input)
  const row = {
    displayName: input.displayName,
    role: input.role,
    status: input.status ?? 'active',
    isPublic: input.isPublic ?? true,
    serviceFi: '',
    serviceEn: '',
    ...columns,
  }
  checkMerged(tx, null, {
    parentId: row.parentId ?? null,
    startDate: row.startDate ?? null,
    endDate: row.endDate ?? null,
    role: row.role,
    internationalOrganisationId: row.internationalOrganisationId ?? null,
    internationalOrganisationName: row.internationalOrganisationName ?? null,
  })
  const created = tx
    .insert(processors)
    .values({ ...row, ...link, searchText: searchTextOf({ legalName: null, ...row }), version: 1, createdAt: now, updatedAt: now })
    .returning()
    .get()
  recordAudit(tx, ctx, { action: 'create', entityType: 'processor', entityId: created.id, after: processorRecord(created) })
  return getProcessor(tx, created.id)
}

/** Re-exported for the services that import it from here; it lives in ./versions so that activities can use it too. */
export { requireVersion }

export function updateProcessor(ctx: ServiceContext, id: number, input: ProcessorUpdateParsed): Processor {
  return ctx.db.transaction((tx) => applyProcessorUpdate(tx, ctx, id, input), { behavior: 'immediate' })
}

/**
 * Updates a processor inside the caller's transaction (version-checked, audited). `link` also moves
 * its catalogue link on, and `action` names the audit event (e.g. "catalogue_accept").
 */
export function applyProcessorUpdate(
  tx: DbOrTx,
  ctx: Omit<ServiceContext, 'db'>,
  id: number,
  input: ProcessorUpdateParsed,
  link: CatalogueLinkColumns = {},
  action: AuditAction = 'update',
): Processor {
  const before = requireVersion(findRow(tx, id), input.version, 'Processor', () => getProcessor(tx, id))
  const changes = { ...toColumns(input), ...link }
  if (changesNothing(before, changes)) return getProcessor(tx, id)
  const merged = { ...before, ...changes }
  checkMerged(tx, id, merged)
  checkTransfersStillHold(tx, id, merged)
  const updated = tx
    .update(processors)
    .set({ ...changes, searchText: searchTextOf(merged), version: before.version + 1, updatedAt: nowIso() })
    .where(and(eq(processors.id, id), eq(processors.version, before.version)))
    .returning()
    .get()
  recordAudit(tx, ctx, { action, entityType: 'processor', entityId: id, before: processorRecord(before), after: processorRecord(updated!) })
  return getProcessor(tx, id)
}

export function retireProcessor(ctx: ServiceContext, id: number, version: number, endDate: string | null): Processor {
  return ctx.db.transaction(
    (tx) => {
      const before = requireVersion(findRow(tx, id), version, 'Processor', () => getProcessor(tx, id))
      if (before.status === 'retired') throw new AppError('conflict', MESSAGES.already_retired)
      const end = endDate ?? nowIso().slice(0, 10)
      checkMerged(tx, id, { ...before, endDate: end })
      const updated = tx
        .update(processors)
        .set({ status: 'retired', endDate: end, version: before.version + 1, updatedAt: nowIso() })
        .where(eq(processors.id, id))
        .returning()
        .get()
      recordAudit(tx, ctx, {
        action: 'retire',
        entityType: 'processor',
        entityId: id,
        before: processorRecord(before),
        after: processorRecord(updated!),
      })
      return getProcessor(tx, id)
    },
    { behavior: 'immediate' },
  )
}

export function deleteProcessor(ctx: ServiceContext, id: number, version: number): void {
  ctx.db.transaction(
    (tx) => {
      const before = requireVersion(findRow(tx, id), version, 'Processor', () => getProcessor(tx, id))
      const children = tx.select({ id: processors.id }).from(processors).where(eq(processors.parentId, id)).all()
      if (children.length > 0) {
        throw new AppError('conflict', MESSAGES.has_subsidiaries)
      }
      const full = getProcessor(tx, id)
      for (const t of full.transfers) recordAudit(tx, ctx, { action: 'delete', entityType: 'transfer', entityId: t.id, before: t })
      for (const d of full.dpas) recordAudit(tx, ctx, { action: 'delete', entityType: 'dpa', entityId: d.id, before: d })
      // The activities it served lose the link, each with its own audited change.
      unlinkProcessorFromActivities(tx, ctx, id)
      tx.delete(processors).where(eq(processors.id, id)).run()
      recordAudit(tx, ctx, { action: 'delete', entityType: 'processor', entityId: id, before: processorRecord(before) })
    },
    { behavior: 'immediate' },
  )
}
