import Database from 'better-sqlite3'
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  backupDatabase,
  BackupError,
  checkDatabaseFile,
  fileTimestamp,
  isDatabaseInUse,
  listBackups,
  pruneBackups,
  restoreDatabase,
} from '../src/services/backup'
import { closeDatabase, openDatabase, type Db } from '../src/db/client'
import { seedDemoData } from '../src/seed/seed'
import { systemContext } from '../src/services/context'
import { createProcessor } from '../src/services/processors'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'seloste-backup-test-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Every table, every row, in rowid order. */
function tables(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const names = db
      .prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' ORDER BY name`)
      .pluck()
      .all() as string[]
    return Object.fromEntries(names.map((n) => [n, db.prepare(`SELECT * FROM "${n}" ORDER BY rowid`).raw(true).all()]))
  } finally {
    db.close()
  }
}

function liveDatabase(name = 'seloste.sqlite'): { path: string; db: Db } {
  const path = join(dir, 'live', name)
  const db = openDatabase(path)
  seedDemoData(db)
  return { path, db }
}

function addProcessor(db: Db, n: number) {
  createProcessor(systemContext(db), { displayName: `Written during the backup ${n}`, role: 'processor' } as Parameters<
    typeof createProcessor
  >[1])
}

describe('backupDatabase', () => {
  it('copies a file database under writes into one consistent snapshot, and a quiet one exactly', async () => {
    const { path, db } = liveDatabase()
    // Another connection keeps writing while the backup runs (the backup yields between its steps).
    const writer = openDatabase(path)
    let n = 0
    const timer = setInterval(() => addProcessor(writer, ++n), 0)
    const backupDir = join(dir, 'backups')
    const underLoad = await backupDatabase({ databasePath: path, backupDir, keep: 14 })
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r))
    clearInterval(timer)
    const writtenMeanwhile = n
    expect(writtenMeanwhile).toBeGreaterThan(0)

    expect(basename(underLoad.path)).toMatch(/^seloste-\d{8}T\d{6}Z\.sqlite$/)
    expect(underLoad.bytes).toBe(statSync(underLoad.path).size)
    expect(existsSync(`${underLoad.path}-wal`)).toBe(false)
    const check = checkDatabaseFile(underLoad.path)
    expect(check).toMatchObject({ ok: true, problems: [] })

    // Consistent: every processor in the copy has its create event, and every row of the copy is the
    // live row (the writes only added rows), so the copy is the live database as it was at one moment.
    const copy = tables(underLoad.path)
    const live = tables(path)
    const copyProcessors = copy.processors as unknown[][]
    expect(copy.audit_events!.filter((e) => (e as unknown[])[5] === 'processor').length).toBe(copyProcessors.length)
    for (const name of Object.keys(live)) {
      // sqlite_sequence holds counters that move on in place; every other table only gained rows.
      if (name === 'sqlite_sequence') continue
      const liveRows = new Set(live[name]!.map((r) => JSON.stringify(r)))
      for (const row of copy[name]!) expect(liveRows.has(JSON.stringify(row)), `${name} row ${JSON.stringify(row).slice(0, 80)}`).toBe(true)
    }
    expect(copyProcessors.length).toBeLessThan((live.processors as unknown[]).length + 1)

    // With the writes stopped, a backup equals the database, every table, row for row.
    const quiet = await backupDatabase({ databasePath: path, backupDir, keep: 14, now: new Date(Date.now() + 1000) })
    expect(tables(quiet.path)).toEqual(tables(path))
    closeDatabase(writer)
    closeDatabase(db)
  })

  it('keeps the newest N backups and leaves other files alone', async () => {
    const { path, db } = liveDatabase()
    closeDatabase(db)
    const backupDir = join(dir, 'backups')
    mkdirSync(backupDir, { recursive: true })
    writeFileSync(join(backupDir, 'notes.txt'), 'mine')
    writeFileSync(join(backupDir, 'seloste-latest.sqlite'), 'not a timestamped backup')
    const start = Date.parse('2026-01-01T00:00:00Z')
    const made: string[] = []
    for (let i = 0; i < 5; i++)
      made.push((await backupDatabase({ databasePath: path, backupDir, keep: 3, now: new Date(start + i * 3600_000) })).path)
    // Two in the same second get distinct names, in order.
    const same = await backupDatabase({ databasePath: path, backupDir, keep: 3, now: new Date(start + 4 * 3600_000) })
    expect(basename(same.path)).toBe(`seloste-${fileTimestamp(new Date(start + 4 * 3600_000))}-1.sqlite`)
    expect(listBackups(backupDir)).toEqual([made[3], made[4], same.path])
    expect(same.pruned).toEqual([made[2]])
    expect(existsSync(join(backupDir, 'notes.txt'))).toBe(true)
    expect(existsSync(join(backupDir, 'seloste-latest.sqlite'))).toBe(true)
    expect(pruneBackups(backupDir, 1)).toEqual([made[3], made[4]])
    expect(() => pruneBackups(backupDir, 0)).toThrow(BackupError)
    await expect(backupDatabase({ databasePath: join(dir, 'nothing.sqlite'), backupDir, keep: 3 })).rejects.toThrow(/there is no database/)
  })
})

describe('restoreDatabase', () => {
  async function aBackup(): Promise<{ live: string; backup: string }> {
    const { path, db } = liveDatabase()
    const backup = await backupDatabase({ databasePath: path, backupDir: join(dir, 'backups'), keep: 3 })
    closeDatabase(db)
    return { live: path, backup: backup.path }
  }

  it('restores into a fresh path, requires --force over an existing database, refuses one in use and keeps the old one', async () => {
    const { backup } = await aBackup()
    const target = join(dir, 'restored', 'seloste.sqlite')
    const first = restoreDatabase({ backupFile: backup, databasePath: target })
    expect(first.movedAside).toEqual([])
    expect(tables(target)).toEqual(tables(backup))
    expect(first.auditEvents).toBeGreaterThan(0)

    // The restored file is a working database: the server's own open accepts it and adds to it.
    const opened = openDatabase(target)
    addProcessor(opened, 1)
    const changed = tables(target)

    expect(() => restoreDatabase({ backupFile: backup, databasePath: target })).toThrow(/already exists.*--force/)
    expect(isDatabaseInUse(target)).toBe(true)
    expect(() => restoreDatabase({ backupFile: backup, databasePath: target, force: true })).toThrow(/in use/)
    expect(tables(target)).toEqual(changed)
    closeDatabase(opened)
    expect(isDatabaseInUse(target)).toBe(false)

    const second = restoreDatabase({ backupFile: backup, databasePath: target, force: true, now: new Date('2026-02-03T04:05:06Z') })
    expect(second.movedAside).toEqual([`${target}.before-restore-20260203T040506Z`])
    expect(tables(target)).toEqual(tables(backup))
    expect(tables(second.movedAside[0]!)).toEqual(changed)
    expect(existsSync(`${target}-wal`)).toBe(false)
    // The backup itself is untouched.
    expect(checkDatabaseFile(backup).ok).toBe(true)
  })

  it('refuses a foreign, damaged, non-SQLite, newer or tampered file with a clear error and changes nothing', async () => {
    const { backup } = await aBackup()
    const target = join(dir, 'target', 'seloste.sqlite')

    const foreign = join(dir, 'foreign.sqlite')
    const f = new Database(foreign)
    f.exec(`CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO recipes (title) VALUES ('karjalanpiirakka')`)
    f.close()

    const text = join(dir, 'notes.sqlite')
    writeFileSync(text, 'These are my notes, not a database.\n'.repeat(100))

    const damaged = join(dir, 'damaged.sqlite')
    copyFileSync(backup, damaged)
    const pageSize = readFileSync(damaged).readUInt16BE(16)
    const fd = openSync(damaged, 'r+')
    for (let p = 2; p * pageSize < statSync(damaged).size; p += 3)
      writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (p - 1) * pageSize)
    closeSync(fd)

    const newer = join(dir, 'newer.sqlite')
    copyFileSync(backup, newer)
    const n = new Database(newer)
    n.exec(`INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', 4102444800000)`)
    n.close()

    const tampered = join(dir, 'tampered.sqlite')
    copyFileSync(backup, tampered)
    const t = new Database(tampered)
    const trigger = t
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events' AND sql LIKE '%UPDATE%'`)
      .pluck()
      .get() as string
    t.exec(`DROP TRIGGER "${trigger}"; UPDATE audit_events SET actor_email = 'someone-else@example.test' WHERE seq = 2`)
    t.close()

    const cases: [string, RegExp][] = [
      [foreign, /is not a Seloste database \(no .*processors/],
      [text, /is not a SQLite database/],
      [damaged, /damaged|integrity check/],
      [newer, /newer or different version/],
      [tampered, /audit trail is broken at event 2/],
      [join(dir, 'missing.sqlite'), /there is no backup file/],
      [dir, /is a directory/],
    ]
    for (const [file, message] of cases) {
      let error: unknown
      try {
        restoreDatabase({ backupFile: file, databasePath: target })
      } catch (e) {
        error = e
      }
      expect(error, file).toBeInstanceOf(BackupError)
      expect((error as Error).message, file).toMatch(message)
      expect((error as Error).message).not.toMatch(/\n\s+at /)
      expect(existsSync(target), file).toBe(false)
    }
    expect(checkDatabaseFile(foreign)).toMatchObject({ ok: false })
    // Nothing was left behind in the target folder (the checked copy is removed).
    expect(existsSync(join(dir, 'target')) ? readdirSync(join(dir, 'target')) : []).toEqual([])
  })
})
