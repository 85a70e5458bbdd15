/**
 * Crash drill: the server runs on a file database while this process (a second process) drives
 * writes at it — processor creates and updates, each with its audit event — and the server is
 * killed with SIGKILL at random moments, now and then while it is still starting. After every
 * restart:
 *   - PRAGMA integrity_check is ok and the audit chain verifies;
 *   - every write the client saw acknowledged is there, with its audit event;
 *   - a write whose answer was lost is either wholly there or wholly absent (at most one per record);
 *   - every processor has exactly as many audit events as its version number (1 create + updates).
 *
 *   CRASH_ROUNDS   kills (default 8 short, 50 long)
 *   CRASH_WRITERS  concurrent writers (default 4)
 *   DRILL_SEED     repeat a run's random choices
 */
import { join } from 'node:path'
import { checkDatabaseFile } from '../apps/api/src/services/backup'
import { call, Drill, envInt, login, openDb, rng, runDrill, sleep, startServer, summarize, tempDir, token, type ServerHandle } from './lib'

const drill = new Drill('crash')
const ROUNDS = envInt('CRASH_ROUNDS', 8, 50)
const WRITERS = envInt('CRASH_WRITERS', 4, 4)
const random = rng()

interface Known {
  version: number
  notes: string
  displayName: string
}
/** What the client knows for certain, per processor id. */
const acked = new Map<number, Known>()
/** Writes sent whose answer never came (the server died): at most one per record, plus unknown creates. */
const unknownUpdates = new Map<number, Known>()
const unknownCreates = new Set<string>()
const owner = new Map<number, number>()

let ackedCreates = 0
let ackedUpdates = 0
let lostAnswers = 0
let lostThatLanded = 0
let otherStatuses = 0

async function writer(w: number, round: number, server: ServerHandle, cookie: string, stop: { now: boolean }) {
  let n = 0
  while (!stop.now && n < 100_000) {
    n++
    const mine = [...owner].filter(([, o]) => o === w).map(([id]) => id)
    const create = mine.length < 3 || random.next() < 0.25
    if (create) {
      const displayName = `crash r${round} w${w} #${n} ${token()}`
      try {
        const res = await call(
          server.base,
          cookie,
          'POST',
          '/api/processors',
          { displayName, role: 'processor', internalNotes: 'v1' },
          10_000,
        )
        if (res.status === 201) {
          acked.set(res.body.id, { version: res.body.version, notes: 'v1', displayName })
          owner.set(res.body.id, w)
          ackedCreates++
        } else {
          otherStatuses++
          drill.violation(`create answered ${res.status}: ${res.text.slice(0, 200)}`)
        }
      } catch {
        lostAnswers++
        unknownCreates.add(displayName)
        return
      }
    } else {
      const id = mine[random.int(0, mine.length - 1)]!
      const known = acked.get(id)!
      const notes = `r${round} w${w} #${n} ${token()}`
      try {
        const res = await call(
          server.base,
          cookie,
          'PATCH',
          `/api/processors/${id}`,
          { version: known.version, internalNotes: notes },
          10_000,
        )
        if (res.status === 200) {
          drill.check(
            res.body.version === known.version + 1 && res.body.internalNotes === notes,
            `update of ${id} answered version ${res.body.version} (expected ${known.version + 1})`,
          )
          acked.set(id, { ...known, version: res.body.version, notes })
          ackedUpdates++
        } else {
          otherStatuses++
          drill.violation(`update of ${id} answered ${res.status}: ${res.text.slice(0, 200)}`)
        }
      } catch {
        lostAnswers++
        unknownUpdates.set(id, { ...known, version: known.version + 1, notes })
        return
      }
    }
  }
}

/** The checks after a restart; then what is now known replaces the uncertain. */
let integrityOk = 0
function verify(dbPath: string, round: number): void {
  const check = checkDatabaseFile(dbPath)
  if (drill.check(check.ok, `round ${round}: ${check.problems.join('; ')}`)) integrityOk++
  const db = openDb(dbPath)
  try {
    const rows = db.prepare('SELECT id, display_name AS displayName, internal_notes AS notes, version FROM processors').all() as {
      id: number
      displayName: string
      notes: string
      version: number
    }[]
    const byId = new Map(rows.map((r) => [r.id, r]))
    const auditCounts = new Map(
      (
        db.prepare(`SELECT entity_id AS id, count(*) AS n FROM audit_events WHERE entity_type = 'processor' GROUP BY entity_id`).all() as {
          id: string
          n: number
        }[]
      ).map((r) => [Number(r.id), r.n]),
    )
    for (const [id, known] of acked) {
      const row = byId.get(id)
      if (!row) {
        drill.violation(`round ${round}: acknowledged processor ${id} is missing`)
        continue
      }
      const lost = unknownUpdates.get(id)
      if (row.version === known.version) {
        drill.check(
          row.notes === known.notes,
          `round ${round}: processor ${id} at version ${row.version} has notes "${row.notes}", acknowledged "${known.notes}"`,
        )
      } else if (lost && row.version === lost.version) {
        drill.check(row.notes === lost.notes, `round ${round}: processor ${id}: the unacknowledged update landed only partly`)
        lostThatLanded++
        acked.set(id, lost)
      } else {
        drill.violation(
          `round ${round}: processor ${id} is at version ${row.version}; acknowledged ${known.version}${lost ? `, unacknowledged ${lost.version}` : ''}`,
        )
      }
    }
    for (const displayName of unknownCreates) {
      const row = rows.find((r) => r.displayName === displayName)
      if (row) {
        lostThatLanded++
        acked.set(row.id, { version: row.version, notes: row.notes, displayName })
        owner.set(row.id, -1)
      }
    }
    for (const row of rows) {
      drill.check(
        (auditCounts.get(row.id) ?? 0) === row.version,
        `round ${round}: processor ${row.id} has version ${row.version} but ${auditCounts.get(row.id) ?? 0} audit events`,
      )
    }
  } finally {
    db.close()
  }
  unknownUpdates.clear()
  unknownCreates.clear()
}

runDrill(drill, async () => {
  drill.figure('seed', random.seed)
  drill.figure('rounds', ROUNDS)
  drill.figure('writers', WRITERS)
  const dir = tempDir('crash')
  const dbPath = join(dir, 'seloste.sqlite')
  let server = await startServer(dbPath)
  const cookie = await login(server.base)
  const restartMs: number[] = []
  const runMs: number[] = []
  let startupKills = 0

  for (let round = 1; round <= ROUNDS; round++) {
    const stop = { now: false }
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w, round, server, cookie, stop))
    const runFor = random.int(150, 1500)
    runMs.push(runFor)
    await sleep(runFor)
    server.proc.kill('SIGKILL')
    stop.now = true
    await server.exited
    await Promise.all(writers)

    // Every fifth round, a second kill while the server is still starting (opening, migrating).
    if (round % 5 === 0) {
      const { spawnTs, SERVER_SCRIPT, ADMIN_EMAIL, ADMIN_PASSWORD } = await import('./lib')
      const early = spawnTs(SERVER_SCRIPT, {
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_PATH: dbPath,
        SELOSTE_DEMO_DATA: 'false',
        SELOSTE_ADMIN_EMAIL: ADMIN_EMAIL,
        SELOSTE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      })
      await sleep(random.int(100, 900))
      early.proc.kill('SIGKILL')
      await early.exited
      startupKills++
    }

    server = await startServer(dbPath)
    restartMs.push(server.startMs)
    const health = await call(server.base, cookie, 'GET', '/api/auth/me')
    drill.check(health.status === 200, `round ${round}: the session did not survive the crash (${health.status})`)
    verify(dbPath, round)
    if (round % 10 === 0 || round === ROUNDS)
      console.log(`   ... round ${round}/${ROUNDS}: ${ackedCreates} creates and ${ackedUpdates} updates acknowledged so far`)
  }
  server.proc.kill('SIGKILL')
  await server.exited

  const check = checkDatabaseFile(dbPath)
  const restart = summarize(restartMs)
  drill.figure('kills (SIGKILL while writing)', ROUNDS)
  drill.figure('kills while starting', startupKills)
  drill.figure('writing time per round (ms, p50/max)', `${summarize(runMs).p50}/${summarize(runMs).max}`)
  drill.figure('acknowledged creates', ackedCreates)
  drill.figure('acknowledged updates', ackedUpdates)
  drill.figure('writes whose answer was lost', lostAnswers)
  drill.figure('... of which had landed (found whole after restart)', lostThatLanded)
  drill.figure('other answers (not 200/201)', otherStatuses)
  drill.figure('processors at the end', acked.size)
  drill.figure('audit events at the end (chain verified)', check.auditEvents ?? -1)
  drill.figure('restart to ready (ms, p50/p95/max)', `${restart.p50.toFixed(0)}/${restart.p95.toFixed(0)}/${restart.max.toFixed(0)}`)
  drill.figure('checks after restart (integrity_check + audit chain)', `${ROUNDS} run, ${integrityOk} ok`)
  drill.check(ackedCreates + ackedUpdates > ROUNDS, 'too few writes were acknowledged for the drill to mean anything')
})
