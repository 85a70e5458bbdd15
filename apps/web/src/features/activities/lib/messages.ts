import type { TFunction } from 'i18next'
import { recordsEn } from '../../../locales/records.en'

type MessageKey = keyof typeof recordsEn.activities.messages

const BY_ENGLISH = new Map<string, MessageKey>(
  (Object.entries(recordsEn.activities.messages) as [MessageKey, string][])
    .filter(([key]) => key !== 'art9Named')
    .map(([key, text]) => [text, key]),
)

const ART9_NAMED = /^Special categories of personal data are processed \((.+)\): choose the Art\. 9\(2\) condition$/

/**
 * The shared schema and the API write their messages about activities in English. Those known
 * here are shown in the UI language (by exact text; the schema's MESSAGES go by their code, see
 * lib/api-messages.ts); anything else is returned as is, for the shared translator to try.
 */
export function activityMessage(t: TFunction, message: string): string {
  const key = BY_ENGLISH.get(message)
  if (key) return t(`activities.messages.${key}`)
  const named = ART9_NAMED.exec(message)
  if (named) return t('activities.messages.art9Named', { names: named[1] })
  return message
}
