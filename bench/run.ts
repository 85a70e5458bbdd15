/**
 * The loopback benchmark (`pnpm bench`). For each size in BENCH_SIZES: seed a temporary database,
 * measure the list and detail calls in-process, start the real API as a child process, log in, and
 * load it with autocannon: list, detail and create. An empty Hono route gives the floor.
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
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, release, tmpdir, totalmem, type as osType } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import type Database from 'better-sqlite3'
import { closeDatabase, openDatabase } from '../apps/api/src/db/client'
import { getProcessor, listProcessors } from '../apps/api/src/services/processors'
import { ProcessorListQuery } from '../packages/schema/src/index'
import { measureBundle } from './bundle'
import { API_DIR, apiRequire, ChildServer, freePort, load, REPO_ROOT, stopAllChildren, timeCalls, type Measure } from './lib'
import { bundleLine, fmtInt, judge, markdown, printSize, printTargets, type Environment, type SizeResult } from './report'
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
  const inRange = all.filter((t) => t.matches >= size * 0.01 && t.matches <= size * 0.05 && t.matches > 0).sort((a, b) => a.matches - b.matches || a.term.localeCompare(b.term))
  // Up to MAX_TERMS, spread evenly from the rarest to the most common.
  const chosen = inRange.length
    ? inRange.length <= MAX_TERMS
      ? inRange
      : Array.from({ length: MAX_TERMS }, (_, i) => inRange[Math.round((i * (inRange.length - 1)) / (MAX_TERMS - 1))]!)
    : [...all].filter((t) => t.matches > 0).sort((a, b) => Math.abs(a.matches / size - 0.03) - Math.abs(b.matches / size - 0.03)).slice(0, 5)
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
      const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...new Array(params).fill(null)) as { id: number; parent: number; detail: string }[]
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
function measureInProcess(path: string, terms: string[], size: number): { directList: Measure; directDetail: Measure; plan: string[]; activeMatches: { min: number; max: number } } {
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

async function scenario(name: string, spec: Parameters<typeof load>[1], server: ChildServer): Promise<Measure> {
  const baseUrl = server.baseUrl
  if (WARMUP > 0) await load(`${name} (warm-up)`, spec, { baseUrl, connections: CONNECTIONS, seconds: WARMUP })
  const m = await load(name, spec, { baseUrl, connections: CONNECTIONS, seconds: DURATION, serverCpuMs: () => server.cpuMs() })
  log(
    `  ${name}: ${fmtInt(m.rps)} req/s, p50 ${m.latency.p50.toFixed(2)} ms, p99 ${m.latency.p99.toFixed(2)} ms, server CPU ${m.cpuMsPerRequest.toFixed(3)} ms/request, errors ${m.errors}, non-2xx ${m.non2xx}`,
  )
  return m
}

async function runSize(size: number): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), `seloste-bench-${size}-`))
  tempDirs.add(dir)
  try {
    const path = join(dir, 'bench.sqlite')
    log(`${fmtInt(size)} processors: seeding ${path}`)
    const seeded = seedDatabase({ path, processors: size })
    log(`  seeded ${fmtInt(seeded.processors)} processors, ${fmtInt(seeded.transfers)} transfers, ${fmtInt(seeded.dpas)} DPAs in ${(seeded.ms / 1000).toFixed(2)} s`)

    const probe = openDatabase(path)
    const terms = chooseTerms(probe.$client, seeded.searchTermCandidates, size)
    closeDatabase(probe)
    log(`  search terms: ${terms.map((t) => `${t.term} (${t.matches})`).join(', ')}`)

    log('  in-process list and detail')
    const direct = measureInProcess(path, terms.map((t) => t.term), size)
    const fileMiB = statSync(path).size / 1024 / 1024

    const port = await freePort()
    const server = await ChildServer.start('API server', 'src/server.ts', {
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
      if (SETTLE > 0) log(`  settled for ${settled.waitedS.toFixed(1)} s; longest /api/health answer meanwhile ${settled.longestProbeMs.toFixed(0)} ms`)
      const cookie = await login(server.baseUrl)
      const page = (await expectOk(server.baseUrl, listPath(terms[0]!.term), cookie)) as { total: number; items: unknown[] }
      if (page.total < 1) log(`  warning: the list of "${terms[0]!.term}" is empty`)
      await expectOk(server.baseUrl, `/api/processors/${size}`, cookie)

      const headers = { cookie }
      const list = await scenario('list', { method: 'GET', headers, next: () => ({ path: listPath(pickOne(terms).term) }) }, server)
      const detail = await scenario('detail', { method: 'GET', headers, next: () => ({ path: `/api/processors/${randomId(size)}` }) }, server)
      const create = await scenario(
        'create',
        { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, next: () => ({ path: '/api/processors', body: createBody() }) },
        server,
      )
      return {
        size,
        seed: { processors: seeded.processors, transfers: seeded.transfers, dpas: seeded.dpas, seconds: seeded.ms / 1000, fileMiB },
        terms,
        listActiveMatches: direct.activeMatches,
        list,
        detail,
        create,
        directList: direct.directList,
        directDetail: direct.directDetail,
        listPlan: direct.plan,
        startup: { readyS, settleS: settled.waitedS, longestProbeMs: settled.longestProbeMs },
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
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
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
  const env = ['BENCH_SIZES', 'BENCH_DURATION', 'BENCH_WARMUP', 'BENCH_CONNECTIONS'].filter((k) => process.env[k]).map((k) => `${k}=${process.env[k]}`)
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
  if (env.loadStart > env.cores / 2) log(`note: load average ${env.loadStart.toFixed(2)} on ${env.cores} cores: other programs are busy, latency figures will be inflated`)

  const baseline = await baselineRun()
  const results: SizeResult[] = []
  for (const size of SIZES) results.push(await runSize(size))

  env.loadEnd = loadavg()[0]!
  for (const r of results) printSize(r, baseline)
  const targets = judge(results)
  printTargets(targets)

  const bundle = measureBundle()
  console.log(`\nWeb initial JS: ${bundleLine(bundle)}`)
  if (bundle.scriptOutput) console.log(`apps/web/scripts/bundle-size.mjs: ${bundle.scriptOutput}`)

  if (REPORT !== '-') {
    const file = resolve(REPORT)
    writeFileSync(file, markdown(env, results, baseline, targets, bundle))
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
