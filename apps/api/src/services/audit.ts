import { createHash } from 'node:crypto'
import { and, desc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm'
import {
  canonicalJson,
  type AuditAction,
  type AuditEntityType,
  type AuditEvent as AuditEventOut,
  type AuditPage,
  type AuditQuery,
} from '@seloste/schema'
import type { z } from 'zod'
import type { DbOrTx } from '../db/client'
import { auditEvents } from '../db/schema'
import { nowIso, type ServiceContext } from './context'

export const GENESIS_HASH = '0'.repeat(64)

/** One change to record; its action and record type are of the closed lists in packages/schema. */
export interface AuditChange {
  action: AuditAction
  entityType: AuditEntityType
  entityId: string | number | null
  before?: unknown
  after?: unknown
}

type AuditRow = typeof auditEvents.$inferSelect

/** The hash of an event: SHA-256 over the previous hash and the event's canonical content. */
export function eventHash(row: Omit<AuditRow, 'hash'>): string {
  const content = canonicalJson({
    seq: row.seq,
    at: row.at,
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
    clientAddress: row.clientAddress,
  })
  return createHash('sha256').update(row.prevHash).update('\n').update(content).digest('hex')
}

/**
 * Appends one event to the audit trail. Call it inside the transaction that makes the change,
 * so that a change that rolls back leaves no event and an event never exists without its change.
 */
export function recordAudit(tx: DbOrTx, ctx: Omit<ServiceContext, 'db'>, change: AuditChange): void {
  const last = tx.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1).get()
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: nowIso(),
    actorId: ctx.actor.id,
    actorEmail: ctx.actor.email,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId === null ? null : String(change.entityId),
    before: change.before === undefined ? null : canonicalJson(change.before),
    after: change.after === undefined ? null : canonicalJson(change.after),
    requestId: ctx.requestId,
    clientAddress: ctx.clientAddress,
    prevHash: last?.hash ?? GENESIS_HASH,
  }
  tx.insert(auditEvents)
    .values({ ...row, hash: eventHash(row) })
    .run()
}

export type ChainReport =
  { intact: true; events: number; headHash: string } | { intact: false; events: number; brokenAt: number; reason: string }

/**
 * The chain's head: how many events it holds and the hash of the newest. Kept outside the database
 * (a file, a backup's .head, an export's stamp, the operator's notes), it is what a rewrite of the
 * whole chain or a deletion of its newest events cannot match: the hashes alone cannot see those.
 */
export interface AuditHead {
  events: number
  hash: string
}

export function formatAuditHead(head: AuditHead): string {
  return `${head.events}:${head.hash}`
}

/** "<count>:<sha-256 hex>", as `audit:verify` prints it; null when the text is not a head. */
export function parseAuditHead(text: string): AuditHead | null {
  const m = /^\s*(\d{1,12}):([0-9a-f]{64})\s*$/.exec(text)
  return m ? { events: Number(m[1]), hash: m[2]! } : null
}

/** The newest event's sequence number and hash, without walking the chain (its count when intact). */
export function currentAuditHead(db: DbOrTx): AuditHead {
  const last = db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1).get()
  return last ? { events: last.seq, hash: last.hash } : { events: 0, hash: GENESIS_HASH }
}

/**
 * Walks the whole chain in order and reports the first event whose hash or link does not hold.
 * With an `anchor` (a head saved earlier, outside the database) the chain must also still contain
 * that head: fewer events means the newest were deleted; another hash at its position means the
 * chain was rewritten and re-hashed from there on.
 */
export function verifyAuditChain(db: DbOrTx, anchor?: AuditHead | null): ChainReport {
  let prev = GENESIS_HASH
  let expectedSeq = 1
  let count = 0
  let hashAtAnchor: string | null = anchor && anchor.events === 0 ? GENESIS_HASH : null
  for (const row of eventsInOrder(db)) {
    count++
    if (row.seq !== expectedSeq) return { intact: false, events: count, brokenAt: expectedSeq, reason: 'an event is missing' }
    if (row.prevHash !== prev)
      return { intact: false, events: count, brokenAt: row.seq, reason: 'the link to the previous event does not match' }
    const { hash, ...rest } = row
    if (eventHash(rest) !== hash) return { intact: false, events: count, brokenAt: row.seq, reason: 'the event was altered' }
    if (anchor && row.seq === anchor.events) hashAtAnchor = hash
    prev = hash
    expectedSeq++
  }
  if (anchor && count < anchor.events) {
    return {
      intact: false,
      events: count,
      brokenAt: count + 1,
      reason: `the trail ends at event ${count}, but the saved head has ${anchor.events} events: the newest events were deleted`,
    }
  }
  if (anchor && hashAtAnchor !== anchor.hash) {
    return {
      intact: false,
      events: count,
      brokenAt: anchor.events,
      reason: `event ${anchor.events} is not the one the saved head names: the trail was rewritten and re-hashed`,
    }
  }
  return { intact: true, events: count, headHash: prev }
}

/** All events in sequence order, read in pages so that a long trail is not held in memory at once. */
function* eventsInOrder(db: DbOrTx, pageSize = 2000): Generator<AuditRow> {
  let after = 0
  for (;;) {
    const page = db.select().from(auditEvents).where(gt(auditEvents.seq, after)).orderBy(auditEvents.seq).limit(pageSize).all()
    yield* page
    if (page.length < pageSize) return
    after = page[page.length - 1]!.seq
  }
}

export function auditCount(db: DbOrTx): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit_events`).n
}

function parseJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text)
}

export function toAuditEvent(row: AuditRow): AuditEventOut {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: parseJson(row.before),
    after: parseJson(row.after),
    requestId: row.requestId,
    clientAddress: row.clientAddress,
    hash: row.hash,
  }
}

/** Events newest first, filtered by entity, actor, action and time range. */
export function listAuditEvents(db: DbOrTx, q: z.output<typeof AuditQuery>): AuditPage {
  const where: SQL[] = []
  if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType))
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId))
  if (q.actorId) where.push(eq(auditEvents.actorId, q.actorId))
  if (q.action) where.push(eq(auditEvents.action, q.action))
  if (q.from) where.push(gte(auditEvents.at, new Date(q.from).toISOString()))
  if (q.to) where.push(lt(auditEvents.at, new Date(q.to).toISOString()))
  const condition = where.length ? and(...where) : undefined
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(auditEvents)
      .where(condition)
      .get()?.n ?? 0
  const rows = db
    .select()
    .from(auditEvents)
    .where(condition)
    .orderBy(desc(auditEvents.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .all()
  return { items: rows.map(toAuditEvent), total, page: q.page, pageSize: q.pageSize }
}
