import { afterEach, describe, expect, it, vi } from 'vitest'
import { sessions } from '../src/db/schema'
import { createSession, purgeExpiredSessions, resolveSession, scheduleSessionPurge } from '../src/services/sessions'
import { createTestContext } from './helpers'

const POLICY = { idleMinutes: 60, absoluteHours: 12 }
const HOUR = 3600_000

afterEach(() => {
  vi.useRealTimers()
})

describe('expired sessions', () => {
  it('are removed, by the absolute limit and by idleness; a session still usable stays and still works', async () => {
    const { db } = await createTestContext()
    const before = db.select().from(sessions).all().length
    const userId = db.select().from(sessions).all()[0]!.userId
    const now = new Date('2026-12-05T12:00:00.000Z')
    // Logged in 13 h ago (past the 12 h limit), idle 2 h, and one just used.
    createSession(db, userId, POLICY, new Date(now.getTime() - 13 * HOUR))
    const idle = createSession(db, userId, POLICY, new Date(now.getTime() - 2 * HOUR))
    const live = createSession(db, userId, POLICY, new Date(now.getTime() - 10 * 60_000))
    expect(db.select().from(sessions).all().length).toBe(before + 3)

    purgeExpiredSessions(db, POLICY, now)

    const left = db.select().from(sessions).all()
    expect(left.some((s) => s.createdAt === new Date(now.getTime() - 13 * HOUR).toISOString())).toBe(false)
    expect(left.some((s) => s.createdAt === new Date(now.getTime() - 2 * HOUR).toISOString())).toBe(false)
    expect(left.some((s) => s.createdAt === new Date(now.getTime() - 10 * 60_000).toISOString())).toBe(true)
    expect(resolveSession(db, idle.token, POLICY, now)).toBeNull()
    expect(resolveSession(db, live.token, POLICY, now)).not.toBeNull()
  })

  it('are purged on a schedule: at once when it starts, then every interval, until stopped', async () => {
    const { db } = await createTestContext()
    const userId = db.select().from(sessions).all()[0]!.userId
    // Only this test's sessions (the test client's own login would go idle within the hour too).
    db.delete(sessions).run()
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    const stale = () =>
      db
        .select()
        .from(sessions)
        .all()
        .filter((s) => s.lastSeenAt < new Date(Date.now() - POLICY.idleMinutes * 60_000).toISOString()).length

    createSession(db, userId, POLICY, new Date(Date.now() - 2 * HOUR))
    expect(stale()).toBe(1)
    const errors: unknown[] = []
    const stop = scheduleSessionPurge(db, POLICY, (err) => errors.push(err), HOUR)
    expect(stale()).toBe(0)

    // A session last used a moment ago is past the idle limit at the next run, which removes it.
    createSession(db, userId, POLICY, new Date(Date.now() - 1))
    const count = db.select().from(sessions).all().length
    vi.advanceTimersByTime(HOUR - 1)
    expect(db.select().from(sessions).all().length).toBe(count)
    vi.advanceTimersByTime(1)
    expect(db.select().from(sessions).all().length).toBe(count - 1)

    stop()
    createSession(db, userId, POLICY, new Date(Date.now() - 2 * HOUR))
    vi.advanceTimersByTime(3 * HOUR)
    expect(stale()).toBe(1)
    expect(errors).toEqual([])
  })
})
