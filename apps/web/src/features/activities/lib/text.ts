import type { Language } from '@seloste/schema'
import { useTranslation } from 'react-i18next'

type Localized = { fi: string; en: string }

/** The UI language as the schema's Language. */
export function useLang(): Language {
  const { i18n } = useTranslation()
  return i18n.language === 'fi' ? 'fi' : 'en'
}

/**
 * A localized text in the UI language, else in the other language (then marked with its `lang`,
 * so it is not mistaken for a translation and a screen reader pronounces it right).
 */
export function pickText(text: Localized, lang: Language): { text: string; lang: Language; fallback: boolean } {
  const other: Language = lang === 'fi' ? 'en' : 'fi'
  if (text[lang].trim()) return { text: text[lang], lang, fallback: false }
  return { text: text[other], lang: other, fallback: text[other].trim() !== '' }
}

/** A name for headings and lists: the UI language's, else the other's, else "#id". */
export function nameOf(name: Localized, lang: Language, id?: number): string {
  return pickText(name, lang).text || (id !== undefined ? `#${id}` : '')
}
