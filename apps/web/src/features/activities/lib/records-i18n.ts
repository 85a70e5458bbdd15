import { i18n } from '../../../lib/i18n'
import { recordsEn } from '../../../locales/records.en'
import { recordsFi } from '../../../locales/records.fi'

// The strings of the records of processing, the vocabulary and the exports come with their lazy
// routes (and the processor page's activities card) instead of with every page: the initial JS
// budget. Both languages at once, so switching language needs nothing more. Typed through
// lib/i18n-types.d.ts. Import this module for its effect before rendering anything that uses them.
i18n.addResourceBundle('en', 'translation', recordsEn, true, false)
i18n.addResourceBundle('fi', 'translation', recordsFi, true, false)
