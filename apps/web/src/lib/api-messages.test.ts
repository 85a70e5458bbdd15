import { MESSAGES, MessageCode } from '@seloste/schema'
import { describe, expect, it } from 'vitest'
import { apiMessagesFi, OWN_WORDS } from '../locales/api-messages'
import { ALL_EN, ALL_FI } from '../locales/all-texts'

/** The text at a dotted i18next key of a locale, or undefined. */
function at(locale: unknown, key: string): unknown {
  let node = locale
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined
  return node
}

describe('every API message code has words in both languages', () => {
  it.each(MessageCode.options)('%s', (code) => {
    const key = (OWN_WORDS as Partial<Record<MessageCode, string>>)[code]
    const english = key ? at(ALL_EN, key) : MESSAGES[code]
    const finnish = key ? at(ALL_FI, key) : (apiMessagesFi as Partial<Record<MessageCode, string>>)[code]
    expect(typeof english === 'string' && english.trim().length > 0).toBe(true)
    expect(typeof finnish === 'string' && finnish.trim().length > 0).toBe(true)
    expect(finnish).not.toBe(english)
  })

  it('has no Finnish for a code that is not one', () => {
    expect(Object.keys(apiMessagesFi).filter((code) => !MessageCode.safeParse(code).success)).toEqual([])
  })
})
