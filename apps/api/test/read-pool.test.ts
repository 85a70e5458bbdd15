import { ProcessorListQuery } from '@seloste/schema'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app'
import { closeDatabase, openDatabase, type Db } from '../src/db/client'
import { inThreadReads, workerReads, type Reads } from '../src/reads/read-pool'
import { seedDemoData } from '../src/seed/seed'
import { systemContext } from '../src/services/context'
import { createProcessor } from '../src/services/processors'
import { createUser } from '../src/services/users'
import { loginCookie, TEST_PASSWORD } from './helpers'

// The server's read workers, on a real database file: the same answers as on the app's own
// connection, the app's writes seen by the next read, and a failing read failing only itself.
describe('read workers', () => {
  let dir: string
  let db: Db
  let reads: Reads

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'seloste-reads-'))
    db = openDatabase(join(dir, 'seloste.sqlite'))
    seedDemoData(db)
    reads = workerReads(join(dir, 'seloste.sqlite'), 2)
  })
  afterAll(async () => {
    await reads.close()
    closeDatabase(db)
    rmSync(dir, { recursive: true, force: true })
  })

  it('answers as the app itself would', async () => {
    const here = inThreadReads(db)
    for (const query of [
      {},
      { q: 'google' },
      { status: 'active', sort: 'updatedAt', order: 'desc', pageSize: '3', page: '2' },
      { outsideEea: 'true' },
    ]) {
      const parsed = ProcessorListQuery.parse(query)
      expect(JSON.parse(await reads.run('listProcessors', parsed))).toEqual(JSON.parse(await here.run('listProcessors', parsed)))
    }
    const findings = { query: {}, today: '2026-11-26' }
    expect(await reads.run('listFindings', findings)).toEqual(await here.run('listFindings', findings))
    // An export's file: text, and bytes (XLSX) that cross the thread whole.
    const csv = { kind: 'processor_register', format: 'csv', lang: 'fi', cutoff: null, generatedAt: '2026-11-26T12:00:00.000Z' } as const
    expect(await reads.run('renderExport', csv)).toEqual(await here.run('renderExport', csv))
    const xlsx = await reads.run('renderExport', { ...csv, format: 'xlsx' })
    expect(xlsx).toBeInstanceOf(Uint8Array)
    expect(
      Buffer.from(xlsx as Uint8Array)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK')
  })

  it('sees a write as soon as it is committed', async () => {
    const query = ProcessorListQuery.parse({ q: 'Freshly Added' })
    const list = async () => JSON.parse(await reads.run('listProcessors', query)) as { total: number; items: { displayName: string }[] }
    expect((await list()).total).toBe(0)
    createProcessor(systemContext(db), { displayName: 'Freshly Added Oy', role: 'processor' })
    // Both workers (the pool spreads concurrent reads over them).
    const answers = await Promise.all([list(), list()])
    expect(answers.map((a) => a.items.map((i) => i.displayName))).toEqual([['Freshly Added Oy'], ['Freshly Added Oy']])
  })

  it('fails a read that throws, with its message, and goes on serving', async () => {
    await expect(reads.run('listProcessors', undefined as never)).rejects.toThrow(/undefined/)
    expect(JSON.parse(await reads.run('listProcessors', ProcessorListQuery.parse({}))).total).toBeGreaterThan(5)
  })

  it('fails a read, never leaves it hanging, when its worker cannot run', async () => {
    const broken = workerReads(join(dir, 'no-such-file.sqlite'), 1)
    try {
      await expect(broken.run('listProcessors', ProcessorListQuery.parse({}))).rejects.toThrow(/read worker/)
      // The next read fails too, never hangs: refused at once while no worker runs, or failed with the
      // replacement worker (started a second later) when a loaded machine took longer than that.
      await expect(broken.run('listProcessors', ProcessorListQuery.parse({}))).rejects.toThrow(
        /no read worker is running|read worker stopped/,
      )
    } finally {
      await broken.close()
    }
  })

  it('serves the list and findings routes of the app, behind its access policy', async () => {
    const onWorkers = buildApp({ db, reads })
    const inThread = buildApp({ db })
    // Anonymous: refused on the app's thread before any read is made.
    expect((await onWorkers.request('/api/processors')).status).toBe(401)
    await createUser(systemContext(db), { email: 'reader@example.com', name: 'Reader', role: 'auditor', password: TEST_PASSWORD })
    const headers = { cookie: await loginCookie(onWorkers, 'reader@example.com') }
    for (const path of ['/api/processors?q=google', '/api/processors?pageSize=3&sort=role', '/api/findings?severity=high']) {
      const [a, b] = await Promise.all([onWorkers.request(path, { headers }), inThread.request(path, { headers })])
      expect(a.status, path).toBe(200)
      expect(await a.json(), path).toEqual(await b.json())
    }
    // An export is made on a worker and audited on the app's connection.
    const audited = () => db.$client.prepare("SELECT count(*) FROM audit_events WHERE action = 'export'").pluck().get() as number
    const before = audited()
    const [csvOnWorkers, csvInThread] = await Promise.all([
      onWorkers.request('/api/exports/processors.csv', { headers }),
      inThread.request('/api/exports/processors.csv', { headers }),
    ])
    expect(csvOnWorkers.status).toBe(200)
    expect(await csvOnWorkers.text()).toBe(await csvInThread.text())
    expect(audited()).toBe(before + 2)
    // A bad query is still refused with the field named, before it reaches a worker.
    const bad = await onWorkers.request('/api/processors?pageSize=0', { headers })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { fields: { path: string }[] } }).error.fields[0]?.path).toBe('pageSize')
  })
})
