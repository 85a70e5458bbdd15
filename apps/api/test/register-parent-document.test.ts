/**
 * The processor register names each processor's parent company, and the SHA-256 and size of its
 * current DPA's document: read back by Python's csv module and openpyxl.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createTestContext } from './helpers'
import { python, readCsvWithPython } from './fixtures/readers'

describe('processor register: parent company and DPA document hash and size', () => {
  it('writes them in the CSV and the XLSX', async () => {
    const ctx = await createTestContext({ demo: true })
    const parent = await ctx.api.post('/api/processors', { displayName: 'Emo Group Oy', role: 'processor' })
    expect(parent.status, parent.text).toBe(201)
    const child = await ctx.api.post('/api/processors', { displayName: 'Tytär Oy', role: 'processor', parentId: parent.body.id })
    expect(child.status, child.text).toBe(201)
    const dpa = await ctx.api.post(`/api/processors/${child.body.id}/dpas`, { status: 'signed', signedOn: '2025-01-02' })
    expect(dpa.status, dpa.text).toBe(201)
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n')
    const form = new FormData()
    form.set('file', new File([pdf], 'dpa.pdf', { type: 'application/pdf' }))
    const uploaded = await ctx.api.request('POST', `/api/dpas/${dpa.body.id}/document`, undefined, { raw: form })
    expect(uploaded.status, uploaded.text).toBeLessThan(300)
    const sha = createHash('sha256').update(pdf).digest('hex')

    const csv = readCsvWithPython((await ctx.api.get('/api/exports/processors.csv?lang=en')).bytes)
    const [header, ...rows] = csv.rows
    const col = (name: string) => header!.indexOf(name)
    expect(col('Parent company')).toBeGreaterThan(-1)
    const row = rows.find((r) => r[col('Name')] === 'Tytär Oy')!
    expect(row[col('Parent company')]).toBe('Emo Group Oy')
    expect(row[col('DPA document SHA-256')]).toBe(sha)
    expect(row[col('DPA document size (bytes)')]).toBe(String(pdf.length))
    const parentRow = rows.find((r) => r[col('Name')] === 'Emo Group Oy')!
    expect(parentRow[col('Parent company')]).toBe('')
    expect(parentRow[col('DPA document SHA-256')]).toBe('')

    const xlsx = python<{ header: string[]; rows: unknown[][] }>(
      `
import json, sys, io, openpyxl
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
ws = wb.worksheets[0]
print(json.dumps({'header': [c.value for c in ws[1]], 'rows': [[c.value for c in r] for r in ws.iter_rows(min_row=2)]}, default=str))
`,
      (await ctx.api.get('/api/exports/processors.xlsx?lang=fi')).bytes,
    )
    const h = (name: string) => xlsx.header.indexOf(name)
    const xrow = xlsx.rows.find((r) => r[h('Nimi')] === 'Tytär Oy')!
    expect(xrow[h('Emoyhtiö')]).toBe('Emo Group Oy')
    expect(xrow[h('Sopimusasiakirjan SHA-256')]).toBe(sha)
    expect(xrow[h('Sopimusasiakirjan koko (tavua)')]).toBe(pdf.length)
  })
})

describe('processor list: parent company', () => {
  it('names the parent of each listed processor, and null where none is recorded', async () => {
    const ctx = await createTestContext({ demo: true })
    const parent = await ctx.api.post('/api/processors', { displayName: 'Konserni Oy', role: 'processor' })
    const child = await ctx.api.post('/api/processors', { displayName: 'Konsernin Tytär Oy', role: 'processor', parentId: parent.body.id })
    expect(child.status, child.text).toBe(201)
    const list = await ctx.api.get('/api/processors?q=Konser&pageSize=50')
    expect(list.status).toBe(200)
    const byName = Object.fromEntries(list.body.items.map((i: { displayName: string; parent: unknown }) => [i.displayName, i.parent]))
    expect(byName['Konsernin Tytär Oy']).toEqual({ id: parent.body.id, displayName: 'Konserni Oy', displayNameEn: null })
    expect(byName['Konserni Oy']).toBeNull()
  })
})
