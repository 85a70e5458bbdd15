import { i18n } from '../../../lib/i18n'
import { searchEn } from '../../../locales/search.en'
import { searchFi } from '../../../locales/search.fi'

// The search page's strings come with its lazy route, not with every page (the initial JS budget);
// the header's box needs only its three in en.ts / fi.ts.
i18n.addResourceBundle('en', 'translation', searchEn, true, false)
i18n.addResourceBundle('fi', 'translation', searchFi, true, false)
