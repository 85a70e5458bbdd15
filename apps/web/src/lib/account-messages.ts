import type { TFunction } from 'i18next'
import { translateMessage } from './translate-message'

/**
 * The API's English messages about accounts and passwords (services/users.ts, passwords.ts),
 * shown in the UI language. The shared schema's own password length message is the same text.
 */
const KNOWN = {
  'This is the last active administrator; appoint another first': 'users.messages.lastAdmin',
  'Use at least 12 characters': 'users.messages.tooShort',
  'Use at most 128 characters': 'users.messages.tooLong',
  'This password is among the most common ones; choose another': 'users.messages.common',
  'The password cannot be your email address': 'users.messages.sameAsEmail',
  'A user with this email already exists': 'users.messages.emailTaken',
  'The current password is not right': 'users.messages.wrongCurrent',
} as const

export function accountMessage(t: TFunction, message: string | undefined): string | undefined {
  if (message === undefined) return undefined
  const key = KNOWN[message as keyof typeof KNOWN]
  return key ? t(key) : translateMessage(message)
}
