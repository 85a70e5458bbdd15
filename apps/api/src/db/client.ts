import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
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
  let sqlite: Database.Database
  try {
    sqlite = new Database(path)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    const check = sqlite.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new DatabaseOpenError(`the database file failed its integrity check (${String(check)})`)
  } catch (err) {
    if (err instanceof DatabaseOpenError) throw err
    throw new DatabaseOpenError(`cannot open ${path} as a SQLite database: ${(err as Error).message}`)
  }
  const db = drizzle(sqlite, { schema }) as Db
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
  } catch (err) {
    sqlite.close()
    throw new DatabaseOpenError(
      `${path} is not a Seloste database, or was written by a newer version (${(err as Error).message})`,
    )
  }
  return db
}

/** Checkpoints the WAL into the main file and closes the database (graceful shutdown). */
export function closeDatabase(db: Db): void {
  if (!db.$client.open) return
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
  db.$client.close()
}
