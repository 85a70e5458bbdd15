import { createHash, randomBytes } from 'node:crypto'
import { and, eq, lt, ne, or, sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '../db/client'
import { sessions, users, type UserRole } from '../db/schema'

export interface SessionPolicy {
  /** A session unused for this long ends. */
  idleMinutes: number
  /** A session ends this long after login, whatever its use. */
  absoluteHours: number
}

export interface SessionUser {
  id: number
  email: string
  name: string
  role: UserRole
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Starts a session: 256 random bits in the cookie, only their hash in the database. */
export function createSession(db: DbOrTx, userId: number, policy: SessionPolicy, now = new Date()): { token: string; expiresAt: Date } {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3600_000)
  db.insert(sessions)
    .values({
      tokenHash: hashToken(token),
      userId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    })
    .run()
  return { token, expiresAt }
}

/** The session and its user by token hash; runs on every authenticated request, so it is built and compiled once per database. */
function sessionLookup(db: Db) {
  return db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare()
}
const sessionLookups = new WeakMap<Db, ReturnType<typeof sessionLookup>>()

/**
 * The user of a session token, or null when the token is unknown, idle too long, past its absolute
 * end, or its user is disabled. Activity is recorded at most once a minute to spare the disk.
 */
export function resolveSession(db: Db, token: string, policy: SessionPolicy, now = new Date()): SessionUser | null {
  const tokenHash = hashToken(token)
  let lookup = sessionLookups.get(db)
  if (!lookup) sessionLookups.set(db, (lookup = sessionLookup(db)))
  const row = lookup.get({ tokenHash })
  if (!row) return null
  const idleLimit = new Date(row.lastSeenAt).getTime() + policy.idleMinutes * 60_000
  if (row.disabled || now.getTime() >= new Date(row.expiresAt).getTime() || now.getTime() >= idleLimit) {
    db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run()
    return null
  }
  if (now.getTime() - new Date(row.lastSeenAt).getTime() > 60_000) {
    db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.tokenHash, tokenHash)).run()
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role }
}

export function endSession(db: DbOrTx, token: string): void {
  db.delete(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)))
    .run()
}

/** Ends every session of a user, or every one but the caller's own. */
export function endSessionsOfUser(db: DbOrTx, userId: number, exceptToken?: string): void {
  const condition = exceptToken
    ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, hashToken(exceptToken)))
    : eq(sessions.userId, userId)
  db.delete(sessions).where(condition).run()
}

/** Removes sessions that can no longer be used. */
export function purgeExpiredSessions(db: DbOrTx, policy: SessionPolicy, now = new Date()): void {
  const idleCutoff = new Date(now.getTime() - policy.idleMinutes * 60_000).toISOString()
  db.delete(sessions)
    .where(or(lt(sessions.expiresAt, now.toISOString()), lt(sessions.lastSeenAt, idleCutoff)))
    .run()
}

/**
 * Removes unusable sessions now and then every `everyMs` (an hour by default), so that they do not
 * pile up; a failed run is reported to `onError` and the next one tries again. The timer does not
 * keep the process alive. Returns a function that stops it.
 */
export function scheduleSessionPurge(db: Db, policy: SessionPolicy, onError: (err: unknown) => void, everyMs = 3600_000): () => void {
  const run = () => {
    try {
      purgeExpiredSessions(db, policy)
    } catch (err) {
      onError(err)
    }
  }
  run()
  const timer = setInterval(run, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
