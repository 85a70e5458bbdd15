import { createHash, randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import ical, { ICalAlarmType } from 'ical-generator'
import type { Language } from '@seloste/schema'
import type { DbOrTx } from '../db/client'
import { calendarTokens, users } from '../db/schema'
import { recordAudit } from './audit'
import { nowIso, type ServiceContext } from './context'
import { listDeadlines, todayIso } from './findings'

const REMINDER_SECONDS_BEFORE = 7 * 24 * 3600

const hash = (token: string) => createHash('sha256').update(token).digest('hex')

/** Makes a new secret for the user's calendar feed; the old URL stops working. Returns the token once. */
export function regenerateCalendarToken(ctx: ServiceContext, userId: number): string {
  const token = randomBytes(32).toString('base64url')
  ctx.db.transaction(
    (tx) => {
      tx.insert(calendarTokens)
        .values({ userId, tokenHash: hash(token), createdAt: nowIso() })
        .onConflictDoUpdate({ target: calendarTokens.userId, set: { tokenHash: hash(token), createdAt: nowIso() } })
        .run()
      recordAudit(tx, ctx, { action: 'regenerate_calendar_token', entityType: 'user', entityId: userId })
    },
    { behavior: 'immediate' },
  )
  return token
}

export function calendarTokenInfo(db: DbOrTx, userId: number): { createdAt: string } | null {
  const row = db.select({ createdAt: calendarTokens.createdAt }).from(calendarTokens).where(eq(calendarTokens.userId, userId)).get()
  return row ?? null
}

/** The active user a calendar token belongs to, or null. */
export function userOfCalendarToken(db: DbOrTx, token: string): number | null {
  const row = db
    .select({ userId: calendarTokens.userId, disabled: users.disabled })
    .from(calendarTokens)
    .innerJoin(users, eq(users.id, calendarTokens.userId))
    .where(eq(calendarTokens.tokenHash, hash(token)))
    .get()
  return row && !row.disabled ? row.userId : null
}

/** Every deadline of the coming year (and overdue ones) as all-day events, for Google Calendar or Outlook. */
export function renderCalendar(db: DbOrTx, origin: string, lang: Language, today = todayIso()): string {
  const calendar = ical({
    name: lang === 'fi' ? 'Seloste: tietosuojan määräajat' : 'Seloste: data protection deadlines',
    prodId: { company: 'Seloste', product: 'Seloste', language: lang.toUpperCase() },
  })
  for (const d of listDeadlines(db, 366, today)) {
    const event = calendar.createEvent({
      id: `${d.kind}-${d.entity.type}-${d.entity.id ?? 'x'}-${d.date}@seloste`,
      start: new Date(`${d.date}T00:00:00Z`),
      allDay: true,
      summary: d.title[lang],
      description: `${origin}${d.link}`,
      url: `${origin}${d.link}`,
    })
    // A reminder a week ahead: a deadline seen only on its day is usually too late to act on.
    event.createAlarm({ type: ICalAlarmType.display, trigger: REMINDER_SECONDS_BEFORE, description: d.title[lang] })
  }
  // ical-generator escapes (\ ; , and line breaks) and folds at 75 octets, but leaves the last line
  // without its CRLF, which RFC 5545 requires after every content line.
  const body = calendar.toString()
  return body.endsWith('\r\n') ? body : `${body}\r\n`
}
