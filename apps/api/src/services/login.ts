import { inArray } from 'drizzle-orm'
import { loginThrottle } from '../db/schema'
import { AppError } from '../lib/app-error'
import { refundAttempt, takeAttempt, tooManyAttempts, type ThrottleKey, type ThrottlePolicy } from './throttle'
import { recordAudit } from './audit'
import type { ServiceContext } from './context'
import { dummyPasswordHash, verifyPassword } from './passwords'
import { createSession, endSession, type SessionPolicy, type SessionUser } from './sessions'
import { findUserByEmail } from './users'

export type { ThrottlePolicy } from './throttle'
export { DEFAULT_THROTTLE } from './throttle'

const INVALID = 'Wrong email or password'

function loginKeys(email: string, address: string | null, policy: ThrottlePolicy): ThrottleKey[] {
  const keys = [
    { key: `pair:${email}|${address ?? 'unknown'}`, free: policy.perAccountAndAddress },
    { key: `account:${email}`, free: policy.perAccount },
  ]
  if (address) keys.push({ key: `address:${address}`, free: policy.perAddress })
  return keys
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
  const keys = loginKeys(email, ctx.clientAddress, policy.throttle)
  const wait = takeAttempt(ctx.db, keys, policy.throttle, now)
  if (wait > 0) throw tooManyAttempts(wait)
  const user = findUserByEmail(ctx.db, email)
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password)
  if (!user || !ok || user.disabled) {
    ctx.db.transaction((tx) => {
      // The attempt was counted before the check; only the audit event is left to write. The typed email is recorded only when it names an account: a mistyped one may be anything.
      recordAudit(
        tx,
        { ...ctx, actor: { id: user?.id ?? null, email: user?.email ?? null } },
        {
          action: 'login_failed',
          entityType: 'session',
          entityId: null,
          after: { reason: user ? (user.disabled ? 'disabled' : 'wrong_password') : 'unknown_account' },
        },
      )
    })
    throw new AppError('unauthenticated', INVALID)
  }
  return ctx.db.transaction(
    (tx) => {
      // The owner got in: their account's and this pair's counts start again; the address keeps its
      // count of failures but not this attempt, which was no guess.
      tx.delete(loginThrottle)
        .where(
          inArray(
            loginThrottle.key,
            keys.slice(0, 2).map((k) => k.key),
          ),
        )
        .run()
      if (keys[2]) refundAttempt(tx, keys[2])
      const session = createSession(tx, user.id, policy.session, now)
      const sessionUser = { id: user.id, email: user.email, name: user.name, role: user.role }
      recordAudit(tx, { ...ctx, actor: { id: user.id, email: user.email } }, { action: 'login', entityType: 'session', entityId: null })
      return { ...session, user: sessionUser }
    },
    { behavior: 'immediate' },
  )
}

/** Ends the session and records it in one transaction: a logout is never half-recorded. */
export function logout(ctx: ServiceContext, token: string): void {
  ctx.db.transaction(
    (tx) => {
      endSession(tx, token)
      recordAudit(tx, ctx, { action: 'logout', entityType: 'session', entityId: null })
    },
    { behavior: 'immediate' },
  )
}
