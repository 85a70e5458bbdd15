import { addUiTexts } from '../lib/i18n'
import { catalogueEn } from './catalogue.en'
import { catalogueFi } from './catalogue.fi'

// The strings of the vendor catalogue on the new-processor and processor pages load with them: import this module for its effect.
addUiTexts(catalogueEn, catalogueFi)
