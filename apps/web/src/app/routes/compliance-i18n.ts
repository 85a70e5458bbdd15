import { i18n } from '../../lib/i18n'
import { complianceEn } from '../../locales/compliance.en'
import { complianceFi } from '../../locales/compliance.fi'

// The findings' strings for the lazy routes that show findings on their records (processor, activity),
// as app/routes/overview.tsx adds them for the overview: not in the initial bundle.
i18n.addResourceBundle('en', 'translation', complianceEn, true, false)
i18n.addResourceBundle('fi', 'translation', complianceFi, true, false)
