/**
 * Test harness: a real in-memory SQLite database built from the committed migrations, the full
 * application (middleware, error handling, routes) and a small client for calling it.
 */
import { buildApp } from '../src/app'
import { openDatabase, type Db } from '../src/db/client'
import { seedDemoData } from '../src/seed/seed'
import { DEFAULT_CONFIG, type AppConfig } from '../src/lib/config'
import { systemContext } from '../src/services/context'
import { createUser } from '../src/services/users'
import type { UserRole } from '@seloste/schema'
import { gt } from 'drizzle-orm'
import { expect } from 'vitest'
import { auditEvents } from '../src/db/schema'

export const TEST_PASSWORD = 'a long test passphrase 42'

export interface TestResponse<T = any> {
  status: number
  headers: Headers
  body: T
  text: string
  /** The raw response body (for binary downloads). */
  bytes: Uint8Array
}

export interface TestClient {
  request<T = any>(method: string, path: string, body?: unknown, init?: { headers?: Record<string, string>; raw?: RequestInit['body'] }): Promise<TestResponse<T>>
  get<T = any>(path: string): Promise<TestResponse<T>>
  post<T = any>(path: string, body?: unknown): Promise<TestResponse<T>>
  patch<T = any>(path: string, body?: unknown): Promise<TestResponse<T>>
  delete<T = any>(path: string): Promise<TestResponse<T>>
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
  const request = async (method: string, path: string, body?: unknown, init: { headers?: Record<string, string>; raw?: RequestInit['body'] } = {}) => {
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
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text)
    return { status: res.status, headers: res.headers, body: parsed as any, text, bytes }
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
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
  if (res.status !== 200) throw new Error(`login of ${email} failed with ${res.status}: ${await res.text()}`)
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error('login set no cookie')
  return cookie
}

/**
 * A fresh app on a fresh in-memory database built from the migrations, with an administrator
 * logged in; with `demo: true` the reference company's data is loaded.
 */
export async function createTestContext(options: { demo?: boolean; config?: Partial<AppConfig> } = {}): Promise<TestContext> {
  const db = openDatabase(':memory:')
  if (options.demo) seedDemoData(db)
  const app = buildApp({ db, config: { ...DEFAULT_CONFIG, ...options.config } })
  let counter = 0
  const as = async (role: UserRole) => {
    const email = `${role}${++counter}@example.test`
    await createUser(systemContext(db), { email, name: `Test ${role}`, role, password: TEST_PASSWORD })
    const cookie = await loginCookie(app, email)
    return Object.assign(clientFor(app, () => ({ cookie })), { email, cookie })
  }
  const admin = await as('admin')
  return { db, app, api: admin, anonymous: clientFor(app, () => ({})), as }
}

/** A single number from SQL, e.g. a count. */
export function count(db: Db, sql: string, ...params: unknown[]): number {
  return db.$client.prepare(sql).pluck().get(...params) as number
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
export function expectValidationError(res: { status: number; body: any }, paths: string[]) {
  expect(res.status, JSON.stringify(res.body)).toBe(400)
  expect(res.body.error.code).toBe('validation_failed')
  expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([...paths].sort())
  for (const f of res.body.error.fields) expect(f.message).toMatch(/\S/)
}
