import { describe, expect, it } from 'vitest'
import { eventDiff, flatten, processorIdOf } from './diff'

describe('audit difference', () => {
  it('flattens nested objects to dotted paths and joins lists of plain values', () => {
    const out = flatten({
      service: { fi: 'Palvelu', en: 'Service' },
      dataCategories: ['a', 'b'],
      checklist: { d: { status: 'covered', clause: '4.2' } },
      empty: [],
    })
    expect([...out]).toEqual([
      ['service.fi', 'Palvelu'],
      ['service.en', 'Service'],
      ['dataCategories', 'a, b'],
      ['checklist.d.status', 'covered'],
      ['checklist.d.clause', '4.2'],
      ['empty', null],
    ])
  })

  it('numbers the items of lists of objects', () => {
    expect([...flatten({ purposes: [{ name: 'x' }, { name: 'y' }] })]).toEqual([
      ['purposes[1].name', 'x'],
      ['purposes[2].name', 'y'],
    ])
  })

  it('lists only the changed fields of an update, record-keeping fields last', () => {
    const before = { id: 3, version: 1, legalName: 'Old Oy', service: { fi: 'Sama', en: 'Old' }, websiteUrl: null }
    const after = { id: 3, version: 2, legalName: 'New Oy', service: { fi: 'Sama', en: 'New' }, websiteUrl: '' }
    const diff = eventDiff(before, after)
    expect(diff.mode).toBe('changes')
    expect(diff.rows.map((r) => [r.path, r.before, r.after, r.technical])).toEqual([
      ['legalName', 'Old Oy', 'New Oy', false],
      ['service.en', 'Old', 'New', false],
      ['version', 1, 2, true],
    ])
  })

  it('shows the values after a creation and before a deletion, without the empty ones', () => {
    const created = eventDiff(null, { id: 1, displayName: 'Acme', legalName: null, isPublic: false })
    expect(created.mode).toBe('after')
    expect(created.rows.map((r) => [r.path, r.after])).toEqual([
      ['displayName', 'Acme'],
      ['isPublic', false],
      ['id', 1],
    ])
    const deleted = eventDiff({ country: 'US' }, null)
    expect(deleted.mode).toBe('before')
    expect(deleted.rows).toEqual([{ path: 'country', before: 'US', after: null, technical: false }])
    expect(eventDiff(null, null).mode).toBe('none')
  })

  it('finds the processor of a processor, transfer or DPA event', () => {
    expect(processorIdOf({ entityType: 'processor', entityId: '12', before: null, after: null })).toBe(12)
    expect(processorIdOf({ entityType: 'transfer', entityId: '4', before: { processorId: 7 }, after: null })).toBe(7)
    expect(processorIdOf({ entityType: 'dpa', entityId: '4', before: null, after: { fileName: 'x.pdf' } })).toBeNull()
    expect(processorIdOf({ entityType: 'user', entityId: '1', before: null, after: null })).toBeNull()
  })
})
