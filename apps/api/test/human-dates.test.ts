import { describe, expect, it } from 'vitest'
import { humanDateTime } from '../src/exports/texts'
import { createTestContext } from './helpers'

describe('dates in the exports people read', () => {
  it('writes an instant as the language does, in UTC and saying so', () => {
    expect(humanDateTime('2026-12-05T12:03:27.123Z', 'fi')).toBe('5.12.2026 klo 12.03.27 UTC')
    expect(humanDateTime('2026-12-05T12:03:27.123Z', 'en')).toBe('5 December 2026 at 12:03:27 UTC')
    expect(humanDateTime('not a date', 'en')).toBe('not a date')
  })

  it('shows the approval in words and keeps the changed-at cell ISO 8601 for the import that reads it back', async () => {
    const ctx = await createTestContext({ demo: true })
    const list = (await ctx.api.get('/api/activities')).body.items as { id: number; status: string }[]
    const draft = list.find((a) => a.status === 'draft') ?? list[0]!
    const full = (await ctx.api.get(`/api/activities/${draft.id}`)).body
    if (full.status !== 'approved')
      expect((await ctx.api.post(`/api/activities/${draft.id}/approve`, { version: full.version })).status).toBe(200)
    const approved = (await ctx.api.get(`/api/activities/${draft.id}`)).body
    for (const lang of ['fi', 'en'] as const) {
      const csv = (await ctx.api.get(`/api/exports/ropa.csv?lang=${lang}`)).text
      expect(csv).toContain(humanDateTime(approved.approvedAt, lang))
      expect(csv).not.toContain(` ${approved.approvedAt}`)
      expect(csv).toContain(approved.updatedAt)
    }
  })
})
