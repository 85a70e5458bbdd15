import { describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../src/services/audit'
import { auditEventsAfter, createTestContext, lastAuditSeq, type TestResponse } from './helpers'

/**
 * Every successful change through the registry API appends exactly one audit event, in the
 * change's own transaction, with the record before and after; a failing request appends none;
 * the hash chain stays intact over the whole series.
 */

describe('the audit trail over a series of changes', () => {
  it('gets exactly one event per change, none per refused request, and stays intact', async () => {
    const ctx = await createTestContext({ demo: true })
    const ids: { processor?: number; transfer?: number; dpa?: number } = {}

    type Step = {
      name: string
      run: () => Promise<TestResponse>
      status: number
      /** The one event expected, or null for a refused request. */
      event: null | { action: string; entityType: string; entityId: () => string; before: 'null' | 'record'; after: 'null' | 'record' }
    }
    const pdf = () => {
      const form = new FormData()
      form.set('file', new File([Buffer.from('%PDF-1.7\n%%EOF\n')], 'dpa.pdf'))
      return form
    }
    const steps: Step[] = [
      {
        name: 'create a processor',
        run: async () => {
          const res = await ctx.api.post('/api/processors', { displayName: 'Audit Trail Oy', role: 'processor' })
          ids.processor = res.body.id
          return res
        },
        status: 201,
        event: { action: 'create', entityType: 'processor', entityId: () => String(ids.processor), before: 'null', after: 'record' },
      },
      {
        name: 'refuse a processor without a role',
        run: () => ctx.api.post('/api/processors', { displayName: 'No Role Oy' }),
        status: 400,
        event: null,
      },
      {
        name: 'update the processor',
        run: () => ctx.api.patch(`/api/processors/${ids.processor}`, { internalNotes: 'Checked', version: 1 }),
        status: 200,
        event: { action: 'update', entityType: 'processor', entityId: () => String(ids.processor), before: 'record', after: 'record' },
      },
      {
        name: 'refuse a stale update of the processor',
        run: () => ctx.api.patch(`/api/processors/${ids.processor}`, { internalNotes: 'Lost', version: 1 }),
        status: 409,
        event: null,
      },
      {
        name: 'create a transfer',
        run: async () => {
          const res = await ctx.api.post(`/api/processors/${ids.processor}/transfers`, {
            country: 'US',
            kind: 'storage',
            safeguard: 'dpf',
            certifiedEntity: 'Example Inc.',
          })
          ids.transfer = res.body.id
          return res
        },
        status: 201,
        event: { action: 'create', entityType: 'transfer', entityId: () => String(ids.transfer), before: 'null', after: 'record' },
      },
      {
        name: 'refuse moving the DPF transfer into the EEA',
        run: () => ctx.api.patch(`/api/transfers/${ids.transfer}`, { country: 'FI', version: 1 }),
        status: 400,
        event: null,
      },
      {
        name: 'update the transfer',
        run: () => ctx.api.patch(`/api/transfers/${ids.transfer}`, { tiaStatus: 'done', version: 1 }),
        status: 200,
        event: { action: 'update', entityType: 'transfer', entityId: () => String(ids.transfer), before: 'record', after: 'record' },
      },
      {
        name: 'create a DPA',
        run: async () => {
          const res = await ctx.api.post(`/api/processors/${ids.processor}/dpas`, { status: 'in_negotiation' })
          ids.dpa = res.body.id
          return res
        },
        status: 201,
        event: { action: 'create', entityType: 'dpa', entityId: () => String(ids.dpa), before: 'null', after: 'record' },
      },
      {
        name: 'update the DPA',
        run: () => ctx.api.patch(`/api/dpas/${ids.dpa}`, { status: 'signed', signedOn: '2025-06-27', version: 1 }),
        status: 200,
        event: { action: 'update', entityType: 'dpa', entityId: () => String(ids.dpa), before: 'record', after: 'record' },
      },
      {
        name: 'attach the DPA document',
        run: () => ctx.api.request('POST', `/api/dpas/${ids.dpa}/document`, undefined, { raw: pdf() }),
        status: 200,
        event: { action: 'attach_document', entityType: 'dpa', entityId: () => String(ids.dpa), before: 'null', after: 'record' },
      },
      {
        name: 'remove the DPA document',
        run: () => ctx.api.delete(`/api/dpas/${ids.dpa}/document`),
        status: 204,
        event: { action: 'remove_document', entityType: 'dpa', entityId: () => String(ids.dpa), before: 'record', after: 'null' },
      },
      {
        name: 'update the organisation',
        run: () => ctx.api.patch('/api/organisation', { address: 'Ahjokatu 14, Jyväskylä', version: 1 }),
        status: 200,
        event: { action: 'update', entityType: 'organisation', entityId: () => '1', before: 'record', after: 'record' },
      },
      {
        name: 'refuse an invalid business ID',
        run: () => ctx.api.patch('/api/organisation', { businessId: '1234567-8', version: 2 }),
        status: 400,
        event: null,
      },
      {
        name: 'retire the processor',
        run: () => ctx.api.post(`/api/processors/${ids.processor}/retire`, { version: 2, endDate: '2025-12-31' }),
        status: 200,
        event: { action: 'retire', entityType: 'processor', entityId: () => String(ids.processor), before: 'record', after: 'record' },
      },
      {
        name: 'delete the transfer',
        run: () => ctx.api.delete(`/api/transfers/${ids.transfer}?version=2`),
        status: 204,
        event: { action: 'delete', entityType: 'transfer', entityId: () => String(ids.transfer), before: 'record', after: 'null' },
      },
      {
        name: 'delete the DPA',
        // The upload and the removal of its document each moved the version on (2 -> 4).
        run: () => ctx.api.delete(`/api/dpas/${ids.dpa}?version=4`),
        status: 204,
        event: { action: 'delete', entityType: 'dpa', entityId: () => String(ids.dpa), before: 'record', after: 'null' },
      },
      {
        name: 'delete the processor',
        run: () => ctx.api.delete(`/api/processors/${ids.processor}?version=3`),
        status: 204,
        event: { action: 'delete', entityType: 'processor', entityId: () => String(ids.processor), before: 'record', after: 'null' },
      },
    ]

    for (const step of steps) {
      const mark = lastAuditSeq(ctx.db)
      const res = await step.run()
      expect(res.status, `${step.name}: ${res.text}`).toBe(step.status)
      const events = auditEventsAfter(ctx.db, mark)
      if (!step.event) {
        expect(events, step.name).toEqual([])
        continue
      }
      expect(events, step.name).toHaveLength(1)
      const [event] = events
      expect(event, step.name).toMatchObject({
        action: step.event.action,
        entityType: step.event.entityType,
        entityId: step.event.entityId(),
      })
      expect(event!.actorId, step.name).not.toBeNull()
      expect(event!.actorEmail, step.name).toMatch(/@/)
      expect(event!.requestId, step.name).toMatch(/\S/)
      if (step.event.before === 'null') expect(event!.before, step.name).toBeNull()
      else expect(event!.before, step.name).toEqual(expect.any(Object))
      if (step.event.after === 'null') expect(event!.after, step.name).toBeNull()
      else expect(event!.after, step.name).toEqual(expect.any(Object))
    }

    const total = ctx.db.$client.prepare('SELECT count(*) FROM audit_events').pluck().get() as number
    const head = ctx.db.$client.prepare('SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1').pluck().get() as string
    expect(verifyAuditChain(ctx.db)).toEqual({ intact: true, events: total, headHash: head })
  })

  it('records in an update event the change itself: the field before and after', async () => {
    const ctx = await createTestContext()
    const p = (await ctx.api.post('/api/processors', { displayName: 'Before Oy', role: 'processor', hqCountry: 'FI' })).body
    const mark = lastAuditSeq(ctx.db)
    await ctx.api.patch(`/api/processors/${p.id}`, { displayName: 'After Oy', version: 1 })
    const [event] = auditEventsAfter(ctx.db, mark)
    expect(event!.before).toMatchObject({ displayName: 'Before Oy', hqCountry: 'FI', version: 1 })
    expect(event!.after).toMatchObject({ displayName: 'After Oy', hqCountry: 'FI', version: 2 })
  })
})
