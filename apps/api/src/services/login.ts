import { eq } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { loginThrottle } from '../db/schema'
import { AppError } from '../lib/app-error'
import { recordAudit } from './audit'
import type { ServiceContext } from './context'
import { dummyPasswordHash, verifyPassword } from './passwords'
import { createSession, type SessionPolicy, type SessionUser } from './sessions'
import { findUserByEmail } from './users'

export interface ThrottlePolicy {
  /** Failures allowed per account within the window before logins to it are refused. */
  perAccount: number
  /** Failures allowed per client address within the window. */
  perAddress: number
  windowMinutes: number
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { perAccount: 5, perAddress: 20, windowMinutes: 15 }

const INVALID = 'Wrong email or password'

function throttleKeys(email: string, address: string | null): { key: string; limit: (p: ThrottlePolicy) => number }[] {
  const keys = [{ key: `account:${email}`, limit: (p: ThrottlePolicy) => p.perAccount }]
  if (address) keys.push({ key: `address:${address}`, limit: (p) => p.perAddress })
  return keys
}

/** Seconds until the client may try again, or 0 when it may try now. */
function retryAfter(db: DbOrTx, email: string, address: string | null, policy: ThrottlePolicy, now: Date): number {
  let wait = 0
  for (const { key, limit } of throttleKeys(email, address)) {
    const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get()
    if (!row) continue
    const windowEnds = new Date(row.windowStartedAt).getTime() + policy.windowMinutes * 60_000
    if (now.getTime() < windowEnds && row.failures >= limit(policy)) wait = Math.max(wait, Math.ceil((windowEnds - now.getTime()) / 1000))
  }
  return wait
}

function recordFailure(db: DbOrTx, email: string, address: string | null, policy: ThrottlePolicy, now: Date): void {
  for (const { key } of throttleKeys(email, address)) {
    const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get()
    const windowEnds = row ? new Date(row.windowStartedAt).getTime() + policy.windowMinutes * 60_000 : 0
    if (!row || now.getTime() >= windowEnds) {
      db.insert(loginThrottle)
        .values({ key, failures: 1, windowStartedAt: now.toISOString() })
        .onConflictDoUpdate({ target: loginThrottle.key, set: { failures: 1, windowStartedAt: now.toISOString() } })
        .run()
    } else {
      db.update(loginThrottle).set({ failures: row.failures + 1 }).where(eq(loginThrottle.key, key)).run()
    }
  }
}

/**
 * Checks the credentials and starts a session. Unknown email, wrong password and a disabled account
 * all get the same answer in about the same time; repeated failures get 429 with Retry-After.
 */
export async function login(
  ctx: ServiceContext,
  emailInput: string,
  password: string,
  policy: { session: SessionPolicy; throttle: ThrottlePolicy },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date; user: SessionUser }> {
  const email = emailInput.trim().toLowerCase()
  const wait = retryAfter(ctx.db, email, ctx.clientAddress, policy.throttle, now)
  if (wait > 0) {
    throw new AppError('too_many_requests', 'Too many failed logins; try again later', { headers: { 'Retry-After': String(wait) } })
  }
  const user = findUserByEmail(ctx.db, email)
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password)
  if (!user || !ok || user.disabled) {
    ctx.db.transaction((tx) => {
      recordFailure(tx, email, ctx.clientAddress, policy.throttle, now)
      // The typed email is recorded only when it names an account: a mistyped one may be anything.
      recordAudit(tx, { ...ctx, actor: { id: user?.id ?? null, email: user?.email ?? null } }, {
        action: 'login_failed',
        entityType: 'session',
        entityId: null,
        after: { reason: user ? (user.disabled ? 'disabled' : 'wrong_password') : 'unknown_account' },
      })
    })
    throw new AppError('unauthenticated', INVALID)
  }
  return ctx.db.transaction(
    (tx) => {
      tx.delete(loginThrottle).where(eq(loginThrottle.key, `account:${email}`)).run()
      const session = createSession(tx, user.id, policy.session, now)
      const sessionUser = { id: user.id, email: user.email, name: user.name, role: user.role }
      recordAudit(tx, { ...ctx, actor: { id: user.id, email: user.email } }, { action: 'login', entityType: 'session', entityId: null })
      return { ...session, user: sessionUser }
    },
    { behavior: 'immediate' },
  )
}

export function recordLogout(ctx: ServiceContext): void {
  ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'logout', entityType: 'session', entityId: null }))
}

