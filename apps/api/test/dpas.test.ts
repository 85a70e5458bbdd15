import { createHash } from 'node:crypto'
import { beforeEach, describe, expect, it } from 'vitest'
import { auditEventsAfter, count, createTestContext, expectValidationError, lastAuditSeq, type TestContext } from './helpers'

// ---------------------------------------------------------------------------
// Local helpers
// ---------------------------------------------------------------------------

const MiB = 1024 * 1024

/** A small but real PDF, with bytes that are not valid UTF-8, so that any text decoding would show. */
function pdfBytes(marker = 'one'): Uint8Array {
  const head = Buffer.from(`%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Title (${marker}) >> endobj\n`, 'latin1')
  return new Uint8Array(Buffer.concat([head, Buffer.from([0x00, 0xff, 0x80, 0xfe, 0x0d, 0x0a]), Buffer.from('%%EOF\n')]))
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function fullChecklist() {
  return {
    a: { status: 'covered', clause: '4.1' },
    b: { status: 'covered', clause: '  7.2  ' },
    c: { status: 'not_covered', clause: null },
    d: { status: 'covered', clause: '9' },
    e: { status: 'unknown', clause: '' },
    f: { status: 'covered', clause: '11.3' },
    g: { status: 'covered', clause: '12' },
    h: { status: 'not_covered', clause: 'Audits only by report' },
  }
}

let ctx: TestContext
let processorId: number

beforeEach(async () => {
  ctx = await createTestContext()
  processorId = (await ctx.api.post('/api/processors', { displayName: 'Fennoa Oy', role: 'processor' })).body.id
})

async function createDpa(input: Record<string, unknown> = { status: 'signed', signedOn: '2025-01-01' }) {
  const res = await ctx.api.post(`/api/processors/${processorId}/dpas`, input)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

function upload(dpaId: number | string, bytes: Uint8Array, fileName = 'dpa.pdf', field = 'file') {
  const form = new FormData()
  form.set(field, new File([bytes], fileName, { type: 'application/pdf' }))
  return ctx.api.request('POST', `/api/dpas/${dpaId}/document`, undefined, { raw: form })
}

// ---------------------------------------------------------------------------
// Create, read
// ---------------------------------------------------------------------------

describe('POST /api/processors/:id/dpas', () => {
  it('creates a DPA with an empty checklist and no document', async () => {
    const res = await ctx.api.post(`/api/processors/${processorId}/dpas`, {
      status: 'signed',
      signedOn: '2025-06-27',
      validUntil: '2027-06-27',
      reference: 'DPA v3',
      documentUrl: 'https://fennoa.example/dpa',
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      processorId,
      status: 'signed',
      notRequiredReason: null,
      signedOn: '2025-06-27',
      validUntil: '2027-06-27',
      nextReviewOn: null,
      reference: 'DPA v3',
      documentUrl: 'https://fennoa.example/dpa',
      document: null,
      version: 1,
    })
    expect(Object.keys(res.body.checklist)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])
    expect(
      Object.values<{ status: string; clause: string | null }>(res.body.checklist).every(
        (p) => p.status === 'unknown' && p.clause === null,
      ),
    ).toBe(true)
    expect((await ctx.api.get(`/api/dpas/${res.body.id}`)).body).toEqual(res.body)
  })

  it('keeps the Art. 28(3) checklist as sent, with clauses trimmed and blanks as null', async () => {
    const dpa = await createDpa({ status: 'signed', signedOn: '2025-01-01', checklist: fullChecklist() })
    const read = (await ctx.api.get(`/api/dpas/${dpa.id}`)).body
    expect(read.checklist).toEqual({ ...fullChecklist(), b: { status: 'covered', clause: '7.2' }, e: { status: 'unknown', clause: null } })
  })

  it('shows the newest DPA first on the processor', async () => {
    const older = await createDpa({ status: 'signed', signedOn: '2025-01-01' })
    const newer = await createDpa({ status: 'in_negotiation' })
    const dpas = (await ctx.api.get(`/api/processors/${processorId}`)).body.dpas
    expect(dpas.map((d: { id: number }) => d.id)).toEqual([newer.id, older.id])
  })

  it('keeps the reason only when no agreement is required', async () => {
    const notRequired = await createDpa({ status: 'not_required', notRequiredReason: 'Independent controller' })
    expect(notRequired.notRequiredReason).toBe('Independent controller')
    const signed = await createDpa({ status: 'signed', signedOn: '2025-01-01', notRequiredReason: 'left over from a form' })
    expect(signed.notRequiredReason).toBeNull()
  })

  it('appends exactly one audit event with the created DPA', async () => {
    const mark = lastAuditSeq(ctx.db)
    const dpa = await createDpa()
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'create', entityType: 'dpa', entityId: String(dpa.id), before: null })
    expect(events[0]!.after).toEqual(dpa)
  })

  it.each([
    ['"not required" without a reason', { status: 'not_required' }, ['notRequiredReason']],
    ['an end before the signing date', { status: 'signed', signedOn: '2025-06-27', validUntil: '2025-01-01' }, ['validUntil']],
    ['an unknown status', { status: 'lost' }, ['status']],
    ['no status', {}, ['status']],
    [
      'a checklist without point (h)',
      { status: 'signed', signedOn: '2025-01-01', checklist: { ...fullChecklist(), h: undefined } },
      ['checklist.h'],
    ],
    [
      'a checklist point with an unknown status',
      { status: 'signed', signedOn: '2025-01-01', checklist: { ...fullChecklist(), c: { status: 'partly', clause: null } } },
      ['checklist.c.status'],
    ],
    ['a date that is not YYYY-MM-DD', { status: 'signed', signedOn: '2025-01-01', nextReviewOn: '2026/01/01' }, ['nextReviewOn']],
    [
      'a document link that is not http(s)',
      { status: 'signed', signedOn: '2025-01-01', documentUrl: 'file:///c:/dpa.pdf' },
      ['documentUrl'],
    ],
  ])('refuses %s, naming the field, and stores nothing', async (_why, input, paths) => {
    const mark = lastAuditSeq(ctx.db)
    expectValidationError(await ctx.api.post(`/api/processors/${processorId}/dpas`, input), paths)
    expect(count(ctx.db, 'SELECT count(*) FROM dpas')).toBe(0)
    expect(auditEventsAfter(ctx.db, mark)).toEqual([])
  })

  it('answers 404 for an unknown processor and stores nothing', async () => {
    const res = await ctx.api.post('/api/processors/999/dpas', { status: 'signed', signedOn: '2025-01-01' })
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
    expect(count(ctx.db, 'SELECT count(*) FROM dpas')).toBe(0)
  })

  it.each(['abc', '0'])('refuses the processor id %j on the id field', async (id) => {
    expectValidationError(await ctx.api.post(`/api/processors/${id}/dpas`, { status: 'signed', signedOn: '2025-01-01' }), ['id'])
  })
})

describe('GET /api/dpas/:id', () => {
  it('answers 404 for an unknown DPA', async () => {
    const res = await ctx.api.get('/api/dpas/999')
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
  })

  it.each(['abc', '0'])('refuses the id %j on the id field', async (id) => {
    expectValidationError(await ctx.api.get(`/api/dpas/${id}`), ['id'])
  })
})

// ---------------------------------------------------------------------------
// Update
// ---------------------------------------------------------------------------

describe('PATCH /api/dpas/:id', () => {
  it('changes the given fields and increments the version', async () => {
    const dpa = await createDpa({ status: 'in_negotiation', reference: 'draft' })
    const res = await ctx.api.patch(`/api/dpas/${dpa.id}`, { status: 'signed', signedOn: '2025-06-27', version: 1 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'signed', signedOn: '2025-06-27', reference: 'draft', version: 2 })
    expect((await ctx.api.get(`/api/dpas/${dpa.id}`)).body).toEqual(res.body)
  })

  it('replaces the checklist, which reads back as sent', async () => {
    const dpa = await createDpa()
    const checklist = { ...fullChecklist(), b: { status: 'covered', clause: '7.2' }, e: { status: 'covered', clause: '10' } }
    const res = await ctx.api.patch(`/api/dpas/${dpa.id}`, { checklist, version: 1 })
    expect(res.status).toBe(200)
    expect((await ctx.api.get(`/api/dpas/${dpa.id}`)).body.checklist).toEqual(checklist)
  })

  it('appends exactly one audit event with the DPA before and after', async () => {
    const dpa = await createDpa({ status: 'in_negotiation' })
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.patch(`/api/dpas/${dpa.id}`, { status: 'signed', signedOn: '2025-01-01', version: 1 })
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'update', entityType: 'dpa', entityId: String(dpa.id) })
    expect(events[0]!.before).toEqual(dpa)
    expect(events[0]!.after).toEqual(res.body)
  })

  it('checks the merged record: an end before the stored signing date is refused', async () => {
    const dpa = await createDpa({ status: 'signed', signedOn: '2025-06-01' })
    expectValidationError(await ctx.api.patch(`/api/dpas/${dpa.id}`, { validUntil: '2025-01-01', version: 1 }), ['validUntil'])
    expect((await ctx.api.get(`/api/dpas/${dpa.id}`)).body).toEqual(dpa)
  })

  it('refuses "not required" without a reason, against the merged record', async () => {
    const dpa = await createDpa()
    expectValidationError(await ctx.api.patch(`/api/dpas/${dpa.id}`, { status: 'not_required', version: 1 }), ['notRequiredReason'])
    expect((await ctx.api.get(`/api/dpas/${dpa.id}`)).body.status).toBe('signed')
  })

  it('clears the reason when the status leaves "not required"', async () => {
    const dpa = await createDpa({ status: 'not_required', notRequiredReason: 'Independent controller' })
    const res = await ctx.api.patch(`/api/dpas/${dpa.id}`, { status: 'signed', signedOn: '2025-01-01', version: 1 })
    expect(res.body.notRequiredReason).toBeNull()
    expect(count(ctx.db, 'SELECT count(*) FROM dpas WHERE id = ? AND not_required_reason IS NULL', dpa.id)).toBe(1)
  })

  it('refuses a stale version with 409 and the current DPA, changing nothing', async () => {
    const dpa = await createDpa()
    await ctx.api.patch(`/api/dpas/${dpa.id}`, { reference: 'v2', version: 1 })
    const current = (await ctx.api.get(`/api/dpas/${dpa.id}`)).body
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.patch(`/api/dpas/${dpa.id}`, { reference: 'v3', version: 1 })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('version_conflict')
    expect(res.body.error.current).toEqual(current)
    expect((await ctx.api.get(`/api/dpas/${dpa.id}`)).body).toEqual(current)
    expect(auditEventsAfter(ctx.db, mark)).toEqual([])
  })

  it('requires the version', async () => {
    const dpa = await createDpa()
    expectValidationError(await ctx.api.patch(`/api/dpas/${dpa.id}`, { reference: 'x' }), ['version'])
  })

  it('answers 404 for an unknown DPA', async () => {
    expect((await ctx.api.patch('/api/dpas/999', { reference: 'x', version: 1 })).status).toBe(404)
  })
})

// ---------------------------------------------------------------------------
// Delete
// ---------------------------------------------------------------------------

describe('DELETE /api/dpas/:id', () => {
  it('deletes the DPA with one audit event holding it', async () => {
    const dpa = await createDpa()
    const mark = lastAuditSeq(ctx.db)
    expect((await ctx.api.delete(`/api/dpas/${dpa.id}?version=1`)).status).toBe(204)
    expect((await ctx.api.get(`/api/dpas/${dpa.id}`)).status).toBe(404)
    expect((await ctx.api.get(`/api/processors/${processorId}`)).body.dpas).toEqual([])
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'delete', entityType: 'dpa', entityId: String(dpa.id), after: null })
    expect(events[0]!.before).toEqual(dpa)
  })

  it('deletes its document with it', async () => {
    const dpa = await createDpa()
    const uploaded = await upload(dpa.id, pdfBytes())
    expect(uploaded.status).toBe(200)
    // The upload is a change of the agreement: it moves the version on, so a form opened before it is stale.
    expect(uploaded.body.version).toBe(dpa.version + 1)
    expect((await ctx.api.patch(`/api/dpas/${dpa.id}`, { reference: 'stale', version: dpa.version })).status).toBe(409)
    expect((await ctx.api.delete(`/api/dpas/${dpa.id}?version=${uploaded.body.version}`)).status).toBe(204)
    expect(count(ctx.db, 'SELECT count(*) FROM dpa_documents')).toBe(0)
  })

  it('refuses a stale version with the current DPA and deletes nothing', async () => {
    const dpa = await createDpa()
    await ctx.api.patch(`/api/dpas/${dpa.id}`, { reference: 'v2', version: 1 })
    const current = (await ctx.api.get(`/api/dpas/${dpa.id}`)).body
    const res = await ctx.api.delete(`/api/dpas/${dpa.id}?version=1`)
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'version_conflict', current })
    expect((await ctx.api.get(`/api/dpas/${dpa.id}`)).body).toEqual(current)
  })

  it('requires the version, and answers 404 for an unknown DPA', async () => {
    const dpa = await createDpa()
    expectValidationError(await ctx.api.delete(`/api/dpas/${dpa.id}`), ['version'])
    expect((await ctx.api.delete('/api/dpas/999?version=1')).status).toBe(404)
  })
})

// ---------------------------------------------------------------------------
// The signed document
// ---------------------------------------------------------------------------

describe('DPA document', () => {
  it('accepts a PDF as a multipart upload and describes it with its size and SHA-256', async () => {
    const dpa = await createDpa()
    const bytes = pdfBytes()
    const res = await upload(dpa.id, bytes, 'Fennoa DPA 2025.pdf')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.document).toEqual({
      fileName: 'Fennoa DPA 2025.pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      uploadedAt: expect.any(String),
    })
    expect((await ctx.api.get(`/api/dpas/${dpa.id}`)).body.document).toEqual(res.body.document)
    expect((await ctx.api.get(`/api/processors/${processorId}`)).body.dpas[0].document).toEqual(res.body.document)
  })

  it('gives back the identical bytes as an attachment of type application/pdf', async () => {
    const dpa = await createDpa()
    const bytes = pdfBytes()
    await upload(dpa.id, bytes, 'Fennoa DPA 2025.pdf')
    const res = await ctx.api.get(`/api/dpas/${dpa.id}/document`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Fennoa DPA 2025\.pdf"/)
    expect(Buffer.from(res.bytes).equals(Buffer.from(bytes))).toBe(true)
  })

  it('appends exactly one audit event for an upload', async () => {
    const dpa = await createDpa()
    const mark = lastAuditSeq(ctx.db)
    const bytes = pdfBytes()
    await upload(dpa.id, bytes)
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'attach_document', entityType: 'dpa', entityId: String(dpa.id), before: null })
    expect(events[0]!.after).toMatchObject({ fileName: 'dpa.pdf', size: bytes.length, sha256: sha256(bytes) })
  })

  it('replaces an earlier document', async () => {
    const dpa = await createDpa()
    await upload(dpa.id, pdfBytes('first'), 'first.pdf')
    const second = pdfBytes('second')
    const res = await upload(dpa.id, second, 'second.pdf')
    expect(res.body.document).toMatchObject({ fileName: 'second.pdf', sha256: sha256(second) })
    expect(Buffer.from((await ctx.api.get(`/api/dpas/${dpa.id}/document`)).bytes).equals(Buffer.from(second))).toBe(true)
    expect(count(ctx.db, 'SELECT count(*) FROM dpa_documents')).toBe(1)
  })

  it('refuses a file that is not a PDF on the file field and stores nothing', async () => {
    const dpa = await createDpa()
    const mark = lastAuditSeq(ctx.db)
    const res = await upload(dpa.id, new Uint8Array(Buffer.from('PK\x03\x04 a zip, not a PDF')), 'dpa.pdf')
    expectValidationError(res, ['file'])
    expect(count(ctx.db, 'SELECT count(*) FROM dpa_documents')).toBe(0)
    expect(auditEventsAfter(ctx.db, mark)).toEqual([])
    expect((await ctx.api.get(`/api/dpas/${dpa.id}/document`)).status).toBe(404)
  })

  it('refuses an empty file', async () => {
    const dpa = await createDpa()
    expectValidationError(await upload(dpa.id, new Uint8Array(0)), ['file'])
  })

  it('refuses a form without the file field, naming the field it has instead as unknown', async () => {
    const dpa = await createDpa()
    expectValidationError(await upload(dpa.id, pdfBytes(), 'dpa.pdf', 'attachment'), ['file', 'attachment'])
  })

  it('refuses a file field that is text, not a file', async () => {
    const dpa = await createDpa()
    const form = new FormData()
    form.set('file', '%PDF-1.7 pasted as text')
    expectValidationError(await ctx.api.request('POST', `/api/dpas/${dpa.id}/document`, undefined, { raw: form }), ['file'])
  })

  it('refuses a JSON body with 415', async () => {
    const dpa = await createDpa()
    const res = await ctx.api.post(`/api/dpas/${dpa.id}/document`, { file: 'JVBERi0xLjcK' })
    expect(res.status).toBe(415)
    expect(res.body.error.code).toBe('unsupported_media_type')
    expect(count(ctx.db, 'SELECT count(*) FROM dpa_documents')).toBe(0)
  })

  it('refuses a document over 10 MiB with 413 and stores nothing', async () => {
    const dpa = await createDpa()
    const big = new Uint8Array(10 * MiB + 1)
    big.set(pdfBytes())
    const res = await upload(dpa.id, big)
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('payload_too_large')
    expect(count(ctx.db, 'SELECT count(*) FROM dpa_documents')).toBe(0)
  })

  it('accepts a document of exactly 10 MiB', async () => {
    const dpa = await createDpa()
    const exact = new Uint8Array(10 * MiB)
    exact.set(pdfBytes())
    const res = await upload(dpa.id, exact)
    expect(res.status).toBe(200)
    expect(res.body.document.size).toBe(10 * MiB)
  })

  it('refuses an upload body over the request limit (12 MiB) with 413', async () => {
    const dpa = await createDpa()
    const huge = new Uint8Array(13 * MiB)
    huge.set(pdfBytes())
    const res = await upload(dpa.id, huge)
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('payload_too_large')
  })

  it('answers 404 for an upload to an unknown DPA', async () => {
    const res = await upload(999, pdfBytes())
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
    expect(count(ctx.db, 'SELECT count(*) FROM dpa_documents')).toBe(0)
  })

  it('keeps only the base name of an uploaded path and replaces unsafe characters', async () => {
    const dpa = await createDpa()
    const res = await upload(dpa.id, pdfBytes(), '../../etc/"evil";\r\nX-Injected: yes<>.pdf')
    expect(res.status).toBe(200)
    const name: string = res.body.document.fileName
    expect(name).not.toMatch(/[\\/"\r\n;<>:]/)
    expect(name.endsWith('.pdf')).toBe(true)
    expect(name).toContain('evil')
    const download = await ctx.api.get(`/api/dpas/${dpa.id}/document`)
    expect(download.headers.get('x-injected')).toBeNull()
    expect(download.headers.get('content-disposition')).toContain(`filename="${name}"`)
  })

  it('keeps a Windows path to its base name', async () => {
    const dpa = await createDpa()
    const res = await upload(dpa.id, pdfBytes(), 'C:\\Users\\roni\\Sopimus.pdf')
    expect(res.body.document.fileName).toBe('Sopimus.pdf')
  })

  it('keeps Finnish and other letters in the name and downloads it (ASCII fallback in filename, UTF-8 in filename*)', async () => {
    const dpa = await createDpa()
    const res = await upload(dpa.id, pdfBytes(), 'Käsittelysopimus Šarūnas 合同.pdf')
    expect(res.body.document.fileName).toBe('Käsittelysopimus Šarūnas 合同.pdf')
    const download = await ctx.api.get(`/api/dpas/${dpa.id}/document`)
    expect(download.status).toBe(200)
    const disposition = download.headers.get('content-disposition')!
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; /)
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('Käsittelysopimus Šarūnas 合同.pdf')}`)
  })

  it('answers 404 for the download when no document is attached', async () => {
    const dpa = await createDpa()
    const res = await ctx.api.get(`/api/dpas/${dpa.id}/document`)
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
  })

  it('removes the document with one audit event, after which the download is 404', async () => {
    const dpa = await createDpa()
    const uploaded = (await upload(dpa.id, pdfBytes())).body.document
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.delete(`/api/dpas/${dpa.id}/document`)
    expect(res.status).toBe(204)
    expect((await ctx.api.get(`/api/dpas/${dpa.id}/document`)).status).toBe(404)
    expect((await ctx.api.get(`/api/dpas/${dpa.id}`)).body.document).toBeNull()
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'remove_document', entityType: 'dpa', entityId: String(dpa.id), after: null })
    expect(events[0]!.before).toEqual(uploaded)
  })

  it('answers 404 for removing a document that is not there', async () => {
    const dpa = await createDpa()
    expect((await ctx.api.delete(`/api/dpas/${dpa.id}/document`)).status).toBe(404)
    expect((await ctx.api.delete('/api/dpas/999/document')).status).toBe(404)
  })

  it.each([
    ['GET', 'abc'],
    ['GET', '0'],
    ['DELETE', 'abc'],
    ['POST', '0'],
  ])('%s refuses the DPA id %j on the id field', async (method, id) => {
    const form = new FormData()
    form.set('file', new File([pdfBytes()], 'dpa.pdf'))
    const res = await ctx.api.request(method, `/api/dpas/${id}/document`, undefined, method === 'POST' ? { raw: form } : {})
    expectValidationError(res, ['id'])
  })
})
