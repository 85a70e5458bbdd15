/**
 * The audit trail export (CSV and XLSX): read back by Python's csv module and openpyxl, the head and
 * the export time written on the file, the export itself audited, filters applied, bad input refused.
 */
import { describe, expect, it } from 'vitest'
import { auditEvents } from '../src/db/schema'
import { verifyAuditChain } from '../src/services/audit'
import { createTestContext } from './helpers'
import { python, readCsvWithPython, recordDelimitersAreCrlf } from './fixtures/readers'

const HOSTILE = 'Quote "Oy", comma, line\nbreak =1+2'

describe('GET /api/audit/export.csv', () => {
  it('reads back in Python with the head, the export time, a verified chain and every event, its own export last', async () => {
    const ctx = await createTestContext({ demo: true })
    await ctx.api.post('/api/processors', { displayName: HOSTILE, role: 'processor' })
    const auditor = await ctx.as('auditor')
    const before = new Date().toISOString()
    const res = await auditor.get('/api/audit/export.csv?lang=en')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-trail-\d{4}-\d{2}-\d{2}T\d{6}Z\.csv"$/)
    expect(recordDelimitersAreCrlf(new TextDecoder().decode(res.bytes).replace(/^\uFEFF/, ''))).toBe(true)

    const { bom, rows } = readCsvWithPython(res.bytes)
    expect(bom).toBe(true)
    expect(rows[0]).toEqual(['Audit trail'])
    const stamp = Object.fromEntries(rows.slice(1, 7).map((r) => [r[0], r[1]]))
    const exportedAt = stamp['Exported at (UTC)']!
    expect(exportedAt >= before).toBe(true)
    expect(stamp['Exported by']).toBe(auditor.email)
    const all = ctx.db.select().from(auditEvents).all()
    const last = all[all.length - 1]!
    // The head names the export's own event, which is the last row of the file.
    expect(stamp['Chain head (events:SHA-256 of the newest event)']).toBe(`${last.seq}:${last.hash}`)
    expect(res.headers.get('seloste-audit-head')).toBe(`${last.seq}:${last.hash}`)
    expect(stamp['Chain check at export']).toBe(`intact: ${all.length} events verified`)
    expect(stamp['Filters']).toBe('none (the whole trail)')
    expect(rows[7]).toEqual([])
    expect(rows[8]![0]).toBe('Sequence')
    const events = rows.slice(9)
    expect(stamp['Events in this file']).toBe(String(events.length))
    expect(events.map((r) => Number(r[0]))).toEqual(all.map((e) => e.seq))
    const own = events[events.length - 1]!
    expect(own.slice(4, 7)).toEqual(['export', 'export', 'audit_trail'])
    expect(own[3]).toBe(auditor.email)
    expect(JSON.parse(own[8]!)).toEqual({ format: 'csv', lang: 'en', filters: null })
    expect(own[12]).toBe(last.hash)
    // The hostile name survives the round trip inside the JSON cell, quotes, comma and line break intact.
    const created = events.find((r) => r[4] === 'create' && r[5] === 'processor' && r[8]!.includes('Quote'))!
    expect(JSON.parse(created[8]!).displayName).toBe(HOSTILE)
    expect(verifyAuditChain(ctx.db).intact).toBe(true)
  })

  it('applies the filters and names them on the file, in Finnish', async () => {
    const ctx = await createTestContext({ demo: true })
    const res = await ctx.api.get('/api/audit/export.csv?lang=fi&entityType=processor&action=create')
    expect(res.status).toBe(200)
    const { rows } = readCsvWithPython(res.bytes)
    expect(rows[0]).toEqual(['Muutosloki'])
    const stamp = Object.fromEntries(rows.slice(1, 7).map((r) => [r[0], r[1]]))
    expect(stamp['Rajaukset']).toBe('entityType=processor; action=create')
    const events = rows.slice(9)
    const expected = ctx.db
      .select()
      .from(auditEvents)
      .all()
      .filter((e) => e.entityType === 'processor' && e.action === 'create')
    expect(expected.length).toBeGreaterThan(0)
    expect(events.map((r) => Number(r[0]))).toEqual(expected.map((e) => e.seq))
    expect(stamp['Tapahtumia tiedostossa']).toBe(String(expected.length))
  })

  it('refuses a malformed filter with a 400 naming it, and writes no event', async () => {
    const ctx = await createTestContext({ demo: true })
    const count = ctx.db.select().from(auditEvents).all().length
    const res = await ctx.api.get('/api/audit/export.csv?from=yesterday')
    expect(res.status).toBe(400)
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain('from')
    const bad = await ctx.api.get('/api/audit/export.xlsx?lang=sv')
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toContain('lang')
    expect(ctx.db.select().from(auditEvents).all().length).toBe(count)
  })

  it('says a broken chain on the file instead of only giving a head', async () => {
    const ctx = await createTestContext({ demo: true })
    // Alter an old event under the append-only trigger's nose: drop the trigger in this test database only.
    const triggers = ctx.db.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'")
      .all() as { name: string }[]
    for (const t of triggers) ctx.db.$client.exec(`DROP TRIGGER "${t.name}"`)
    ctx.db.$client.prepare("UPDATE audit_events SET actor_email = 'someone@else.example' WHERE seq = 2").run()
    const res = await ctx.api.get('/api/audit/export.csv?lang=en')
    // Without a head file (as here) the export is served, and must say what verification found.
    expect(res.status).toBe(200)
    const { rows } = readCsvWithPython(res.bytes)
    const stamp = Object.fromEntries(rows.slice(1, 7).map((r) => [r[0], r[1]]))
    expect(stamp['Chain check at export']).toMatch(/^BROKEN at event 2: the event was altered/)
  })
})

describe('GET /api/audit/export.xlsx', () => {
  it('reads back in openpyxl: a stamp sheet with the head and time, events with numbers and dates', async () => {
    const ctx = await createTestContext({ demo: true })
    const auditor = await ctx.as('auditor')
    const res = await auditor.get('/api/audit/export.xlsx?lang=en')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const book = python<{
      sheets: string[]
      stamp: [string, string][]
      header: string[]
      rows: { seq: number; seqType: string; at: string; isDate: boolean; action: string; hash: string }[]
    }>(
      `
import json, sys, io, openpyxl
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
stamp = [[c.value for c in r] for r in wb['Export'].iter_rows()]
ws = wb['Audit trail']
rows = [{'seq': r[0].value, 'seqType': r[0].data_type, 'at': r[1].value.isoformat(), 'isDate': r[1].is_date, 'action': r[4].value, 'hash': r[12].value} for r in ws.iter_rows(min_row=2)]
print(json.dumps({'sheets': wb.sheetnames, 'stamp': stamp, 'header': [c.value for c in ws[1]], 'rows': rows}))
`,
      res.bytes,
    )
    expect(book.sheets).toEqual(['Export', 'Audit trail'])
    const stamp = Object.fromEntries(book.stamp)
    const all = ctx.db.select().from(auditEvents).all()
    const last = all[all.length - 1]!
    expect(stamp['Chain head (events:SHA-256 of the newest event)']).toBe(`${last.seq}:${last.hash}`)
    expect(stamp['Exported at (UTC)']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    expect(stamp['Chain check at export']).toBe(`intact: ${all.length} events verified`)
    expect(book.header[0]).toBe('Sequence')
    expect(book.rows.map((r) => r.seq)).toEqual(all.map((e) => e.seq))
    expect(book.rows[0]!.seqType).toBe('n')
    expect(book.rows[0]!.isDate).toBe(true)
    expect(book.rows[0]!.at.slice(0, 19)).toBe(all[0]!.at.slice(0, 19))
    expect(book.rows.at(-1)!.action).toBe('export')
    expect(book.rows.at(-1)!.hash).toBe(last.hash)
  })
})
