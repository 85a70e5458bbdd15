import { describe, expect, it } from 'vitest'
import { businessIdCheckDigit, isValidBusinessId } from './business-id'
import { BusinessId } from './registry'

/** Real business IDs from the Finnish trade register (YTJ). */
const REAL_IDS = {
  mikroniDigital: '3235836-5',
  nokia: '0112038-9',
  kesko: '0109862-8',
  elisa: '0116510-6',
}

describe('isValidBusinessId', () => {
  it.each(Object.entries(REAL_IDS))('accepts the real business ID of %s (%s)', (_company, id) => {
    expect(isValidBusinessId(id)).toBe(true)
  })

  it('refuses 3235836 with any other check digit than 5', () => {
    const wrong = [0, 1, 2, 3, 4, 6, 7, 8, 9].map((d) => `3235836-${d}`)
    expect(wrong.filter(isValidBusinessId)).toEqual([])
  })

  it('accepts check digit 0 when the weighted sum is divisible by 11', () => {
    // 1000002: 1·7 + 0·9 + 0·10 + 0·5 + 0·8 + 0·4 + 2·2 = 11, remainder 0, so the check digit is 0.
    expect(isValidBusinessId('1000002-0')).toBe(true)
    expect(isValidBusinessId('1000002-1')).toBe(false)
  })

  it('refuses every number whose remainder is 1 (never issued), whatever the check digit', () => {
    // 0000030: 3·4 = 12, remainder 1. 0000006: 6·2 = 12, remainder 1.
    for (const first7 of ['0000030', '0000006']) {
      const candidates = Array.from({ length: 10 }, (_, d) => `${first7}-${d}`)
      expect(candidates.filter(isValidBusinessId)).toEqual([])
    }
  })

  it.each([
    ['no hyphen', '32358365'],
    ['hyphen but no check digit', '3235836-'],
    ['hyphen in the wrong place', '323583-65'],
    ['six digits', '235836-5'],
    ['eight digits', '03235836-5'],
    ['two check digits', '3235836-55'],
    ['an en dash instead of a hyphen', '3235836\u20135'],
    ['the VAT number form', 'FI32358365'],
    ['letters', 'ABCDEFG-5'],
    ['surrounding spaces (the raw check does not trim)', ' 3235836-5 '],
    ['an empty string', ''],
  ])('refuses %s: %j', (_why, value) => {
    expect(isValidBusinessId(value)).toBe(false)
  })
})

describe('businessIdCheckDigit', () => {
  it('computes the check digit of real business IDs', () => {
    expect(businessIdCheckDigit('3235836')).toBe(5)
    expect(businessIdCheckDigit('0112038')).toBe(9)
    expect(businessIdCheckDigit('0109862')).toBe(8)
  })

  it('gives 0 for remainder 0 and null for remainder 1', () => {
    expect(businessIdCheckDigit('1000002')).toBe(0)
    expect(businessIdCheckDigit('0000030')).toBeNull()
  })

  it('gives null for anything but seven digits', () => {
    expect(businessIdCheckDigit('323583')).toBeNull()
    expect(businessIdCheckDigit('32358360')).toBeNull()
    expect(businessIdCheckDigit('323583a')).toBeNull()
  })
})

describe('BusinessId schema', () => {
  it('trims the value before checking it', () => {
    expect(BusinessId.parse('  3235836-5 ')).toBe('3235836-5')
  })

  it('refuses a wrong check digit with a message that names the format', () => {
    const result = BusinessId.safeParse('3235836-4')
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.message).toMatch(/Y-tunnus/)
  })
})
