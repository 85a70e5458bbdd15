/**
 * Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit.
 * The check digit: weights 7, 9, 10, 5, 8, 4, 2; remainder of the sum mod 11;
 * 0 gives 0, 1 is never issued, otherwise 11 minus the remainder.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const

export function businessIdCheckDigit(first7: string): number | null {
  if (!/^\d{7}$/.test(first7)) return null
  let sum = 0
  for (let i = 0; i < 7; i++) sum += Number(first7[i]) * WEIGHTS[i]!
  const remainder = sum % 11
  if (remainder === 0) return 0
  if (remainder === 1) return null
  return 11 - remainder
}

export function isValidBusinessId(value: string): boolean {
  const match = /^(\d{7})-(\d)$/.exec(value)
  if (!match) return false
  return businessIdCheckDigit(match[1]!) === Number(match[2])
}
