import type { en } from '../locales/en'

// Typed translation keys: a misspelt or missing key is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}
