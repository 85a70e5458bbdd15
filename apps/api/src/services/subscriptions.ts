/**
 * Following the public list by email: double opt-in, an unsubscribe link in every mail.
 * Subscribers are not registry records and are kept out of the audit trail, which is append-only:
 * an unsubscribed address must be erasable (GDPR Art. 17), and unsubscribing deletes it.
 */
import { createHash, randomBytes } from 'node:crypto'
import { count, eq, isNotNull } from 'drizzle-orm'
import type { Followers, Language, PublishedVersion } from '@seloste/schema'
import type { DbOrTx } from '../db/client'
import { listSubscribers } from '../db/schema'
import { logger } from '../lib/logger'
import type { Mailer } from '../lib/mailer'
import { changeText } from '../public-list/render-html'
import { formatDate, T } from '../public-list/texts'
import { nowIso } from './context'

const hash = (token: string) => createHash('sha256').update(token).digest('hex')
const newToken = () => randomBytes(32).toString('base64url')

/** A pending address gets at most one confirmation mail in this many minutes. */
const RESEND_MINUTES = 10

const MAIL = {
  fi: {
    confirmSubject: 'Vahvista käsittelijäluettelon tilaus',
    confirmBody: (org: string, confirm: string, unsubscribe: string) =>
      `Hei,\n\njoku (toivottavasti sinä) tilasi tähän osoitteeseen ilmoitukset, kun ${org} päivittää henkilötietojen käsittelijöiden luetteloaan.\n\nVahvista tilaus avaamalla tämä linkki:\n${confirm}\n\nJos et tilannut ilmoituksia, voit jättää tämän viestin huomiotta; osoitteesi poistetaan, kun tilausta ei vahvisteta. Peruminen: ${unsubscribe}\n`,
    updateSubject: (org: string, version: number) => `${org}: käsittelijäluettelo päivitetty (versio ${version})`,
    updateBody: (org: string, date: string, lines: string[], page: string, unsubscribe: string) =>
      `${org} päivitti henkilötietojen käsittelijöiden luettelonsa ${date}.\n\n${lines.map((l) => `- ${l}`).join('\n')}\n\nLuettelo: ${page}\n\nPeru ilmoitukset: ${unsubscribe}\n`,
  },
  en: {
    confirmSubject: 'Confirm your subscription to the processor list',
    confirmBody: (org: string, confirm: string, unsubscribe: string) =>
      `Hello,\n\nsomeone (we hope you) asked for a notice at this address whenever ${org} updates its list of processors of personal data.\n\nConfirm the subscription by opening this link:\n${confirm}\n\nIf it was not you, ignore this message; the address is removed unless it is confirmed. Unsubscribe: ${unsubscribe}\n`,
    updateSubject: (org: string, version: number) => `${org}: processor list updated (version ${version})`,
    updateBody: (org: string, date: string, lines: string[], page: string, unsubscribe: string) =>
      `${org} updated its list of processors of personal data on ${date}.\n\n${lines.map((l) => `- ${l}`).join('\n')}\n\nThe list: ${page}\n\nUnsubscribe: ${unsubscribe}\n`,
  },
} as const

const links = (baseUrl: string, lang: Language) => ({
  confirm: (token: string) => `${baseUrl}/public/processors/subscribe/confirm?token=${token}&lang=${lang}`,
  unsubscribe: (token: string) => `${baseUrl}/public/processors/unsubscribe?token=${token}&lang=${lang}`,
  page: `${baseUrl}/public/processors?lang=${lang}`,
})

/**
 * Starts (or restarts) a subscription and mails the confirmation link. The answer is the same
 * whether or not the address is already subscribed, so the form reveals nothing about others.
 */
export async function subscribe(
  db: DbOrTx,
  mailer: Mailer,
  input: { email: string; language: Language; organisation: string; baseUrl: string },
): Promise<void> {
  const email = input.email.trim().toLowerCase()
  const existing = db.select().from(listSubscribers).where(eq(listSubscribers.email, email)).get()
  if (existing?.confirmedAt) return
  if (existing?.lastMailedAt && Date.now() - Date.parse(existing.lastMailedAt) < RESEND_MINUTES * 60_000) return
  const confirm = newToken()
  const unsubscribe = newToken()
  const now = nowIso()
  const values = {
    email,
    language: input.language,
    confirmTokenHash: hash(confirm),
    unsubscribeTokenHash: hash(unsubscribe),
    createdAt: now,
    lastMailedAt: now,
  }
  db.insert(listSubscribers)
    .values(values)
    .onConflictDoUpdate({
      target: listSubscribers.email,
      set: {
        language: values.language,
        confirmTokenHash: values.confirmTokenHash,
        unsubscribeTokenHash: values.unsubscribeTokenHash,
        lastMailedAt: now,
      },
    })
    .run()
  const l = links(input.baseUrl, input.language)
  const text = MAIL[input.language]
  await mailer.send({
    to: email,
    subject: text.confirmSubject,
    text: text.confirmBody(input.organisation, l.confirm(confirm), l.unsubscribe(unsubscribe)),
    headers: { 'List-Unsubscribe': `<${l.unsubscribe(unsubscribe)}>` },
  })
}

/**
 * How many people follow the public list (confirmed addresses only), for administrators: a number,
 * never who. Without a mail server subscriptions are off: nobody can subscribe and no one is mailed,
 * so no count is given (addresses confirmed while mail was on are kept, not counted as following).
 */
export function followerCount(db: DbOrTx, subscriptionsEnabled: boolean): Followers {
  if (!subscriptionsEnabled) return { subscriptions: 'off', confirmed: null }
  const row = db.select({ n: count() }).from(listSubscribers).where(isNotNull(listSubscribers.confirmedAt)).get()
  return { subscriptions: 'on', confirmed: row?.n ?? 0 }
}

/** Confirms a pending subscription; false when the link is unknown or already used. */
export function confirmSubscription(db: DbOrTx, token: string): boolean {
  const row = db
    .select()
    .from(listSubscribers)
    .where(eq(listSubscribers.confirmTokenHash, hash(token)))
    .get()
  if (!row) return false
  db.update(listSubscribers).set({ confirmedAt: nowIso(), confirmTokenHash: null }).where(eq(listSubscribers.id, row.id)).run()
  return true
}

/** Deletes the subscriber (nothing of the address is kept); false when the link is unknown. */
export function unsubscribe(db: DbOrTx, token: string): boolean {
  return (
    db
      .delete(listSubscribers)
      .where(eq(listSubscribers.unsubscribeTokenHash, hash(token)))
      .run().changes > 0
  )
}

export function isSubscriptionToken(db: DbOrTx, token: string): boolean {
  return !!db
    .select({ id: listSubscribers.id })
    .from(listSubscribers)
    .where(eq(listSubscribers.unsubscribeTokenHash, hash(token)))
    .get()
}

/**
 * Tells every confirmed subscriber, in their language, what a new version changed. Each mail has
 * its own fresh unsubscribe link (the token is rotated, as only its hash is kept). Failures are
 * logged without addresses and do not stop the others.
 */
export async function notifySubscribers(
  db: DbOrTx,
  mailer: Mailer,
  version: PublishedVersion,
  baseUrl: string,
): Promise<{ sent: number; failed: number }> {
  const subscribers = db.select().from(listSubscribers).where(isNotNull(listSubscribers.confirmedAt)).all()
  let sent = 0
  let failed = 0
  for (const s of subscribers) {
    const token = newToken()
    db.update(listSubscribers)
      .set({ unsubscribeTokenHash: hash(token), lastMailedAt: nowIso() })
      .where(eq(listSubscribers.id, s.id))
      .run()
    const l = links(baseUrl, s.language)
    const lines = version.changes.length ? version.changes.map((c) => changeText(c, s.language)) : [T[s.language].firstVersion]
    const org = version.content.controller.name
    try {
      await mailer.send({
        to: s.email,
        subject: MAIL[s.language].updateSubject(org, version.version),
        text: MAIL[s.language].updateBody(org, formatDate(version.date, s.language), lines, l.page, l.unsubscribe(token)),
        headers: { 'List-Unsubscribe': `<${l.unsubscribe(token)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      })
      sent++
    } catch (err) {
      failed++
      logger.warn('a list update mail could not be sent', { subscriber: s.id, error: (err as Error).message })
    }
  }
  return { sent, failed }
}
