import { catalogueEn } from './catalogue.en'
import { catalogueFi } from './catalogue.fi'
import { complianceEn } from './compliance.en'
import { complianceFi } from './compliance.fi'
import { en } from './en'
import { fi } from './fi'
import { governanceEn } from './governance.en'
import { governanceFi } from './governance.fi'
import { importsEn } from './imports.en'
import { importsFi } from './imports.fi'
import { noticeEn } from './notice.en'
import { noticeFi } from './notice.fi'
import { organisationEn } from './organisation.en'
import { organisationFi } from './organisation.fi'
import { recordsEn } from './records.en'
import { recordsFi } from './records.fi'
import { searchEn } from './search.en'
import { searchFi } from './search.fi'
import { vocabularyEn } from './vocabulary.en'
import { vocabularyFi } from './vocabulary.fi'

/**
 * Every bundle of UI strings: en.ts/fi.ts load at start, the others with the routes that use them
 * (lib/i18n.ts `addUiTexts`). For the tests that read all the words; the app never imports this.
 * Each bundle has its own top-level keys, so `ALL_EN`/`ALL_FI` are every string by its key.
 */
export const TEXT_BUNDLES = [
  ['main', en, fi],
  ['compliance', complianceEn, complianceFi],
  ['records', recordsEn, recordsFi],
  ['vocabulary', vocabularyEn, vocabularyFi],
  ['search', searchEn, searchFi],
  ['governance', governanceEn, governanceFi],
  ['notice', noticeEn, noticeFi],
  ['organisation', organisationEn, organisationFi],
  ['imports', importsEn, importsFi],
  ['catalogue', catalogueEn, catalogueFi],
] as const

export const ALL_EN: Record<string, unknown> = Object.assign({}, ...TEXT_BUNDLES.map(([, english]) => english))
export const ALL_FI: Record<string, unknown> = Object.assign({}, ...TEXT_BUNDLES.map(([, , finnish]) => finnish))
