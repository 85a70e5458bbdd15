import { messageCodeOf } from '@seloste/schema'
import { messageText } from './api-messages'
import { currentLanguage } from './i18n'

/**
 * A message held in a form's state (the shared schema's, from validating in the browser, or the
 * API's, put beside its input) in the UI language. The schema and the API write their sentences
 * from `MESSAGES` (packages/schema), so a known sentence has its code; any other text is shown as
 * it is. An API error read from its body is translated by the body's own code (`apiText`).
 */
export function translateMessage(message: string, lang = currentLanguage()): string {
  const code = messageCodeOf(message)
  return code ? messageText(code, lang) : message
}
