import type { complianceEn } from '../locales/compliance.en'
import type { en } from '../locales/en'
import type { recordsEn } from '../locales/records.en'
import type { vocabularyEn } from '../locales/vocabulary.en'
import type { searchEn } from '../locales/search.en'
import type { governanceEn } from '../locales/governance.en'
import type { noticeEn } from '../locales/notice.en'
import type { organisationEn } from '../locales/organisation.en'
import type { importsEn } from '../locales/imports.en'
import type { catalogueEn } from '../locales/catalogue.en'

// Typed translation keys: a misspelt or missing key is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: {
      translation: typeof en &
        typeof complianceEn &
        typeof recordsEn &
        typeof vocabularyEn &
        typeof searchEn &
        typeof governanceEn &
        typeof noticeEn &
        typeof organisationEn &
        typeof importsEn &
        typeof catalogueEn
    }
  }
}
