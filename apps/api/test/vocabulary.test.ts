import { beforeEach, describe, expect, it } from 'vitest'
import { auditEventsAfter, createTestContext, expectValidationError, lastAuditSeq, type TestContext } from './helpers'

const DATA = '/api/vocabulary/data-categories'
const SUBJECTS = '/api/vocabulary/data-subject-categories'

describe('categories of personal data', () => {
  let ctx: TestContext
  beforeEach(async () => {
    ctx = await createTestContext({ demo: true })
  })

  it("lists the demo's categories sorted by name, with how many activities use each", async () => {
    const res = await ctx.api.get(DATA)
    expect(res.status).toBe(200)
    const billing = res.body.find((c: { name: { en: string } }) => c.name.en === 'Billing details')
    // Used by the customers' activity and bookkeeping.
    expect(billing).toMatchObject({ special: false, activityCount: 2, version: 1 })
    const names = res.body.map((c: { name: { fi: string } }) => c.name.fi.toLowerCase())
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'fi')))
  })

  it('creates a category, special or not, with one audit event holding the record', async () => {
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.post(DATA, { name: { fi: 'Terveystiedot', en: 'Health data' }, special: true })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      id: expect.any(Number),
      name: { fi: 'Terveystiedot', en: 'Health data' },
      special: true,
      activityCount: 0,
      version: 1,
    })
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'create', entityType: 'data_category', entityId: String(res.body.id), before: null })
    expect(events[0]!.after).toEqual({
      id: res.body.id,
      name: res.body.name,
      special: true,
      version: 1,
      createdAt: res.body.createdAt,
      updatedAt: res.body.updatedAt,
    })
    expect((await ctx.api.get(`${DATA}/${res.body.id}`)).body).toEqual(res.body)
  })

  it('refuses a name without text, and a name another category has (ignoring case), naming the field', async () => {
    expectValidationError(await ctx.api.post(DATA, { name: { fi: '', en: ' ' } }), ['name'])
    expectValidationError(await ctx.api.post(DATA, { name: { fi: 'LASKUTUSTIEDOT', en: 'Invoices' } }), ['name.fi'])
    expectValidationError(await ctx.api.post(DATA, { name: { fi: 'Laskut', en: 'billing details' } }), ['name.en'])
  })

  it('renames a category, and the activities that use it show the new name', async () => {
    const billing = (await ctx.api.get(DATA)).body.find((c: { name: { en: string } }) => c.name.en === 'Billing details')
    const res = await ctx.api.patch(`${DATA}/${billing.id}`, {
      name: { fi: 'Laskutus- ja maksutiedot', en: 'Billing and payment details' },
      version: 1,
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ version: 2, name: { en: 'Billing and payment details' }, activityCount: 2 })
    const list = (await ctx.api.get('/api/activities?q=kirjanpito')).body.items
    const bookkeeping = (await ctx.api.get(`/api/activities/${list[0].id}`)).body
    expect(bookkeeping.dataCategories.map((c: { name: { en: string } }) => c.name.en)).toContain('Billing and payment details')
  })

  it('keeps its own name on a rename of other fields (no clash with itself)', async () => {
    const created = (await ctx.api.post(DATA, { name: { fi: 'Kuvat', en: 'Photos' } })).body
    const res = await ctx.api.patch(`${DATA}/${created.id}`, { special: true, version: 1 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ name: { fi: 'Kuvat', en: 'Photos' }, special: true, version: 2 })
  })

  it('refuses a stale version with 409 and the current record', async () => {
    const created = (await ctx.api.post(DATA, { name: { fi: 'Kuvat', en: 'Photos' } })).body
    await ctx.api.patch(`${DATA}/${created.id}`, { special: true, version: 1 })
    const res = await ctx.api.patch(`${DATA}/${created.id}`, { special: false, version: 1 })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('version_conflict')
    expect(res.body.error.current).toMatchObject({ id: created.id, special: true, version: 2 })
  })

  it('answers 404 for an unknown category and 400 for an id that is not a number', async () => {
    expect((await ctx.api.get(`${DATA}/999`)).status).toBe(404)
    expect((await ctx.api.patch(`${DATA}/999`, { special: true, version: 1 })).status).toBe(404)
    expect((await ctx.api.delete(`${DATA}/999?version=1`)).status).toBe(404)
    expectValidationError(await ctx.api.get(`${DATA}/abc`), ['id'])
  })

  it('deletes an unused category with an audit event', async () => {
    const created = (await ctx.api.post(DATA, { name: { fi: 'Kuvat', en: 'Photos' } })).body
    const mark = lastAuditSeq(ctx.db)
    expect((await ctx.api.delete(`${DATA}/${created.id}?version=1`)).status).toBe(204)
    expect((await ctx.api.get(`${DATA}/${created.id}`)).status).toBe(404)
    const events = auditEventsAfter(ctx.db, mark)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      action: 'delete',
      entityType: 'data_category',
      after: null,
      before: { id: created.id, name: { en: 'Photos' } },
    })
  })

  it('refuses with 409 to delete a category while an activity uses it, naming the activity, and deletes nothing', async () => {
    const billing = (await ctx.api.get(DATA)).body.find((c: { name: { en: string } }) => c.name.en === 'Billing details')
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.delete(`${DATA}/${billing.id}?version=${billing.version}`)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('conflict')
    expect(res.body.error.message).toMatch(/2 processing activities/)
    expect(res.body.error.message).toMatch(/Bookkeeping/)
    expect((await ctx.api.get(`${DATA}/${billing.id}`)).status).toBe(200)
    expect(auditEventsAfter(ctx.db, mark)).toHaveLength(0)
  })

  it('refuses a delete of a stale version, and one without a version', async () => {
    const created = (await ctx.api.post(DATA, { name: { fi: 'Kuvat', en: 'Photos' } })).body
    await ctx.api.patch(`${DATA}/${created.id}`, { special: true, version: 1 })
    const res = await ctx.api.delete(`${DATA}/${created.id}?version=1`)
    expect(res.status).toBe(409)
    expect(res.body.error.current.version).toBe(2)
    expectValidationError(await ctx.api.delete(`${DATA}/${created.id}`), ['version'])
  })

  it('lets an auditor read but not change', async () => {
    const auditor = await ctx.as('auditor')
    expect((await auditor.get(DATA)).status).toBe(200)
    const res = await auditor.post(DATA, { name: { fi: 'Kuvat', en: 'Photos' } })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('forbidden')
    expect((await auditor.patch(`${DATA}/1`, { special: true, version: 1 })).status).toBe(403)
    expect((await auditor.delete(`${DATA}/1?version=1`)).status).toBe(403)
  })

  it('lets an editor make changes', async () => {
    const editor = await ctx.as('editor')
    expect((await editor.post(DATA, { name: { fi: 'Kuvat', en: 'Photos' } })).status).toBe(201)
  })
})

describe('categories of data subjects', () => {
  let ctx: TestContext
  beforeEach(async () => {
    ctx = await createTestContext({ demo: true })
  })

  it("lists the demo's categories with their use", async () => {
    const res = await ctx.api.get(SUBJECTS)
    expect(res.status).toBe(200)
    const byName = Object.fromEntries(res.body.map((c: { name: { en: string }; activityCount: number }) => [c.name.en, c.activityCount]))
    expect(byName).toMatchObject({
      Customers: 2,
      'Business partners': 2,
      'Prospective customers': 1,
      'Website visitors': 1,
      'Newsletter subscribers': 1,
    })
  })

  it('creates, renames and deletes a category, each audited', async () => {
    const mark = lastAuditSeq(ctx.db)
    const created = await ctx.api.post(SUBJECTS, { name: { fi: 'Työnhakijat', en: 'Job applicants' } })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ name: { en: 'Job applicants' }, activityCount: 0, version: 1 })
    const renamed = await ctx.api.patch(`${SUBJECTS}/${created.body.id}`, { name: { fi: 'Työnhakijat', en: 'Applicants' }, version: 1 })
    expect(renamed.body).toMatchObject({ name: { en: 'Applicants' }, version: 2 })
    expect((await ctx.api.delete(`${SUBJECTS}/${created.body.id}?version=2`)).status).toBe(204)
    const events = auditEventsAfter(ctx.db, mark)
    expect(events.map((e) => [e.entityType, e.action])).toEqual([
      ['data_subject_category', 'create'],
      ['data_subject_category', 'update'],
      ['data_subject_category', 'delete'],
    ])
    expect(events[1]!.before.name.en).toBe('Job applicants')
    expect(events[1]!.after.name.en).toBe('Applicants')
  })

  it('refuses a duplicate name, an empty one, a stale version and deleting one in use', async () => {
    expectValidationError(await ctx.api.post(SUBJECTS, { name: { fi: 'asiakkaat', en: '' } }), ['name.fi'])
    expectValidationError(await ctx.api.post(SUBJECTS, {}), ['name'])
    const customers = (await ctx.api.get(SUBJECTS)).body.find((c: { name: { en: string } }) => c.name.en === 'Customers')
    const stale = await ctx.api.patch(`${SUBJECTS}/${customers.id}`, { name: { fi: 'Asiakkaat', en: 'Clients' }, version: 7 })
    expect(stale.status).toBe(409)
    expect(stale.body.error.current).toMatchObject({ id: customers.id, version: 1 })
    const inUse = await ctx.api.delete(`${SUBJECTS}/${customers.id}?version=1`)
    expect(inUse.status).toBe(409)
    expect(inUse.body.error.code).toBe('conflict')
  })

  it('answers 404 for an unknown category', async () => {
    expect((await ctx.api.get(`${SUBJECTS}/999`)).status).toBe(404)
    expect((await ctx.api.delete(`${SUBJECTS}/999?version=1`)).status).toBe(404)
  })

  it('refuses changes by an auditor', async () => {
    const auditor = await ctx.as('auditor')
    expect((await auditor.get(SUBJECTS)).status).toBe(200)
    expect((await auditor.post(SUBJECTS, { name: { fi: 'X', en: 'X' } })).status).toBe(403)
  })
})

describe('refusing to remove an entry in use, and merging entries', () => {
  let ctx: TestContext
  beforeEach(async () => {
    ctx = await createTestContext({ demo: true })
  })

  const byName = async (path: string, en: string) => (await ctx.api.get(path)).body.find((c: { name: { en: string } }) => c.name.en === en)

  it('lists every activity that uses a category in the 409 body, with ids and both names', async () => {
    const billing = await byName(DATA, 'Billing details')
    const res = await ctx.api.delete(`${DATA}/${billing.id}?version=${billing.version}`)
    expect(res.status).toBe(409)
    expect(res.body.error.usedBy).toHaveLength(2)
    for (const user of res.body.error.usedBy) {
      expect(user).toMatchObject({ type: 'activity', id: expect.any(Number), name: { fi: expect.any(String), en: expect.any(String) } })
      const activity = (await ctx.api.get(`/api/activities/${user.id}`)).body
      expect(activity.name).toEqual(user.name)
      expect(activity.dataCategories.map((c: { id: number }) => c.id)).toContain(billing.id)
    }
    const customers = await byName(SUBJECTS, 'Customers')
    const subj = await ctx.api.delete(`${SUBJECTS}/${customers.id}?version=1`)
    expect(subj.body.error.usedBy.map((u: { type: string }) => u.type)).toEqual(['activity', 'activity'])
  })

  it('merges a data category into another: every use moves, the category goes, each changed activity audited, in one go', async () => {
    const billing = await byName(DATA, 'Billing details')
    const photos = (await ctx.api.post(DATA, { name: { fi: 'Laskut', en: 'Invoices' } })).body
    const users = (await ctx.api.delete(`${DATA}/${billing.id}?version=1`)).body.error.usedBy as { id: number }[]
    const versionsBefore = new Map<number, number>()
    for (const u of users) versionsBefore.set(u.id, (await ctx.api.get(`/api/activities/${u.id}`)).body.version)
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.post(`${DATA}/${billing.id}/merge`, { into: photos.id, version: 1 })
    expect(res.status).toBe(200)
    expect(res.body.into).toMatchObject({ id: photos.id, activityCount: 2, name: { en: 'Invoices' } })
    expect(res.body.changedActivityIds).toEqual(users.map((u) => u.id))
    expect((await ctx.api.get(`${DATA}/${billing.id}`)).status).toBe(404)
    for (const u of users) {
      const a = (await ctx.api.get(`/api/activities/${u.id}`)).body
      const ids = a.dataCategories.map((c: { id: number }) => c.id)
      expect(ids).toContain(photos.id)
      expect(ids).not.toContain(billing.id)
      expect(a.version).toBe(versionsBefore.get(u.id)! + 1)
    }
    const events = auditEventsAfter(ctx.db, mark)
    expect(events.map((e) => [e.entityType, e.action, e.entityId])).toEqual([
      ...users.map((u) => ['activity', 'update', String(u.id)]),
      ['data_category', 'merge', String(billing.id)],
    ])
    expect(events[0]!.before.dataCategories.map((c: { id: number }) => c.id)).toContain(billing.id)
    expect(events[0]!.after.dataCategories.map((c: { id: number }) => c.id)).toContain(photos.id)
    expect(events.at(-1)).toMatchObject({
      after: null,
      before: { id: billing.id, mergedInto: { id: photos.id, name: { en: 'Invoices' } } },
    })
  })

  it('keeps one entry where an activity used both, with the retention of the one kept', async () => {
    const a = (await ctx.api.post(DATA, { name: { fi: 'A-tiedot', en: 'A data' } })).body
    const b = (await ctx.api.post(DATA, { name: { fi: 'B-tiedot', en: 'B data' } })).body
    const anyActivity = (await ctx.api.get('/api/activities')).body.items[0]
    const full = (await ctx.api.get(`/api/activities/${anyActivity.id}`)).body
    const kept = full.dataCategories.map((c: { id: number; retention: unknown }) => ({ id: c.id, retention: c.retention }))
    const saved = await ctx.api.patch(`/api/activities/${full.id}`, {
      dataCategories: [...kept, { id: a.id, retention: null }, { id: b.id, retention: null }],
      version: full.version,
    })
    expect(saved.status).toBe(200)
    const res = await ctx.api.post(`${DATA}/${a.id}/merge`, { into: b.id, version: 1 })
    expect(res.status).toBe(200)
    expect(res.body.into.activityCount).toBe(1)
    const after = (await ctx.api.get(`/api/activities/${full.id}`)).body
    const ids = after.dataCategories.map((c: { id: number }) => c.id)
    expect(ids.filter((id: number) => id === b.id)).toHaveLength(1)
    expect(ids).not.toContain(a.id)
    expect(ids).toHaveLength(kept.length + 1)
  })

  it('refuses a merge into itself, into nothing, across the special flag, or of a stale version, and changes nothing', async () => {
    const billing = await byName(DATA, 'Billing details')
    const health = (await ctx.api.post(DATA, { name: { fi: 'Terveys', en: 'Health' }, special: true })).body
    const mark = lastAuditSeq(ctx.db)
    expectValidationError(await ctx.api.post(`${DATA}/${billing.id}/merge`, { into: billing.id, version: 1 }), ['into'])
    expectValidationError(await ctx.api.post(`${DATA}/${billing.id}/merge`, { into: 9999, version: 1 }), ['into'])
    expectValidationError(await ctx.api.post(`${DATA}/${billing.id}/merge`, { into: health.id, version: 1 }), ['into'])
    expectValidationError(await ctx.api.post(`${DATA}/${billing.id}/merge`, { into: health.id, version: 1, extra: 1 }), ['extra'])
    expectValidationError(await ctx.api.post(`${DATA}/${billing.id}/merge`, { version: 1 }), ['into'])
    const stale = await ctx.api.post(`${DATA}/${billing.id}/merge`, { into: health.id, version: 5 })
    expect(stale.status).toBe(409)
    expect(stale.body.error.current).toMatchObject({ id: billing.id, version: 1 })
    expect((await ctx.api.post(`${DATA}/9999/merge`, { into: health.id, version: 1 })).status).toBe(404)
    expect(auditEventsAfter(ctx.db, mark)).toHaveLength(0)
    expect((await ctx.api.get(`${DATA}/${billing.id}`)).body.activityCount).toBe(2)
  })

  it('merges a category of data subjects into another', async () => {
    const visitors = await byName(SUBJECTS, 'Website visitors')
    const customers = await byName(SUBJECTS, 'Customers')
    const mark = lastAuditSeq(ctx.db)
    const res = await ctx.api.post(`${SUBJECTS}/${visitors.id}/merge`, { into: customers.id, version: visitors.version })
    expect(res.status).toBe(200)
    expect(res.body.changedActivityIds).toHaveLength(1)
    expect((await ctx.api.get(`${SUBJECTS}/${visitors.id}`)).status).toBe(404)
    const events = auditEventsAfter(ctx.db, mark)
    expect(events.map((e) => [e.entityType, e.action])).toEqual([
      ['activity', 'update'],
      ['data_subject_category', 'merge'],
    ])
    const activity = (await ctx.api.get(`/api/activities/${res.body.changedActivityIds[0]}`)).body
    expect(activity.dataSubjectCategories.map((c: { id: number }) => c.id)).toContain(customers.id)
  })

  it('lets only editors and admins merge', async () => {
    const auditor = await ctx.as('auditor')
    const a = (await ctx.api.post(SUBJECTS, { name: { fi: 'X', en: 'X' } })).body
    const b = (await ctx.api.post(SUBJECTS, { name: { fi: 'Y', en: 'Y' } })).body
    expect((await auditor.post(`${SUBJECTS}/${a.id}/merge`, { into: b.id, version: 1 })).status).toBe(403)
    const editor = await ctx.as('editor')
    expect((await editor.post(`${SUBJECTS}/${a.id}/merge`, { into: b.id, version: 1 })).status).toBe(200)
  })
})
