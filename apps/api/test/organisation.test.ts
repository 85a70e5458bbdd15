import { beforeEach, describe, expect, it } from 'vitest'
import { auditEventsAfter, createTestContext, expectValidationError, lastAuditSeq, type TestContext } from './helpers'

describe('organisation of the demo data', () => {
  let ctx: TestContext
  beforeEach(async () => {
    ctx = await createTestContext({ demo: true })
  })

  it('GET returns the controller', async () => {
    const res = await ctx.api.get('/api/organisation')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      name: 'Mikroni Digital',
      businessId: '3235836-5',
      address: 'c/o Askelvirta Offices, Ahjokatu 14-16, 40320 JYVÄSKYLÄ',
      privacyContactName: 'Roni Äikäs',
      privacyContactEmail: 'roni@mikroni.fi',
      defaultLanguage: 'fi',
      dpoAppointed: null,
      dpoName: null,
      dpoEmail: null,
      representativeNeeded: false,
      representative: null,
      representativeContact: null,
      hasJointControllers: null,
      jointControllers: null,
      version: 1,
      updatedAt: expect.any(String),
    })
  })

  it('records a DPO and joint controllers, and refuses either marked present but unnamed', async () => {
    const missing = await ctx.api.patch('/api/organisation', { dpoAppointed: true, hasJointControllers: true, version: 1 })
    expect(missing.status).toBe(400)
    expect(missing.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['dpoName', 'jointControllers'])
    const unchanged = await ctx.api.get('/api/organisation')
    expect(unchanged.body).toMatchObject({ dpoAppointed: null, hasJointControllers: null, version: 1 })

    const saved = await ctx.api.patch('/api/organisation', {
      dpoAppointed: true,
      dpoName: 'Tietosuojavastaava',
      dpoEmail: 'dpo@mikroni.fi',
      hasJointControllers: false,
      version: 1,
    })
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({
      dpoAppointed: true,
      dpoName: 'Tietosuojavastaava',
      dpoEmail: 'dpo@mikroni.fi',
      hasJointControllers: false,
      jointControllers: null,
      version: 2,
    })
    const audit = await ctx.api.get('/api/audit?entityType=organisation')
    expect(JSON.stringify(audit.body)).toContain('dpo@mikroni.fi')
  })

  it('PATCH changes the given fields, increments the version and reads back', async () => {
    const res = await ctx.api.patch('/api/organisation', {
      privacyContactEmail: 'tietosuoja@mikroni.fi',
      defaultLanguage: 'en',
      version: 1,
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      name: 'Mikroni Digital',
      privacyContactEmail: 'tietosuoja@mikroni.fi',
      defaultLanguage: 'en',
      version: 2,
    })
    expect((await ctx.api.get('/api/organisation')).body).toEqual(res.body)
  })

  it('PATCH appends exactly one audit event with the organisation before and after', async () => {
    const before = (await ctx.api.get('/api/organisation')).body
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.patch('/api/organisation', { name: 'Mikroni Digital Oy', version: 1 })
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'update', entityType: 'organisation', entityId: '1' })
    expect(events[0]!.before).toEqual(before)
    expect(events[0]!.after).toEqual(res.body)
  })

  it('PATCH trims a business ID and accepts another valid one', async () => {
    const res = await ctx.api.patch('/api/organisation', { businessId: ' 0112038-9 ', version: 1 })
    expect(res.status).toBe(200)
    expect(res.body.businessId).toBe('0112038-9')
  })

  it('PATCH turns an empty optional text into null', async () => {
    const res = await ctx.api.patch('/api/organisation', { address: '', privacyContactEmail: '', version: 1 })
    expect(res.body).toMatchObject({ address: null, privacyContactEmail: null })
  })

  it.each([
    ['a wrong check digit', { businessId: '3235836-4' }, ['businessId']],
    ['a business ID without the hyphen', { businessId: '32358365' }, ['businessId']],
    ['an invalid email', { privacyContactEmail: 'roni@' }, ['privacyContactEmail']],
    ['an unknown language', { defaultLanguage: 'sv' }, ['defaultLanguage']],
    ['an empty name', { name: '  ' }, ['name']],
    ['no version', { version: undefined }, ['version']],
    ['a version of 0', { version: 0 }, ['version']],
  ])('PATCH refuses %s, naming the field, and changes nothing', async (_why, patch, paths) => {
    const before = (await ctx.api.get('/api/organisation')).body
    const mark = lastAuditSeq(ctx.db)
    expectValidationError(await ctx.api.patch('/api/organisation', { version: 1, ...patch }), paths)
    expect((await ctx.api.get('/api/organisation')).body).toEqual(before)
    expect(auditEventsAfter(ctx.db, mark)).toEqual([])
  })

  it('PATCH refuses a stale version with 409 and the current organisation, changing nothing', async () => {
    await ctx.api.patch('/api/organisation', { name: 'First', version: 1 })
    const current = (await ctx.api.get('/api/organisation')).body
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.patch('/api/organisation', { name: 'Second', version: 1 })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('version_conflict')
    expect(res.body.error.current).toEqual(current)
    expect((await ctx.api.get('/api/organisation')).body).toEqual(current)
    expect(auditEventsAfter(ctx.db, mark)).toEqual([])
  })

  it('PATCH refuses a broken JSON body with malformed_json', async () => {
    const res = await ctx.api.request('PATCH', '/api/organisation', undefined, {
      headers: { 'content-type': 'application/json' },
      raw: '{"name": "x",',
    })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ error: { code: 'malformed_json', message: expect.any(String) } })
    expect((await ctx.api.get('/api/organisation')).body.name).toBe('Mikroni Digital')
  })
})

describe('organisation of an empty registry', () => {
  it('GET answers 404 before the organisation is set up', async () => {
    const ctx = await createTestContext()
    const res = await ctx.api.get('/api/organisation')
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
  })

  it('PATCH answers 404 and creates nothing', async () => {
    const ctx = await createTestContext()
    const res = await ctx.api.patch('/api/organisation', { name: 'Someone', version: 1 })
    expect(res.status).toBe(404)
    expect(ctx.db.$client.prepare('SELECT count(*) FROM organisation').pluck().get()).toBe(0)
  })
})
