import { addUiTexts } from '../../../lib/i18n'
import { searchEn } from '../../../locales/search.en'
import { searchFi } from '../../../locales/search.fi'

// The search page's strings come with its lazy route, not with every page (the initial JS budget);
// the header's box needs only its three in en.ts / fi.ts.
addUiTexts(searchEn, searchFi)
