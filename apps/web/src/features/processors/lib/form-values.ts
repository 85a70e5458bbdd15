import { INTERNATIONAL_ORGANISATIONS, type LocalizedText, type Processor, type ProcessorRole, type ProcessorStatus } from '@seloste/schema'
import type { TFunction } from 'i18next'
import type { Formatters } from '../../../lib/format'

/** What the processor form holds: text inputs as strings ('' = not recorded), the version it was loaded at. */
export interface ProcessorFormValues {
  displayName: string
  /** The name in English outputs ('' = the display name serves both). */
  displayNameEn: string
  legalName: string
  role: ProcessorRole
  status: ProcessorStatus
  parentId: number | null
  hqCountry: string
  startDate: string
  endDate: string
  isPublic: boolean
  service: LocalizedText
  purpose: LocalizedText
  disclosureCondition: LocalizedText
  dataCategories: string[]
  dataSubjectCategories: string[]
  websiteUrl: string
  privacyPolicyUrl: string
  dpaUrl: string
  internalNotes: string
  /** Role international_organisation: an id of the legal reference data ('' = not recorded or by name). */
  internationalOrganisationId: string
  /** Role international_organisation: its name where it is not in the reference data. */
  internationalOrganisationName: string
  /** Edit only: the version the form was loaded at; sent with the update for optimistic concurrency. */
  version?: number
}

/** Every input's path, in the order they appear on the form (also the error summary's order). */
export const PROCESSOR_FORM_PATHS = [
  'displayName',
  'displayNameEn',
  'legalName',
  'role',
  'internationalOrganisationId',
  'internationalOrganisationName',
  'status',
  'parentId',
  'hqCountry',
  'startDate',
  'endDate',
  'isPublic',
  'service.fi',
  'service.en',
  'purpose.fi',
  'purpose.en',
  'disclosureCondition.fi',
  'disclosureCondition.en',
  'dataCategories',
  'dataSubjectCategories',
  'websiteUrl',
  'privacyPolicyUrl',
  'dpaUrl',
  'internalNotes',
] as const
export type ProcessorFormPath = (typeof PROCESSOR_FORM_PATHS)[number]

export function emptyProcessorValues(): ProcessorFormValues {
  return {
    displayName: '',
    displayNameEn: '',
    legalName: '',
    role: 'processor',
    status: 'active',
    parentId: null,
    hqCountry: '',
    startDate: '',
    endDate: '',
    isPublic: true,
    service: { fi: '', en: '' },
    purpose: { fi: '', en: '' },
    disclosureCondition: { fi: '', en: '' },
    dataCategories: [],
    dataSubjectCategories: [],
    websiteUrl: '',
    privacyPolicyUrl: '',
    dpaUrl: '',
    internalNotes: '',
    internationalOrganisationId: '',
    internationalOrganisationName: '',
  }
}

export function processorToFormValues(p: Processor): ProcessorFormValues {
  return {
    displayName: p.displayName,
    displayNameEn: p.displayNameEn ?? '',
    legalName: p.legalName ?? '',
    role: p.role,
    status: p.status,
    parentId: p.parent?.id ?? null,
    hqCountry: p.hqCountry ?? '',
    startDate: p.startDate ?? '',
    endDate: p.endDate ?? '',
    isPublic: p.isPublic,
    service: { ...p.service },
    purpose: { ...p.purpose },
    disclosureCondition: { ...p.disclosureCondition },
    dataCategories: [...p.dataCategories],
    dataSubjectCategories: [...p.dataSubjectCategories],
    websiteUrl: p.websiteUrl ?? '',
    privacyPolicyUrl: p.privacyPolicyUrl ?? '',
    dpaUrl: p.dpaUrl ?? '',
    internalNotes: p.internalNotes ?? '',
    internationalOrganisationId: p.internationalOrganisationId ?? '',
    internationalOrganisationName: p.internationalOrganisationName ?? '',
    version: p.version,
  }
}

/** The label key of each form path ("parentId" is shown as "Parent company"). */
const LABEL_KEYS = {
  displayName: 'displayName',
  displayNameEn: 'displayNameEn',
  legalName: 'legalName',
  role: 'role',
  status: 'status',
  parentId: 'parent',
  hqCountry: 'hqCountry',
  startDate: 'startDate',
  endDate: 'endDate',
  isPublic: 'isPublic',
  dataCategories: 'dataCategories',
  dataSubjectCategories: 'dataSubjectCategories',
  websiteUrl: 'websiteUrl',
  privacyPolicyUrl: 'privacyPolicyUrl',
  dpaUrl: 'dpaUrl',
  internalNotes: 'internalNotes',
  internationalOrganisationId: 'internationalOrganisationId',
  internationalOrganisationName: 'internationalOrganisationName',
} as const

export function processorFieldLabel(t: TFunction, path: string): string {
  const [head, lang] = path.split('.')
  if ((head === 'service' || head === 'purpose' || head === 'disclosureCondition') && (lang === 'fi' || lang === 'en')) {
    return `${t(`processors.fields.${head}`)} (${t(lang === 'fi' ? 'language.fiName' : 'language.enName')})`
  }
  const key = LABEL_KEYS[path as keyof typeof LABEL_KEYS]
  return key ? t(`processors.fields.${key}`) : path
}

/** The form's values as readable text per field, for comparing two versions side by side. */
export function describeProcessorValues(
  v: ProcessorFormValues,
  t: TFunction,
  format: Formatters,
  parentName: (id: number) => string,
): Record<ProcessorFormPath, string> {
  return {
    displayName: v.displayName.trim(),
    displayNameEn: v.displayNameEn.trim(),
    legalName: v.legalName.trim(),
    role: t(`enums.role.${v.role}`),
    internationalOrganisationId: v.internationalOrganisationId
      ? (INTERNATIONAL_ORGANISATIONS.find((o) => o.id === v.internationalOrganisationId)?.name[format.lang] ??
        v.internationalOrganisationId)
      : '',
    internationalOrganisationName: v.internationalOrganisationName.trim(),
    status: t(`enums.processorStatus.${v.status}`),
    parentId: v.parentId == null ? '' : parentName(v.parentId),
    hqCountry: format.country(v.hqCountry),
    startDate: format.date(v.startDate),
    endDate: format.date(v.endDate),
    isPublic: v.isPublic ? t('processors.visibility.public') : t('processors.visibility.internal'),
    'service.fi': v.service.fi.trim(),
    'service.en': v.service.en.trim(),
    'purpose.fi': v.purpose.fi.trim(),
    'purpose.en': v.purpose.en.trim(),
    'disclosureCondition.fi': v.disclosureCondition.fi.trim(),
    'disclosureCondition.en': v.disclosureCondition.en.trim(),
    dataCategories: v.dataCategories.join(', '),
    dataSubjectCategories: v.dataSubjectCategories.join(', '),
    websiteUrl: v.websiteUrl.trim(),
    privacyPolicyUrl: v.privacyPolicyUrl.trim(),
    dpaUrl: v.dpaUrl.trim(),
    internalNotes: v.internalNotes.trim(),
  }
}
