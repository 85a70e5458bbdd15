import { MESSAGES, type MessageCode } from '@seloste/schema'
import { apiMessagesFi, OWN_WORDS, type OwnWordsCode } from '../locales/api-messages'
import { currentLanguage, i18n, type UiLanguage } from './i18n'

// The API's error body carries a code for each known sentence (packages/schema MESSAGES): the
// dashboard translates by it, never by matching the English text.

function hasOwnWords(code: MessageCode): code is OwnWordsCode {
  return Object.hasOwn(OWN_WORDS, code)
}

/** The sentence of a message code in the UI language. */
export function messageText(code: MessageCode, lang: UiLanguage = currentLanguage()): string {
  if (hasOwnWords(code)) return i18n.t(OWN_WORDS[code], { lng: lang })
  return lang === 'fi' ? apiMessagesFi[code] : MESSAGES[code]
}

/** An API error or field error in the UI language: by its code; a message without one as it is. */
export function apiText(problem: { message: string; messageCode?: MessageCode }, lang: UiLanguage = currentLanguage()): string {
  return problem.messageCode ? messageText(problem.messageCode, lang) : problem.message
}
