/** Verifies the audit trail's hash chain: `pnpm audit:verify`. Exit code 1 when it is broken. */
import { closeDatabase, openDatabase } from '../db/client'
import { readEnv } from '../env'
import { verifyAuditChain } from '../services/audit'

const db = openDatabase(readEnv().DATABASE_PATH)
const report = verifyAuditChain(db)
closeDatabase(db)
if (report.intact) {
  console.log(`intact, ${report.events} events, head hash ${report.headHash}`)
} else {
  console.log(`BROKEN at event ${report.brokenAt}: ${report.reason} (${report.events} events read)`)
  process.exit(1)
}
