/**
 * Runs every drill, one child process each, and writes their figures to docs/drills.md.
 *   node --import tsx drills/run-all.ts [short|long]     (or: bash scripts/drills.sh [short|long])
 *   DRILLS=crash,startup     only these
 *   DRILLS_REPORT=<file>     where to write the report ("-" = nowhere; default docs/drills.md)
 *   DRILLS_SUMMARY=<file>    also write {passed, failed, failedDrills} as JSON (scripts/test.sh counts them)
 */
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, platform, release, tmpdir, totalmem, arch } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { apiRequire, REPO_ROOT, TSX_LOADER } from './lib'

const ALL = ['startup', 'shutdown', 'concurrent-editors', 'backup-restore', 'crash', 'hostile-input'] as const
const mode = process.argv[2] === 'long' ? 'long' : 'short'
// The hostile-input test runs with the unit tests (50 cases per route); the long form (1000) runs here.
const DEFAULT = mode === 'long' ? [...ALL] : ALL.filter((d) => d !== 'hostile-input')
const selected = process.env.DRILLS
  ? process.env.DRILLS.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  : DEFAULT
for (const name of selected)
  if (!(ALL as readonly string[]).includes(name)) throw new Error(`unknown drill "${name}"; known: ${ALL.join(', ')}`)
const reportPath = process.env.DRILLS_REPORT ?? join(REPO_ROOT, 'docs', 'drills.md')

interface Result {
  drill: string
  pass: boolean
  seconds: number
  figures: [string, string][]
  violations: string[]
  violationCount: number
  exitCode: number | null
}

/** The property-based hostile-input test, through vitest, as a drill with figures. */
function runHostile(): Promise<Result> {
  // Per operation AND role (4 roles): 250 is 1,000 cases per operation, as the 1,000 per route before roles.
  const runs = process.env.HOSTILE_RUNS ?? (mode === 'long' ? '250' : '10')
  const started = performance.now()
  return new Promise((res) => {
    const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'vitest'), ['run', 'apps/api/test/hostile-input.test.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, HOSTILE_RUNS: runs, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.setEncoding('utf8').on('data', (d: string) => {
        out += d
        process.stdout.write(d)
      })
    }
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000
      const plain = stripVTControlCharacters(out)
      const total = /hostile input: (\d+) requests over (\d+) routes/.exec(plain)
      const tests = /Tests\s+(.+)/.exec(plain)?.[1]?.trim() ?? '?'
      const statuses = new Map<string, number>()
      const answers = /hostile input: .*answers: (.*)$/m.exec(plain)?.[1] ?? ''
      for (const m of answers.matchAll(/(\d{3})×(\d+)/g)) statuses.set(m[1]!, Number(m[2]))
      const failures = [...plain.matchAll(/^.*(?:Error|AssertionError): (.+)$/gm)].map((m) => m[1]!.trim())
      res({
        drill: 'hostile-input',
        pass: code === 0,
        seconds,
        figures: [
          ['cases per operation and role (HOSTILE_RUNS; roles: none, auditor, editor, admin)', runs],
          ['routes (every operation in /api/openapi.json, and /public)', total?.[2] ?? '?'],
          ['requests sent', total?.[1] ?? '?'],
          [
            'answers by status',
            [...statuses]
              .sort()
              .map(([s, n]) => `${s}×${n}`)
              .join(' '),
          ],
          ['5xx', String([...statuses].filter(([s]) => s.startsWith('5')).reduce((n, [, c]) => n + c, 0))],
          ['vitest', tests],
          ['drill time (s)', seconds.toFixed(1)],
        ],
        violations: failures.slice(0, 20),
        violationCount: code === 0 ? 0 : Math.max(1, failures.length),
        exitCode: code,
      })
    })
  })
}

function runOne(name: string): Promise<Result> {
  if (name === 'hostile-input') return runHostile()
  const resultFile = join(tmpdir(), `seloste-drill-${name}-${process.pid}.json`)
  rmSync(resultFile, { force: true })
  const started = performance.now()
  return new Promise((res) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, join(REPO_ROOT, 'drills', `${name}.ts`)], {
      cwd: REPO_ROOT,
      env: { ...process.env, DRILL_MODE: mode, DRILL_RESULT: resultFile },
      stdio: 'inherit',
    })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward).on('SIGTERM', forward)
    child.on('exit', (code) => {
      process.off('SIGINT', forward).off('SIGTERM', forward)
      const seconds = (performance.now() - started) / 1000
      let result: Result
      if (existsSync(resultFile)) {
        result = { ...(JSON.parse(readFileSync(resultFile, 'utf8')) as Omit<Result, 'exitCode'>), exitCode: code }
        rmSync(resultFile, { force: true })
        if (code !== 0) result.pass = false
      } else {
        result = {
          drill: name,
          pass: false,
          seconds,
          figures: [],
          violations: [`the drill exited with ${code} without a result`],
          violationCount: 1,
          exitCode: code,
        }
      }
      res(result)
    })
  })
}

function machine(): string {
  const cpu = cpus()
  let sqlite = '?'
  try {
    const Database = apiRequire('better-sqlite3') as new (p: string) => {
      prepare(s: string): { pluck(): { get(): string } }
      close(): void
    }
    const db = new Database(':memory:')
    sqlite = db.prepare('SELECT sqlite_version()').pluck().get()
    db.close()
  } catch {
    /* unknown */
  }
  return `${platform()} ${release()} ${arch()}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, SQLite ${sqlite}`
}

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== ''
    return `${sha}${dirty ? ' (with uncommitted changes)' : ''}`
  } catch {
    return 'unknown'
  }
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

const DESCRIPTIONS: Record<string, string> = {
  startup:
    'The server started on damaged, truncated, foreign and newer-version database files, a text file, a directory and a taken port: exit code 1 with a one-paragraph message, no stack trace; files that are not ours are left unchanged.',
  shutdown:
    'SIGTERM while slow creates and keep-alive reads/updates are in flight: every request in flight completes, a new connection is refused once the server logs that it stopped listening, exit 0, WAL checkpointed, integrity ok, every acknowledged create present.',
  'concurrent-editors':
    'Editors (own accounts) update shared and own processors at once through two server processes on one database file: each update lands (200, next version) or gets 409; no 5xx, no "database is locked"; the final state, versions and audit events equal the landed updates.',
  'backup-restore':
    '`pnpm backup` under write load (consistent snapshots, integrity, audit chain a prefix of the live one, keep-N), `pnpm restore` refusing a database in use and an existing one without --force, restores compared with the source table by table, row by row.',
  'hostile-input':
    'Property-based (fast-check) hostile requests to every operation in the API description and the public list: invalid types, huge strings, deep nesting, 10k arrays, prototype-pollution keys, NUL/lone surrogates/RTL/emoji, SQL and HTML injection, malformed JSON, wrong content types. Never a 5xx, a rejected request changes nothing, an accepted write is audited; after each route integrity, foreign keys and the audit chain hold.',
  crash:
    'SIGKILL at random moments while a second process writes (and now and then while the server starts): after each restart integrity ok, audit chain verified, every acknowledged write present, lost answers wholly landed or wholly absent, audit events = versions.',
}

async function main() {
  const started = new Date()
  const results: Result[] = []
  for (const name of selected) results.push(await runOne(name))
  const pass = results.every((r) => r.pass)

  console.log(`\n== drills (${mode}): ${pass ? 'PASS' : 'FAIL'}`)
  for (const r of results) console.log(`   ${r.pass ? 'PASS' : 'FAIL'}  ${r.drill} (${r.seconds.toFixed(1)} s)`)
  const total = results.reduce((s, r) => s + r.seconds, 0)
  console.log(`   total ${total.toFixed(1)} s`)

  if (reportPath !== '-') {
    const lines = [
      '# Drills: the latest results',
      '',
      `Written by \`bash scripts/drills.sh ${mode}\` (\`pnpm drills${mode === 'long' ? ' long' : ''}\`); do not edit by hand. What each drill does and its settings are at the top of its file in [drills/](../drills).`,
      '',
      `- date: ${started.toISOString().replace(/\.\d+Z$/, 'Z')}`,
      `- mode: ${mode}`,
      `- machine: ${machine()}`,
      `- commit: ${commit()}`,
      `- result: **${pass ? 'PASS' : 'FAIL'}** (${results.filter((r) => r.pass).length}/${results.length} drills passed, ${total.toFixed(0)} s)`,
      '',
      '| drill | result | time (s) |',
      '| --- | --- | --- |',
      ...results.map((r) => `| [${r.drill}](#${r.drill}) | ${r.pass ? 'PASS' : '**FAIL**'} | ${r.seconds.toFixed(1)} |`),
      '',
    ]
    for (const r of results) {
      lines.push(
        `## ${r.drill}`,
        '',
        DESCRIPTIONS[r.drill] ?? '',
        '',
        `Result: **${r.pass ? 'PASS' : 'FAIL'}**`,
        '',
        '| figure | value |',
        '| --- | --- |',
      )
      for (const [k, v] of r.figures) lines.push(`| ${cell(k)} | ${cell(v)} |`)
      if (r.violationCount > 0) {
        lines.push('', `Violations (${r.violationCount}):`, '')
        for (const v of r.violations) lines.push(`- ${cell(v).slice(0, 400)}`)
      }
      lines.push('')
    }
    const file = resolve(reportPath)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, lines.join('\n'))
    console.log(`   report: ${relative(process.cwd(), file) || file}`)
  }
  // For scripts/test.sh's closing line: each drill counts as one test.
  if (process.env.DRILLS_SUMMARY) {
    writeFileSync(
      process.env.DRILLS_SUMMARY,
      JSON.stringify({
        passed: results.filter((r) => r.pass).length,
        failed: results.filter((r) => !r.pass).length,
        failedDrills: results.filter((r) => !r.pass).map((r) => r.drill),
      }),
    )
  }
  process.exit(pass ? 0 : 1)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
