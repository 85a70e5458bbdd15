import { describe, expect, it } from 'vitest'
import { createFormatters, formattersFor } from './format'

describe('formatting in the UI language', () => {
  it('writes calendar dates the Finnish way in Finnish and without a day shift', () => {
    expect(createFormatters('fi').date('2025-06-27')).toBe('27.6.2025')
    expect(createFormatters('en').date('2025-06-27')).toBe('27 Jun 2025')
    expect(createFormatters('fi').date(null)).toBe('')
  })

  it('names countries in the UI language', () => {
    expect(createFormatters('fi').country('US')).toBe('Yhdysvallat')
    expect(createFormatters('en').country('US')).toBe('United States')
  })

  it('formats sizes and numbers with the locale’s separators', () => {
    expect(createFormatters('fi').bytes(1536)).toBe('1,5 kB')
    expect(createFormatters('en').number(1234)).toBe('1,234')
  })

  it('builds the formatters once per language and shares them (useFormat on every component)', () => {
    expect(formattersFor('fi')).toBe(formattersFor('fi'))
    expect(formattersFor('en')).not.toBe(formattersFor('fi'))
    expect(formattersFor('fi').date('2025-06-27')).toBe('27.6.2025')
    expect(formattersFor('en').lang).toBe('en')
  })
})
