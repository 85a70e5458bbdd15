import { addUiTexts } from '../lib/i18n'
import { noticeEn } from './notice.en'
import { noticeFi } from './notice.fi'

// The strings of the privacy notice page load with them: import this module for its effect.
addUiTexts(noticeEn, noticeFi)
