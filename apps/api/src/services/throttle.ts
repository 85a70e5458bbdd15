import { eq, or, sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '../db/client'
import { loginThrottle } from '../db/schema'
import { AppError } from '../lib/app-error'

export interface ThrottlePolicy {
  /** Attempts one client address may make at one account before each further one waits longer. */
  perAccountAndAddress: number
  /** A looser ceiling on attempts at one account from all addresses together (a spread-out guesser). */
  perAccount: number
  /** Attempts one client address may make at all accounts together. */
  perAddress: number
  /** A key's count is forgotten after this long without a block; also the longest wait. */
  windowMinutes: number
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { perAccountAndAddress: 5, perAccount: 50, perAddress: 20, windowMinutes: 15 }

/** The first wait past a key's free attempts; each further attempt doubles it, up to the window. */
const FIRST_DELAY_MS = 15_000

export interface ThrottleKey {
  key: string
  free: number
}

/**
 * Takes one attempt from each key, atomically, before any password is checked: in one synchronous
 * IMMEDIATE transaction it either refuses (a key is in its backoff: the seconds to wait) or counts
 * the attempt in every key (0). Concurrent guesses therefore never get more than the free attempts
 * checked. Past a key's free attempts each one pushes `blocked_until` further ahead (15 s, 30 s,
 * 1 min, ... up to the window): a delay, never a lock, so a wrong-password flood from one address
 * slows that address down but cannot shut the owner out from theirs.
 */
export function takeAttempt(db: Db, keys: ThrottleKey[], policy: ThrottlePolicy, now = new Date()): number {
  const windowMs = policy.windowMinutes * 60_000
  const t = now.getTime()
  const run = (tx: DbOrTx) => {
    const rows = keys.map((k) => ({ k, row: tx.select().from(loginThrottle).where(eq(loginThrottle.key, k.key)).get() }))
    let wait = 0
    for (const { row } of rows) {
      const until = row?.blockedUntil ? Date.parse(row.blockedUntil) : 0
      if (until > t) wait = Math.max(wait, Math.ceil((until - t) / 1000))
    }
    if (wait > 0) return wait
    for (const { k, row } of rows) {
      const quietSince = row ? Date.parse(row.blockedUntil ?? row.windowStartedAt) : 0
      const fresh = !row || t - quietSince >= windowMs
      const attempts = fresh ? 1 : row.failures + 1
      const over = attempts - k.free
      const blockedUntil = over >= 0 ? new Date(t + Math.min(windowMs, FIRST_DELAY_MS * 2 ** Math.min(over, 20))).toISOString() : null
      const values = { failures: attempts, windowStartedAt: fresh ? now.toISOString() : row.windowStartedAt, blockedUntil }
      tx.insert(loginThrottle)
        .values({ key: k.key, ...values })
        .onConflictDoUpdate({ target: loginThrottle.key, set: values })
        .run()
    }
    return 0
  }
  return db.transaction(run, { behavior: 'immediate' })
}

/**
 * Gives back an attempt that turned out to be a successful login: the address's count is of failed
 * guesses, so that the people of one office behind one address can all sign in, however many.
 */
export function refundAttempt(tx: DbOrTx, k: ThrottleKey): void {
  tx.update(loginThrottle)
    .set({
      failures: sql`max(${loginThrottle.failures} - 1, 0)`,
      blockedUntil: sql`CASE WHEN ${loginThrottle.failures} - 1 < ${k.free} THEN NULL ELSE ${loginThrottle.blockedUntil} END`,
    })
    .where(eq(loginThrottle.key, k.key))
    .run()
}

export function tooManyAttempts(wait: number): AppError {
  return new AppError('too_many_requests', 'Too many attempts; try again later', { headers: { 'Retry-After': String(wait) } })
}

/** Lifts every login and password-change backoff on a user's account (admin unlock, password reset). */
export function clearThrottleOfUser(db: DbOrTx, user: { id: number; email: string }): number {
  const email = user.email.toLowerCase()
  return db
    .delete(loginThrottle)
    .where(
      or(
        eq(loginThrottle.key, `account:${email}`),
        sql`${loginThrottle.key} LIKE ${`pair:${email.replace(/[%_\\]/g, '\\$&')}|%`} ESCAPE '\\'`,
        eq(loginThrottle.key, `password:${user.id}`),
      ),
    )
    .run().changes
}

/** Counts an attempt at the current password before it is checked (change of one's own password). */
export function takePasswordAttempt(db: Db, userId: number, policy: ThrottlePolicy, now = new Date()): void {
  const wait = takeAttempt(db, [{ key: `password:${userId}`, free: policy.perAccountAndAddress }], policy, now)
  if (wait > 0) throw tooManyAttempts(wait)
}
