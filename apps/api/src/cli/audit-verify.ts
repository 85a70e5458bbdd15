/**
 * Verifies the audit trail's hash chain: `pnpm audit:verify`. Exit code 1 when it is broken.
 *   --expect-head <count>:<hash>   also check against a head saved earlier (from this command, a
 *                                  backup's .head file or an export's stamp)
 *   --head-file <path>             the same, read from a file (default: SELOSTE_AUDIT_HEAD_FILE)
 * Deleting the newest events, or rewriting one and re-hashing the rest, keeps the chain itself
 * consistent: only a head kept outside the database shows it.
 */
import { parseArgs } from 'node:util'
import { closeDatabase, openDatabase } from '../db/client'
import { readEnv } from '../env'
import { readAuditHeadFile } from '../lib/audit-head'
import { formatAuditHead, parseAuditHead, verifyAuditChain, type AuditHead } from '../services/audit'

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

const { values } = parseArgs({ options: { 'expect-head': { type: 'string' }, 'head-file': { type: 'string' } } })
const env = readEnv()
let anchor: AuditHead | null = null
let anchorSource = ''
if (values['expect-head']) {
  anchor = parseAuditHead(values['expect-head'])
  if (!anchor) fail('--expect-head must be <count>:<64 hex digits>, as this command prints it')
  anchorSource = '--expect-head'
} else {
  const file = values['head-file'] ?? env.SELOSTE_AUDIT_HEAD_FILE
  if (file) {
    try {
      anchor = readAuditHeadFile(file)
    } catch (err) {
      fail((err as Error).message)
    }
    if (!anchor) fail(`there is no audit head file at ${file}`)
    anchorSource = file
  }
}

const db = openDatabase(env.DATABASE_PATH)
const report = verifyAuditChain(db, anchor)
closeDatabase(db)
if (report.intact) {
  console.log(`intact, ${report.events} events, head hash ${report.headHash}`)
  console.log(`head ${formatAuditHead({ events: report.events, hash: report.headHash })}`)
  if (anchor) console.log(`contains the saved head ${formatAuditHead(anchor)} (${anchorSource})`)
  else console.log('no saved head given: keep the head line above outside the database; truncation is only seen against it')
} else {
  console.log(`BROKEN at event ${report.brokenAt}: ${report.reason} (${report.events} events read)`)
  process.exit(1)
}
