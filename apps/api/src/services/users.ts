import { asc, eq, sql } from 'drizzle-orm'
import { MESSAGES, type AuditAction, type User, type UserRole } from '@seloste/schema'
import type { DbOrTx } from '../db/client'
import { calendarTokens, users } from '../db/schema'
import { AppError, invalid, notFound } from '../lib/app-error'
import { recordAudit } from './audit'
import { nowIso, type ServiceContext } from './context'
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './passwords'
import { findOrganisation } from './organisation'
import { requireVersion } from './processors'
import { endSessionsOfUser } from './sessions'
import { clearThrottleOfUser, takePasswordAttempt, type ThrottlePolicy } from './throttle'

type UserRow = typeof users.$inferSelect

/** The user as the API and the audit trail show it: never the password hash. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

function findRow(db: DbOrTx, id: number): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get()
}

export function findUserByEmail(db: DbOrTx, email: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get()
}

export function listUsers(db: DbOrTx): User[] {
  return db.select().from(users).orderBy(asc(users.email)).all().map(toUser)
}

export function getUser(db: DbOrTx, id: number): User {
  const row = findRow(db, id)
  if (!row) throw notFound('User')
  return toUser(row)
}

export function countUsers(db: DbOrTx): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM users`).n
}

function checkPassword(db: DbOrTx, password: string, email: string, path: string): void {
  const organisation = findOrganisation(db)
  const problem = passwordProblem(password, email, organisation ? [organisation.name] : [])
  if (problem) throw invalid([{ path, message: problem }])
}

export async function createUser(
  ctx: ServiceContext,
  input: { email: string; name: string; role: UserRole; password: string },
): Promise<User> {
  const email = input.email.trim().toLowerCase()
  checkPassword(ctx.db, input.password, email, 'password')
  const passwordHash = await hashPassword(input.password)
  return ctx.db.transaction(
    (tx) => {
      if (findUserByEmail(tx, email)) throw invalid([{ path: 'email', message: MESSAGES.email_taken }])
      const now = nowIso()
      const row = tx
        .insert(users)
        .values({
          email,
          name: input.name,
          role: input.role,
          passwordHash,
          passwordChangedAt: now,
          version: 1,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get()
      recordAudit(tx, ctx, { action: 'create', entityType: 'user', entityId: row.id, after: toUser(row) })
      return toUser(row)
    },
    { behavior: 'immediate' },
  )
}

function activeAdmins(tx: DbOrTx): number {
  return tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0`).n
}

/** Changes name, role or disabled state. A role change or disabling ends the user's sessions at once. */
export function updateUser(
  ctx: ServiceContext,
  id: number,
  input: { name?: string; role?: UserRole; disabled?: boolean; version: number },
): User {
  return ctx.db.transaction(
    (tx) => {
      const before = requireVersion(findRow(tx, id), input.version, 'User', () => getUser(tx, id))
      const next = { name: input.name ?? before.name, role: input.role ?? before.role, disabled: input.disabled ?? before.disabled }
      const losesAdmin = before.role === 'admin' && !before.disabled && (next.role !== 'admin' || next.disabled)
      if (losesAdmin && activeAdmins(tx) <= 1) throw new AppError('conflict', MESSAGES.last_admin)
      const row = tx
        .update(users)
        .set({ ...next, version: before.version + 1, updatedAt: nowIso() })
        .where(eq(users.id, id))
        .returning()
        .get()!
      if (next.role !== before.role || (next.disabled && !before.disabled)) endSessionsOfUser(tx, id)
      // A disabled account's calendar link dies with it: re-enabling does not bring an old link back.
      if (next.disabled && !before.disabled) tx.delete(calendarTokens).where(eq(calendarTokens.userId, id)).run()
      recordAudit(tx, ctx, { action: 'update', entityType: 'user', entityId: id, before: toUser(before), after: toUser(row) })
      return toUser(row)
    },
    { behavior: 'immediate' },
  )
}

/** An administrator sets a new password for someone; all their sessions end. */
export async function resetPassword(ctx: ServiceContext, id: number, password: string): Promise<User> {
  const target = findRow(ctx.db, id)
  if (!target) throw notFound('User')
  checkPassword(ctx.db, password, target.email, 'password')
  const passwordHash = await hashPassword(password)
  return setPassword(ctx, id, passwordHash, 'reset_password')
}

/** A user changes their own password; their other sessions end. */
export async function changeOwnPassword(
  ctx: ServiceContext,
  currentToken: string,
  currentPassword: string,
  newPassword: string,
  throttle: ThrottlePolicy,
): Promise<void> {
  const id = ctx.actor.id
  const row = id ? findRow(ctx.db, id) : undefined
  if (!row || !id) throw new AppError('unauthenticated', 'Log in first')
  // A stolen session must not become a free password oracle: counted before the check, like a login.
  takePasswordAttempt(ctx.db, id, throttle)
  if (!(await verifyPassword(row.passwordHash, currentPassword))) {
    ctx.db.transaction((tx) =>
      recordAudit(tx, ctx, { action: 'change_password_failed', entityType: 'user', entityId: id, after: { reason: 'wrong_password' } }),
    )
    throw invalid([{ path: 'currentPassword', message: MESSAGES.wrong_current_password }])
  }
  checkPassword(ctx.db, newPassword, row.email, 'newPassword')
  const passwordHash = await hashPassword(newPassword)
  setPassword(ctx, id, passwordHash, 'change_password', currentToken)
}

function setPassword(ctx: ServiceContext, id: number, passwordHash: string, action: AuditAction, keepToken?: string): User {
  return ctx.db.transaction(
    (tx) => {
      const before = findRow(tx, id)
      if (!before) throw notFound('User')
      const now = nowIso()
      const row = tx
        .update(users)
        .set({ passwordHash, passwordChangedAt: now, version: before.version + 1, updatedAt: now })
        .where(eq(users.id, id))
        .returning()
        .get()!
      endSessionsOfUser(tx, id, keepToken)
      clearThrottleOfUser(tx, before)
      // After a reset whoever held the old password may also hold the calendar link: it ends too.
      if (action === 'reset_password') tx.delete(calendarTokens).where(eq(calendarTokens.userId, id)).run()
      recordAudit(tx, ctx, { action, entityType: 'user', entityId: id, before: toUser(before), after: toUser(row) })
      return toUser(row)
    },
    { behavior: 'immediate' },
  )
}

/** An administrator lifts the login backoff on someone's account (e.g. after a guessing attack). */
export function unlockUser(ctx: ServiceContext, id: number): User {
  return ctx.db.transaction(
    (tx) => {
      const row = findRow(tx, id)
      if (!row) throw notFound('User')
      const cleared = clearThrottleOfUser(tx, row)
      recordAudit(tx, ctx, { action: 'unlock', entityType: 'user', entityId: id, after: { clearedCounters: cleared } })
      return toUser(row)
    },
    { behavior: 'immediate' },
  )
}

/**
 * First start: with no users, create the administrator from SELOSTE_ADMIN_EMAIL and
 * SELOSTE_ADMIN_PASSWORD, or with a generated password that is returned to be shown once.
 */
export async function ensureFirstAdmin(
  ctx: ServiceContext,
  env: { email?: string | undefined; password?: string | undefined },
): Promise<{ email: string; generatedPassword: string | null } | null> {
  if (countUsers(ctx.db) > 0) return null
  const email = env.email?.trim().toLowerCase() || 'admin@seloste.local'
  const generatedPassword = env.password ? null : generatePassword()
  const password = env.password ?? generatedPassword!
  const problem = passwordProblem(password, email)
  if (problem) throw new Error(`SELOSTE_ADMIN_PASSWORD is not acceptable: ${problem}`)
  await createUser(ctx, { email, name: 'Administrator', role: 'admin', password })
  return { email, generatedPassword }
}
