import { and, asc, eq, gte, lte } from 'drizzle-orm'
import type { Acknowledgement, Deadline, Finding, FindingsResponse, SeverityCounts, TrendPoint } from '@seloste/schema'
import type { z } from 'zod'
import type { FindingsQuery } from '@seloste/schema'
import type Database from 'better-sqlite3'
import type { DbOrTx } from '../db/client'
import { findingAcknowledgements, findingCounts } from '../db/schema'
import { addDays, addMonths, bothNames, runChecks, type NewFinding, type RegistryView } from '../findings/checks'
import { formatDate } from '../public-list/texts'
import { AppError, invalid, notFound } from '../lib/app-error'
import { activityViews } from './activity-views'
import { currentCatalogue, type LoadedCatalogue } from './catalogue-store'
import { recordAudit } from './audit'
import { nowIso, type ServiceContext } from './context'
import { findOrganisation } from './organisation'
import { hasUnpublishedChanges } from './public-list'
import { loadAllProcessors } from './registry-view'
import { MESSAGES } from '@seloste/schema'

export function todayIso(): string {
  return nowIso().slice(0, 10)
}

export function loadRegistryView(db: DbOrTx, today = todayIso()): RegistryView {
  return {
    today,
    processors: loadAllProcessors(db),
    activities: activityViews(db),
    publishedKeys: null,
    unpublishedChanges: hasUnpublishedChanges(db),
    organisation: findOrganisation(db),
  }
}

/**
 * Every findings read (the findings list, the activities list, the search box, the overview) runs
 * every check over the whole registry: about a second at 10,000 processors and 1,000 activities
 * (bench/exports.ts). The result depends only on the database and the day, so each connection keeps
 * its last one, keyed by what tells SQLite's state: `PRAGMA data_version` (changes when another
 * connection commits) and `total_changes()` (rows this connection has changed, rolled back or not),
 * today, and the vendor catalogue in use (the "vendor facts changed" check compares with it; a new
 * one is loaded by `resetCatalogue`). Any write counts, a session's last-seen time too (written at
 * most once a minute). Inside a transaction nothing is kept: what it sees may still roll back.
 */
const lastChecks = new WeakMap<Database.Database, { key: string; catalogue: LoadedCatalogue; findings: readonly NewFinding[] }>()

function checkRegistry(db: DbOrTx, today: string): readonly NewFinding[] {
  const client = '$client' in db ? db.$client : null
  if (!client || client.inTransaction) return runChecks(loadRegistryView(db, today))
  const version = client.pragma('data_version', { simple: true }) as number
  const changes = client.prepare('SELECT total_changes()').pluck().get() as number
  const key = `${version}:${changes}:${today}`
  const catalogue = currentCatalogue()
  const kept = lastChecks.get(client)
  if (kept?.key === key && kept.catalogue === catalogue) return kept.findings
  const findings = runChecks(loadRegistryView(db, today)).map((f) => Object.freeze(f))
  lastChecks.set(client, { key, catalogue, findings })
  return findings
}

type AckRow = typeof findingAcknowledgements.$inferSelect

function toAck(row: AckRow): Acknowledgement {
  return {
    id: row.id,
    reason: row.reason,
    expiresOn: row.expiresOn,
    acknowledgedBy: row.acknowledgedByEmail,
    acknowledgedAt: row.acknowledgedAt,
  }
}

/** Acknowledgements in force today, by finding key (the latest one wins). */
function activeAcknowledgements(db: DbOrTx, today: string): Map<string, Acknowledgement> {
  const rows = db
    .select()
    .from(findingAcknowledgements)
    .where(gte(findingAcknowledgements.expiresOn, today))
    .orderBy(asc(findingAcknowledgements.id))
    .all()
  return new Map(rows.map((r) => [r.findingKey, toAck(r)]))
}

const ORDER = { high: 0, medium: 1, low: 2 } as const

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = { high: 0, medium: 0, low: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}

/** Every finding, open or acknowledged, most severe first. */
export function listFindings(db: DbOrTx, query: z.output<typeof FindingsQuery> = {}, today = todayIso()): FindingsResponse {
  const acks = activeAcknowledgements(db, today)
  const everything: Finding[] = checkRegistry(db, today)
    .map((f: NewFinding) => ({ ...f, acknowledgement: acks.get(f.key) ?? null }))
    .sort(
      (a, b) =>
        ORDER[a.severity] - ORDER[b.severity] || a.entity.name.fi.localeCompare(b.entity.name.fi, 'fi') || a.key.localeCompare(b.key),
    )
  const listed = everything.filter(
    (f) =>
      (!query.severity || f.severity === query.severity) &&
      (!query.checkId || f.checkId === query.checkId) &&
      (!query.entityType || f.entity.type === query.entityType),
  )
  // The counts are always of every open finding: the filters narrow the lists, not the totals.
  return {
    open: listed.filter((f) => !f.acknowledgement),
    acknowledged: listed.filter((f) => f.acknowledgement),
    counts: countBySeverity(everything.filter((f) => !f.acknowledgement)),
  }
}

/** Accepts a risk until a date: the finding stays listed, as acknowledged, but stops counting as open. */
export function acknowledgeFinding(
  ctx: ServiceContext,
  input: { findingKey: string; reason: string; expiresOn: string },
  today = todayIso(),
): Acknowledgement {
  if (input.expiresOn < today) throw invalid([{ path: 'expiresOn', message: MESSAGES.date_in_past }])
  if (input.expiresOn > addMonths(today, 24)) throw invalid([{ path: 'expiresOn', message: MESSAGES.acceptance_too_long }])
  const exists = checkRegistry(ctx.db, today).some((f) => f.key === input.findingKey)
  if (!exists) throw invalid([{ path: 'findingKey', message: MESSAGES.finding_not_open }])
  if (activeAcknowledgements(ctx.db, today).has(input.findingKey)) {
    throw new AppError('conflict', 'The finding is already acknowledged; revoke that first to change the reason or date')
  }
  return ctx.db.transaction(
    (tx) => {
      const row = tx
        .insert(findingAcknowledgements)
        .values({ ...input, acknowledgedById: ctx.actor.id, acknowledgedByEmail: ctx.actor.email, acknowledgedAt: nowIso() })
        .returning()
        .get()
      recordAudit(tx, ctx, {
        action: 'acknowledge',
        entityType: 'finding',
        entityId: row.id,
        after: { findingKey: row.findingKey, reason: row.reason, expiresOn: row.expiresOn },
      })
      return toAck(row)
    },
    { behavior: 'immediate' },
  )
}

export function revokeAcknowledgement(ctx: ServiceContext, id: number): void {
  ctx.db.transaction(
    (tx) => {
      const row = tx.select().from(findingAcknowledgements).where(eq(findingAcknowledgements.id, id)).get()
      if (!row) throw notFound('Acknowledgement')
      if (row.expiresOn < todayIso()) throw new AppError('conflict', 'The acknowledgement has already expired')
      // Ending it early keeps the row (the history) and moves its expiry to yesterday.
      tx.update(findingAcknowledgements)
        .set({ expiresOn: addDays(todayIso(), -1) })
        .where(eq(findingAcknowledgements.id, id))
        .run()
      recordAudit(tx, ctx, { action: 'revoke_acknowledgement', entityType: 'finding', entityId: id, before: toAck(row) })
    },
    { behavior: 'immediate' },
  )
}

/**
 * Records today's open counts (once a day is enough; later calls the same day update the figures).
 * `counts` when they were already computed elsewhere (the server computes them on a read worker).
 */
export function recordDailyCounts(
  db: DbOrTx,
  today = todayIso(),
  counts: SeverityCounts = listFindings(db, {}, today).counts,
): SeverityCounts {
  db.insert(findingCounts)
    .values({ date: today, ...counts })
    .onConflictDoUpdate({ target: findingCounts.date, set: counts })
    .run()
  return counts
}

export function findingTrend(db: DbOrTx, days = 90, today = todayIso()): TrendPoint[] {
  return db
    .select()
    .from(findingCounts)
    .where(and(gte(findingCounts.date, addDays(today, -days)), lte(findingCounts.date, today)))
    .orderBy(asc(findingCounts.date))
    .all()
}

/** DPA reviews and expiries, DPF re-verifications and activity reviews from today up to `days` ahead (and overdue ones). */
export function listDeadlines(db: DbOrTx, days = 90, today = todayIso()): Deadline[] {
  const until = addDays(today, days)
  const view = loadRegistryView(db, today)
  const out: Deadline[] = []
  const add = (date: string | null, d: Omit<Deadline, 'date'>) => {
    if (date && date <= until) out.push({ date, ...d })
  }
  for (const p of view.processors.filter((x) => x.status !== 'retired')) {
    const dpa = p.dpas[0]
    if (dpa) {
      const entity = { type: 'dpa' as const, id: dpa.id, name: bothNames(p) }
      add(dpa.nextReviewOn, {
        kind: 'dpa_review',
        entity,
        link: `/processors/${p.id}`,
        title: { fi: `Käsittelysopimuksen katselmointi: ${p.displayName}`, en: `DPA review: ${bothNames(p).en}` },
      })
      add(dpa.validUntil, {
        kind: 'dpa_expiry',
        entity,
        link: `/processors/${p.id}`,
        title: { fi: `Käsittelysopimus päättyy: ${p.displayName}`, en: `DPA expires: ${bothNames(p).en}` },
      })
    }
    for (const t of p.transfers) {
      if (t.safeguard !== 'dpf' || !t.dpfVerifiedOn) continue
      add(addMonths(t.dpfVerifiedOn, 12), {
        kind: 'dpf_reverification',
        entity: { type: 'transfer', id: t.id, name: bothNames(p) },
        link: `/processors/${p.id}`,
        title: {
          fi: `DPF-sertifioinnin tarkistus: ${p.displayName} (edellinen ${formatDate(t.dpfVerifiedOn, 'fi')})`,
          en: `DPF re-verification: ${bothNames(p).en} (last ${formatDate(t.dpfVerifiedOn, 'en')})`,
        },
      })
    }
  }
  for (const a of view.activities) {
    add(a.nextReviewOn, {
      kind: 'activity_review',
      entity: { type: 'activity', id: a.id, name: a.name },
      link: `/activities/${a.id}`,
      title: { fi: `Käsittelytoimen katselmointi: ${a.name.fi}`, en: `Activity review: ${a.name.en}` },
    })
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.title.en.localeCompare(b.title.en))
}
