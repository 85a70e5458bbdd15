import { addUiTexts } from '../../../lib/i18n'
import { recordsEn } from '../../../locales/records.en'
import { recordsFi } from '../../../locales/records.fi'

// The strings of the records of processing, the vocabulary and the exports come with their lazy
// routes (and the processor page's activities card) instead of with every page: the initial JS
// budget. Both languages at once, so switching language needs nothing more. Typed through
// lib/i18n-types.d.ts. Import this module for its effect before rendering anything that uses them.
addUiTexts(recordsEn, recordsFi)
