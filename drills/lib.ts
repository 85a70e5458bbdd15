/**
 * Shared pieces of the drills: child servers on temporary database files, an HTTP client, direct
 * database access and the figures each drill prints (and, with DRILL_RESULT set, writes as JSON for
 * scripts/drills.sh).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { request as httpRequest, Agent } from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const API_DIR = join(REPO_ROOT, 'apps', 'api')
/** Packages resolve the way apps/api resolves them (better-sqlite3 and tsx live there, not at the root). */
export const apiRequire = createRequire(join(API_DIR, 'package.json'))
/** tsx's ESM hook: `node --import <loader> file.ts` is one process, so that signals reach the server itself. */
export const TSX_LOADER = pathToFileURL(apiRequire.resolve('tsx')).href
/** The compiled production server (apps/api/build.mjs; scripts/drills.sh builds it first), run by plain node. */
export const SERVER_SCRIPT = join(API_DIR, 'dist', 'server.js')

export const MODE: 'short' | 'long' = process.env.DRILL_MODE === 'long' ? 'long' : 'short'
export const ADMIN_EMAIL = 'drill-admin@example.test'
export const ADMIN_PASSWORD = 'a long drill passphrase 4711'

// ---------------------------------------------------------------------------------------------
// Figures, violations and the result.
// ---------------------------------------------------------------------------------------------

export class Drill {
  readonly figures: [string, string][] = []
  readonly violations: string[] = []
  private readonly started = performance.now()

  constructor(readonly name: string) {
    console.log(`== drill ${name} (${MODE})`)
  }

  figure(label: string, value: string | number): void {
    const text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(1)) : value
    this.figures.push([label, text])
    console.log(`   ${label}: ${text}`)
  }

  /** Records a broken promise; the drill fails at the end. The first 50 are printed. */
  violation(message: string): void {
    this.violations.push(message)
    if (this.violations.length <= 50) console.log(`   VIOLATION: ${message}`)
  }

  check(ok: boolean, message: string): boolean {
    if (!ok) this.violation(message)
    return ok
  }

  /** Prints PASS/FAIL, writes DRILL_RESULT (JSON) when set and exits 0 or 1. */
  finish(): never {
    const seconds = (performance.now() - this.started) / 1000
    const pass = this.violations.length === 0
    this.figure('drill time (s)', seconds)
    if (this.violations.length > 50) console.log(`   ... and ${this.violations.length - 50} more violations`)
    console.log(`== ${this.name}: ${pass ? 'PASS' : `FAIL (${this.violations.length} violations)`}`)
    if (process.env.DRILL_RESULT) {
      writeFileSync(
        process.env.DRILL_RESULT,
        JSON.stringify(
          {
            drill: this.name,
            mode: MODE,
            pass,
            seconds,
            figures: this.figures,
            violations: this.violations.slice(0, 20),
            violationCount: this.violations.length,
          },
          null,
          2,
        ),
      )
    }
    cleanup()
    process.exit(pass ? 0 : 1)
  }
}

/** Runs a drill's main function; an unexpected exception is a failure with its message. */
export function runDrill(drill: Drill, main: () => Promise<void>): void {
  const limitS = Number(process.env.DRILL_TIMEOUT_S ?? (MODE === 'long' ? 3600 : 1200))
  const timer = setTimeout(() => {
    drill.violation(`the drill did not finish within ${limitS} s`)
    drill.finish()
  }, limitS * 1000)
  timer.unref()
  main().then(
    () => drill.finish(),
    (err: unknown) => {
      drill.violation(`the drill itself failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
      drill.finish()
    },
  )
}

export function envInt(name: string, short: number, long: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return MODE === 'long' ? long : short
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number`)
  return n
}

export function summarize(samples: number[]): { count: number; p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! : NaN)
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.length ? sorted[sorted.length - 1]! : NaN }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/**
 * Waits until `condition` holds, checking every `everyMs`; false only when it still does not after
 * `boundMs`, a bound meant to catch a stuck process, not a slow machine.
 */
export async function waitFor(condition: () => boolean | Promise<boolean>, boundMs: number, everyMs = 20): Promise<boolean> {
  const deadline = Date.now() + boundMs
  for (;;) {
    if (await condition()) return true
    if (Date.now() > deadline) return false
    await sleep(everyMs)
  }
}

/** A small seeded PRNG (mulberry32), so that a failing run can be repeated with DRILL_SEED. */
export function rng(seed = Number(process.env.DRILL_SEED ?? Date.now() % 2 ** 31)): {
  seed: number
  next: () => number
  int: (lo: number, hi: number) => number
} {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { seed, next, int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)) }
}

// ---------------------------------------------------------------------------------------------
// Temporary files and child processes, cleaned up on exit.
// ---------------------------------------------------------------------------------------------

const tempDirs: string[] = []
const children = new Set<ChildProcess>()

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `seloste-drill-${prefix}-`))
  tempDirs.push(dir)
  return dir
}

export function cleanup(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  children.clear()
  if (process.env.DRILL_KEEP_FILES !== '1') for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}

process.on('exit', cleanup)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanup()
    process.exit(130)
  })
}

export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
}

/** Spawns `node --import tsx <script>` (plain `node` for compiled .js) and keeps its output. */
export function spawnTs(
  script: string,
  env: Record<string, string>,
  args: string[] = [],
): { proc: ChildProcess; out: () => string; err: () => string; exited: Promise<Exit> } {
  const nodeArgs = script.endsWith('.ts') ? ['--import', TSX_LOADER] : ['--enable-source-maps']
  const proc = spawn(process.execPath, [...nodeArgs, script, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(proc)
  let out = ''
  let err = ''
  proc.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d))
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d))
  const exited = new Promise<Exit>((res) =>
    proc.on('exit', (code, signal) => {
      children.delete(proc)
      res({ code, signal })
    }),
  )
  return { proc, out: () => out, err: () => err, exited }
}

/** Runs a TypeScript command (backup, restore...) to its end. */
export async function runTs(
  script: string,
  env: Record<string, string>,
  args: string[] = [],
  timeoutMs = 600_000,
): Promise<Exit & { stdout: string; stderr: string; ms: number }> {
  const started = performance.now()
  const child = spawnTs(script, env, args)
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), timeoutMs)
  const exit = await child.exited
  clearTimeout(timer)
  return { ...exit, stdout: child.out(), stderr: child.err(), ms: performance.now() - started }
}

export interface ServerHandle {
  proc: ChildProcess
  pid: number
  port: number
  base: string
  dbPath: string
  /** Milliseconds from spawn to "Seloste is running". */
  startMs: number
  exited: Promise<Exit>
  stdout: () => string
  stderr: () => string
  alive: () => boolean
}

/**
 * Starts the real server (the compiled apps/api/dist/server.js) on 127.0.0.1 and a free port (PORT=0; the port is
 * read from its start-up line) with the given database file.
 */
export async function startServer(
  dbPath: string,
  opts: { demo?: boolean; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ServerHandle> {
  const started = performance.now()
  const child = spawnTs(SERVER_SCRIPT, {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: dbPath,
    SELOSTE_DEMO_DATA: opts.demo ? 'true' : 'false',
    SELOSTE_ADMIN_EMAIL: ADMIN_EMAIL,
    SELOSTE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    WEB_DIST: join(REPO_ROOT, '.no-web-dist-for-drills'),
    ...opts.env,
  })
  // A bound for a stuck start only: a busy machine may take long, and that is not a failure.
  const deadline = Date.now() + (opts.timeoutMs ?? 180_000)
  for (;;) {
    const m = /Seloste is running on http:\/\/([\d.]+):(\d+)/.exec(child.out())
    if (m) {
      const port = Number(m[2])
      return {
        proc: child.proc,
        pid: child.proc.pid!,
        port,
        base: `http://127.0.0.1:${port}`,
        dbPath,
        startMs: performance.now() - started,
        exited: child.exited,
        stdout: child.out,
        stderr: child.err,
        alive: () => child.proc.exitCode === null && child.proc.signalCode === null,
      }
    }
    if (child.proc.exitCode !== null || child.proc.signalCode !== null) {
      throw new Error(
        `the server exited before it was ready (${child.proc.exitCode ?? child.proc.signalCode}): ${child.err().slice(-2000)}`,
      )
    }
    if (Date.now() > deadline) {
      child.proc.kill('SIGKILL')
      throw new Error(`the server was not ready within ${opts.timeoutMs ?? 180_000} ms: ${child.err().slice(-2000)}`)
    }
    await sleep(20)
  }
}

/** Sends SIGTERM and waits for the exit (SIGKILL after the timeout: a stuck process, not a slow one). */
export async function stopServer(server: ServerHandle, timeoutMs = 120_000): Promise<Exit & { ms: number }> {
  const started = performance.now()
  if (!server.alive()) return { ...(await server.exited), ms: 0 }
  server.proc.kill('SIGTERM')
  const timer = setTimeout(() => server.proc.kill('SIGKILL'), timeoutMs)
  const exit = await server.exited
  clearTimeout(timer)
  return { ...exit, ms: performance.now() - started }
}

// ---------------------------------------------------------------------------------------------
// HTTP.
// ---------------------------------------------------------------------------------------------

/**
 * The fields of a JSON answer the drills read. Parsed, not validated: a drill checks the status and
 * the fields it relies on (a body that was not JSON is the text, and has none of them).
 */
export interface ReplyBody {
  id: number
  version: number
  internalNotes?: string | null
  total?: number
  intact?: boolean
  error?: { current?: { version?: number } }
}

export interface Reply {
  status: number
  body: ReplyBody
  text: string
  ms: number
}

/** A JSON request with the session cookie; a network failure rejects (the outcome is then unknown). */
export async function call(
  base: string,
  cookie: string | null,
  method: string,
  path: string,
  body?: unknown,
  timeoutMs = 120_000,
): Promise<Reply> {
  const started = performance.now()
  const headers: Record<string, string> = {}
  if (cookie) headers.cookie = cookie
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as ReplyBody, text, ms: performance.now() - started }
}

export async function login(base: string, email = ADMIN_EMAIL, password = ADMIN_PASSWORD): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
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
 * A request over its own connection (no keep-alive) whose JSON body is sent in pieces over
 * `trickleMs`: it is in flight for that long. Resolves with the status and body; `onStarted` is
 * called once the headers and the first piece have been handed to the connection.
 */
export function slowRequest(
  base: string,
  cookie: string,
  method: string,
  path: string,
  body: unknown,
  trickleMs: number,
  pieces = 8,
  onStarted?: () => void,
): Promise<Reply> {
  const started = performance.now()
  const payload = Buffer.from(JSON.stringify(body))
  const url = new URL(base + path)
  return new Promise((res, rej) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        agent: new Agent({ keepAlive: false }),
        headers: { cookie, 'content-type': 'application/json', 'content-length': payload.length },
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (d: string) => (text += d))
        response.on('end', () => {
          let parsed: unknown = text
          try {
            parsed = JSON.parse(text)
          } catch {
            /* not JSON */
          }
          res({ status: response.statusCode ?? 0, body: parsed as ReplyBody, text, ms: performance.now() - started })
        })
        response.on('error', rej)
      },
    )
    req.on('error', rej)
    const size = Math.ceil(payload.length / pieces)
    let i = 0
    const sendNext = () => {
      const chunk = payload.subarray(i * size, (i + 1) * size)
      i++
      if (i >= pieces || chunk.length === 0) {
        req.end(chunk)
        return
      }
      // The first piece carries the headers: once it is flushed, the request has left the client.
      req.write(chunk, i === 1 ? () => onStarted?.() : undefined)
      setTimeout(sendNext, trickleMs / pieces)
    }
    sendNext()
  })
}

// ---------------------------------------------------------------------------------------------
// The database file, read directly.
// ---------------------------------------------------------------------------------------------

export interface SqliteStatement {
  all(...params: unknown[]): unknown[]
  get(...params: unknown[]): unknown
  pluck(on?: boolean): SqliteStatement
  raw(on?: boolean): SqliteStatement
}
export interface SqliteDb {
  prepare(sql: string): SqliteStatement
  pragma(sql: string, opts?: { simple?: boolean }): unknown
  exec(sql: string): void
  close(): void
}
type SqliteCtor = new (path: string, options?: { readonly?: boolean; fileMustExist?: boolean; timeout?: number }) => SqliteDb
export const Sqlite = apiRequire('better-sqlite3') as SqliteCtor

export function openDb(path: string, readonly = false): SqliteDb {
  return new Sqlite(path, { fileMustExist: true, readonly, timeout: 10_000 })
}

/** The real tables (not a virtual search index or its shadow tables, which are derived from them). */
export function tableNames(db: SqliteDb): string[] {
  return db.prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' ORDER BY name`).pluck().all() as string[]
}

/** Every row of every table, in rowid (or primary key) order, as one hash per table and its row count. */
export function tableDigests(db: SqliteDb): Map<string, { rows: number; hash: string }> {
  const out = new Map<string, { rows: number; hash: string }>()
  for (const name of tableNames(db)) {
    const withoutRowid = /WITHOUT\s+ROWID/i.test(String(db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(name) ?? ''))
    const rows = db
      .prepare(`SELECT * FROM "${name}" ORDER BY ${withoutRowid ? '1' : 'rowid'}`)
      .raw(true)
      .all()
    const hash = createHash('sha256')
    for (const row of rows)
      hash
        .update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? `b64:${v.toString('base64')}` : typeof v === 'bigint' ? `${v}n` : v)))
        .update('\n')
    out.set(name, { rows: rows.length, hash: hash.digest('hex') })
  }
  return out
}

/** Compares two databases table by table, row for row; returns the differences in words. */
export function compareDatabases(a: SqliteDb, b: SqliteDb): { tables: number; rows: number; differences: string[] } {
  const da = tableDigests(a)
  const dbb = tableDigests(b)
  const differences: string[] = []
  let rows = 0
  for (const name of new Set([...da.keys(), ...dbb.keys()])) {
    const x = da.get(name)
    const y = dbb.get(name)
    if (!x || !y) differences.push(`table ${name} exists in only one of them`)
    else if (x.rows !== y.rows) differences.push(`table ${name}: ${x.rows} rows vs ${y.rows}`)
    else if (x.hash !== y.hash) differences.push(`table ${name}: same ${x.rows} rows, different content`)
    rows += x?.rows ?? 0
  }
  return { tables: da.size, rows, differences }
}

export function fileSize(path: string): number | null {
  return existsSync(path) ? statSync(path).size : null
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

export function token(): string {
  return randomBytes(6).toString('hex')
}
