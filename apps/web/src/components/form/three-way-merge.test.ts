import { describe, expect, it } from 'vitest'
import { changeKind, mergeValues } from './three-way-merge'

const base = { name: 'Acme', legal: '', service: { fi: 'Palvelu', en: 'Service' }, tags: ['a'], version: 1 }
const paths = ['name', 'legal', 'service.fi', 'service.en', 'tags']

describe('three-way merge of form values', () => {
  it('keeps what only they changed, what only I changed, and asks about what both changed', () => {
    const mine = { ...base, legal: 'Mine Oy', service: { fi: 'Palvelu', en: 'My service' } }
    const theirs = { ...base, name: 'Acme Ltd', service: { fi: 'Heidän', en: 'Their service' }, version: 2 }
    expect(changeKind(base, mine, theirs, 'name')).toBe('theirs')
    expect(changeKind(base, mine, theirs, 'legal')).toBe('mine')
    expect(changeKind(base, mine, theirs, 'service.fi')).toBe('theirs')
    expect(changeKind(base, mine, theirs, 'service.en')).toBe('both')
    expect(changeKind(base, mine, theirs, 'tags')).toBeNull()
    const merged = mergeValues(base, mine, theirs, paths, { 'service.en': 'theirs' })
    expect(merged).toMatchObject({ name: 'Acme Ltd', legal: 'Mine Oy', service: { fi: 'Heidän', en: 'Their service' } })
    expect(mergeValues(base, mine, theirs, paths, { 'service.en': 'mine' }).service.en).toBe('My service')
    // The inputs are left as they were.
    expect(mine.service.fi).toBe('Palvelu')
  })

  it('treats surrounding spaces as no change, and merges values no path names', () => {
    const mine = { ...base, name: ' Acme ', extra: 1 }
    const theirs = { ...base, name: 'Acme', extra: 2 }
    expect(changeKind(base, mine, theirs, 'name')).toBeNull()
    expect(mergeValues({ ...base, extra: 1 }, mine, theirs, paths, {}).extra).toBe(2)
  })
})
