import { createHash } from 'node:crypto'
import { desc, eq } from 'drizzle-orm'
import { canonicalJson, type NoticeChange, type NoticePreview, type NoticeVersionSummary } from '@seloste/schema'
import type { DbOrTx } from '../db/client'
import { noticeVersions } from '../db/schema'
import { AppError, invalid, notFound } from '../lib/app-error'
import { buildNotice, checkNotice, isBlocking } from '../notice/build'
import type { NoticeSnapshot } from '../notice/snapshot'
import { recordAudit } from './audit'
import { nowIso, type ServiceContext } from './context'
import { loadNoticeSnapshot } from './notice'

type Row = typeof noticeVersions.$inferSelect

/** A published notice: its summary and the snapshot both languages are rendered from. */
export interface NoticeVersion extends NoticeVersionSummary {
  snapshot: NoticeSnapshot
}

function toVersion(row: Row): NoticeVersion {
  return {
    version: row.version,
    date: row.date,
    publishedAt: row.publishedAt,
    changes: JSON.parse(row.changes) as NoticeChange[],
    contentHash: row.contentHash,
    snapshot: JSON.parse(row.content) as NoticeSnapshot,
  }
}

export function noticeSummary(v: NoticeVersion): NoticeVersionSummary {
  const { snapshot: _s, ...summary } = v
  return summary
}

export function latestNotice(db: DbOrTx): NoticeVersion | null {
  const row = db.select().from(noticeVersions).orderBy(desc(noticeVersions.version)).limit(1).get()
  return row ? toVersion(row) : null
}

export function latestNoticeStamp(db: DbOrTx): { version: number; publishedAt: string } | null {
  return (
    db
      .select({ version: noticeVersions.version, publishedAt: noticeVersions.publishedAt })
      .from(noticeVersions)
      .orderBy(desc(noticeVersions.version))
      .limit(1)
      .get() ?? null
  )
}

export function getNoticeVersion(db: DbOrTx, version: number): NoticeVersion {
  const row = db.select().from(noticeVersions).where(eq(noticeVersions.version, version)).get()
  if (!row) throw notFound('Published notice version')
  return toVersion(row)
}

/** Every version, newest first. */
export function listNoticeVersions(db: DbOrTx): NoticeVersion[] {
  return db.select().from(noticeVersions).orderBy(desc(noticeVersions.version)).all().map(toVersion)
}

/**
 * The sections that differ between two snapshots, in either language. Both are built as drafts, so
 * the version's own date and number are not a change.
 */
export function diffNotice(before: NoticeSnapshot | null, after: NoticeSnapshot): NoticeChange[] {
  const sections = (s: NoticeSnapshot | null) =>
    new Map(s ? buildNotice(s, 'fi').sections.map((sec, i) => [sec.id, { fi: sec, en: buildNotice(s, 'en').sections[i]! }] as const) : [])
  const old = sections(before)
  const now = sections(after)
  const heading = (x: { fi: { heading: string; id: string }; en: { heading: string } }) => ({
    fi: x.fi.heading || x.fi.id,
    en: x.en.heading || x.fi.id,
  })
  // Sections 6-7 are the processor list: compared by the list's content, not by its version number.
  const listOf = (s: NoticeSnapshot | null) => canonicalJson(s?.processorList?.content ?? null)
  const out: NoticeChange[] = []
  for (const [id, x] of now) {
    const was = old.get(id)
    if (!was) out.push({ section: id, heading: heading(x), kind: 'added' })
    else if (id === 'recipients' ? listOf(before) !== listOf(after) : canonicalJson([was.fi, was.en]) !== canonicalJson([x.fi, x.en]))
      out.push({ section: id, heading: heading(x), kind: 'changed' })
  }
  for (const [id, x] of old) if (!now.has(id)) out.push({ section: id, heading: heading(x), kind: 'removed' })
  return before ? out : []
}

function today(): string {
  return nowIso().slice(0, 10)
}

/** What publishing now would publish: the problems that block it and the sections it would change. */
export function previewNotice(db: DbOrTx): NoticePreview & { snapshot: NoticeSnapshot } {
  const latest = latestNotice(db)
  const snapshot = loadNoticeSnapshot(db)
  const problems = checkNotice(snapshot)
  const changes = diffNotice(latest?.snapshot ?? null, snapshot)
  const unchanged = latest !== null && canonicalJson(latest.snapshot) === canonicalJson(snapshot)
  return { latest: latest && noticeSummary(latest), problems, changes, publishable: !problems.some(isBlocking) && !unchanged, snapshot }
}

/**
 * Freezes the notice as the next numbered, dated version. Refused while a blocking problem remains
 * (409 with the problems), when someone published since the preview (409), or when nothing changed.
 */
export function publishNotice(ctx: ServiceContext, input: { basedOnVersion: number; date?: string | undefined }): NoticeVersion {
  return ctx.db.transaction(
    (tx) => {
      const latest = latestNotice(tx)
      const current = latest?.version ?? 0
      if (input.basedOnVersion !== current) {
        throw new AppError('version_conflict', `Notice version ${current} was published after your preview; review the changes again`, {
          current: latest && noticeSummary(latest),
        })
      }
      const date = input.date ?? (latest && latest.date > today() ? latest.date : today())
      if (latest && date < latest.date)
        throw invalid([{ path: 'date', message: `Cannot be before the latest version's date (${latest.date})` }])
      const snapshot = loadNoticeSnapshot(tx)
      const problems = checkNotice(snapshot).filter(isBlocking)
      if (problems.length) {
        throw new AppError(
          'conflict',
          `The notice cannot be published until these are fixed: ${problems.map((p) => p.message.en).join(' ')}`,
          { current: { problems } },
        )
      }
      const content = canonicalJson(snapshot)
      if (latest && canonicalJson(latest.snapshot) === content)
        throw new AppError('conflict', 'Nothing has changed since the latest published notice')
      const row: Row = {
        version: current + 1,
        date,
        publishedAt: nowIso(),
        publishedById: ctx.actor.id,
        publishedByEmail: ctx.actor.email,
        content,
        changes: JSON.stringify(diffNotice(latest?.snapshot ?? null, snapshot)),
        contentHash: createHash('sha256').update(content).digest('hex'),
      }
      tx.insert(noticeVersions).values(row).run()
      const published = toVersion(row)
      recordAudit(tx, ctx, { action: 'publish', entityType: 'notice', entityId: published.version, after: noticeSummary(published) })
      return published
    },
    { behavior: 'immediate' },
  )
}
