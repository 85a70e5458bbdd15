import { addUiTexts } from '../../lib/i18n'
import { complianceEn } from '../../locales/compliance.en'
import { complianceFi } from '../../locales/compliance.fi'

// The findings' strings for the lazy routes that show findings on their records (processor, activity),
// as app/routes/overview.tsx adds them for the overview: not in the initial bundle.
addUiTexts(complianceEn, complianceFi)
