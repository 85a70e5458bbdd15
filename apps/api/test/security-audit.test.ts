/**
 * Issue 13: audit trail tampering detected end to end. The chain alone sees edits, gaps and
 * re-links; the head saved outside the database (file, backup .head, export stamp) also sees the
 * newest events deleted and a rewrite that re-hashes everything after it.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { backupDatabase } from '../src/services/backup'
import { closeDatabase, openDatabase, type Db } from '../src/db/client'
import { systemContext } from '../src/services/context'
import { currentAuditHead, eventHash, formatAuditHead, parseAuditHead, verifyAuditChain, type AuditHead } from '../src/services/audit'
import { createProcessor } from '../src/services/processors'
import { createTestContext } from './helpers'

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const tsx = join(apiDir, 'node_modules/.bin/tsx')
const tmp = mkdtempSync(join(tmpdir(), 'seloste-audit-head-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** A database with `n` audit events and the triggers that keep it append-only removed, as an attacker with the file would. */
function trail(n = 10): { db: Db; head: AuditHead } {
  const db = openDatabase(':memory:')
  for (let i = 0; i < n; i++) createProcessor(systemContext(db), { displayName: `Processor ${i}`, role: 'processor' })
  db.$client.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete')
  return { db, head: currentAuditHead(db) }
}

type Row = { seq: number; prev_hash: string; hash: string } & Record<string, unknown>

/** Rewrites the hash chain from `from` on, as a careful attacker would after changing an event. */
function rehashFrom(db: Db, from: number) {
  const rows = db.$client.prepare('SELECT * FROM audit_events WHERE seq >= ? ORDER BY seq').all(from) as Row[]
  let prev =
    (db.$client
      .prepare('SELECT hash FROM audit_events WHERE seq = ?')
      .pluck()
      .get(from - 1) as string | undefined) ?? '0'.repeat(64)
  for (const r of rows) {
    const hash = eventHash({
      seq: r.seq,
      at: r.at as string,
      actorId: r.actor_id as number | null,
      actorEmail: r.actor_email as string | null,
      action: r.action as string,
      entityType: r.entity_type as string,
      entityId: r.entity_id as string | null,
      before: r.before as string | null,
      after: r.after as string | null,
      requestId: r.request_id as string | null,
      clientAddress: r.client_address as string | null,
      prevHash: prev,
    })
    db.$client.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq)
    prev = hash
  }
}

const TAMPERINGS: [string, (db: Db) => void, { seenWithoutHead: boolean }][] = [
  [
    'edit a field',
    (db) => db.$client.exec(`UPDATE audit_events SET actor_email = 'someone.else@example.test' WHERE seq = 4`),
    { seenWithoutHead: true },
  ],
  ['delete a middle event', (db) => db.$client.exec('DELETE FROM audit_events WHERE seq = 5'), { seenWithoutHead: true }],
  ['delete the newest events', (db) => db.$client.exec('DELETE FROM audit_events WHERE seq > 8'), { seenWithoutHead: false }],
  [
    'reorder two events',
    (db) =>
      db.$client.exec(
        'UPDATE audit_events SET seq = -1 WHERE seq = 3; UPDATE audit_events SET seq = 3 WHERE seq = 4; UPDATE audit_events SET seq = 4 WHERE seq = -1',
      ),
    { seenWithoutHead: true },
  ],
  [
    'insert an event',
    (db) => {
      db.$client.exec('UPDATE audit_events SET seq = seq + 1000 WHERE seq >= 6; UPDATE audit_events SET seq = seq - 999 WHERE seq >= 1006')
      db.$client.exec(
        `INSERT INTO audit_events (seq, at, action, entity_type, entity_id, prev_hash, hash) SELECT 6, at, 'delete', 'processor', '1', hash, hash FROM audit_events WHERE seq = 5`,
      )
    },
    { seenWithoutHead: true },
  ],
  [
    'rewrite one event and re-hash the rest',
    (db) => {
      db.$client.exec(`UPDATE audit_events SET after = '{"displayName":"Nothing to see"}' WHERE seq = 4`)
      rehashFrom(db, 4)
    },
    { seenWithoutHead: false },
  ],
  ['drop the whole tail of the table', (db) => db.$client.exec('DELETE FROM audit_events WHERE seq >= 2'), { seenWithoutHead: false }],
  ['drop every event', (db) => db.$client.exec('DELETE FROM audit_events'), { seenWithoutHead: false }],
]

describe('audit chain against a saved head', () => {
  it('holds when nothing was changed, and when events were appended since the head was saved', () => {
    const { db, head } = trail()
    expect(verifyAuditChain(db, head)).toMatchObject({ intact: true, events: 10 })
    createProcessor(systemContext(db), { displayName: 'Later', role: 'processor' })
    expect(verifyAuditChain(db, head)).toMatchObject({ intact: true, events: 11 })
  })

  for (const [name, tamper, { seenWithoutHead }] of TAMPERINGS) {
    it(`detects: ${name}`, () => {
      const { db, head } = trail()
      tamper(db)
      expect(verifyAuditChain(db).intact).toBe(!seenWithoutHead)
      const report = verifyAuditChain(db, head)
      expect(report.intact).toBe(false)
      if (!report.intact) expect(report.reason).toMatch(/\w/)
    })
  }

  it('reads and writes heads as "<count>:<hash>"', () => {
    const head = { events: 12, hash: 'ab'.repeat(32) }
    expect(parseAuditHead(formatAuditHead(head))).toEqual(head)
    expect(parseAuditHead('12:nothex')).toBeNull()
  })
})

/** A database file with a few events, and its head before any tampering. */
function trailFile(name: string): { file: string; head: AuditHead } {
  const file = join(tmp, name)
  const db = openDatabase(file)
  for (let i = 0; i < 6; i++) createProcessor(systemContext(db), { displayName: `Processor ${i}`, role: 'processor' })
  const head = currentAuditHead(db)
  closeDatabase(db)
  return { file, head }
}

function truncate(file: string, keep: number) {
  const db = openDatabase(file)
  db.$client.exec(`DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE seq > ${keep}`)
  closeDatabase(db)
}

describe('pnpm audit:verify', () => {
  it('prints the head and sees truncation against --expect-head and a head file', () => {
    const { file, head } = trailFile('verify.sqlite')
    const out = execFileSync(tsx, ['src/cli/audit-verify.ts'], {
      cwd: apiDir,
      env: { ...process.env, DATABASE_PATH: file },
      encoding: 'utf8',
    })
    expect(out).toContain(`head ${formatAuditHead(head)}`)
    truncate(file, 4)
    // The chain alone still holds after a truncation: only the saved head shows it.
    expect(verifyAuditChain(openDatabase(file)).intact).toBe(true)
    const expected = spawnSync(tsx, ['src/cli/audit-verify.ts', '--expect-head', formatAuditHead(head)], {
      cwd: apiDir,
      env: { ...process.env, DATABASE_PATH: file },
      encoding: 'utf8',
    })
    expect(expected.status).toBe(1)
    expect(expected.stdout).toMatch(/BROKEN.*newest events were deleted/)
    const headFile = join(tmp, 'verify.head')
    writeFileSync(headFile, `${formatAuditHead(head)}\n`)
    const fromFile = spawnSync(tsx, ['src/cli/audit-verify.ts', '--head-file', headFile], {
      cwd: apiDir,
      env: { ...process.env, DATABASE_PATH: file },
      encoding: 'utf8',
    })
    expect(fromFile.status).toBe(1)
  }, 180_000)
})

describe('the server and the head file', () => {
  it('refuses to start on a trail that no longer holds the saved head, and says so', () => {
    const { file, head } = trailFile('start.sqlite')
    const headFile = join(tmp, 'start.head')
    writeFileSync(headFile, `${formatAuditHead(head)}\n`)
    truncate(file, 3)
    const res = spawnSync(tsx, ['src/server.ts'], {
      cwd: apiDir,
      env: {
        ...process.env,
        DATABASE_PATH: file,
        SELOSTE_AUDIT_HEAD_FILE: headFile,
        PORT: '0',
        HOST: '127.0.0.1',
        SELOSTE_DEMO_DATA: 'false',
        SELOSTE_READ_WORKERS: '0',
      },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(res.status).toBe(1)
    expect(res.stderr).toContain('THE AUDIT TRAIL IS BROKEN')
    // Nothing was appended to the broken trail.
    const db = openDatabase(file)
    expect(currentAuditHead(db).events).toBe(3)
    closeDatabase(db)
  }, 180_000)

  it('writes the head after each change, and refuses changes with 503 once the trail loses it', async () => {
    const headFile = join(tmp, 'running.head')
    const ctx = await createTestContext({ config: { auditHeadFile: headFile } })
    const created = await ctx.api.post('/api/processors', { displayName: 'Head file test', role: 'processor' })
    expect(created.status).toBe(201)
    expect(readFileSync(headFile, 'utf8').trim()).toBe(formatAuditHead(currentAuditHead(ctx.db)))
    const saved = readFileSync(headFile, 'utf8')
    ctx.db.$client.exec(`DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)`)
    const seqBefore = currentAuditHead(ctx.db).events
    for (const name of ['After the truncation', 'And after that']) {
      const refused = await ctx.api.post('/api/processors', { displayName: name, role: 'processor' })
      expect(refused.status).toBe(503)
      expect(refused.body.error.code).toBe('audit_trail_broken')
      expect(refused.body.error.message).toMatch(/audit trail is broken/)
    }
    // Nothing was appended, and the file still names the head the database lost: the evidence stays.
    expect(currentAuditHead(ctx.db).events).toBe(seqBefore)
    expect(readFileSync(headFile, 'utf8')).toBe(saved)
    // Reading goes on.
    expect((await ctx.api.get('/api/processors')).status).toBe(200)
  })
})

describe('heads on backups and exports', () => {
  it('writes the head next to every backup', async () => {
    const { file, head } = trailFile('backup.sqlite')
    const result = await backupDatabase({ databasePath: file, backupDir: join(tmp, 'backups'), keep: 3 })
    expect(result.auditHead).toBe(formatAuditHead(head))
    expect(existsSync(`${result.path}.head`)).toBe(true)
    expect(readFileSync(`${result.path}.head`, 'utf8').trim()).toBe(formatAuditHead(head))
  })

  it('stamps every export with the head after its own audit event', async () => {
    const ctx = await createTestContext({ demo: true })
    for (const path of ['/api/exports/ropa.csv', '/api/exports/ropa.json', '/api/exports/processors.csv']) {
      const res = await ctx.api.get(path)
      expect(res.status).toBe(200)
      const stamp = res.headers.get('seloste-audit-head')
      expect(stamp).toBe(formatAuditHead(currentAuditHead(ctx.db)))
      expect(verifyAuditChain(ctx.db, parseAuditHead(stamp!)).intact).toBe(true)
    }
  })
})
