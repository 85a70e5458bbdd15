/**
 * Restores a backup as the database: `pnpm restore <backup file> [--force]`.
 * The backup must be a Seloste database with integrity ok and an intact audit chain. An existing
 * database is replaced only with --force and only when no server holds it; it is moved aside as
 * <DATABASE_PATH>.before-restore-YYYYMMDDTHHMMSSZ (with any -wal/-shm), never deleted.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { BackupError, restoreDatabase } from '../services/backup'
import { readEnv } from '../env'

function run() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } })
  if (positionals.length !== 1) throw new BackupError('usage: pnpm restore <backup file> [--force]')
  const env = readEnv()
  const backupFile = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!)
  const result = restoreDatabase({ backupFile, databasePath: env.DATABASE_PATH, force: values.force })
  console.log(
    [
      `restored   ${backupFile}`,
      `into       ${result.restoredTo} (${result.bytes} bytes)`,
      `checked    integrity ok; audit chain intact, ${result.auditEvents} events, head hash ${result.headHash}`,
      ...(result.movedAside.length ? [`previous   moved aside to ${result.movedAside.join(', ')}`] : []),
    ].join('\n'),
  )
}

try {
  run()
} catch (err) {
  console.error(`Restore refused: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
}
