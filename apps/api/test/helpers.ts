/**
 * Test harness: a real in-memory SQLite database built from the committed migrations, the full
 * application (middleware, error handling, routes) and a small client for calling it.
 */
import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { buildApp } from '../src/app'
import { openDatabase, type Db } from '../src/db/client'
import * as schema from '../src/db/schema'
import { seedDemoData } from '../src/seed/seed'
import { DEFAULT_CONFIG, type AppConfig } from '../src/lib/config'
import { recordAudit } from '../src/services/audit'
import { nowIso, systemContext } from '../src/services/context'
import { hashPassword } from '../src/services/passwords'
import { createSession, type SessionPolicy } from '../src/services/sessions'
import { toUser } from '../src/services/users'
import type { UserRole } from '@seloste/schema'
import { gt } from 'drizzle-orm'
import { expect } from 'vitest'
import { auditEvents, users } from '../src/db/schema'

export const TEST_PASSWORD = 'a long test passphrase 42'

/**
 * A response body as a test reads it: parsed JSON whose shape the test's own assertions check.
 * Left untyped on purpose (the one place: eslint.config.js allows \`any\` in this file only), so that
 * the hundreds of assertions on response bodies read fields without a cast each; a test that wants
 * the schema's type asks for it (\`ctx.api.get<ProcessorPage>(...)\`).
 */
export type JsonBody = any

export interface TestResponse<T = JsonBody> {
  status: number
  headers: Headers
  body: T
  text: string
  /** The raw response body (for binary downloads). */
  bytes: Uint8Array
}

export interface TestClient {
  request<T = JsonBody>(
    method: string,
    path: string,
    body?: unknown,
    init?: { headers?: Record<string, string>; raw?: RequestInit['body'] },
  ): Promise<TestResponse<T>>
  get<T = JsonBody>(path: string): Promise<TestResponse<T>>
  post<T = JsonBody>(path: string, body?: unknown): Promise<TestResponse<T>>
  patch<T = JsonBody>(path: string, body?: unknown): Promise<TestResponse<T>>
  delete<T = JsonBody>(path: string): Promise<TestResponse<T>>
}

export interface TestContext {
  db: Db
  app: ReturnType<typeof buildApp>
  /** A client logged in as an administrator. */
  api: TestClient
  /** A client with no session. */
  anonymous: TestClient
  /** A client logged in as a (new) user of this role. */
  as(role: UserRole): Promise<TestClient & { email: string; cookie: string }>
}

function clientFor(app: ReturnType<typeof buildApp>, defaultHeaders: () => Record<string, string>): TestClient {
  const request = async (
    method: string,
    path: string,
    body?: unknown,
    init: { headers?: Record<string, string>; raw?: RequestInit['body'] } = {},
  ) => {
    const headers: Record<string, string> = { ...defaultHeaders(), ...init.headers }
    let payload: RequestInit['body'] | undefined = init.raw
    if (body !== undefined && payload === undefined) {
      payload = JSON.stringify(body)
      headers['content-type'] ??= 'application/json'
    }
    const res = await app.request(path, { method, headers, body: payload })
    const bytes = new Uint8Array(await res.arrayBuffer())
    const text = new TextDecoder().decode(bytes)
    let parsed: unknown = text
    // A compressed answer (the client asked for it) is left as bytes for the test to decompress.
    if ((res.headers.get('content-type') ?? '').includes('json') && text && !res.headers.get('content-encoding')) parsed = JSON.parse(text)
    return { status: res.status, headers: res.headers, body: parsed as JsonBody, text, bytes }
  }
  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    patch: (path, body) => request('PATCH', path, body),
    delete: (path) => request('DELETE', path),
  }
}

/** Logs in through the API and returns the session cookie ("name=value"). */
export async function loginCookie(app: ReturnType<typeof buildApp>, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`login of ${email} failed with ${res.status}: ${await res.text()}`)
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error('login set no cookie')
  return cookie
}

/**
 * The per-test set-up is the suite's main cost (migrations, the demo data, an argon2 hash and a
 * login per test), so each test process does the expensive parts once: the migrated (and seeded)
 * database is kept as a serialized image and each test opens its own copy of it, and the test
 * password is hashed once, with the app's own argon2 parameters.
 */
const templates = new Map<'empty' | 'demo', Buffer>()
let testPasswordHash: Promise<string> | null = null

function templateImage(demo: boolean): Buffer {
  const kind = demo ? 'demo' : 'empty'
  let image = templates.get(kind)
  if (!image) {
    const db = openDatabase(':memory:')
    if (demo) seedDemoData(db)
    image = db.$client.serialize()
    db.$client.close()
    templates.set(kind, image)
  }
  return image
}

/** A private in-memory copy of the template: what openDatabase(':memory:') (+ the demo data) gives, without redoing it. */
function openTemplateCopy(demo: boolean): Db {
  const sqlite = new Database(templateImage(demo))
  // Connection settings are not part of the image: the ones openDatabase sets.
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('foreign_keys = ON')
  return drizzle(sqlite, { schema }) as Db
}

/** What createUser does (the row and its audit event), with the test password's hash made once. */
async function insertTestUser(db: Db, email: string, role: UserRole) {
  testPasswordHash ??= hashPassword(TEST_PASSWORD)
  const passwordHash = await testPasswordHash
  const ctx = systemContext(db)
  return db.transaction(
    (tx) => {
      const now = nowIso()
      const row = tx
        .insert(users)
        .values({ email, name: `Test ${role}`, role, passwordHash, passwordChangedAt: now, version: 1, createdAt: now, updatedAt: now })
        .returning()
        .get()
      recordAudit(tx, ctx, { action: 'create', entityType: 'user', entityId: row.id, after: toUser(row) })
      return row
    },
    { behavior: 'immediate' },
  )
}

/** What a successful login does (a session and its audit event), without verifying the hash again. */
function startTestSession(db: Db, user: { id: number; email: string }, policy: SessionPolicy): string {
  return db.transaction(
    (tx) => {
      const { token } = createSession(tx, user.id, policy)
      recordAudit(
        tx,
        { ...systemContext(db), actor: { id: user.id, email: user.email } },
        { action: 'login', entityType: 'session', entityId: null },
      )
      return `seloste_session=${token}`
    },
    { behavior: 'immediate' },
  )
}

/**
 * A fresh app on a fresh in-memory database built from the migrations, with an administrator
 * logged in; with `demo: true` the reference company's data is loaded.
 */
export async function createTestContext(options: { demo?: boolean; config?: Partial<AppConfig> } = {}): Promise<TestContext> {
  const db = openTemplateCopy(options.demo ?? false)
  const config = { ...DEFAULT_CONFIG, ...options.config }
  const app = buildApp({ db, config })
  let counter = 0
  const as = async (role: UserRole) => {
    const email = `${role}${++counter}@example.test`
    const user = await insertTestUser(db, email, role)
    const cookie = startTestSession(db, user, config.session)
    return Object.assign(
      clientFor(app, () => ({ cookie })),
      { email, cookie },
    )
  }
  const admin = await as('admin')
  return { db, app, api: admin, anonymous: clientFor(app, () => ({})), as }
}

/** A single number from SQL, e.g. a count. */
export function count(db: Db, sql: string, ...params: unknown[]): number {
  return db.$client
    .prepare(sql)
    .pluck()
    .get(...params) as number
}

/** The sequence number of the newest audit event (0 when there is none). */
export function lastAuditSeq(db: Db): number {
  return count(db, 'SELECT coalesce(max(seq), 0) FROM audit_events')
}

/** The audit events written after `seq`, with their before/after parsed. */
export function auditEventsAfter(db: Db, seq: number) {
  return db
    .select()
    .from(auditEvents)
    .where(gt(auditEvents.seq, seq))
    .orderBy(auditEvents.seq)
    .all()
    .map((e) => ({ ...e, before: e.before === null ? null : JSON.parse(e.before), after: e.after === null ? null : JSON.parse(e.after) }))
}

/** A 400 validation error naming exactly these field paths, each with a message. */
export function expectValidationError(res: { status: number; body: JsonBody }, paths: string[]) {
  expect(res.status, JSON.stringify(res.body)).toBe(400)
  expect(res.body.error.code).toBe('validation_failed')
  expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([...paths].sort())
  for (const f of res.body.error.fields) expect(f.message).toMatch(/\S/)
}

/**
 * For a test that reads a file outside the repository (e.g. the reference privacy policy in
 * ../shared/reference/): in CI (CI=true) a missing file fails the test, saying which and why, since
 * CI must test everything; elsewhere the test is skipped with the reason printed.
 */
export function requireFileOutsideRepo(path: string, test: { skip: (note?: string) => void }, why: string): void {
  if (existsSync(path)) return
  const reason = `${path} is missing (${why}); it lives outside the repository`
  if (process.env.CI === 'true') throw new Error(`${reason}. CI runs with CI=true and must have it.`)
  console.warn(`skipped: ${reason}`)
  test.skip(reason)
}
