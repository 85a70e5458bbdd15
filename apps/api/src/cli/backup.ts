/**
 * Online backup of the database: `pnpm backup`. Safe while the server runs.
 *   DATABASE_PATH  the database (as for the server)
 *   BACKUP_DIR     where backups go (default data/backups); named seloste-YYYYMMDDTHHMMSSZ.sqlite
 *   BACKUP_KEEP    how many of the newest backups to keep (default 14); older ones are deleted
 * Each copy passes PRAGMA integrity_check before it is kept. Exit code 1 on any failure.
 */
import { join, resolve } from 'node:path'
import { backupDatabase, BackupError } from '../services/backup'
import { readEnv, REPO_ROOT } from '../env'

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`
}

async function run() {
  const env = readEnv()
  const base = process.env.INIT_CWD ?? process.cwd()
  const backupDir = process.env.BACKUP_DIR ? resolve(base, process.env.BACKUP_DIR) : join(REPO_ROOT, 'data', 'backups')
  const keepText = process.env.BACKUP_KEEP ?? '14'
  const keep = /^\d+$/.test(keepText) ? Number(keepText) : NaN
  if (!(keep >= 1)) throw new BackupError(`BACKUP_KEEP must be a whole number of at least 1 (got "${keepText}")`)
  const result = await backupDatabase({ databasePath: env.DATABASE_PATH, backupDir, keep })
  console.log(
    [
      `backup     ${result.path}`,
      `database   ${env.DATABASE_PATH}`,
      `size       ${result.bytes} bytes (${formatBytes(result.bytes)})`,
      `duration   ${result.ms.toFixed(0)} ms`,
      `integrity  ok`,
      result.auditHead
        ? `audit head ${result.auditHead} (also in ${result.path}.head)`
        : `AUDIT TRAIL BROKEN: ${result.auditProblem} (the copy was kept as it is)`,
      `kept       the newest ${keep}${result.pruned.length ? `; deleted ${result.pruned.length} older: ${result.pruned.join(', ')}` : ''}`,
    ].join('\n'),
  )
  if (!result.auditHead) process.exit(1)
}

run().catch((err: unknown) => {
  console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
