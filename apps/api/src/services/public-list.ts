import { createHash } from 'node:crypto'
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm'
import {
  canonicalJson,
  adequacySubjectName,
  diffContent,
  dpaRequired,
  entriesWithoutLocation,
  withPublicParentsOnly,
  findAdequacyDecision,
  isInEea,
  MESSAGES,
  internationalOrganisationOf,
  processorName,
  type PublicEntry,
  type PublicListContent,
  type PublicListPreview,
  type PublishedVersion,
  type PublishedVersionSummary,
} from '@seloste/schema'
import type { DbOrTx } from '../db/client'
import { dpas, processors, publishedVersions, transfers } from '../db/schema'
import { AppError, invalid, notFound } from '../lib/app-error'
import { recordAudit } from './audit'
import { nowIso, type ServiceContext } from './context'
import { getOrganisation } from './organisation'

type VersionRow = typeof publishedVersions.$inferSelect

const collator = new Intl.Collator('fi', { sensitivity: 'base' })

function toVersion(row: VersionRow): PublishedVersion {
  return {
    version: row.version,
    date: row.date,
    publishedAt: row.publishedAt,
    // Versions published before the allow-list rule may name a parent that is not public: never shown.
    content: withPublicParentsOnly(JSON.parse(row.content) as PublicListContent),
    changes: JSON.parse(row.changes) as PublishedVersion['changes'],
    contentHash: row.contentHash,
  }
}

export function summaryOf(v: PublishedVersion): PublishedVersionSummary {
  const { content: _content, ...summary } = v
  return summary
}

export function latestVersion(db: DbOrTx): PublishedVersion | null {
  const row = db.select().from(publishedVersions).orderBy(desc(publishedVersions.version)).limit(1).get()
  return row ? toVersion(row) : null
}

/** The newest version's number and publication time, without reading its content. */
export function latestVersionStamp(db: DbOrTx): { version: number; publishedAt: string } | null {
  return (
    db
      .select({ version: publishedVersions.version, publishedAt: publishedVersions.publishedAt })
      .from(publishedVersions)
      .orderBy(desc(publishedVersions.version))
      .limit(1)
      .get() ?? null
  )
}

export function getVersion(db: DbOrTx, version: number): PublishedVersion {
  const row = db.select().from(publishedVersions).where(eq(publishedVersions.version, version)).get()
  if (!row) throw notFound('Published version')
  return toVersion(row)
}

/** Every version, newest first. */
export function listVersions(db: DbOrTx): PublishedVersion[] {
  return db.select().from(publishedVersions).orderBy(desc(publishedVersions.version)).all().map(toVersion)
}

export function contentHash(content: PublicListContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex')
}

/**
 * The public list as the registry stands now: processors marked public that are active, or planned
 * with a start date (announced ahead), with their public fields only. Entries already published keep
 * the date they were first added; new ones are dated `date`.
 */
export function buildContent(db: DbOrTx, date: string, previous: PublishedVersion | null): PublicListContent {
  const org = getOrganisation(db)
  const rows = db
    .select()
    .from(processors)
    .where(and(eq(processors.isPublic, true), ne(processors.status, 'retired')))
    .all()
    .filter((p) => p.status === 'active' || (p.status === 'planned' && p.startDate))
  const ids = rows.map((r) => r.id)
  // Only listed (public) processors may be named as a parent: the names come from the rows above.
  const names = new Map(rows.map((p) => [p.id, p.displayName]))
  const namesEn = new Map(rows.map((p) => [p.id, p.displayNameEn]))
  // All transfers, filtered here: an IN list of every public processor would pass SQLite's limit on parameters.
  const listed = new Set(ids)
  const places = db
    .select()
    .from(transfers)
    .orderBy(asc(transfers.id))
    .all()
    .filter((t) => listed.has(t.processorId))
  const addedBefore = new Map((previous?.content.entries ?? []).map((e) => [e.key, e.addedOn]))

  const entries: PublicEntry[] = rows.map((p) => ({
    key: p.id,
    name: p.displayName,
    // Only where recorded, so that a version's content (and hash) is unchanged for entries without one.
    ...(p.displayNameEn && { nameEn: p.displayNameEn }),
    legalName: p.legalName,
    role: p.role,
    parentKey: p.parentId !== null && names.has(p.parentId) ? p.parentId : null,
    parentName: p.parentId !== null ? (names.get(p.parentId) ?? null) : null,
    ...(p.parentId !== null && namesEn.get(p.parentId) && { parentNameEn: namesEn.get(p.parentId) }),
    service: { fi: p.serviceFi, en: p.serviceEn },
    purpose: { fi: p.purposeFi, en: p.purposeEn },
    disclosureCondition: { fi: p.disclosureConditionFi, en: p.disclosureConditionEn },
    websiteUrl: p.websiteUrl,
    privacyPolicyUrl: p.privacyPolicyUrl,
    hqCountry: p.hqCountry,
    // Only for that role, so that other entries' content (and hash) is unchanged.
    ...(p.role === 'international_organisation' && { internationalOrganisation: internationalOrganisationOf(p) }),
    effectiveDate: p.status === 'planned' ? p.startDate : null,
    addedOn: addedBefore.get(p.id) ?? date,
    locations: places
      .filter((t) => t.processorId === p.id)
      .map((t) => {
        const decision = t.adequacyDecisionId ? findAdequacyDecision(t.adequacyDecisionId) : undefined
        return {
          country: t.country,
          outsideEea: !isInEea(t.country),
          kind: t.kind,
          safeguard: t.safeguard,
          adequacyDecision: decision?.decision ?? null,
          adequacyAdoptedOn: decision?.adoptedOn ?? null,
          // A transfer to an international organisation is one under Chapter V wherever its seat is (Art. 44):
          // named as recorded on the recipient, or by the decision it relies on; null while neither says
          // (the entry's role still makes it a Chapter V transfer, and the list says which one is not recorded).
          internationalOrganisation:
            p.role === 'international_organisation'
              ? (internationalOrganisationOf(p) ??
                (decision?.internationalOrganisation
                  ? { fi: adequacySubjectName(decision, 'fi'), en: adequacySubjectName(decision, 'en') }
                  : null))
              : null,
          dpfListingUrl: t.dpfListingUrl,
          certifiedEntity: t.certifiedEntity,
          sccModule: t.sccModule,
          derogation: t.derogation,
          otherSafeguard: t.otherSafeguard,
        }
      })
      .sort((a, b) => Number(a.outsideEea) - Number(b.outsideEea) || a.country.localeCompare(b.country) || a.kind.localeCompare(b.kind)),
  }))
  entries.sort((a, b) => collator.compare(a.name, b.name) || a.key - b.key)
  // The DPA sentence speaks of every processor in use, listed or not: an internal processor without
  // an agreement makes "with all our processors" untrue just the same.
  const inUse = db
    .select({ id: processors.id, role: processors.role, parentId: processors.parentId, status: processors.status })
    .from(processors)
    .all()
    .filter((p) => p.status === 'active' || listed.has(p.id))
    .filter(dpaRequired)
  const signed = currentDpaStatuses(db)
  const isSigned = (id: number) => signed.get(id) === 'signed'
  return withPublicParentsOnly({
    controller: { name: org.name, businessId: org.businessId },
    defaultLanguage: org.defaultLanguage,
    entries,
    allProcessorsHaveDpa: inUse.every((p) => isSigned(p.id)),
    safeguardCopyContact: org.privacyContactEmail ?? null,
    signedDpaKeys: entries.filter((e) => (e.role === 'processor' || e.role === 'sub_processor') && isSigned(e.key)).map((e) => e.key),
  })
}

/** Each processor's current (newest) DPA status. */
function currentDpaStatuses(db: DbOrTx): Map<number, string> {
  return new Map(
    db
      .select({ processorId: dpas.processorId, status: dpas.status })
      .from(dpas)
      // The outer column is written out qualified so that the subquery cannot bind it to its own table.
      .where(sql`"dpas"."id" = (SELECT max(d.id) FROM dpas d WHERE d.processor_id = "dpas"."processor_id")`)
      .all()
      .map((d) => [d.processorId, d.status]),
  )
}

function today(): string {
  return nowIso().slice(0, 10)
}

/** What would be published now, and how it differs from the latest published version. */
export function previewPublicList(db: DbOrTx): PublicListPreview {
  const latest = latestVersion(db)
  const draft = buildContent(db, today(), latest)
  return { latest: latest && summaryOf(latest), draft, changes: diffContent(latest?.content ?? null, draft) }
}

/** True when publishing now would change the public list. */
export function hasUnpublishedChanges(db: DbOrTx): boolean {
  const latest = latestVersion(db)
  if (!latest) return true
  return diffContent(latest.content, buildContent(db, today(), latest)).length > 0
}

/**
 * Freezes the registry's public view as the next numbered, dated version. `basedOnVersion` is the
 * version the editor previewed: if someone published since, the preview is stale (409).
 */
export function publishPublicList(
  ctx: ServiceContext,
  input: { basedOnVersion: number; date?: string | undefined; confirmUnknownLocations?: boolean | undefined },
): PublishedVersion {
  return ctx.db.transaction(
    (tx) => {
      const latest = latestVersion(tx)
      const current = latest?.version ?? 0
      if (input.basedOnVersion !== current) {
        throw new AppError('version_conflict', `Version ${current} was published after your preview; review the changes again`, {
          current: latest && summaryOf(latest),
        })
      }
      // Without a date: today (UTC), but never before the latest version's date. The dashboard dates a
      // version in the publisher's own time zone, so from Finland a version published after local
      // midnight is already dated tomorrow in UTC terms; a publish after it must not be refused for that.
      const date = input.date ?? (latest && latest.date > today() ? latest.date : today())
      if (latest && date < latest.date)
        throw invalid([{ path: 'date', message: `Cannot be before the latest version's date (${latest.date})` }])
      const content = buildContent(tx, date, latest)
      const changes = diffContent(latest?.content ?? null, content)
      if (latest && changes.length === 0) throw new AppError('conflict', 'Nothing has changed since the latest published version')
      // Unknown is not none: the list will say that these locations are not recorded, and the owner
      // must have read that before the company publishes it.
      // Each reader names them in their language: the English message by the English names, the
      // body's `unlocated` in both languages (the dashboard says the code's sentence in its own).
      const unlocatedEntries = entriesWithoutLocation(content.entries)
      const unlocated = unlocatedEntries.map((e) => e.name)
      if (unlocated.length && input.confirmUnknownLocations !== true) {
        const named = unlocatedEntries.map((e) => {
          const names = { displayName: e.name, displayNameEn: e.nameEn }
          return { name: { fi: processorName(names, 'fi'), en: processorName(names, 'en') } }
        })
        throw new AppError('validation_failed', MESSAGES.invalid_fields, {
          fields: [
            {
              path: 'confirmUnknownLocations',
              message: `${MESSAGES.locations_unrecorded} (${named.map((n) => n.name.en).join(', ')})`,
              messageCode: 'locations_unrecorded',
            },
          ],
          unlocated: named,
        })
      }
      const row: VersionRow = {
        version: current + 1,
        date,
        publishedAt: nowIso(),
        publishedById: ctx.actor.id,
        publishedByEmail: ctx.actor.email,
        content: canonicalJson(content),
        changes: JSON.stringify(changes),
        contentHash: contentHash(content),
      }
      tx.insert(publishedVersions).values(row).run()
      const published = toVersion(row)
      const confirmation = unlocated.length ? { confirmedUnknownLocations: unlocated } : {}
      recordAudit(tx, ctx, {
        action: 'publish',
        entityType: 'public_list',
        entityId: published.version,
        after: { ...summaryOf(published), ...confirmation },
      })
      return published
    },
    { behavior: 'immediate' },
  )
}
