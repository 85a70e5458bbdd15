import { describe, expect, it } from 'vitest'
import { count, createTestContext } from './helpers'

const blocks = (text: string) => ({
  summary: { fi: text, en: text },
  security: { fi: 'Palomuurit', en: 'Firewalls' },
  exercisingRights: { fi: 'Sähköpostilla', en: 'By e-mail' },
})

describe('the privacy notice free-text blocks', () => {
  it('are filled by the demo seed from the reference policy, in both languages', async () => {
    const ctx = await createTestContext({ demo: true })
    const res = await ctx.api.get('/api/notice/texts')
    expect(res.status).toBe(200)
    expect(res.body.version).toBe(1)
    // The policy's own words (sections Tiivistelmä, 9 and 10).
    expect(res.body.summary.fi).toContain('Emme luovuta tietojasi kolmansille osapuolille kaupallisiin tarkoituksiin.')
    expect(res.body.security.fi).toContain('suojattu palomuureilla, salasanoin ja muilla teknisillä keinoilla')
    expect(res.body.exercisingRights.fi).toContain('lähetä kirjallinen vaatimus sähköpostitse rekisterin yhteyshenkilölle')
    // Nothing the records contradict: the policy's processor list (without Plausible) and its claim of where data is kept.
    expect(res.body.summary.fi).not.toContain('Zestia')
    expect(res.body.summary.fi).not.toContain('EU-alueella')
    for (const key of ['summary', 'security', 'exercisingRights']) expect(res.body[key].en.length).toBeGreaterThan(20)
  })

  it('start empty at version 0, are saved by an admin with the version, audited, and 409 on a stale version', async () => {
    const ctx = await createTestContext()
    expect((await ctx.api.get('/api/notice/texts')).body).toMatchObject({ version: 0, summary: { fi: '', en: '' } })
    const saved = await ctx.api.request('PUT', '/api/notice/texts', { ...blocks('Tiivistelmä'), version: 0 })
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({ version: 1, summary: { fi: 'Tiivistelmä' } })
    expect(count(ctx.db, `SELECT count(*) AS n FROM audit_events WHERE entity_type = 'notice_texts' AND action = 'create'`)).toBe(1)
    const stale = await ctx.api.request('PUT', '/api/notice/texts', { ...blocks('Toinen'), version: 0 })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')
    const again = await ctx.api.request('PUT', '/api/notice/texts', { ...blocks('Toinen'), version: 1 })
    expect(again.body).toMatchObject({ version: 2, summary: { fi: 'Toinen' } })
    expect(count(ctx.db, `SELECT count(*) AS n FROM audit_events WHERE entity_type = 'notice_texts' AND action = 'update'`)).toBe(1)
  })

  it('refuse unknown fields and missing languages with the field named, and writes by auditors', async () => {
    const ctx = await createTestContext()
    const unknown = await ctx.api.request('PUT', '/api/notice/texts', { ...blocks('x'), version: 0, extra: 1 })
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(unknown.body.error.fields)).toContain('extra')
    const missing = await ctx.api.request('PUT', '/api/notice/texts', { ...blocks('x'), summary: { fi: 'x' }, version: 0 })
    expect(missing.status).toBe(400)
    expect(missing.body.error.fields.map((f: { path: string }) => f.path)).toContain('summary.en')
    const tooLong = await ctx.api.request('PUT', '/api/notice/texts', { ...blocks('x'.repeat(5001)), version: 0 })
    expect(tooLong.status).toBe(400)
    const auditor = await ctx.as('auditor')
    expect((await auditor.request('PUT', '/api/notice/texts', { ...blocks('x'), version: 0 })).status).toBe(403)
    expect((await auditor.get('/api/notice/texts')).status).toBe(200)
    expect((await ctx.api.get('/api/notice/texts')).body.version).toBe(0)
    // Editors change the notice like any other record (and publish it, like the processor list).
    const editor = await ctx.as('editor')
    expect((await editor.request('PUT', '/api/notice/texts', { ...blocks('x'), version: 0 })).status).toBe(200)
  })
})
