import { addUiTexts } from '../lib/i18n'
import { importsEn } from './imports.en'
import { importsFi } from './imports.fi'

// The strings of the import page load with them: import this module for its effect.
addUiTexts(importsEn, importsFi)
