import { ErrorBody, MESSAGES } from '@seloste/schema'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../src/db/client'
import { count, createTestContext, type TestContext, type TestResponse } from './helpers'

const MiB = 1024 * 1024

/** Row counts of every registry table and the audit trail: "nothing changed" means these are equal. */
function snapshot(db: Db) {
  return {
    processors: count(db, 'SELECT count(*) FROM processors'),
    transfers: count(db, 'SELECT count(*) FROM transfers'),
    dpas: count(db, 'SELECT count(*) FROM dpas'),
    documents: count(db, 'SELECT count(*) FROM dpa_documents'),
    audit: count(db, 'SELECT count(*) FROM audit_events'),
    processorVersions: count(db, 'SELECT coalesce(sum(version), 0) FROM processors'),
    transferVersions: count(db, 'SELECT coalesce(sum(version), 0) FROM transfers'),
    dpaVersions: count(db, 'SELECT coalesce(sum(version), 0) FROM dpas'),
    organisationVersion: count(db, 'SELECT coalesce(sum(version), 0) FROM organisation'),
  }
}

function expectErrorBody(res: TestResponse, status: number, code: string) {
  expect(res.status, res.text).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  expect(ErrorBody.safeParse(res.body).success).toBe(true)
  expect(res.body.error.code).toBe(code)
  expect(res.body.error.message).toMatch(/\S/)
}

describe('the error body', () => {
  let ctx: TestContext
  beforeAll(async () => {
    ctx = await createTestContext()
  })

  it('has exactly code, message, its code and fields for a validation failure', async () => {
    const res = await ctx.api.post('/api/processors', { displayName: 'x', role: 'processor', service: { fi: 1, en: 'x' }, hqCountry: 'ZZ' })
    expectErrorBody(res, 400, 'validation_failed')
    expect(Object.keys(res.body)).toEqual(['error'])
    expect(Object.keys(res.body.error).sort()).toEqual(['code', 'fields', 'message', 'messageCode'])
    expect(res.body.error.messageCode).toBe('invalid_fields')
    expect(res.body.error.fields).toEqual([
      { path: 'service.fi', message: expect.any(String) },
      { path: 'hqCountry', message: MESSAGES.country_code, messageCode: 'country_code' },
    ])
  })

  it('gives a known sentence its stable code, for clients to translate', async () => {
    const res = await ctx.api.post('/api/processors', {
      displayName: 'x',
      role: 'processor',
      startDate: '2025-06-01',
      endDate: '2025-01-01',
    })
    expectErrorBody(res, 400, 'validation_failed')
    expect(res.body.error.fields).toEqual([{ path: 'endDate', message: MESSAGES.end_before_start, messageCode: 'end_before_start' }])
    const parent = await ctx.api.post('/api/processors', { displayName: 'y', role: 'processor', parentId: 999999 })
    expect(parent.body.error.fields).toEqual([
      { path: 'parentId', message: MESSAGES.processor_not_found, messageCode: 'processor_not_found' },
    ])
  })

  it('names query parameters by their name', async () => {
    const res = await ctx.api.get('/api/processors?pageSize=1000&page=0')
    expectErrorBody(res, 400, 'validation_failed')
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['page', 'pageSize'])
  })

  it('has no fields for a not-found error', async () => {
    const res = await ctx.api.get('/api/processors/123')
    expectErrorBody(res, 404, 'not_found')
    expect(res.body.error.fields).toBeUndefined()
  })
})

describe('malformed JSON', () => {
  let ctx: TestContext
  beforeEach(async () => {
    ctx = await createTestContext({ demo: true })
  })

  const routes: [string, string][] = [
    ['POST', '/api/processors'],
    ['PATCH', '/api/processors/1'],
    ['POST', '/api/processors/1/retire'],
    ['POST', '/api/processors/1/transfers'],
    ['PATCH', '/api/transfers/1'],
    ['POST', '/api/processors/1/dpas'],
    ['PATCH', '/api/dpas/1'],
    ['PATCH', '/api/organisation'],
  ]

  it.each(routes)('%s %s answers 400 malformed_json and changes nothing', async (method, path) => {
    const before = snapshot(ctx.db)
    const res = await ctx.api.request(method, path, undefined, {
      headers: { 'content-type': 'application/json' },
      raw: '{"displayName": "Broken", ',
    })
    expectErrorBody(res, 400, 'malformed_json')
    expect(res.body.error.fields).toBeUndefined()
    expect(snapshot(ctx.db)).toEqual(before)
  })

  it('is told apart from a valid JSON body of the wrong shape', async () => {
    const res = await ctx.api.request('POST', '/api/processors', undefined, {
      headers: { 'content-type': 'application/json' },
      raw: '[1, 2]',
    })
    expectErrorBody(res, 400, 'validation_failed')
  })
})

describe('unknown routes', () => {
  let ctx: TestContext
  beforeAll(async () => {
    ctx = await createTestContext()
  })

  it.each([
    ['GET', '/api/nope'],
    ['POST', '/api/nope'],
    ['GET', '/api/processors/1/nothing'],
    ['GET', '/api/processors/'],
    ['DELETE', '/api/organisation'],
    ['PUT', '/api/processors/1'],
  ])('%s %s answers 404 with the JSON error body', async (method, path) => {
    const res = await ctx.api.request(method, path)
    expectErrorBody(res, 404, 'not_found')
  })
})

describe('body size limits', () => {
  let ctx: TestContext
  beforeEach(async () => {
    ctx = await createTestContext()
  })

  it('refuses a JSON body over 1 MiB with 413 and stores nothing', async () => {
    const body = { displayName: 'Huge', role: 'processor', padding: 'x'.repeat(MiB) }
    const res = await ctx.api.post('/api/processors', body)
    expectErrorBody(res, 413, 'payload_too_large')
    expect(count(ctx.db, 'SELECT count(*) FROM processors')).toBe(0)
  })

  it('refuses a body whose declared length is over 1 MiB with 413', async () => {
    const res = await ctx.api.request('POST', '/api/processors', undefined, {
      headers: { 'content-type': 'application/json', 'content-length': String(2 * MiB) },
      raw: JSON.stringify({ displayName: 'Small', role: 'processor' }),
    })
    expectErrorBody(res, 413, 'payload_too_large')
    expect(count(ctx.db, 'SELECT count(*) FROM processors')).toBe(0)
  })

  it('accepts a JSON body just under 1 MiB', async () => {
    const body = {
      displayName: 'Large',
      role: 'processor',
      internalNotes: null,
      legalName: 'x'.repeat(200),
      service: { fi: 'x'.repeat(2000), en: '' },
    }
    const text = JSON.stringify(body) + ' '.repeat(MiB - 100 - JSON.stringify(body).length)
    expect(text.length).toBeLessThan(MiB)
    const res = await ctx.api.request('POST', '/api/processors', undefined, { headers: { 'content-type': 'application/json' }, raw: text })
    expect(res.status, res.text).toBe(201)
  })

  it('refuses an over-long field with 400 on its path, not 413', async () => {
    const res = await ctx.api.post('/api/processors', { displayName: 'Notes', role: 'processor', internalNotes: 'x'.repeat(10_001) })
    expectErrorBody(res, 400, 'validation_failed')
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['internalNotes'])
  })
})

describe('strict request bodies', () => {
  let ctx: TestContext
  beforeAll(async () => {
    ctx = await createTestContext()
  })

  // The reported case: the field is displayName, so `name` was dropped and the 200 saved nothing.
  it('refuses an unknown field with 400 naming it, and changes nothing', async () => {
    const created = await ctx.api.post('/api/processors', { displayName: 'Typo Cloud', role: 'processor' })
    expect(created.status).toBe(201)
    const before = snapshot(ctx.db)
    const res = await ctx.api.patch(`/api/processors/${created.body.id}`, { name: 'Renamed', version: 1 })
    expectErrorBody(res, 400, 'validation_failed')
    expect(res.body.error.fields).toEqual([{ path: 'name', message: 'Unknown field', messageCode: 'unknown_field' }])
    expect(snapshot(ctx.db)).toEqual(before)
  })

  it('names an unknown field inside a nested object by its full path, each one once', async () => {
    const res = await ctx.api.post('/api/processors', {
      displayName: 'Nested',
      role: 'processor',
      service: { fi: 'a', en: 'b', sv: 'c' },
      colour: 'red',
    })
    expectErrorBody(res, 400, 'validation_failed')
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['colour', 'service.sv'])
  })

  it('refuses an unknown field on a create and on a login too', async () => {
    const create = await ctx.api.post('/api/processors', { displayName: 'x', role: 'processor', padding: 'x' })
    expect(create.body.error.fields).toEqual([{ path: 'padding', message: 'Unknown field', messageCode: 'unknown_field' }])
    const login = await ctx.anonymous.post('/api/auth/login', { email: 'a@example.test', password: 'x', remember: true })
    expectErrorBody(login, 400, 'validation_failed')
    expect(login.body.error.fields).toEqual([{ path: 'remember', message: 'Unknown field', messageCode: 'unknown_field' }])
  })
})

describe('strict query parameters (decision 013)', () => {
  let ctx: TestContext
  beforeAll(async () => {
    ctx = await createTestContext()
  })

  it('refuses a query parameter the operation does not declare, naming it, as it refuses an unknown body field', async () => {
    const res = await ctx.api.get('/api/processors?q=cloud&colour=red&pageSize=10')
    expectErrorBody(res, 400, 'validation_failed')
    expect(res.body.error.messageCode).toBe('invalid_fields')
    expect(res.body.error.fields).toEqual([{ path: 'colour', message: 'Unknown query parameter', messageCode: 'unknown_parameter' }])
  })

  it('refuses every parameter of an operation that declares none, each named once', async () => {
    const res = await ctx.api.get('/api/organisation?a=1&b=2&a=3')
    expectErrorBody(res, 400, 'validation_failed')
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['a', 'b'])
  })

  it('checks a write too, and changes nothing', async () => {
    const created = await ctx.api.post('/api/processors', { displayName: 'Query Oy', role: 'processor' })
    const before = snapshot(ctx.db)
    const res = await ctx.api.delete(`/api/processors/${created.body.id}?version=1&force=true`)
    expectErrorBody(res, 400, 'validation_failed')
    expect(res.body.error.fields).toEqual([{ path: 'force', message: 'Unknown query parameter', messageCode: 'unknown_parameter' }])
    expect(snapshot(ctx.db)).toEqual(before)
  })

  it('tells a literal path from a parameterised one, and accepts the declared parameters', async () => {
    expect((await ctx.api.get('/api/activities/matrix')).status).toBe(200)
    expect((await ctx.api.get('/api/activities/matrix?q=x')).status).toBe(400)
    expect((await ctx.api.get('/api/activities?q=x&status=draft&sort=name&order=asc')).status).toBe(200)
    expect((await ctx.api.get('/api/search?q=cloud&limit=5')).status).toBe(200)
    expect((await ctx.api.get('/api/audit/export.csv?entityType=processor&lang=en')).status).toBe(200)
  })

  it('leaves the public pages alone: a shared link may carry tracking parameters', async () => {
    const plain = await ctx.anonymous.get('/public/processors.json?lang=en')
    const tracked = await ctx.anonymous.get('/public/processors.json?lang=en&utm_source=newsletter')
    expect(tracked.status).toBe(plain.status)
    expect(tracked.text).toBe(plain.text)
  })
})

describe('media types', () => {
  it('refuses a body that is not JSON with 415 and stores nothing', async () => {
    const ctx = await createTestContext()
    const res = await ctx.api.request('POST', '/api/processors', undefined, {
      headers: { 'content-type': 'text/plain' },
      raw: 'displayName=x',
    })
    expectErrorBody(res, 415, 'unsupported_media_type')
    expect(count(ctx.db, 'SELECT count(*) FROM processors')).toBe(0)
  })

  it('refuses a multipart form on a JSON route with 415', async () => {
    const ctx = await createTestContext()
    const form = new FormData()
    form.set('displayName', 'x')
    form.set('role', 'processor')
    const res = await ctx.api.request('POST', '/api/processors', undefined, { raw: form })
    expectErrorBody(res, 415, 'unsupported_media_type')
    expect(count(ctx.db, 'SELECT count(*) FROM processors')).toBe(0)
  })
})

describe('invalid ids in the path', () => {
  let ctx: TestContext
  beforeAll(async () => {
    ctx = await createTestContext({ demo: true })
  })

  const routes: [string, string, unknown][] = [
    ['GET', '/api/processors/:id', undefined],
    ['PATCH', '/api/processors/:id', { version: 1 }],
    ['DELETE', '/api/processors/:id?version=1', undefined],
    ['POST', '/api/processors/:id/retire', { version: 1 }],
    ['POST', '/api/processors/:id/transfers', { country: 'FI', kind: 'storage', safeguard: 'none_needed' }],
    ['POST', '/api/processors/:id/dpas', { status: 'signed', signedOn: '2025-01-01' }],
    ['GET', '/api/transfers/:id', undefined],
    ['PATCH', '/api/transfers/:id', { version: 1 }],
    ['DELETE', '/api/transfers/:id?version=1', undefined],
    ['GET', '/api/dpas/:id', undefined],
    ['PATCH', '/api/dpas/:id', { version: 1 }],
    ['DELETE', '/api/dpas/:id?version=1', undefined],
    ['GET', '/api/dpas/:id/document', undefined],
    ['DELETE', '/api/dpas/:id/document', undefined],
  ]
  const cases = routes.flatMap(([method, path, body]) =>
    ['abc', '0', '-1', '1e3', '99999999999999999'].map((id) => [method, path.replace(':id', id), body] as const),
  )

  it.each(cases)('%s %s answers 400 on the id field', async (method, path, body) => {
    const before = snapshot(ctx.db)
    const res = await ctx.api.request(method, path, body)
    expectErrorBody(res, 400, 'validation_failed')
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['id'])
    expect(snapshot(ctx.db)).toEqual(before)
  })

  it.each([
    ['GET', '/api/processors/999'],
    ['GET', '/api/transfers/999'],
    ['GET', '/api/dpas/999'],
    ['GET', '/api/dpas/999/document'],
  ])('%s %s (well-formed but unknown) answers 404', async (method, path) => {
    expectErrorBody(await ctx.api.request(method, path), 404, 'not_found')
  })
})

describe('never a half-written record', () => {
  it('rolls the change back when its audit event cannot be written, answering 500 internal', async () => {
    const ctx = await createTestContext({ demo: true })
    const zestia = (await ctx.api.get('/api/processors?q=zestia')).body.items[0]
    const before = snapshot(ctx.db)
    const zestiaBefore = (await ctx.api.get(`/api/processors/${zestia.id}`)).body
    // Make the audit insert fail, as a full disk or a broken trail would.
    ctx.db.$client.exec(
      `CREATE TRIGGER audit_events_fail BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`,
    )

    const created = await ctx.api.post('/api/processors', { displayName: 'Half Written Oy', role: 'processor' })
    expectErrorBody(created, 500, 'internal')
    expect(created.text).not.toContain('audit unavailable')

    const updated = await ctx.api.patch(`/api/processors/${zestia.id}`, { displayName: 'Half Written Ltd', version: zestia.version })
    expectErrorBody(updated, 500, 'internal')
    const transfer = await ctx.api.post(`/api/processors/${zestia.id}/transfers`, {
      country: 'US',
      kind: 'storage',
      safeguard: 'dpf',
      certifiedEntity: 'Example Inc.',
    })
    expectErrorBody(transfer, 500, 'internal')
    const capsule = (await ctx.api.get('/api/processors?q=capsulecrm')).body.items[0]
    const deleted = await ctx.api.delete(`/api/processors/${capsule.id}?version=${capsule.version}`)
    expectErrorBody(deleted, 500, 'internal')

    ctx.db.$client.exec('DROP TRIGGER audit_events_fail')
    expect(snapshot(ctx.db)).toEqual(before)
    expect((await ctx.api.get(`/api/processors/${zestia.id}`)).body).toEqual(zestiaBefore)
    expect((await ctx.api.get('/api/processors?q=half')).body.total).toBe(0)
    // The processor that could not be deleted still has its US transfer.
    expect((await ctx.api.get(`/api/processors/${capsule.id}`)).body.transfers).toHaveLength(1)
  })
})
