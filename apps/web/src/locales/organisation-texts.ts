import { addUiTexts } from '../lib/i18n'
import { organisationEn } from './organisation.en'
import { organisationFi } from './organisation.fi'

// The strings of the organisation page load with them: import this module for its effect.
addUiTexts(organisationEn, organisationFi)
