import { hash, verify, type Algorithm } from '@node-rs/argon2'
import { dictionary } from '@zxcvbn-ts/language-common'
import { randomBytes } from 'node:crypto'
import { MESSAGES } from '@seloste/schema'

/** OWASP's minimum for argon2id: 19 MiB of memory, 2 iterations, 1 lane. */
// `Algorithm` is a const enum that isolated modules cannot read: 2 is Algorithm.Argon2id.
const ARGON2_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 128

// The zxcvbn-ts list of the ~50,000 most common passwords.
const COMMON_PASSWORDS: ReadonlySet<string> = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()))

/** Words an attacker tries first against this service: its own name; callers add the organisation's and the user's. */
const SERVICE_WORDS = ['seloste']

/** What is left of a password once its repetition is taken out: "abcabcabc" -> "abc", twelve spaces -> " ". */
function repeatedUnit(password: string): string {
  const chars = [...password]
  for (let size = 1; size <= chars.length / 2; size++) {
    if (chars.length % size !== 0) continue
    const unit = chars.slice(0, size).join('')
    if (unit.repeat(chars.length / size) === password) return unit
  }
  return password
}

/**
 * NIST SP 800-63B 5.1.1.2: a length floor, no composition rules, and nothing an attacker tries
 * first: a common password, one character or a short run repeated, or the service's, the
 * organisation's or the user's own name with a little added (`seloste12345`).
 */
export function passwordProblem(password: string, email?: string, contextWords: readonly string[] = []): string | null {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters`
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters`
  const lower = password.toLowerCase()
  if (COMMON_PASSWORDS.has(lower)) return MESSAGES.password_common
  if (email && lower === email.toLowerCase()) return MESSAGES.password_is_email
  if ([...repeatedUnit(lower)].length <= 4 || new Set(lower).size <= 2)
    return 'The password repeats the same few characters; choose another'
  const given = [...contextWords, ...(email ? [email, email.split('@')[0] ?? ''] : [])].map((w) => w.trim().toLowerCase())
  // The whole names first (longest first), then their words: "Example Oy" and "example" alike.
  const words = [...SERVICE_WORDS, ...given, ...given.flatMap((w) => w.split(/[^\p{L}\p{N}]+/u))]
    .filter((w) => [...w].length >= 4)
    .sort((a, b) => b.length - a.length)
  let rest = lower
  for (const word of words) rest = rest.split(word).join('')
  // What is left once the names are taken out must stand as a password of its own.
  if (rest !== lower && ([...rest.trim()].length < 8 || COMMON_PASSWORDS.has(rest.trim()) || [...repeatedUnit(rest)].length <= 4)) {
    return 'The password is built on a name that belongs to this service, your organisation or you; choose another'
  }
  return null
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS)
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/** A hash to verify against when the account does not exist, so both answers take the same time. */
let dummyHash: Promise<string> | null = null
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'))
  return dummyHash
}

/** A strong random password (about 120 bits) for first-start admins and resets. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url').replace(/[-_]/g, 'x') + '-' + randomBytes(5).toString('base64url')
}
