import type { Language, Organisation } from '@seloste/schema'
import type { TFunction } from 'i18next'

/**
 * The organisation form. The Art. 37 and Art. 26 questions are tri-state: true, false, or null for
 * "not recorded", which the form keeps as its own choice (never folded into "no").
 */
export interface OrganisationFormValues {
  name: string
  businessId: string
  address: string
  privacyContactName: string
  privacyContactEmail: string
  defaultLanguage: Language
  dpoAppointed: boolean | null
  dpoName: string
  dpoEmail: string
  representativeNeeded: boolean | null
  representative: string
  representativeContact: string
  hasJointControllers: boolean | null
  jointControllers: string
  version?: number
}

export const ORGANISATION_FORM_PATHS = [
  'name',
  'businessId',
  'address',
  'defaultLanguage',
  'privacyContactName',
  'privacyContactEmail',
  'dpoAppointed',
  'dpoName',
  'dpoEmail',
  'representativeNeeded',
  'representative',
  'representativeContact',
  'hasJointControllers',
  'jointControllers',
] as const

export type OrganisationFormPath = (typeof ORGANISATION_FORM_PATHS)[number]

export function organisationToFormValues(o: Organisation): OrganisationFormValues {
  return {
    name: o.name,
    businessId: o.businessId,
    address: o.address ?? '',
    privacyContactName: o.privacyContactName ?? '',
    privacyContactEmail: o.privacyContactEmail ?? '',
    defaultLanguage: o.defaultLanguage,
    dpoAppointed: o.dpoAppointed,
    dpoName: o.dpoName ?? '',
    dpoEmail: o.dpoEmail ?? '',
    representativeNeeded: o.representativeNeeded,
    representative: o.representative ?? '',
    representativeContact: o.representativeContact ?? '',
    hasJointControllers: o.hasJointControllers,
    jointControllers: o.jointControllers ?? '',
    version: o.version,
  }
}

/** A DPO's, representative's or joint controllers' names go only with a "yes": a "no" or "not recorded" clears them. */
export function withoutHiddenAnswers<
  T extends { dpoAppointed?: boolean | null; representativeNeeded?: boolean | null; hasJointControllers?: boolean | null },
>(values: T): T {
  return {
    ...values,
    ...(values.dpoAppointed === true ? {} : { dpoName: null, dpoEmail: null }),
    ...(values.representativeNeeded === true ? {} : { representative: null, representativeContact: null }),
    ...(values.hasJointControllers === true ? {} : { jointControllers: null }),
  }
}

export function organisationFieldLabel(t: TFunction, path: string): string {
  return (ORGANISATION_FORM_PATHS as readonly string[]).includes(path) ? t(`organisation.fields.${path as OrganisationFormPath}`) : path
}

/** Yes, no, or not recorded, in words. */
export function answerText(t: TFunction, value: boolean | null): string {
  return value === null ? t('organisation.answer.notRecorded') : value ? t('organisation.answer.yes') : t('organisation.answer.no')
}

/** The form's values as the conflict banner compares them. */
export function describeOrganisationValues(v: OrganisationFormValues, t: TFunction): Record<OrganisationFormPath, string> {
  const dpo = v.dpoAppointed === true
  const joint = v.hasJointControllers === true
  const rep = v.representativeNeeded === true
  return {
    name: v.name.trim(),
    businessId: v.businessId.trim(),
    address: v.address.trim(),
    defaultLanguage: t(`language.${v.defaultLanguage}Name`),
    privacyContactName: v.privacyContactName.trim(),
    privacyContactEmail: v.privacyContactEmail.trim(),
    dpoAppointed: answerText(t, v.dpoAppointed),
    dpoName: dpo ? v.dpoName.trim() : '',
    dpoEmail: dpo ? v.dpoEmail.trim() : '',
    representativeNeeded: answerText(t, v.representativeNeeded),
    representative: rep ? v.representative.trim() : '',
    representativeContact: rep ? v.representativeContact.trim() : '',
    hasJointControllers: answerText(t, v.hasJointControllers),
    jointControllers: joint ? v.jointControllers.trim() : '',
  }
}
