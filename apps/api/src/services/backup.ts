/**
 * Online backups and restores of the SQLite database file.
 *
 * - A backup is taken with SQLite's backup API (better-sqlite3's `db.backup()`) from a live database
 *   (a running server may keep writing: the copy is one consistent snapshot), written under a
 *   temporary name, switched to a self-contained rollback-journal file, checked with
 *   `PRAGMA integrity_check` and only then given its final name `seloste-YYYYMMDDTHHMMSSZ.sqlite`.
 *   The newest `keep` backups are kept; older ones (only files with that name pattern) are deleted.
 * - A restore checks the backup (a SQLite file, integrity ok, a Seloste database of this or an older
 *   version, an intact audit chain), refuses to replace a database that a running server holds,
 *   moves the old file aside with a timestamp and puts a copy of the backup in its place.
 */
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { formatAuditHead, verifyAuditChain } from './audit'
import { MIGRATIONS_FOLDER } from '../db/client'
import * as schema from '../db/schema'

/** A failure meant for a person: the commands print the message without a stack trace. */
export class BackupError extends Error {}

const BACKUP_NAME = /^seloste-(\d{8}T\d{6}Z)(?:-(\d+))?\.sqlite$/

/** 2026-11-26T18:20:53.123Z -> 20261126T182053Z */
export function fileTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')
}

export interface BackupResult {
  path: string
  bytes: number
  ms: number
  /** Backups deleted to keep the newest `keep`. */
  pruned: string[]
  /** The copy's audit head ("<count>:<hash>"), also written next to it as `<backup>.head`; null when its chain is broken. */
  auditHead: string | null
  auditProblem: string | null
}

/** The backups in `dir`, oldest first (by the time in the name, then the collision counter). */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .map((name) => ({ name, m: BACKUP_NAME.exec(name) }))
    .filter((e): e is { name: string; m: RegExpExecArray } => e.m !== null)
    .sort((a, b) => (a.m[1]! < b.m[1]! ? -1 : a.m[1]! > b.m[1]! ? 1 : Number(a.m[2] ?? 0) - Number(b.m[2] ?? 0)))
    .map((e) => join(dir, e.name))
}

/** Deletes all but the newest `keep` backups in `dir`; returns the deleted paths. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1)
    throw new BackupError(`the number of backups to keep must be a whole number of at least 1 (got ${keep})`)
  const all = listBackups(dir)
  const old = all.slice(0, Math.max(0, all.length - keep))
  for (const file of old) {
    rmSync(file, { force: true })
    rmSync(`${file}.head`, { force: true })
  }
  return old
}

function firstFreeName(dir: string, stamp: string): string {
  for (let n = 0; n < 1000; n++) {
    const path = join(dir, n === 0 ? `seloste-${stamp}.sqlite` : `seloste-${stamp}-${n}.sqlite`)
    if (!existsSync(path)) return path
  }
  throw new BackupError(`too many backups named seloste-${stamp} in ${dir}`)
}

function integrityProblems(db: Database.Database): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[]
  const messages = rows.map((r) => r.integrity_check)
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages
}

/**
 * Takes an online backup of the database at `databasePath` into `backupDir` and prunes old ones.
 * Safe while a server writes to the database.
 */
export async function backupDatabase(options: {
  databasePath: string
  backupDir: string
  keep: number
  now?: Date
}): Promise<BackupResult> {
  const started = performance.now()
  if (!Number.isInteger(options.keep) || options.keep < 1)
    throw new BackupError(`BACKUP_KEEP must be a whole number of at least 1 (got ${options.keep})`)
  if (!existsSync(options.databasePath)) throw new BackupError(`there is no database at ${options.databasePath}`)
  mkdirSync(options.backupDir, { recursive: true })
  const finalPath = firstFreeName(options.backupDir, fileTimestamp(options.now ?? new Date()))
  const partial = `${finalPath}.partial`
  let source: Database.Database
  try {
    source = new Database(options.databasePath, { fileMustExist: true, timeout: 10_000 })
    source.pragma('busy_timeout = 10000')
  } catch (err) {
    throw new BackupError(`cannot open ${options.databasePath} as a SQLite database: ${(err as Error).message}`)
  }
  try {
    rmSync(partial, { force: true })
    // The first step sets the backup up; the progress callback then asks for every remaining page in
    // one step, so that the copy is one read snapshot: with WAL, writers carry on meanwhile, and a
    // change in between only makes that one step start over, never a copy that chases the writers.
    await source.backup(partial, { progress: () => 0x7fffffff })
  } catch (err) {
    rmSync(partial, { force: true })
    throw new BackupError(`the backup of ${options.databasePath} failed: ${(err as Error).message}`)
  } finally {
    source.close()
  }

  const copy = new Database(partial, { fileMustExist: true })
  let problems: string[]
  let chain: ReturnType<typeof verifyAuditChain> | null = null
  try {
    // A backup is one self-contained file: no -wal or -shm next to it.
    copy.pragma('journal_mode = DELETE')
    problems = integrityProblems(copy)
    if (problems.length === 0) chain = verifyAuditChain(drizzle(copy, { schema }))
  } finally {
    copy.close()
  }
  if (problems.length > 0) {
    rmSync(partial, { force: true })
    throw new BackupError(`the backup copy failed its integrity check (${problems.slice(0, 3).join('; ')}); nothing was kept`)
  }
  // The head travels with the copy: the copy can be checked against it, and the live trail too. A
  // copy of a broken trail is still kept (it may be the evidence), with the problem in its place.
  const auditHead = chain?.intact ? formatAuditHead({ events: chain.events, hash: chain.headHash }) : null
  const auditProblem = chain && !chain.intact ? `the audit trail is broken at event ${chain.brokenAt}: ${chain.reason}` : null
  writeFileSync(`${finalPath}.head`, `${auditHead ?? `BROKEN: ${auditProblem}`}\n`)
  renameSync(partial, finalPath)
  const pruned = pruneBackups(options.backupDir, options.keep)
  return { path: finalPath, bytes: statSync(finalPath).size, ms: performance.now() - started, pruned, auditHead, auditProblem }
}

export interface DatabaseCheck {
  ok: boolean
  /** What is wrong, in words, when not ok. */
  problems: string[]
  /** Audit events in the chain (when it could be read). */
  auditEvents: number | null
  headHash: string | null
}

/** Migrations this version knows, by the time drizzle records for them. */
function knownMigrationTimes(): Set<number> {
  return new Set(readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => m.folderMillis))
}

const REQUIRED_TABLES = ['__drizzle_migrations', 'organisation', 'processors', 'transfers', 'dpas', 'audit_events', 'users']

/**
 * Checks that a file is a Seloste database this version can use: a SQLite file, integrity ok, the
 * Seloste tables and migrations (none newer than this version knows), and an intact audit chain.
 * The file is opened for writing only so that SQLite may recover a write-ahead log next to it; pass
 * a copy when the file must not change.
 */
export function checkDatabaseFile(path: string): DatabaseCheck {
  const result: DatabaseCheck = { ok: false, problems: [], auditEvents: null, headHash: null }
  if (!existsSync(path)) return { ...result, problems: [`there is no file at ${path}`] }
  if (statSync(path).isDirectory()) return { ...result, problems: [`${path} is a directory, not a database file`] }
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(path, { fileMustExist: true, timeout: 5000 })
    let problems: string[]
    try {
      problems = integrityProblems(sqlite)
    } catch (err) {
      const code = (err as { code?: string }).code
      if (code === 'SQLITE_NOTADB') return { ...result, problems: [`the file is not a SQLite database (${(err as Error).message})`] }
      return { ...result, problems: [`the file is damaged (${(err as Error).message})`] }
    }
    if (problems.length > 0) return { ...result, problems: [`the file failed its integrity check: ${problems.slice(0, 3).join('; ')}`] }
    const tables = new Set(sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[])
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t))
    if (missing.length > 0)
      return {
        ...result,
        problems: [`the file is not a Seloste database (no ${missing.join(', ')} table${missing.length > 1 ? 's' : ''})`],
      }
    const applied = sqlite.prepare('SELECT created_at FROM __drizzle_migrations').pluck().all() as (number | string)[]
    const known = knownMigrationTimes()
    const unknown = applied.filter((t) => !known.has(Number(t)))
    if (applied.length === 0) return { ...result, problems: ['the file is not a Seloste database (no migrations recorded)'] }
    if (unknown.length > 0) {
      return {
        ...result,
        problems: [
          `the file was written by a newer or different version of Seloste (${unknown.length} migration${unknown.length > 1 ? 's' : ''} this version does not know)`,
        ],
      }
    }
    const chain = verifyAuditChain(drizzle(sqlite, { schema }))
    if (!chain.intact) {
      return { ...result, auditEvents: chain.events, problems: [`the audit trail is broken at event ${chain.brokenAt}: ${chain.reason}`] }
    }
    return { ok: true, problems: [], auditEvents: chain.events, headHash: chain.headHash }
  } catch (err) {
    return { ...result, problems: [`cannot read ${path} as a Seloste database: ${(err as Error).message}`] }
  } finally {
    sqlite?.close()
  }
}

/**
 * True when another connection (a running server, a command) has the database open: a connection
 * that asks for an exclusive lock without waiting does not get it then.
 * A file that is not a SQLite database is not in use (it may be replaced).
 */
export function isDatabaseInUse(path: string): boolean {
  if (!existsSync(path)) return false
  let db: Database.Database | undefined
  try {
    db = new Database(path, { fileMustExist: true, timeout: 0 })
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
    db.exec('COMMIT')
    return false
  } catch (err) {
    const code = (err as { code?: string }).code
    return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED'
  } finally {
    db?.close()
  }
}

/** Folds a database's write-ahead log into the file so that the file alone holds everything. */
function checkpointIfPossible(path: string): void {
  let db: Database.Database | undefined
  try {
    db = new Database(path, { fileMustExist: true, timeout: 0 })
    db.pragma('wal_checkpoint(TRUNCATE)')
  } catch {
    // A damaged or foreign file: it is moved aside as it is, with whatever lies next to it.
  } finally {
    db?.close()
  }
}

export interface RestoreResult {
  restoredTo: string
  /** Where the replaced database (and any -wal/-shm next to it) went. */
  movedAside: string[]
  bytes: number
  auditEvents: number
  headHash: string
}

/**
 * Restores `backupFile` as the database at `databasePath`. Refuses a file that fails checkDatabaseFile,
 * refuses to replace an existing database without `force`, and refuses one a running server holds.
 * The backup itself is never changed: it is checked as a copy that then takes the database's place.
 */
export function restoreDatabase(options: { backupFile: string; databasePath: string; force?: boolean; now?: Date }): RestoreResult {
  const { backupFile, databasePath } = options
  if (!existsSync(backupFile)) throw new BackupError(`there is no backup file at ${backupFile}`)
  if (statSync(backupFile).isDirectory()) throw new BackupError(`${backupFile} is a directory; give a backup file`)
  const exists = existsSync(databasePath)
  if (exists && statSync(databasePath).isDirectory())
    throw new BackupError(`DATABASE_PATH ${databasePath} is a directory; set it to the database file`)
  if (exists && !options.force) {
    throw new BackupError(
      `a database already exists at ${databasePath}; stop the server and run the restore again with --force to replace it (the old file is kept next to it)`,
    )
  }
  mkdirSync(dirname(databasePath), { recursive: true })
  const stamp = fileTimestamp(options.now ?? new Date())
  const staging = join(dirname(databasePath), `.${basename(databasePath)}.restoring-${stamp}-${process.pid}`)
  const cleanStaging = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(staging + suffix, { force: true })
  }
  try {
    copyFileSync(backupFile, staging)
    const check = checkDatabaseFile(staging)
    if (!check.ok) throw new BackupError(`${backupFile} cannot be restored: ${check.problems.join('; ')}`)
    const fix = new Database(staging, { fileMustExist: true })
    try {
      fix.pragma('journal_mode = DELETE')
    } finally {
      fix.close()
    }
    const movedAside: string[] = []
    if (exists) {
      if (isDatabaseInUse(databasePath)) {
        throw new BackupError(`the database at ${databasePath} is in use (is the server running?); stop it before restoring`)
      }
      checkpointIfPossible(databasePath)
      const aside = firstFreeAside(databasePath, stamp)
      for (const suffix of ['', '-wal', '-shm', '-journal']) {
        if (existsSync(databasePath + suffix)) {
          renameSync(databasePath + suffix, aside + suffix)
          movedAside.push(aside + suffix)
        }
      }
    } else {
      // Leftovers of a database that is gone must not be paired with the restored file.
      for (const suffix of ['-wal', '-shm', '-journal']) {
        if (existsSync(databasePath + suffix))
          throw new BackupError(`${databasePath + suffix} exists without its database; move it away first`)
      }
    }
    renameSync(staging, databasePath)
    return {
      restoredTo: databasePath,
      movedAside,
      bytes: statSync(databasePath).size,
      auditEvents: check.auditEvents!,
      headHash: check.headHash!,
    }
  } finally {
    cleanStaging()
  }
}

function firstFreeAside(databasePath: string, stamp: string): string {
  for (let n = 0; n < 1000; n++) {
    const aside = `${databasePath}.before-restore-${stamp}${n === 0 ? '' : `-${n}`}`
    if (!['', '-wal', '-shm', '-journal'].some((s) => existsSync(aside + s))) return aside
  }
  throw new BackupError(`too many files named ${databasePath}.before-restore-${stamp}`)
}
