import Database from 'better-sqlite3'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../src/db/client'
import { recordAudit, verifyAuditChain, auditCount } from '../src/services/audit'
import { systemContext } from '../src/services/context'
import { createProcessor, updateProcessor } from '../src/services/processors'
import { createTestContext } from './helpers'

const tmp = mkdtempSync(join(tmpdir(), 'seloste-audit-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('audit events', () => {
  it('records who changed what, with the record before and after', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    const created = (await editor.post('/api/processors', { displayName: 'Audited Oy', role: 'processor' })).body
    await editor.patch(`/api/processors/${created.id}`, { displayName: 'Audited Oyj', version: created.version })

    const history = await ctx.api.get(`/api/audit?entityType=processor&entityId=${created.id}`)
    expect(history.status).toBe(200)
    expect(history.body.total).toBe(2)
    const [update, create] = history.body.items
    expect(create).toMatchObject({ action: 'create', actorEmail: editor.email, entityId: String(created.id), before: null })
    expect(create.after.displayName).toBe('Audited Oy')
    expect(update).toMatchObject({ action: 'update', actorEmail: editor.email })
    expect(update.before.displayName).toBe('Audited Oy')
    expect(update.after.displayName).toBe('Audited Oyj')
    expect(update.seq).toBeGreaterThan(create.seq)
    expect(update.requestId).toMatch(/\S/)
    expect(new Date(update.at).toISOString()).toBe(update.at)
  })

  it('records logins, failed logins and logouts without the typed email of unknown accounts', async () => {
    const ctx = await createTestContext()
    const editor = await ctx.as('editor')
    await ctx.anonymous.post('/api/auth/login', { email: 'typo@example.test', password: 'whatever it was' })
    await ctx.anonymous.post('/api/auth/login', { email: editor.email, password: 'whatever it was' })
    await editor.post('/api/auth/logout')
    const events = (await ctx.api.get('/api/audit?entityType=session&pageSize=200')).body.items
    const actions = events.map((e: { action: string }) => e.action)
    expect(actions).toContain('login')
    expect(actions).toContain('logout')
    const failures = events.filter((e: { action: string }) => e.action === 'login_failed')
    expect(failures).toHaveLength(2)
    expect(JSON.stringify(failures)).not.toContain('typo@example.test')
    expect(failures.find((f: { actorEmail: string | null }) => f.actorEmail === editor.email)).toBeTruthy()
  })

  it('filters by user, action and time range, with pages', async () => {
    const ctx = await createTestContext({ demo: true })
    const all = (await ctx.api.get('/api/audit?pageSize=5')).body
    expect(all.items).toHaveLength(5)
    expect(all.total).toBeGreaterThan(10)
    const page2 = (await ctx.api.get('/api/audit?pageSize=5&page=2')).body
    expect(page2.items[0].seq).toBe(all.items[4].seq - 1)
    const me = (await ctx.api.get('/api/auth/me')).body.user
    const mine = (await ctx.api.get(`/api/audit?actorId=${me.id}`)).body
    expect(mine.items.length).toBeGreaterThan(0)
    expect(mine.items.every((e: { actorId: number }) => e.actorId === me.id)).toBe(true)
    const creates = (await ctx.api.get('/api/audit?action=create&entityType=transfer')).body
    expect(creates.total).toBe(1)
    const future = (await ctx.api.get('/api/audit?from=2999-01-01')).body
    expect(future.total).toBe(0)
    const bad = await ctx.api.get('/api/audit?from=yesterday')
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields[0].path).toBe('from')
  })

  it('writes no event for a change that fails, and none for a transaction that rolls back', async () => {
    const ctx = await createTestContext()
    const before = auditCount(ctx.db)
    const res = await ctx.api.post('/api/processors', { displayName: 'Orphan', role: 'processor', parentId: 999 })
    expect(res.status).toBe(400)
    expect(auditCount(ctx.db)).toBe(before)
    expect(() =>
      ctx.db.transaction((tx) => {
        recordAudit(tx, systemContext(ctx.db), { action: 'update', entityType: 'processor', entityId: 1, after: {} })
        throw new Error('the change failed after its event was written')
      }),
    ).toThrow()
    expect(auditCount(ctx.db)).toBe(before)
    expect(verifyAuditChain(ctx.db).intact).toBe(true)
  })

  it('refuses UPDATE and DELETE on the audit table', async () => {
    const ctx = await createTestContext({ demo: true })
    const raw = ctx.db.$client
    expect(() => raw.prepare("UPDATE audit_events SET action = 'nothing' WHERE seq = 1").run()).toThrow(/append-only/)
    expect(() => raw.prepare('DELETE FROM audit_events WHERE seq = 1').run()).toThrow(/append-only/)
    expect(raw.prepare('SELECT action FROM audit_events WHERE seq = 1').pluck().get()).toBe('create')
  })
})

describe('audit chain verification', () => {
  it('reports intact with the count and head hash', async () => {
    const ctx = await createTestContext({ demo: true })
    const res = await ctx.api.get('/api/audit/verify')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ intact: true, events: auditCount(ctx.db) })
    expect(res.body.headHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('finds a row altered directly in the database file, via the API and the command', () => {
    const file = join(tmp, 'tampered.sqlite')
    const db = openDatabase(file)
    const ctx = systemContext(db)
    const p = createProcessor(ctx, { displayName: 'Honest Oy', role: 'processor' } as never)
    updateProcessor(ctx, p.id, { internalNotes: 'first', version: p.version } as never)
    updateProcessor(ctx, p.id, { internalNotes: 'second', version: p.version + 1 } as never)
    expect(verifyAuditChain(db)).toMatchObject({ intact: true, events: 3 })
    closeDatabase(db)

    // Someone with the file: drops the guard and rewrites history.
    const raw = new Database(file)
    raw.exec('DROP TRIGGER audit_events_no_update')
    raw.prepare("UPDATE audit_events SET after = replace(after, 'first', 'forged') WHERE seq = 2").run()
    raw.close()

    const reopened = openDatabase(file)
    expect(verifyAuditChain(reopened)).toMatchObject({ intact: false, brokenAt: 2 })
    closeDatabase(reopened)

    const apiDir = resolve(import.meta.dirname, '..')
    let output = ''
    let code = 0
    try {
      output = execFileSync(join(apiDir, 'node_modules/.bin/tsx'), ['src/cli/audit-verify.ts'], {
        cwd: apiDir,
        env: { ...process.env, DATABASE_PATH: file },
        encoding: 'utf8',
      })
    } catch (err) {
      const e = err as { status: number; stdout: string }
      code = e.status
      output = e.stdout
    }
    expect(code).toBe(1)
    expect(output).toContain('BROKEN at event 2')
  })

  it('finds a deleted event', () => {
    const file = join(tmp, 'deleted.sqlite')
    const db = openDatabase(file)
    const ctx = systemContext(db)
    const p = createProcessor(ctx, { displayName: 'Honest Ab', role: 'processor' } as never)
    updateProcessor(ctx, p.id, { internalNotes: 'x', version: 1 } as never)
    updateProcessor(ctx, p.id, { internalNotes: 'y', version: 2 } as never)
    closeDatabase(db)
    const raw = new Database(file)
    raw.exec('DROP TRIGGER audit_events_no_delete')
    raw.prepare('DELETE FROM audit_events WHERE seq = 2').run()
    raw.close()
    const reopened = openDatabase(file)
    expect(verifyAuditChain(reopened)).toMatchObject({ intact: false, brokenAt: 2 })
    closeDatabase(reopened)
  })
})
