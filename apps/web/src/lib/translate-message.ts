import { schemaMessagesFi } from '../locales/schema-messages-fi'
import { currentLanguage } from './i18n'

/**
 * The shared schema and the API speak English ("Required", "Must be an http(s) address").
 * In the Finnish UI those known messages are shown in Finnish; anything unknown is shown as is.
 */
export function translateMessage(message: string, lang = currentLanguage()): string {
  if (lang !== 'fi') return message
  return schemaMessagesFi[message] ?? message
}
