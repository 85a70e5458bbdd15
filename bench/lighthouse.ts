/**
 * Lighthouse on the production build: the dashboard's overview (signed in as the demo admin) and the
 * public processor list (no session), desktop preset, each page LIGHTHOUSE_RUNS times; prints the
 * median scores and writes them into the "## Lighthouse" section of docs/performance.md.
 * Run through scripts/lighthouse.sh (`pnpm lighthouse`), which builds first.
 *
 * Settings (environment):
 *   LIGHTHOUSE_RUNS    runs per page (default 3); the figures are the medians
 *   LIGHTHOUSE_PORT    the server's port (default: a free one)
 *   LIGHTHOUSE_OUT     where the JSON and HTML reports go (default: a new temporary folder, kept)
 *   LIGHTHOUSE_REPORT  the Markdown file whose "## Lighthouse" section is replaced (default
 *                      docs/performance.md; "-" = nowhere)
 *   LIGHTHOUSE_STRICT  1: exit 1 when the overview's performance is below the target (95)
 *   CHROME_PATH        the browser (default /usr/bin/chromium)
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { API_DIR, ChildServer, freePort, REPO_ROOT, replaceSection, stopAllChildren } from './lib'

const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3) || 3)
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const REPORT = process.env.LIGHTHOUSE_REPORT ?? join(REPO_ROOT, 'docs', 'performance.md')
const TARGET = 95
const ADMIN_EMAIL = 'lighthouse-admin@example.fi'
const ADMIN_PASSWORD = 'lighthouse measures the overview page'
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
] as const

interface Page {
  name: string
  path: string
  signedIn: boolean
}
const PAGES: Page[] = [
  { name: 'overview (/overview, signed in as an admin)', path: '/overview', signedIn: true },
  { name: 'public processor list (/public/processors, no session)', path: '/public/processors', signedIn: false },
]

interface Run {
  scores: Record<(typeof CATEGORIES)[number], number>
  metrics: Record<(typeof METRICS)[number][0], number>
  benchmarkIndex: number
  finalUrl: string
  warnings: string[]
  /** The audits of the performance category that did not pass, with their savings. */
  opportunities: string[]
}

interface PageResult {
  page: Page
  runs: Run[]
  reports: string[]
}

const log = (msg: string) => console.log(`[lighthouse] ${msg}`)

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
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

/** One Lighthouse run through its CLI (a child process, so that a crash of Chromium stops only it). */
function runLighthouse(url: string, outBase: string, cookie: string | null): Promise<void> {
  const bin = join(REPO_ROOT, 'node_modules', '.bin', 'lighthouse')
  const args = [
    url,
    '--preset=desktop',
    '--output=json',
    '--output=html',
    `--output-path=${outBase}`,
    '--quiet',
    // Root in a container: Chromium's sandbox needs user namespaces it may not have.
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync',
  ]
  if (cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`)
  return new Promise((done, fail) => {
    const child = spawn(bin, args, { env: { ...process.env, CHROME_PATH }, stdio: ['ignore', 'inherit', 'inherit'] })
    child.on('error', fail)
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`lighthouse exited with ${code} for ${url}`))))
  })
}

interface LhAudit {
  id: string
  score: number | null
  scoreDisplayMode: string
  numericValue?: number
  displayValue?: string
  details?: { type?: string; overallSavingsMs?: number; overallSavingsBytes?: number }
}
interface LhResult {
  lighthouseVersion: string
  finalDisplayedUrl: string
  runWarnings: string[]
  environment: { benchmarkIndex: number; hostUserAgent: string }
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>
  audits: Record<string, LhAudit>
}

function readRun(file: string): Run {
  const lhr = JSON.parse(readFileSync(file, 'utf8')) as LhResult
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? NaN) * 100)])) as Run['scores']
  const metrics = Object.fromEntries(METRICS.map(([id]) => [id, lhr.audits[id]?.numericValue ?? NaN])) as Run['metrics']
  const opportunities = (lhr.categories.performance?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter(
      (a): a is LhAudit =>
        !!a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable',
    )
    .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`)
  return {
    scores,
    metrics,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    finalUrl: lhr.finalDisplayedUrl,
    warnings: lhr.runWarnings,
    opportunities,
  }
}

function fmtMetric(id: string, value: number): string {
  if (!Number.isFinite(value)) return '–'
  if (id === 'cumulative-layout-shift') return value.toFixed(3)
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`
}

function chromiumVersion(): string {
  try {
    // Debian's launcher script complains on stderr about its own memory check: not ours to show.
    return execFileSync(CHROME_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return `unknown (${CHROME_PATH} --version failed)`
  }
}

function lighthouseVersion(): string {
  const pkg = createRequire(join(REPO_ROOT, 'package.json'))('lighthouse/package.json') as { version: string }
  return pkg.version
}

function machine(): string {
  let os = 'Linux'
  try {
    os = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os
  } catch {
    // not Linux
  }
  return `${os}; ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}`
}

function section(
  results: PageResult[],
  env: { date: string; lighthouse: string; chromium: string; machine: string; loadStart: number; loadEnd: number; commit: string },
): string {
  const overview = results[0]!
  const perf = median(overview.runs.map((r) => r.scores.performance))
  const out: string[] = []
  out.push('## Lighthouse')
  out.push('')
  out.push(
    `_Written by \`pnpm lighthouse\` (scripts/lighthouse.sh → bench/lighthouse.ts) on ${env.date}; each run replaces this section only, and \`pnpm bench\` keeps it._`,
  )
  out.push('')
  out.push(
    `Target (issue 12): Lighthouse desktop performance on the overview at least ${TARGET}. Measured: **${perf}** (median of ${overview.runs.length} run(s)): **${perf >= TARGET ? 'PASS' : 'MISS'}**.`,
  )
  out.push('')
  out.push(`Scores, the median of ${RUNS} run(s) per page (each run's performance score in brackets):`)
  out.push('')
  out.push('| Page | Performance | Accessibility | Best practices | SEO |')
  out.push('|:---|---:|---:|---:|---:|')
  for (const r of results) {
    const m = (c: (typeof CATEGORIES)[number]) => median(r.runs.map((run) => run.scores[c]))
    out.push(
      `| ${r.page.name} | ${m('performance')} (${r.runs.map((run) => run.scores.performance).join(', ')}) | ${m('accessibility')} | ${m('best-practices')} | ${m('seo')} |`,
    )
  }
  out.push('')
  out.push(
    'Metrics (medians) and the CPU benchmark Lighthouse measured at the start of each run (BenchmarkIndex; higher is faster: the busier the machine, the lower it is):',
  )
  out.push('')
  out.push(`| Page | ${METRICS.map(([, label]) => label).join(' | ')} | BenchmarkIndex |`)
  out.push(`|:---|${METRICS.map(() => '---:').join('|')}|---:|`)
  for (const r of results) {
    out.push(
      `| ${r.page.name} | ${METRICS.map(([id]) => fmtMetric(id, median(r.runs.map((run) => run.metrics[id])))).join(' | ')} | ${Math.round(median(r.runs.map((run) => run.benchmarkIndex)))} (${r.runs.map((run) => Math.round(run.benchmarkIndex)).join(', ')}) |`,
    )
  }
  out.push('')
  out.push('Performance audits that did not pass (in at least one run):')
  out.push('')
  for (const r of results) {
    const ids = [...new Set(r.runs.flatMap((run) => run.opportunities.map((o) => o.replace(/ \(.*$/, ''))))]
    out.push(`- ${r.page.name}: ${ids.length ? ids.map((id) => `\`${id}\``).join(', ') : 'none'}`)
  }
  out.push('')
  out.push('### How it was measured')
  out.push('')
  out.push(`- Command: \`pnpm lighthouse\` (commit ${env.commit}), LIGHTHOUSE_RUNS=${RUNS}.`)
  out.push(
    `- Lighthouse ${env.lighthouse} (CLI), \`--preset=desktop\` (simulated throttling: 40 ms RTT, 10 Mbit/s, no CPU slowdown; 1350 x 940 screen), ${env.chromium} (\`CHROME_PATH\`), headless.`,
  )
  out.push(
    '- Server: the production build (`pnpm build`; `node apps/api/dist/server.js` serving apps/web/dist with its brotli files and cache headers) on 127.0.0.1, a new temporary database with the demo data (SELOSTE_DEMO_DATA=true), LOG_LEVEL=warn. The overview is loaded with the session cookie of the demo admin (logged in through `POST /api/auth/login`, passed with `--extra-headers`); the public list without a cookie, as the public sees it.',
  )
  out.push(`- Machine: ${env.machine}. Load average (1 min) at the start / end: ${env.loadStart.toFixed(2)} / ${env.loadEnd.toFixed(2)}.`)
  out.push(
    '- Simulated throttling models the network, but the CPU work (script evaluation, style and layout) is what the browser really took on this machine: with other programs using the two cores, Total Blocking Time and with it the performance score come out worse than on an idle machine. The BenchmarkIndex column shows how fast the CPU was for each run.',
  )
  out.push(
    '- The overview is a private page: robots.txt disallows everything but `/public/`, so its SEO score counts "Page is blocked from indexing" (`is-crawlable`) against it, as intended.',
  )
  return out.join('\n') + '\n'
}

async function main() {
  if (!existsSync(join(REPO_ROOT, 'apps', 'web', 'dist', 'index.html')) || !existsSync(join(API_DIR, 'dist', 'server.js'))) {
    throw new Error('the production build is missing: run `pnpm build` (scripts/lighthouse.sh does)')
  }
  const out = resolve(process.env.LIGHTHOUSE_OUT ?? mkdtempSync(join(tmpdir(), 'seloste-lighthouse-')))
  mkdirSync(out, { recursive: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'seloste-lighthouse-db-'))
  const loadStart = loadavg()[0]!
  const port = Number(process.env.LIGHTHOUSE_PORT ?? 0) || (await freePort())
  log(`starting the production server on 127.0.0.1:${port} with the demo data (load average ${loadStart.toFixed(2)})`)
  const server = await ChildServer.start('API server', 'dist/server.js', {
    cwd: API_DIR,
    port,
    healthPath: '/api/health',
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dataDir, 'seloste.sqlite'),
      SELOSTE_DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      SELOSTE_ADMIN_EMAIL: ADMIN_EMAIL,
      SELOSTE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      TRUST_PROXY: 'false',
    },
  })
  const results: PageResult[] = []
  try {
    const cookie = await login(server.baseUrl)
    for (const page of PAGES) {
      const result: PageResult = { page, runs: [], reports: [] }
      for (let i = 1; i <= RUNS; i++) {
        const slug = page.path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')
        const base = join(out, `${slug}-${i}`)
        log(`${page.name}: run ${i} of ${RUNS}`)
        await runLighthouse(server.baseUrl + page.path, base, page.signedIn ? cookie : null)
        const run = readRun(`${base}.report.json`)
        // A signed-in page that ended on the login page measured the wrong thing.
        if (new URL(run.finalUrl).pathname !== page.path) throw new Error(`${page.path} ended at ${run.finalUrl}: not signed in?`)
        log(
          `  ${CATEGORIES.map((c) => `${c} ${run.scores[c]}`).join(', ')}; ${METRICS.map(([id, label]) => `${label} ${fmtMetric(id, run.metrics[id])}`).join(', ')}; BenchmarkIndex ${Math.round(run.benchmarkIndex)}`,
        )
        for (const w of run.warnings) log(`  warning: ${w}`)
        result.runs.push(run)
        result.reports.push(`${base}.report.html`)
      }
      results.push(result)
    }
  } finally {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  const loadEnd = loadavg()[0]!

  console.log('')
  console.log(`Lighthouse (desktop), median of ${RUNS} run(s):`)
  for (const r of results) {
    const m = (c: (typeof CATEGORIES)[number]) => median(r.runs.map((run) => run.scores[c]))
    console.log(`  ${r.page.name}`)
    console.log(
      `    performance ${m('performance')}  accessibility ${m('accessibility')}  best practices ${m('best-practices')}  SEO ${m('seo')}`,
    )
    const failing = [...new Set(r.runs.flatMap((run) => run.opportunities.map((o) => o.replace(/ \(.*$/, ''))))]
    if (failing.length) console.log(`    not passing (in at least one run; details in the reports): ${failing.join(', ')}`)
    console.log(`    reports: ${r.reports.join(', ')}`)
  }
  const perf = median(results[0]!.runs.map((run) => run.scores.performance))
  console.log(
    `  overview performance ${perf}: ${perf >= TARGET ? 'PASS' : 'MISS'} (target ≥ ${TARGET}); load average ${loadStart.toFixed(2)} → ${loadEnd.toFixed(2)}`,
  )

  if (REPORT !== '-') {
    let commit = 'unknown'
    try {
      commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim()
    } catch {
      // not a git checkout
    }
    const text = section(results, {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      lighthouse: lighthouseVersion(),
      chromium: chromiumVersion(),
      machine: machine(),
      loadStart,
      loadEnd,
      commit,
    })
    const file = resolve(REPORT)
    writeFileSync(file, replaceSection(existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n', text))
    console.log(`\nWrote the Lighthouse section of ${relative(process.cwd(), file) || file}`)
  }
  if (process.env.LIGHTHOUSE_STRICT === '1' && perf < TARGET) process.exitCode = 1
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  await stopAllChildren()
  process.exitCode = 1
})
