import { desc, eq } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { digestRuns, users } from '../db/schema'
import { logger } from '../lib/logger'
import type { Mailer } from '../lib/mailer'
import { formatDate } from '../public-list/texts'
import { listDeadlines, listFindings, todayIso } from './findings'

/**
 * The daily digest for the people who keep the registry (admins and editors): findings that are
 * new since the last digest, and deadlines within 30 days. Sent once a day; a day with nothing to
 * say sends nothing but is still recorded.
 */
export async function sendDailyDigest(
  db: DbOrTx,
  mailer: Mailer,
  baseUrl: string,
  today = todayIso(),
): Promise<{ sent: number; newFindings: number; deadlines: number } | null> {
  if (db.select().from(digestRuns).where(eq(digestRuns.date, today)).get()) return null
  const previous = db.select().from(digestRuns).orderBy(desc(digestRuns.date)).limit(1).get()
  const seen = new Set(previous?.findingKeys ?? [])
  const open = listFindings(db, {}, today).open
  const fresh = open.filter((f) => !seen.has(f.key))
  const soon = listDeadlines(db, 30, today)
  const recipients = db
    .select({ email: users.email, role: users.role, disabled: users.disabled })
    .from(users)
    .all()
    .filter((u) => !u.disabled && (u.role === 'admin' || u.role === 'editor'))

  let sent = 0
  if (fresh.length || soon.length) {
    const text = [
      `Seloste – ${formatDate(today, 'en')}`,
      '',
      fresh.length ? `New findings (${fresh.length}):` : 'No new findings.',
      ...fresh.map((f) => `- [${f.severity}] ${f.message.en}  ${baseUrl}${f.link}`),
      '',
      soon.length ? `Deadlines within 30 days (${soon.length}):` : 'No deadlines within 30 days.',
      ...soon.map((d) => `- ${formatDate(d.date, 'en')}${d.date < today ? ' (overdue)' : ''}: ${d.title.en}  ${baseUrl}${d.link}`),
      '',
      `All findings: ${baseUrl}/`,
      '',
      '—',
      'Suomeksi:',
      ...fresh.map((f) => `- [${f.severity}] ${f.message.fi}`),
      ...soon.map((d) => `- ${formatDate(d.date, 'fi')}: ${d.title.fi}`),
    ].join('\n')
    for (const u of recipients) {
      try {
        await mailer.send({ to: u.email, subject: `Seloste: ${fresh.length} new findings, ${soon.length} deadlines within 30 days`, text })
        sent++
      } catch (err) {
        logger.warn('a digest mail could not be sent', { error: (err as Error).message })
      }
    }
  }
  db.insert(digestRuns)
    .values({ date: today, findingKeys: open.map((f) => f.key), recipients: sent })
    .run()
  return { sent, newFindings: fresh.length, deadlines: soon.length }
}

/** True once the local clock has passed the digest hour today. */
export function isDigestTime(now = new Date(), hour = 7): boolean {
  return now.getHours() >= hour
}
