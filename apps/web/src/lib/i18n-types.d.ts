import type { complianceEn } from '../locales/compliance.en'
import type { en } from '../locales/en'
import type { recordsEn } from '../locales/records.en'
import type { vocabularyEn } from '../locales/vocabulary.en'
import type { searchEn } from '../locales/search.en'

// Typed translation keys: a misspelt or missing key is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en & typeof complianceEn & typeof recordsEn & typeof vocabularyEn & typeof searchEn }
  }
}
