import { describe, expect, it } from 'vitest'
import { ALL_EN, ALL_FI } from '../../../locales/all-texts'
import { auditFieldLabel, auditValueKey, type LabelLookup } from './field-labels'

function lookupIn(locale: Record<string, unknown>): LabelLookup {
  return (key, options) => {
    let node: unknown = locale
    for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined
    return typeof node === 'string' ? node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => options?.[name] ?? '') : null
  }
}
const en = lookupIn(ALL_EN)
const fi = lookupIn(ALL_FI)

describe('audit field labels', () => {
  it('labels a field by its form label, in the UI language', () => {
    expect(auditFieldLabel('transfer', 'safeguard', en)).toBe('Safeguard')
    expect(auditFieldLabel('transfer', 'safeguard', fi)).toBe('Suojatoimi')
  })

  it('numbers list items and names the language of a text', () => {
    expect(auditFieldLabel('activity', 'purposes[2].description.fi', en)).toBe('Purposes 2: Purpose (FI)')
    expect(auditFieldLabel('data_category', 'mergedInto.name.en', en)).toBe('Merged into: Name (EN)')
  })

  it('names the Art. 28(3) point of a DPA checklist field', () => {
    expect(auditFieldLabel('dpa', 'checklist.d.status', en)).toBe('Art. 28(3)(d) covered')
  })

  it('has no label for a field it does not know (the raw path is shown and the API test fails)', () => {
    expect(auditFieldLabel('processor', 'noSuchField', en)).toBeNull()
  })

  it('finds the label of a code by record type and path', () => {
    expect(auditValueKey('transfer', 'safeguard', 'dpf', en)).toBe('enums.safeguard.dpf')
    expect(auditValueKey('session', 'reason', 'wrong_password', en)).toBe('audit.values.reason.wrong_password')
    expect(auditValueKey('activity', 'processors[1].role', 'sub_processor', en)).toBe('enums.role.sub_processor')
    expect(auditValueKey('processor', 'internalNotes', 'dpf', en)).toBeNull()
  })
})
