/**
 * The audit chain's head kept outside the database (SELOSTE_AUDIT_HEAD_FILE): the server checks the
 * chain against it at start and rewrites it after every change, so that deleting the newest events
 * or rewriting and re-hashing the chain is seen at the next start (see docs/decisions/007).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { eq } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { auditEvents } from '../db/schema'
import { currentAuditHead, formatAuditHead, parseAuditHead, verifyAuditChain, type AuditHead, type ChainReport } from '../services/audit'

export class AuditHeadFileError extends Error {}

/** The head saved in `path`, or null when there is no file yet (a first start). */
export function readAuditHeadFile(path: string): AuditHead | null {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new AuditHeadFileError(`cannot read the audit head file ${path}: ${(err as Error).message}`)
  }
  const head = parseAuditHead(text.split('\n')[0] ?? '')
  if (!head) throw new AuditHeadFileError(`the audit head file ${path} does not hold a head ("<count>:<hash>")`)
  return head
}

/** Replaces the file in one step (write then rename), so a crash never leaves half a head. */
export function writeAuditHeadFile(path: string, head: AuditHead): void {
  mkdirSync(dirname(path), { recursive: true })
  const partial = `${path}.partial`
  writeFileSync(partial, `${formatAuditHead(head)}\n`, { mode: 0o600 })
  renameSync(partial, path)
}

/** Checks the chain (against the saved head when there is one). */
export function checkAuditTrailAtStart(db: DbOrTx, headFile: string | null): { report: ChainReport; anchor: AuditHead | null } {
  const anchor = headFile ? readAuditHeadFile(headFile) : null
  return { report: verifyAuditChain(db, anchor), anchor }
}

/**
 * Keeps the head file in step with the database. `check` runs before each request that may append
 * an event: the chain must still hold the head written last (one indexed read), else it returns
 * what is wrong and the file is left as evidence. `write` runs after it and writes only when the
 * head moved.
 */
export function auditHeadKeeper(db: DbOrTx, path: string) {
  let written: AuditHead | null | undefined
  const check = (): string | null => {
    if (written === undefined) written = readAuditHeadFile(path)
    if (!written || written.events === 0) return null
    const still = db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.seq, written.events)).get()
    if (!still) return `event ${written.events} of the saved head is gone: the newest events were deleted`
    if (still.hash !== written.hash) return `event ${written.events} is not the one the saved head names: the trail was rewritten`
    return null
  }
  const write = (): void => {
    const head = currentAuditHead(db)
    if (written && written.events === head.events && written.hash === head.hash) return
    writeAuditHeadFile(path, head)
    written = head
  }
  return { check, write }
}
