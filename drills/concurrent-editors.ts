/**
 * Concurrent editors drill: many clients (each its own editor account and session) update the same
 * few processors and their own ones at once, for DURATION_S seconds, each sending the version it
 * last saw. Every update must either land (200 with the next version) or be refused with 409; no
 * 5xx, no "database is locked", no other answer. At the end the database must equal the landed
 * updates: per processor, the landed versions are exactly 2..1+L, the stored version is 1 + L, the
 * stored value is the one of the last landed update, and there is one audit event per landed update.
 *
 *   DURATION_S   seconds of editing (default 10 short, 60 long)
 *   CLIENTS      concurrent clients (default 12)
 *   HOT_RECORDS  processors that every client edits (default 3); each client also has one of its own
 *   SERVERS      server processes sharing the database file (default 2: SQLite locking across processes)
 */
import { join } from 'node:path'
import { checkDatabaseFile } from '../apps/api/src/services/backup'
import { call, Drill, envInt, login, openDb, rng, runDrill, startServer, stopServer, summarize, tempDir, type ServerHandle } from './lib'

const drill = new Drill('concurrent-editors')
const DURATION_S = envInt('DURATION_S', 10, 60)
const CLIENTS = envInt('CLIENTS', 12, 12)
const HOT = envInt('HOT_RECORDS', 3, 3)
const SERVERS = Math.max(1, envInt('SERVERS', 2, 2))
const random = rng()

interface Landed {
  client: number
  version: number
  notes: string
}

const landed = new Map<number, Landed[]>()
const counts = { sent: 0, landed: 0, conflicts: 0, failures: 0, fiveXx: 0, locked: 0 }
const latency: number[] = []

async function client(i: number, base: string, cookie: string, hot: number[], own: number, deadline: number) {
  const versions = new Map<number, number>([...hot, own].map((id) => [id, 1]))
  let seq = 0
  while (Date.now() < deadline && seq < 1_000_000) {
    seq++
    const id = random.next() < 0.7 ? hot[random.int(0, hot.length - 1)]! : own
    const notes = `client ${i} edit ${seq}`
    const version = versions.get(id)!
    counts.sent++
    let res
    try {
      res = await call(
        base,
        cookie,
        'PATCH',
        `/api/processors/${id}`,
        { version, internalNotes: notes, legalName: `Legal ${i}.${seq}` },
        30_000,
      )
    } catch (err) {
      counts.failures++
      drill.violation(`client ${i}: PATCH ${id} failed without an answer: ${(err as Error).message}`)
      continue
    }
    latency.push(res.ms)
    if (/database is locked|SQLITE_BUSY/i.test(res.text)) counts.locked++
    if (res.status === 200) {
      counts.landed++
      drill.check(res.body.version === version + 1, `client ${i}: PATCH ${id} at version ${version} landed as version ${res.body.version}`)
      drill.check(res.body.internalNotes === notes, `client ${i}: PATCH ${id} answered with someone else's value`)
      const list = landed.get(id) ?? []
      list.push({ client: i, version: res.body.version, notes })
      landed.set(id, list)
      versions.set(id, res.body.version)
    } else if (res.status === 409) {
      counts.conflicts++
      const current = res.body?.error?.current?.version
      if (
        drill.check(typeof current === 'number' && current > version, `client ${i}: 409 for ${id} without a newer current record`) &&
        current !== undefined
      )
        versions.set(id, current)
    } else {
      counts.failures++
      if (res.status >= 500) counts.fiveXx++
      drill.violation(`client ${i}: PATCH ${id} answered ${res.status}: ${res.text.slice(0, 200)}`)
    }
  }
}

runDrill(drill, async () => {
  drill.figure('seed', random.seed)
  const dir = tempDir('editors')
  const dbPath = join(dir, 'seloste.sqlite')
  const servers: ServerHandle[] = [await startServer(dbPath)]
  const admin = await login(servers[0]!.base)

  // The records: HOT shared ones and one per client; the editors, each with a session.
  const ids: number[] = []
  for (let r = 0; r < HOT + CLIENTS; r++) {
    const res = await call(servers[0]!.base, admin, 'POST', '/api/processors', {
      displayName: `Contended ${r}`,
      role: 'processor',
      internalNotes: 'initial',
    })
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`)
    ids.push(res.body.id)
  }
  const password = 'editor passphrase for the drill 77'
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      const res = await call(servers[0]!.base, admin, 'POST', '/api/users', {
        email: `editor${i}@example.test`,
        name: `Editor ${i}`,
        role: 'editor',
        password,
      })
      if (res.status !== 201) throw new Error(`user create failed: ${res.status} ${res.text}`)
    }),
  )
  for (let s = 1; s < SERVERS; s++) servers.push(await startServer(dbPath))
  const cookies = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) => login(servers[i % SERVERS]!.base, `editor${i}@example.test`, password)),
  )
  const hot = ids.slice(0, HOT)

  drill.figure('clients', CLIENTS)
  drill.figure('server processes on one database file', SERVERS)
  drill.figure('records', `${HOT} shared by all + ${CLIENTS} one per client`)
  drill.figure('duration (s)', DURATION_S)

  const started = performance.now()
  const deadline = Date.now() + DURATION_S * 1000
  await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) => client(i, servers[i % SERVERS]!.base, cookies[i]!, hot, ids[HOT + i]!, deadline)),
  )
  const seconds = (performance.now() - started) / 1000

  // The final state against the landed updates.
  const db = openDb(dbPath, true)
  let recordsChecked = 0
  for (const id of ids) {
    const row = db.prepare('SELECT version, internal_notes AS notes FROM processors WHERE id = ?').get(id) as {
      version: number
      notes: string
    }
    const list = (landed.get(id) ?? []).sort((a, b) => a.version - b.version)
    const versions = list.map((l) => l.version)
    const expected = Array.from({ length: list.length }, (_, k) => k + 2)
    drill.check(
      JSON.stringify(versions) === JSON.stringify(expected),
      `processor ${id}: landed versions are not 2..${list.length + 1} (${versions.slice(0, 10).join(',')}...)`,
    )
    drill.check(row.version === 1 + list.length, `processor ${id}: stored version ${row.version}, but ${list.length} updates landed`)
    drill.check(
      row.notes === (list.at(-1)?.notes ?? 'initial'),
      `processor ${id}: stored "${row.notes}", last landed "${list.at(-1)?.notes}"`,
    )
    const events = db
      .prepare(`SELECT count(*) FROM audit_events WHERE entity_type = 'processor' AND entity_id = ? AND action = 'update'`)
      .pluck()
      .get(String(id)) as number
    drill.check(events === list.length, `processor ${id}: ${events} update events in the audit trail, ${list.length} updates landed`)
    const last = db
      .prepare(`SELECT "after" FROM audit_events WHERE entity_type = 'processor' AND entity_id = ? ORDER BY seq DESC LIMIT 1`)
      .pluck()
      .get(String(id)) as string
    if (list.length)
      drill.check(
        JSON.parse(last).internalNotes === list.at(-1)!.notes,
        `processor ${id}: the last audit event does not hold the last landed value`,
      )
    recordsChecked++
  }
  db.close()
  for (const s of servers) {
    const stop = await stopServer(s)
    drill.check(stop.code === 0, `a server did not stop cleanly (${stop.code ?? stop.signal})`)
  }
  const check = checkDatabaseFile(dbPath)
  drill.check(check.ok, `after the drill: ${check.problems.join('; ')}`)

  const lat = summarize(latency)
  const hotLanded = hot.reduce((n, id) => n + (landed.get(id)?.length ?? 0), 0)
  drill.figure('updates sent', counts.sent)
  drill.figure('landed (200)', counts.landed)
  drill.figure('... on the shared records', hotLanded)
  drill.figure('refused as stale (409)', counts.conflicts)
  drill.figure('other answers or no answer', counts.failures)
  drill.figure('5xx', counts.fiveXx)
  drill.figure('"database is locked"', counts.locked)
  drill.figure('updates per second', counts.sent / seconds)
  drill.figure('latency (ms, p50/p95/max)', `${lat.p50.toFixed(1)}/${lat.p95.toFixed(1)}/${lat.max.toFixed(1)}`)
  drill.figure('records checked against the landed updates', recordsChecked)
  drill.figure('audit chain', check.ok ? `intact, ${check.auditEvents} events` : 'BROKEN')
  drill.check(counts.landed > 0 && counts.conflicts > 0, 'the drill produced no landed updates or no conflicts: it tested nothing')
  drill.check(counts.locked === 0, '"database is locked" was answered')
})
