/**
 * The checks' result is kept per connection (services/findings.ts, `checkRegistry`): these tests
 * prove a kept result is never served once the registry changed, whoever changed it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase, type Db } from '../src/db/client'
import { seedDemoData } from '../src/seed/seed'
import { listFindings } from '../src/services/findings'
import { createTestContext } from './helpers'

const missingDpa = (db: Db): string[] =>
  listFindings(db)
    .open.filter((f) => f.checkId === 'dpa-missing')
    .map((f) => f.entity.name.en)

describe('the kept result of the checks', () => {
  const opened: { dir: string; dbs: Db[] }[] = []
  afterEach(() => {
    for (const { dir, dbs } of opened.splice(0)) {
      for (const db of dbs) closeDatabase(db)
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('follows a change made on the same connection, through the API', async () => {
    const ctx = await createTestContext({ demo: true })
    expect(missingDpa(ctx.db)).toContain('Plausible')
    // The same answer twice: the second read comes from what was kept, and equals the first.
    expect(listFindings(ctx.db)).toEqual(listFindings(ctx.db))
    const plausible = (await ctx.api.get('/api/processors?q=Plausible')).body.items[0]
    const created = await ctx.api.post(`/api/processors/${plausible.id}/dpas`, { status: 'signed', signedOn: '2026-01-15' })
    expect(created.status).toBe(201)
    expect(missingDpa(ctx.db)).not.toContain('Plausible')
  })

  it('follows a change committed by another connection (a read worker sees the writer)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seloste-findings-cache-'))
    const writer = openDatabase(join(dir, 'db.sqlite'))
    const reader = openDatabase(join(dir, 'db.sqlite'))
    opened.push({ dir, dbs: [writer, reader] })
    seedDemoData(writer)
    expect(missingDpa(reader)).toContain('Plausible')
    const id = writer.$client.prepare("SELECT id FROM processors WHERE display_name = 'Plausible'").pluck().get() as number
    writer.$client.prepare('UPDATE processors SET status = ? WHERE id = ?').run('retired', id)
    expect(missingDpa(reader)).not.toContain('Plausible')
  })

  it('is not kept from inside a transaction that rolls back', async () => {
    const ctx = await createTestContext({ demo: true })
    expect(missingDpa(ctx.db)).toContain('Plausible')
    try {
      ctx.db.transaction(() => {
        ctx.db.$client.prepare("UPDATE processors SET status = 'retired' WHERE display_name = 'Plausible'").run()
        expect(missingDpa(ctx.db)).not.toContain('Plausible')
        throw new Error('roll back')
      })
    } catch (err) {
      expect((err as Error).message).toBe('roll back')
    }
    expect(missingDpa(ctx.db)).toContain('Plausible')
  })
})
