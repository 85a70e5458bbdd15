import { describe, expect, it } from 'vitest'
import { flatten } from '../../web/src/features/audit/lib/diff'
import { auditFieldLabel, type LabelLookup } from '../../web/src/features/audit/lib/field-labels'
import { ALL_EN, ALL_FI } from '../../web/src/locales/all-texts'
import { createTestContext } from './helpers'

/**
 * The dashboard's audit trail shows each field of an event's `before` and `after` by a label in the
 * UI language, never by its raw path. This walks the events the API writes (the demo data's
 * creations, and the changes, merges, sign-ins, acknowledgements, exports and documents below, whose
 * payloads have fields of their own) and checks every field path has a label in English and Finnish,
 * through the dashboard's own table (apps/web/src/features/audit/lib/field-labels.ts).
 */

function lookupIn(locale: Record<string, unknown>): LabelLookup {
  return (key, options) => {
    let node: unknown = locale
    for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined
    if (typeof node !== 'string' || !node.trim()) return null
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => options?.[name] ?? '')
  }
}

const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

describe('every field the API writes into an audit event has a label in both languages', () => {
  it('labels each path of each event', async () => {
    const ctx = await createTestContext({ demo: true })
    const ok = (res: { status: number; text: string }, what: string) => expect(res.status, `${what}: ${res.text}`).toBeLessThan(300)

    // Changes whose events carry fields of their own, beyond the demo data's creations.
    const processors = (await ctx.api.get('/api/processors?pageSize=100')).body.items
    const processor = processors[0]
    ok(
      await ctx.api.patch(`/api/processors/${processor.id}`, { internalNotes: 'Checked', version: processor.version }),
      'update a processor',
    )
    const data = (await ctx.api.get('/api/vocabulary/data-categories')).body
    const [a, b] = data.filter((c: { special: boolean }) => !c.special)
    ok(await ctx.api.post(`/api/vocabulary/data-categories/${a.id}/merge`, { into: b.id, version: a.version }), 'merge a data category')
    const subjects = (await ctx.api.get('/api/vocabulary/data-subject-categories')).body
    ok(
      await ctx.api.post(`/api/vocabulary/data-subject-categories/${subjects[0].id}/merge`, {
        into: subjects[1].id,
        version: subjects[0].version,
      }),
      'merge a data subject category',
    )
    const editor = await ctx.as('editor')
    expect((await ctx.anonymous.post('/api/auth/login', { email: editor.email, password: 'not the password at all' })).status).toBe(401)
    await editor.post('/api/auth/password', { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' })
    const users = (await ctx.api.get('/api/users')).body
    const user = users.find((u: { email: string }) => u.email === editor.email)
    ok(await ctx.api.patch(`/api/users/${user.id}`, { role: 'auditor', version: user.version }), 'change a role')
    const open = (await ctx.api.get('/api/findings')).body.open
    const ack = await ctx.api.post('/api/findings/acknowledgements', {
      findingKey: open[0].key,
      reason: 'Accepted',
      expiresOn: addDays(30),
    })
    ok(ack, 'acknowledge a finding')
    ok(await ctx.api.get('/api/exports/ropa.xlsx?lang=en'), 'export')
    ok(await ctx.api.get('/api/audit/export.csv'), 'export the audit trail')
    const dpaId = ctx.db.$client.prepare('SELECT id FROM dpas ORDER BY id LIMIT 1').pluck().get() as number
    const form = new FormData()
    form.set('file', new File([Buffer.from('%PDF-1.7\n%%EOF\n')], 'dpa.pdf'))
    ok(await ctx.api.request('POST', `/api/dpas/${dpaId}/document`, undefined, { raw: form }), 'attach a DPA document')

    const rows = ctx.db.$client.prepare('SELECT entity_type AS type, action, before, after FROM audit_events').all() as {
      type: string
      action: string
      before: string | null
      after: string | null
    }[]
    const actions = new Set(rows.map((r) => `${r.type}/${r.action}`))
    for (const seen of [
      'data_category/merge',
      'data_subject_category/merge',
      'session/login_failed',
      'finding/acknowledge',
      'export/export',
      'dpa/attach_document',
    ])
      expect(actions, seen).toContain(seen)

    const en = lookupIn(ALL_EN)
    const fi = lookupIn(ALL_FI)
    const unlabelled = new Set<string>()
    let checked = 0
    for (const row of rows) {
      for (const side of [row.before, row.after]) {
        const value: unknown = side ? JSON.parse(side) : null
        if (value === null) continue
        for (const path of flatten(value).keys()) {
          checked++
          if (!auditFieldLabel(row.type, path, en)) unlabelled.add(`${row.type} ${path.replace(/\[\d+\]/g, '[]')} (en)`)
          if (!auditFieldLabel(row.type, path, fi)) unlabelled.add(`${row.type} ${path.replace(/\[\d+\]/g, '[]')} (fi)`)
        }
      }
    }
    expect(checked).toBeGreaterThan(500)
    expect([...unlabelled].sort()).toEqual([])
  })
})
