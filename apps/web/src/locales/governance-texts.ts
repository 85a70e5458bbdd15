import { addUiTexts } from '../lib/i18n'
import { governanceEn } from './governance.en'
import { governanceFi } from './governance.fi'

// The strings of the public list, audit trail and users pages (and the password dialog, the processor history) load with them: import this module for its effect.
addUiTexts(governanceEn, governanceFi)
