import { countryName, processorName } from '@seloste/schema'
import { useTranslation } from 'react-i18next'
import type { UiLanguage } from './i18n'

/** Intl locales for the UI languages: Finnish dates read 27.6.2025, English 27 Jun 2025. */
const LOCALES: Record<UiLanguage, string> = { fi: 'fi-FI', en: 'en-GB' }

/** A calendar date (YYYY-MM-DD) as a local date: parsing it as UTC would shift it a day west of Greenwich. */
function parseCalendarDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (m) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? null : d
}

export function createFormatters(lang: UiLanguage) {
  const locale = LOCALES[lang]
  const date = new Intl.DateTimeFormat(
    locale,
    lang === 'fi' ? { day: 'numeric', month: 'numeric', year: 'numeric' } : { dateStyle: 'medium' },
  )
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: lang === 'fi' ? 'short' : 'medium', timeStyle: 'short' })
  const number = new Intl.NumberFormat(locale)
  const collator = new Intl.Collator(locale, { sensitivity: 'base' })
  return {
    lang,
    date: (value: string | null | undefined): string => {
      const d = value ? parseCalendarDate(value) : null
      return d ? date.format(d) : ''
    },
    dateTime: (value: string | null | undefined): string => {
      const d = value ? new Date(value) : null
      return d && !Number.isNaN(d.getTime()) ? dateTime.format(d) : ''
    },
    number: (value: number): string => number.format(value),
    bytes: (value: number): string => {
      const units = ['B', 'kB', 'MB', 'GB']
      let v = value
      let i = 0
      while (v >= 1024 && i < units.length - 1) {
        v /= 1024
        i++
      }
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v)} ${units[i]}`
    },
    country: (code: string | null | undefined): string => (code ? countryName(code, lang) : ''),
    /** A processor or recipient by the name the language uses (its English name, where one is recorded, in English). */
    processor: (p: { displayName: string; displayNameEn?: string | null }): string => processorName(p, lang),
    compare: collator.compare,
  }
}

export type Formatters = ReturnType<typeof createFormatters>

/**
 * One set of formatters per language for the whole app. Building Intl formatters costs far more than
 * using them, and dozens of components on a page (every finding, row and chart) ask for them: the
 * overview spent about a third of a second of main-thread time building them per component
 * (Lighthouse's Total Blocking Time, docs/performance.md).
 */
const shared = new Map<UiLanguage, Formatters>()

export function formattersFor(lang: UiLanguage): Formatters {
  let formatters = shared.get(lang)
  if (!formatters) shared.set(lang, (formatters = createFormatters(lang)))
  return formatters
}

/** Formatters bound to the active UI language; they change when the language does. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation()
  const lang: UiLanguage = i18n.language === 'fi' ? 'fi' : 'en'
  return formattersFor(lang)
}
