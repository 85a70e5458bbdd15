/**
 * The loopback benchmark (`pnpm bench`). For each size in BENCH_SIZES: seed a temporary database,
 * measure the list and detail calls in-process, start the real API as a child process, log in, and
 * load it with autocannon: list, detail, create and update (PATCH with the current version of each
 * id), then publish the public list and load its JSON and HTML. Each export is timed once; at
 * 10,000 processors (or the largest size below) the dashboard's first load of /processors is timed
 * in Chromium (apps/web/dist must be built). An empty Hono route gives the floor.
 * bench/exports.ts (1,000 activities) runs after this from scripts/bench.sh when BENCH_EXPORTS=1.
 * Prints a table, judges the targets and writes docs/performance.md.
 *
 * Environment:
 *   BENCH_SIZES        comma-separated processor counts (default "10000")
 *   BENCH_DURATION     seconds per measured scenario (default 10)
 *   BENCH_WARMUP       seconds of warm-up before each scenario (default 2)
 *   BENCH_CONNECTIONS  concurrent connections (default 16)
 *   BENCH_SETTLE       seconds after the server starts before measuring (default 10, see settle())
 *   BENCH_REPORT       where to write the Markdown report (default docs/performance.md; "-" = nowhere)
 *   BENCH_STRICT       "1": exit 1 when a target is missed
 *   BENCH_CHROMIUM     the Chromium binary for the dashboard load (default /usr/bin/chromium)
 *   BENCH_EXPORTS      "1": scripts/bench.sh then runs bench/exports.ts (the 1,000-activity exports)
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, release, tmpdir, totalmem, type as osType } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { get as httpGet } from 'node:http'
import { createRequire } from 'node:module'
import type Database from 'better-sqlite3'
import { closeDatabase, openDatabase } from '../apps/api/src/db/client'
import { getProcessor, listProcessors } from '../apps/api/src/services/processors'
import { publishPublicList } from '../apps/api/src/services/public-list'
import { systemContext } from '../apps/api/src/services/context'
import { defaultReadWorkers } from '../apps/api/src/reads/read-pool'
import { ProcessorListQuery } from '../packages/schema/src/index'
import { measureBundle } from './bundle'
import {
  API_DIR,
  apiRequire,
  ChildServer,
  freePort,
  lighthouseSection,
  load,
  REPO_ROOT,
  replaceSection,
  sampleRss,
  stopAllChildren,
  summarize,
  timeCalls,
  treeRssMiB,
  type Measure,
} from './lib'
import {
  bundleLine,
  fmtInt,
  judge,
  markdown,
  printGrowth,
  printSize,
  printTargets,
  type DashboardResult,
  type Environment,
  type ExportTiming,
  type SizeResult,
} from './report'
import { seedDatabase } from './seed'

const SIZES = (process.env.BENCH_SIZES ?? '10000')
  .split(',')
  .map((s) => s.trim().replace(/[_\s]/g, ''))
  .filter(Boolean)
  .map((s) => {
    const n = Number(s)
    if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_SIZES: "${s}" is not a positive whole number`)
    return n
  })
const DURATION = positive('BENCH_DURATION', 10)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2)
const CONNECTIONS = positive('BENCH_CONNECTIONS', 16)
/** Seconds after the server's spawn before measuring (it runs background work shortly after start). */
const SETTLE = Number(process.env.BENCH_SETTLE ?? 10)
const REPORT = process.env.BENCH_REPORT ?? join(REPO_ROOT, 'docs', 'performance.md')

function positive(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}: "${raw}" is not a positive number`)
  return n
}

const ADMIN_EMAIL = 'bench-admin@example.com'
const ADMIN_PASSWORD = `bench-${randomBytes(12).toString('base64url')}`
const tempDirs = new Set<string>()

function log(msg: string) {
  console.log(`[bench] ${msg}`)
}

function cleanup() {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
  tempDirs.clear()
}

let interrupted = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return
    interrupted = true
    console.error(`\n[bench] ${signal}: stopping the servers and removing temporary files`)
    void stopAllChildren().finally(() => {
      cleanup()
      process.exit(130)
    })
  })
}

// ---------------------------------------------------------------------------------------------
// Pieces.
// ---------------------------------------------------------------------------------------------

const MAX_TERMS = 12

/** Seeded words that match 1-5 % of the processors (the closest ones if none do). */
function chooseTerms(sqlite: Database.Database, candidates: string[], size: number): { term: string; matches: number }[] {
  const count = sqlite.prepare(`SELECT count(*) FROM processors WHERE search_text LIKE ? ESCAPE '\\'`).pluck()
  const all = candidates.map((term) => ({ term, matches: count.get(`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as number }))
  const inRange = all
    .filter((t) => t.matches >= size * 0.01 && t.matches <= size * 0.05 && t.matches > 0)
    .sort((a, b) => a.matches - b.matches || a.term.localeCompare(b.term))
  // Up to MAX_TERMS, spread evenly from the rarest to the most common.
  const chosen = inRange.length
    ? inRange.length <= MAX_TERMS
      ? inRange
      : Array.from({ length: MAX_TERMS }, (_, i) => inRange[Math.round((i * (inRange.length - 1)) / (MAX_TERMS - 1))]!)
    : [...all]
        .filter((t) => t.matches > 0)
        .sort((a, b) => Math.abs(a.matches / size - 0.03) - Math.abs(b.matches / size - 0.03))
        .slice(0, 5)
  return [...new Map(chosen.map((t) => [t.term, t])).values()].sort((a, b) => a.term.localeCompare(b.term))
}

function listPath(term: string): string {
  return `/api/processors?q=${encodeURIComponent(term)}&status=active&pageSize=50`
}

const pickOne = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!
const randomId = (n: number) => 1 + Math.floor(Math.random() * n)

/**
 * The plan of every statement one list call runs. The SQL is caught as the call prepares it, on a
 * handle of its own (listProcessors prepares each statement once per handle).
 */
function explainList(path: string, query: ReturnType<typeof ProcessorListQuery.parse>): string[] {
  const db = openDatabase(path)
  try {
    const sqlite = db.$client
    const seen: string[] = []
    const prepare = sqlite.prepare.bind(sqlite)
    ;(sqlite as { prepare: unknown }).prepare = (source: string) => {
      seen.push(source)
      return prepare(source)
    }
    listProcessors(db, query)
    ;(sqlite as { prepare: unknown }).prepare = prepare
    const plan: string[] = []
    for (const source of new Set(seen)) {
      plan.push(`-- ${source.length > 400 ? source.slice(0, 400) + ' …' : source}`)
      // Parameters do not change these plans (no LIKE prefix optimisation with a leading %): bind NULLs.
      const params = source.replace(/'(?:[^']|'')*'/g, '').split('?').length - 1
      const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...new Array(params).fill(null)) as {
        id: number
        parent: number
        detail: string
      }[]
      const depth = new Map<number, number>([[0, 0]])
      for (const r of rows) {
        const d = (depth.get(r.parent) ?? 0) + 1
        depth.set(r.id, d)
        plan.push(`${'  '.repeat(d)}${r.detail}`)
      }
    }
    return plan
  } finally {
    closeDatabase(db)
  }
}

/**
 * Runs the list and detail calls in-process, one at a time: per-call latency and CPU time.
 */
function measureInProcess(
  path: string,
  terms: string[],
  size: number,
): { directList: Measure; directDetail: Measure; plan: string[]; activeMatches: { min: number; max: number } } {
  const db = openDatabase(path)
  try {
    const queries = terms.map((q) => ProcessorListQuery.parse({ q, status: 'active', pageSize: '50' }))
    const totals = queries.map((q) => listProcessors(db, q).total)

    const plan = explainList(path, queries[0]!)

    const warm = Math.min(WARMUP, 2)
    timeCalls('warm-up', () => listProcessors(db, pickOne(queries)), warm, 20)
    const directList = timeCalls('list in-process', () => listProcessors(db, pickOne(queries)), Math.min(DURATION, 5))
    timeCalls('warm-up', () => getProcessor(db, randomId(size)), warm, 20)
    const directDetail = timeCalls('detail in-process', () => getProcessor(db, randomId(size)), Math.min(DURATION, 5))
    return { directList, directDetail, plan, activeMatches: { min: Math.min(...totals), max: Math.max(...totals) } }
  } finally {
    closeDatabase(db)
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Waits until the server has been up SETTLE seconds and answers /api/health promptly (5 times in a
 * row under 50 ms). The API server does work of its own after starting (server.ts runs the findings
 * checks 5 s after start, then hourly), which blocks its event loop; measuring through it would mix
 * that one-off stall into the steady-state figures. The longest probe is reported instead.
 */
async function settle(server: ChildServer): Promise<{ longestProbeMs: number; waitedS: number }> {
  const started = performance.now()
  let longest = 0
  let fast = 0
  while (SETTLE > 0 && performance.now() - started < 180_000) {
    const t0 = performance.now()
    const res = await fetch(`${server.baseUrl}/api/health`)
    await res.arrayBuffer()
    const ms = performance.now() - t0
    longest = Math.max(longest, ms)
    fast = ms < 50 ? fast + 1 : 0
    if (fast >= 5 && performance.now() - server.spawnedAt >= SETTLE * 1000) break
    await sleep(50)
  }
  return { longestProbeMs: longest, waitedS: (performance.now() - started) / 1000 }
}

async function login(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`login failed: ${res.status} ${text}`)
  const cookie = res.headers
    .getSetCookie()
    .map((c) => /^((?:__Host-)?seloste_session=[^;]+)/.exec(c)?.[1])
    .find(Boolean)
  if (!cookie) throw new Error('login answered 200 without a seloste_session cookie')
  return cookie
}

async function expectOk(baseUrl: string, path: string, cookie: string): Promise<unknown> {
  const res = await fetch(baseUrl + path, { headers: { cookie } })
  const text = await res.text()
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${text.slice(0, 300)}`)
  return JSON.parse(text)
}

const SERVICES = [
  { fi: 'Palkanlaskenta', en: 'Payroll' },
  { fi: 'Sähköpostipalvelu', en: 'Email service' },
  { fi: 'Verkkoanalytiikka', en: 'Web analytics' },
  { fi: 'Asiakastuen palvelupiste', en: 'Customer support helpdesk' },
]
let created = 0
function createBody(): string {
  const n = ++created
  return JSON.stringify({
    displayName: `Bench Vendor ${n}`,
    legalName: `Bench Vendor ${n} Oy`,
    role: n % 5 === 0 ? 'sub_processor' : 'processor',
    status: 'active',
    service: pickOne(SERVICES),
    purpose: { fi: 'palvelun tuottamiseen', en: 'providing the service' },
    dataCategories: ['nimi', 'sähköpostiosoite'],
    dataSubjectCategories: ['asiakkaat'],
    websiteUrl: `https://vendor${n}.example.com/`,
    hqCountry: pickOne(['FI', 'SE', 'DE', 'US', 'GB']),
    startDate: '2025-01-01',
    isPublic: true,
  })
}

/** Ids the update scenario cycles through, and the version the bench last saw for each. */
const UPDATE_POOL = 2_000
let updates = 0
function updateSpec(sqlite: Database.Database, size: number): { spec: Parameters<typeof load>[1]; pool: number } {
  const rows = sqlite.prepare('SELECT id, version FROM processors ORDER BY id LIMIT ?').all(Math.min(UPDATE_POOL, size)) as {
    id: number
    version: number
  }[]
  const versions = new Map(rows.map((r) => [r.id, r.version]))
  const ids = rows.map((r) => r.id)
  let i = 0
  const spec: Parameters<typeof load>[1] = {
    method: 'PATCH',
    conflictsExpected: true,
    // Round-robin: 16 requests in flight touch 16 different ids, so a stale version is rare.
    next: () => {
      const id = ids[i++ % ids.length]!
      return {
        path: `/api/processors/${id}`,
        body: JSON.stringify({ internalNotes: `bench note ${++updates} ${randomBytes(4).toString('hex')}`, version: versions.get(id) }),
        tag: id,
      }
    },
    onResponse: (status, body, tag) => {
      const id = tag as number
      if (status === 200) {
        const v = (JSON.parse(body) as { version?: unknown }).version
        if (typeof v === 'number') versions.set(id, v)
      } else if (status === 409) {
        const v = /now version (\d+)/.exec(body)?.[1]
        if (v) versions.set(id, Number(v))
      }
    },
  }
  return { spec, pool: ids.length }
}

/**
 * Publishes the seeded registry in-process, on the database file, before the server starts: part of
 * the setup, like the seed. Through the API the publish left the server ~100 MB of garbage at 10,000
 * processors, and its collection fell inside the next scenario (the list) and decided its tail.
 */
function publish(path: string): { ms: number; version: number; error?: string } {
  const db = openDatabase(path)
  const t0 = performance.now()
  try {
    const version = publishPublicList(systemContext(db), { basedOnVersion: 0, confirmUnknownLocations: true }).version
    return { ms: performance.now() - t0, version }
  } catch (err) {
    return { ms: NaN, version: NaN, error: (err instanceof Error ? err.message : String(err)).slice(0, 200) }
  } finally {
    closeDatabase(db)
  }
}

const EXPORT_PATHS = ['/api/exports/ropa.xlsx', '/api/exports/processors.xlsx', '/api/exports/processors.csv'] as const

/** One timed call of each export, one after the other: the whole body read. */
async function timeExports(baseUrl: string, cookie: string): Promise<ExportTiming[]> {
  const out: ExportTiming[] = []
  for (const path of EXPORT_PATHS) {
    const t0 = performance.now()
    const res = await fetch(baseUrl + path, { headers: { cookie } })
    const body = await res.arrayBuffer()
    const ms = performance.now() - t0
    out.push({ path, ms, bytes: body.byteLength, status: res.status })
    log(`  export ${path}: ${res.status}, ${ms.toFixed(0)} ms, ${fmtInt(body.byteLength / 1024)} KiB`)
  }
  return out
}

/** A public-list request slower than this alone is measured sequentially, not with 16 connections. */
const PUBLIC_SEQUENTIAL_MS = 200
/** A single public-list request is given up after this long (the server still finishes it). */
const PUBLIC_TIMEOUT_MS = 60_000

/** Waits until the server answers /api/health within 50 ms again (after a scenario left work queued). */
async function drain(server: ChildServer, limitMs = 600_000): Promise<number> {
  const t0 = performance.now()
  while (performance.now() - t0 < limitMs) {
    const s = performance.now()
    try {
      const res = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(limitMs) })
      await res.arrayBuffer()
    } catch {
      break
    }
    if (performance.now() - s < 50) break
  }
  return performance.now() - t0
}

/** What Chromium sends: the public list answers it with brotli. */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd'

/**
 * A public-list format, asked for with the given Accept-Encoding. The first request of a published
 * version renders it (and compresses it, once per encoding): that one is timed and reported apart
 * (`firstMs`). Then one probe request: when it answers within PUBLIC_SEQUENTIAL_MS, the usual
 * autocannon scenario with 16 connections; otherwise 16 connections would only queue requests of
 * seconds each (and time out), so the requests are made one at a time for BENCH_DURATION seconds
 * (at least one) and the row says so.
 */
async function publicScenario(name: string, path: string, server: ChildServer, acceptEncoding: string): Promise<Measure> {
  // node:http, not fetch(): fetch would ask for gzip itself and decompress the answer, and then the
  // client's own decompression (a second for a 135 MB list) would be timed as the server's.
  const headers = { 'accept-encoding': acceptEncoding }
  const get = () =>
    new Promise<{ bytes: number; encoding: string }>((resolve, reject) => {
      const req = httpGet(server.baseUrl + path, { headers, signal: AbortSignal.timeout(PUBLIC_TIMEOUT_MS) }, (res) => {
        let bytes = 0
        res.on('data', (chunk: Buffer) => (bytes += chunk.length))
        res.on('end', () =>
          res.statusCode === 200
            ? resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') })
            : reject(new Error(`GET ${path} answered ${res.statusCode}`)),
        )
        res.on('error', reject)
      })
      req.on('error', reject)
    })
  let probeMs: number
  let firstMs: number
  let bytes = 0
  let encoding: string
  try {
    const t0 = performance.now()
    await get()
    firstMs = performance.now() - t0
    const t1 = performance.now()
    ;({ bytes, encoding } = await get())
    probeMs = performance.now() - t1
  } catch (err) {
    if (!(err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))) throw err
    log(`  ${name}: one request took more than ${PUBLIC_TIMEOUT_MS / 1000} s; not measured`)
    return { ...emptyMeasure(name), note: `not measured: one request took > ${PUBLIC_TIMEOUT_MS / 1000} s` }
  }
  log(
    `  ${name}: first request ${firstMs.toFixed(0)} ms; then one request alone ${probeMs.toFixed(0)} ms, ${fmtInt(bytes / 1024)} KiB sent as ${encoding}`,
  )
  if (probeMs <= PUBLIC_SEQUENTIAL_MS) {
    const m = await scenario(name, { method: 'GET', headers, next: () => ({ path }) }, server)
    const waited = await drain(server)
    if (waited > 100) log(`  ${name}: the server finished the queued requests ${(waited / 1000).toFixed(1)} s after the run`)
    return { ...m, firstMs, encoding }
  }
  const samples = [probeMs]
  const cpu0 = server.cpuMs()
  const started = performance.now()
  while (performance.now() - started < DURATION * 1000) {
    const s = performance.now()
    ;({ bytes } = await get())
    samples.push(performance.now() - s)
  }
  const seconds = (performance.now() - started) / 1000
  const timed = samples.length - 1
  const latency = summarize(samples)
  const m: Measure = {
    ...emptyMeasure(name),
    requests: samples.length,
    seconds,
    // One connection: the rate is what one request at a time achieves.
    rps: timed > 0 ? timed / seconds : 1000 / probeMs,
    latency,
    cpuMsPerRequest: timed > 0 ? (server.cpuMs() - cpu0) / timed : NaN,
    meanBytes: bytes,
    firstMs,
    encoding,
    note: `sequential, 1 connection: one request took ${(probeMs / 1000).toFixed(1)} s alone`,
  }
  log(
    `  ${name}: sequential (one request ${(probeMs / 1000).toFixed(2)} s): ${samples.length} requests, ${m.rps.toFixed(2)} req/s, p50 ${latency.p50.toFixed(0)} ms, max ${latency.max.toFixed(0)} ms`,
  )
  return m
}

function emptyMeasure(name: string): Measure {
  return {
    name,
    how: 'http',
    requests: 0,
    seconds: 0,
    rps: 0,
    latency: summarize([]),
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    statusCodes: {},
    cpuMsPerRequest: NaN,
  }
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const DASHBOARD_LOADS = 5

/**
 * The dashboard's first page load: /processors in a fresh browser context (cold cache) with the
 * session cookie, from page.goto until the first processor row of the table is visible.
 */
async function dashboardLoad(baseUrl: string, cookie: string): Promise<DashboardResult> {
  if (!existsSync(join(REPO_ROOT, 'apps', 'web', 'dist', 'index.html'))) return { status: 'not built', loadsMs: [] }
  const { chromium } = await import('@playwright/test')
  const browser = await chromium.launch({ executablePath: process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const [name, ...rest] = cookie.split('=')
    const cookies = [{ name: name!, value: rest.join('='), url: baseUrl }]
    const loadsMs: number[] = []
    // One warm-up load (the server's own first render of index.html and assets), not counted.
    for (let i = 0; i <= DASHBOARD_LOADS; i++) {
      const context = await browser.newContext()
      await context.addCookies(cookies)
      const page = await context.newPage()
      const t0 = performance.now()
      await page.goto(`${baseUrl}/processors`, { waitUntil: 'commit' })
      await page.locator('main table.processors-table tbody tr a.row-link').first().waitFor({ state: 'visible', timeout: 30_000 })
      const ms = performance.now() - t0
      await context.close()
      if (i > 0) loadsMs.push(ms)
      log(`  dashboard /processors load ${i === 0 ? '(warm-up)' : i}: ${ms.toFixed(0)} ms`)
    }
    return { status: 'measured', loadsMs }
  } finally {
    await browser.close()
  }
}

async function scenario(name: string, spec: Parameters<typeof load>[1], server: ChildServer): Promise<Measure> {
  const baseUrl = server.baseUrl
  if (WARMUP > 0) await load(`${name} (warm-up)`, spec, { baseUrl, connections: CONNECTIONS, seconds: WARMUP })
  const m = await load(name, spec, { baseUrl, connections: CONNECTIONS, seconds: DURATION, serverCpuMs: () => server.cpuMs() })
  log(
    `  ${name}: ${fmtInt(m.rps)} req/s, p50 ${m.latency.p50.toFixed(2)} ms, p99 ${m.latency.p99.toFixed(2)} ms, server CPU ${m.cpuMsPerRequest.toFixed(3)} ms/request, errors ${m.errors}, non-2xx ${m.non2xx}${m.conflicts !== undefined ? `, 409 ${m.conflicts}` : ''}`,
  )
  return m
}

async function runSize(size: number, withDashboard: boolean): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), `seloste-bench-${size}-`))
  tempDirs.add(dir)
  try {
    const path = join(dir, 'bench.sqlite')
    log(`${fmtInt(size)} processors: seeding ${path}`)
    const seeded = seedDatabase({ path, processors: size })
    log(
      `  seeded ${fmtInt(seeded.processors)} processors, ${fmtInt(seeded.transfers)} transfers, ${fmtInt(seeded.dpas)} DPAs in ${(seeded.ms / 1000).toFixed(2)} s`,
    )

    const probe = openDatabase(path)
    const terms = chooseTerms(probe.$client, seeded.searchTermCandidates, size)
    const update = updateSpec(probe.$client, size)
    closeDatabase(probe)
    log(`  search terms: ${terms.map((t) => `${t.term} (${t.matches})`).join(', ')}`)

    log('  in-process list and detail')
    const direct = measureInProcess(
      path,
      terms.map((t) => t.term),
      size,
    )
    const fileMiB = statSync(path).size / 1024 / 1024
    // The seed has no published version: publish the seeded registry (before the creates add to it).
    const published = publish(path)
    if (published.error) log(`  publishing failed: ${published.error}`)
    else log(`  published public list version ${published.version} in-process in ${(published.ms / 1000).toFixed(2)} s`)

    const port = await freePort()
    // The production server: compiled ahead of time (scripts/bench.sh builds it), one node process.
    const server = await ChildServer.start('API server', 'dist/server.js', {
      cwd: API_DIR,
      port,
      healthPath: '/api/health',
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_PATH: path,
        SELOSTE_DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        SELOSTE_ADMIN_EMAIL: ADMIN_EMAIL,
        SELOSTE_ADMIN_PASSWORD: ADMIN_PASSWORD,
        TRUST_PROXY: 'false',
      },
    })
    const readyS = (performance.now() - server.spawnedAt) / 1000
    log(`  API server pid ${server.pid} on ${server.baseUrl}, ready in ${readyS.toFixed(1)} s`)
    try {
      const settled = await settle(server)
      if (SETTLE > 0)
        log(`  settled for ${settled.waitedS.toFixed(1)} s; longest /api/health answer meanwhile ${settled.longestProbeMs.toFixed(0)} ms`)
      const idle = treeRssMiB(server.pid)
      log(
        `  resident memory idle: ${idle.mib.toFixed(0)} MiB in ${idle.processes} process${idle.processes === 1 ? '' : 'es'} (the server and its descendants)`,
      )
      const cookie = await login(server.baseUrl)
      const page = (await expectOk(server.baseUrl, listPath(terms[0]!.term), cookie)) as { total: number; items: unknown[] }
      if (page.total < 1) log(`  warning: the list of "${terms[0]!.term}" is empty`)
      await expectOk(server.baseUrl, `/api/processors/${size}`, cookie)

      const headers = { cookie }
      // The peak over the API's load (list, detail, create, update), sampled every 250 ms.
      const underLoad = sampleRss(server.pid)
      const list = await scenario('list', { method: 'GET', headers, next: () => ({ path: listPath(pickOne(terms).term) }) }, server)
      const detail = await scenario(
        'detail',
        { method: 'GET', headers, next: () => ({ path: `/api/processors/${randomId(size)}` }) },
        server,
      )
      const create = await scenario(
        'create',
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          next: () => ({ path: '/api/processors', body: createBody() }),
        },
        server,
      )
      log(`  update: round-robin over ${fmtInt(update.pool)} ids`)
      const updateM = await scenario('update', { ...update.spec, headers: { ...headers, 'content-type': 'application/json' } }, server)
      const loadMiB = underLoad.stop()
      log(`  resident memory under load (peak): ${loadMiB.toFixed(0)} MiB`)

      // Exports and the dashboard before the public list's load: a slow public request would hold them up.
      const exportsTimed = await timeExports(server.baseUrl, cookie)
      const dashboard = withDashboard
        ? await dashboardLoad(server.baseUrl, cookie).catch((err: unknown): DashboardResult => {
            log(`  dashboard load failed: ${err instanceof Error ? err.message : String(err)}`)
            return { status: `failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`, loadsMs: [] }
          })
        : null

      const notMeasured = (name: string, why: string) => ({ ...emptyMeasure(name), note: `not measured: ${why}` })
      let publicJson: Measure
      let publicJsonPlain: Measure
      let publicHtml: Measure
      if (published.error) {
        ;[publicJson, publicJsonPlain, publicHtml] = ['public JSON', 'public JSON uncompressed', 'public HTML'].map((n) =>
          notMeasured(n, published.error!),
        ) as [Measure, Measure, Measure]
      } else {
        publicJson = await publicScenario('public JSON', '/public/processors.json?lang=fi', server, BROWSER_ACCEPT_ENCODING)
        publicJsonPlain = await publicScenario('public JSON uncompressed', '/public/processors.json?lang=fi', server, 'identity')
        publicHtml = await publicScenario('public HTML', '/public/processors?lang=fi', server, BROWSER_ACCEPT_ENCODING)
      }
      return {
        size,
        seed: { processors: seeded.processors, transfers: seeded.transfers, dpas: seeded.dpas, seconds: seeded.ms / 1000, fileMiB },
        terms,
        listActiveMatches: direct.activeMatches,
        list,
        detail,
        create,
        update: updateM,
        updatePool: update.pool,
        publicJson,
        publicJsonPlain,
        publicHtml,
        publishS: published.ms / 1000,
        exports: exportsTimed,
        dashboard,
        directList: direct.directList,
        directDetail: direct.directDetail,
        listPlan: direct.plan,
        startup: { readyS, settleS: settled.waitedS, longestProbeMs: settled.longestProbeMs },
        memory: { idleMiB: idle.mib, loadMiB, processes: idle.processes },
      }
    } finally {
      await server.stop()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    tempDirs.delete(dir)
  }
}

async function baselineRun(): Promise<Measure> {
  const port = await freePort()
  const server = await ChildServer.start('empty Hono server', join(REPO_ROOT, 'bench', 'empty-server.ts'), {
    cwd: REPO_ROOT,
    port,
    healthPath: '/',
    env: { ...process.env, PORT: String(port) },
  })
  try {
    log(`empty Hono route baseline (pid ${server.pid})`)
    return await scenario('empty route', { method: 'GET', next: () => ({ path: '/' }) }, server)
  } finally {
    await server.stop()
  }
}

// ---------------------------------------------------------------------------------------------
// Environment facts for the report.
// ---------------------------------------------------------------------------------------------

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1]
    return `${pretty ?? osType()} (${osType()} ${release()})`
  } catch {
    return `${osType()} ${release()}`
  }
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
    return dirty ? `${sha}, with uncommitted changes` : sha
  } catch {
    return 'unknown'
  }
}

function versionOf(req: NodeJS.Require, name: string): string {
  try {
    return (JSON.parse(readFileSync(req.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version
  } catch {
    return 'unknown'
  }
}

function environment(): Environment {
  const dir = mkdtempSync(join(tmpdir(), 'seloste-bench-env-'))
  tempDirs.add(dir)
  let sqlite = 'unknown'
  let journalMode = 'unknown'
  let synchronous = 'unknown'
  try {
    const db = openDatabase(join(dir, 'probe.sqlite'))
    sqlite = db.$client.prepare('SELECT sqlite_version()').pluck().get() as string
    journalMode = String(db.$client.pragma('journal_mode', { simple: true })).toUpperCase()
    const sync = Number(db.$client.pragma('synchronous', { simple: true }))
    synchronous = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][sync] ?? String(sync)
    closeDatabase(db)
  } finally {
    rmSync(dir, { recursive: true, force: true })
    tempDirs.delete(dir)
  }
  const env = ['BENCH_SIZES', 'BENCH_DURATION', 'BENCH_WARMUP', 'BENCH_CONNECTIONS']
    .filter((k) => process.env[k])
    .map((k) => `${k}=${process.env[k]}`)
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    command: [...env, 'pnpm bench'].join(' '),
    commit: gitCommit(),
    os: osName(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    sqlite,
    betterSqlite3: versionOf(apiRequire, 'better-sqlite3'),
    autocannon: versionOf(createRequire(join(REPO_ROOT, 'package.json')), 'autocannon'),
    journalMode,
    synchronous,
    readWorkers: process.env.SELOSTE_READ_WORKERS ? Number(process.env.SELOSTE_READ_WORKERS) : defaultReadWorkers(),
    connections: CONNECTIONS,
    duration: DURATION,
    warmup: WARMUP,
    loadStart: loadavg()[0]!,
    loadEnd: NaN,
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const env = environment()
  log(`sizes ${SIZES.map(fmtInt).join(', ')}; ${CONNECTIONS} connections; ${WARMUP} s warm-up + ${DURATION} s per scenario`)
  log(`${env.os}; ${env.cpu} × ${env.cores}; Node ${env.node}; SQLite ${env.sqlite} (${env.journalMode}, synchronous=${env.synchronous})`)
  if (env.loadStart > env.cores / 2)
    log(`note: load average ${env.loadStart.toFixed(2)} on ${env.cores} cores: other programs are busy, latency figures will be inflated`)

  const baseline = await baselineRun()
  const results: SizeResult[] = []
  // The dashboard load is measured once, at 10,000 processors or the largest size below it.
  const dashboardSize = Math.max(...SIZES.filter((s) => s <= 10_000))
  for (const size of SIZES) results.push(await runSize(size, size === dashboardSize))

  env.loadEnd = loadavg()[0]!
  for (const r of results) printSize(r, baseline)
  printGrowth(results)
  const targets = judge(results)
  printTargets(targets)

  const bundle = measureBundle()
  console.log(`\nWeb initial JS: ${bundleLine(bundle)}`)
  if (bundle.scriptOutput) console.log(`apps/web/scripts/bundle-size.mjs: ${bundle.scriptOutput}`)

  if (REPORT !== '-') {
    const file = resolve(REPORT)
    // Keep the section `pnpm lighthouse` wrote (scripts/lighthouse.sh): this run does not measure it.
    const lighthouse = existsSync(file) ? lighthouseSection(readFileSync(file, 'utf8')) : null
    const report = markdown(env, results, baseline, targets, bundle)
    writeFileSync(file, lighthouse ? replaceSection(report, lighthouse) : report)
    console.log(`\nWrote ${relative(process.cwd(), file) || file}`)
  }
  if (process.env.BENCH_STRICT === '1' && targets.some((t) => t.verdict === 'MISS')) process.exitCode = 1
}

main()
  .catch(async (err: unknown) => {
    console.error(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    process.exitCode = 1
  })
  .finally(async () => {
    await stopAllChildren()
    cleanup()
  })
