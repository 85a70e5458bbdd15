/**
 * Backup and restore drill. A server runs on a file database with the demo data while writers keep
 * creating and updating processors. Meanwhile `pnpm backup` (apps/api/src/cli/backup.ts, a separate
 * process) runs BACKUPS times with BACKUP_KEEP=3. Then:
 *   - each backup taken under load is a consistent snapshot: integrity ok, a Seloste database, an
 *     intact audit chain that is a prefix of the live one, and every processor with exactly as many
 *     audit events as its version;
 *   - only the newest 3 backups are kept;
 *   - `pnpm restore` refuses to replace the live database while the server holds it;
 *   - the last backup taken under load is restored into a fresh instance: every table equals the
 *     backup row for row, and a server starts on it and serves its data;
 *   - with the writes stopped, a final backup restored over an existing database (--force; the old
 *     file is moved aside) equals the live database row for row, every table.
 *
 *   BACKUPS   backups taken under load (default 4 short, 12 long)
 *   WRITERS   concurrent writers (default 4)
 */
import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import { checkDatabaseFile, listBackups } from '../apps/api/src/services/backup'
import {
  API_DIR,
  call,
  compareDatabases,
  Drill,
  envInt,
  login,
  openDb,
  rng,
  runDrill,
  runTs,
  sleep,
  startServer,
  stopServer,
  summarize,
  tempDir,
  token,
  waitFor,
} from './lib'

const drill = new Drill('backup-restore')
const BACKUPS = envInt('BACKUPS', 4, 12)
const WRITERS = envInt('WRITERS', 4, 4)
const KEEP = 3
const random = rng()
const BACKUP_CLI = join(API_DIR, 'src', 'cli', 'backup.ts')
const RESTORE_CLI = join(API_DIR, 'src', 'cli', 'restore.ts')

runDrill(drill, async () => {
  drill.figure('seed', random.seed)
  const dir = tempDir('backup')
  const livePath = join(dir, 'live', 'seloste.sqlite')
  const backupDir = join(dir, 'backups')
  const server = await startServer(livePath, { demo: true })
  const cookie = await login(server.base)

  // Writers: creates and updates, acknowledged writes counted.
  let writes = 0
  let writeFailures = 0
  let stop = false
  const writers = Array.from({ length: WRITERS }, async (_, w) => {
    const mine: { id: number; version: number }[] = []
    while (!stop && writes < 1_000_000) {
      const res =
        mine.length < 2 || random.next() < 0.3
          ? await call(server.base, cookie, 'POST', '/api/processors', {
              displayName: `backup w${w} ${token()}`,
              role: random.next() < 0.5 ? 'processor' : 'sub_processor',
              internalNotes: token(),
            })
          : await (async () => {
              const rec = mine[random.int(0, mine.length - 1)]!
              const r = await call(server.base, cookie, 'PATCH', `/api/processors/${rec.id}`, {
                version: rec.version,
                internalNotes: token(),
                legalName: `Legal ${token()}`,
              })
              if (r.status === 200) rec.version = r.body.version
              return r
            })()
      if (res.status === 201) mine.push({ id: res.body.id, version: res.body.version })
      if (res.status === 200 || res.status === 201) writes++
      else {
        writeFailures++
        drill.violation(`a write answered ${res.status}: ${res.text.slice(0, 200)}`)
      }
    }
  })

  // Backups under load, each by the command a person would run, once the writers are writing.
  if (!(await waitFor(() => writes > 0, 120_000))) drill.violation('no write was acknowledged within 120 s of the start')
  const env = { DATABASE_PATH: livePath, BACKUP_DIR: backupDir, BACKUP_KEEP: String(KEEP) }
  const taken: { path: string; ms: number; bytes: number; writesBefore: number; writesAfter: number }[] = []
  for (let b = 0; b < BACKUPS; b++) {
    const writesBefore = writes
    const run = await runTs(BACKUP_CLI, env)
    const path = /^backup\s+(\S+)/m.exec(run.stdout)?.[1]
    const bytes = Number(/^size\s+(\d+)/m.exec(run.stdout)?.[1] ?? NaN)
    const ms = Number(/^duration\s+(\d+)/m.exec(run.stdout)?.[1] ?? NaN)
    if (!drill.check(run.code === 0 && !!path, `backup ${b + 1} failed (${run.code}): ${run.stderr.slice(0, 300)}`)) continue
    taken.push({ path: path!, ms, bytes, writesBefore, writesAfter: writes })
    // A consistent snapshot: every processor has one audit event per version.
    const check = checkDatabaseFile(path!)
    drill.check(check.ok, `backup ${basename(path!)}: ${check.problems.join('; ')}`)
    const copy = openDb(path!, true)
    const torn = copy
      .prepare(
        `SELECT p.id, p.version, (SELECT count(*) FROM audit_events a WHERE a.entity_type = 'processor' AND a.entity_id = CAST(p.id AS TEXT)) AS events FROM processors p WHERE events != p.version`,
      )
      .all()
    copy.close()
    drill.check(
      torn.length === 0,
      `backup ${basename(path!)}: ${torn.length} processors whose audit events do not match their version (a torn copy)`,
    )
    await sleep(random.int(200, 700))
  }
  const lastUnderLoad = taken.at(-1)!

  // The restore refuses to replace the database a running server holds.
  const refused = await runTs(RESTORE_CLI, { DATABASE_PATH: livePath }, [lastUnderLoad.path, '--force'])
  drill.check(
    refused.code === 1 && /in use/.test(refused.stderr),
    `restore over the live database was not refused: ${refused.code} ${refused.stderr.slice(0, 200)}`,
  )
  drill.check(server.alive(), 'the live server died during the refused restore')

  // Restore the last backup taken under load into a fresh instance.
  const freshPath = join(dir, 'fresh', 'seloste.sqlite')
  const restore1 = await runTs(RESTORE_CLI, { DATABASE_PATH: freshPath }, [lastUnderLoad.path])
  drill.check(restore1.code === 0, `restore into a fresh instance failed: ${restore1.stderr.slice(0, 300)}`)
  const backupDb = openDb(lastUnderLoad.path, true)
  const freshDb = openDb(freshPath, true)
  const cmp1 = compareDatabases(backupDb, freshDb)
  const backupProcessors = backupDb.prepare('SELECT count(*) FROM processors').pluck().get() as number
  const backupEvents = backupDb.prepare('SELECT count(*) FROM audit_events').pluck().get() as number
  const backupHead = backupDb.prepare('SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1').pluck().get() as string
  backupDb.close()
  freshDb.close()
  for (const d of cmp1.differences) drill.violation(`fresh restore vs backup: ${d}`)
  const fresh = await startServer(freshPath)
  const freshCookie = await login(fresh.base)
  const list = await call(fresh.base, freshCookie, 'GET', '/api/processors?pageSize=1')
  drill.check(
    list.status === 200 && list.body.total === backupProcessors,
    `the restored server lists ${list.body?.total} processors, the backup has ${backupProcessors}`,
  )
  const verify = await call(fresh.base, freshCookie, 'GET', '/api/audit/verify')
  drill.check(verify.status === 200 && verify.body.intact === true, `the restored server's audit chain: ${verify.text.slice(0, 200)}`)
  const freshStop = await stopServer(fresh)
  drill.check(freshStop.code === 0, 'the restored server did not stop cleanly')

  // Stop writing; the backup's chain must be a prefix of the live one.
  stop = true
  await Promise.all(writers)
  const live = openDb(livePath, true)
  const liveHashAt = live.prepare('SELECT hash FROM audit_events WHERE seq = ?').pluck().get(backupEvents) as string | undefined
  live.close()
  drill.check(liveHashAt === backupHead, `the backup's audit chain (head at event ${backupEvents}) is not a prefix of the live one`)

  // A final backup of the quiet database, restored over an existing database with --force.
  const final = await runTs(BACKUP_CLI, env)
  const finalPath = /^backup\s+(\S+)/m.exec(final.stdout)?.[1]
  drill.check(final.code === 0 && !!finalPath, `the final backup failed: ${final.stderr.slice(0, 300)}`)
  const refusedNoForce = await runTs(RESTORE_CLI, { DATABASE_PATH: freshPath }, [finalPath!])
  drill.check(
    refusedNoForce.code === 1 && /--force/.test(refusedNoForce.stderr),
    'a restore over an existing database without --force was not refused',
  )
  const restore2 = await runTs(RESTORE_CLI, { DATABASE_PATH: freshPath }, [finalPath!, '--force'])
  drill.check(restore2.code === 0 && /moved aside/.test(restore2.stdout), `restore --force failed: ${restore2.stderr.slice(0, 300)}`)
  const aside = /moved aside to (\S+)/.exec(restore2.stdout)?.[1]?.replace(/,$/, '')
  drill.check(!!aside && existsSync(aside), 'the replaced database was not kept aside')
  const liveDb = openDb(livePath, true)
  const restoredDb = openDb(freshPath, true)
  const cmp2 = compareDatabases(liveDb, restoredDb)
  liveDb.close()
  restoredDb.close()
  for (const d of cmp2.differences) drill.violation(`final restore vs live database: ${d}`)

  const kept = listBackups(backupDir)
  drill.check(kept.length === KEEP, `${kept.length} backups kept, expected the newest ${KEEP}`)
  const liveStop = await stopServer(server)
  drill.check(liveStop.code === 0, 'the live server did not stop cleanly')

  const ms = summarize(taken.map((t) => t.ms))
  drill.figure('writers', WRITERS)
  drill.figure('acknowledged writes during the drill', writes)
  drill.figure('failed writes', writeFailures)
  drill.figure('backups under write load', taken.length)
  drill.figure(
    'writes acknowledged while pnpm backup ran (sum)',
    taken.reduce((n, t) => n + t.writesAfter - t.writesBefore, 0),
  )
  drill.figure('backup size (bytes, last)', lastUnderLoad.bytes)
  drill.figure('backup duration (ms, p50/max, as printed by pnpm backup)', `${ms.p50}/${ms.max}`)
  drill.figure(`backups kept (BACKUP_KEEP=${KEEP})`, kept.length)
  drill.figure('restore over the live database', refused.code === 1 ? 'refused (in use)' : 'NOT refused')
  drill.figure(
    'fresh restore of a backup under load',
    `${cmp1.tables} tables, ${cmp1.rows} rows compared, ${cmp1.differences.length} differences`,
  )
  drill.figure(
    'final restore (--force) vs live',
    `${cmp2.tables} tables, ${cmp2.rows} rows compared, ${cmp2.differences.length} differences`,
  )
})
