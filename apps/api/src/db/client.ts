import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }
/** A transaction handle; services take `Db | Tx` where they can run inside a caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbOrTx = Db | Tx

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations')

/** Thrown when the file is not a database this app can use; the message is meant for a person. */
export class DatabaseOpenError extends Error {}

/**
 * Opens (creating if needed) the SQLite database, sets the pragmas the app relies on and applies
 * the committed migrations. `:memory:` gives a private in-memory database (tests).
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(path)
    sqlite.pragma('busy_timeout = 5000')
    // Before anything is written: a file that is not ours is left exactly as it was.
    refuseForeignOrNewer(sqlite, path)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    const check = sqlite.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new DatabaseOpenError(`${path} is damaged: it failed its integrity check (${String(check)})`)
  } catch (err) {
    sqlite?.close()
    if (err instanceof DatabaseOpenError) throw err
    const { code, message } = err as { code?: string; message: string }
    if (code === 'SQLITE_NOTADB') throw new DatabaseOpenError(`${path} is not a SQLite database file (${message})`)
    if (code === 'SQLITE_CORRUPT') throw new DatabaseOpenError(`${path} is damaged (${message})`)
    throw new DatabaseOpenError(`cannot open ${path} as a SQLite database: ${message}`)
  }
  const db = drizzle(sqlite, { schema }) as Db
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
  } catch (err) {
    sqlite.close()
    // drizzle's message repeats the whole failing statement; SQLite's own reason is in the cause.
    const reason = ((err as Error).cause as Error | undefined)?.message ?? (err as Error).message
    throw new DatabaseOpenError(`${path} is not a Seloste database, or was written by a newer version (${reason.slice(0, 200)})`)
  }
  return db
}

/**
 * Refuses a SQLite file that holds tables but no Seloste migrations (another application's database),
 * and a Seloste database with migrations newer than this version's (drizzle would skip them silently).
 */
function refuseForeignOrNewer(sqlite: Database.Database, path: string): void {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)
    .pluck()
    .all() as string[]
  if (tables.length === 0) return
  if (!tables.includes('__drizzle_migrations')) {
    const some = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', ...' : '')
    throw new DatabaseOpenError(`${path} is not a Seloste database (it holds other tables: ${some})`)
  }
  const newest = Number(sqlite.prepare('SELECT max(created_at) FROM __drizzle_migrations').pluck().get() ?? 0)
  const known = Math.max(0, ...readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => m.folderMillis))
  if (newest > known) {
    throw new DatabaseOpenError(`${path} was written by a newer version of Seloste; run that version, or restore a backup made by this one`)
  }
}

/**
 * A second, read-only connection to a database openDatabase() has already opened and migrated: for
 * the read workers (reads/read-pool.ts). In WAL mode its reads run alongside the app's writes.
 */
export function openReadOnly(path: string): Db {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true })
  sqlite.pragma('busy_timeout = 5000')
  return drizzle(sqlite, { schema }) as Db
}

/** Checkpoints the WAL into the main file and closes the database (graceful shutdown). */
export function closeDatabase(db: Db): void {
  if (!db.$client.open) return
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
  db.$client.close()
}
