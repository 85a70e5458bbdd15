import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en as zodEn, fi as zodFi } from 'zod/locales'
import { z } from 'zod'
import { en } from '../locales/en'
import { fi } from '../locales/fi'

export const UI_LANGUAGES = ['en', 'fi'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]

const STORAGE_KEY = 'seloste.language'

function isUiLanguage(value: unknown): value is UiLanguage {
  return value === 'en' || value === 'fi'
}

/** The saved choice, else Finnish for a Finnish browser, else English. */
export function initialLanguage(): UiLanguage {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (isUiLanguage(saved)) return saved
  } catch {
    // Storage can be disabled (privacy settings); the browser language still works.
  }
  const browser = navigator.languages?.[0] ?? navigator.language ?? ''
  return browser.toLowerCase().startsWith('fi') ? 'fi' : 'en'
}

/** Applies a language to everything outside React that depends on it. */
function applyLanguage(lng: string): void {
  const lang: UiLanguage = isUiLanguage(lng) ? lng : 'en'
  document.documentElement.lang = lang
  // zod's own messages (e.g. "Invalid option") follow the UI language. Named locale imports,
  // rather than z.locales.*, keep the other ~50 locales out of the bundle.
  z.config(lang === 'fi' ? zodFi() : zodEn())
  try {
    localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    // Not persisted; the choice still holds for this visit.
  }
}

export const i18n = i18next.createInstance()

i18n.on('languageChanged', applyLanguage)

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, fi: { translation: fi } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...UI_LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  initAsync: false, // resources are bundled: render in the right language from the first frame
})

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : 'en'
}

/**
 * Adds strings that load with the lazy routes using them (not in the initial JavaScript), in both
 * languages at once so that switching language needs nothing more. Their keys are typed through
 * lib/i18n-types.d.ts. Call it when the module loads, before anything using them renders.
 */
export function addUiTexts(en: object, fi: object): void {
  i18n.addResourceBundle('en', 'translation', en, true, false)
  i18n.addResourceBundle('fi', 'translation', fi, true, false)
}
