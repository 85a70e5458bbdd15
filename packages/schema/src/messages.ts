import { z } from 'zod'

/**
 * Stable codes for the fixed sentences the shared schema and the API answer with. The API's error
 * body carries the code beside the English sentence (`messageCode`, on the error and on each field),
 * so a client translates by code; `MESSAGES` holds each sentence once, and the schema and the API
 * write their messages from it.
 */
export const MessageCode = z.enum([
  'required',
  'http_url',
  'date',
  'country_code',
  'email',
  'business_id',
  'either_language',
  'dpo_unnamed',
  'joint_controllers_unnamed',
  'representative_unnamed',
  'representative_no_contact',
  'end_before_start',
  'eea_no_safeguard',
  'safeguard_needed',
  'dpf_us_only',
  'adequacy_unchosen',
  'adequacy_not_for_country',
  'us_choose_dpf',
  'scc_module_missing',
  'derogation_unchosen',
  'art46_undescribed',
  'not_required_unexplained',
  'ends_before_signed',
  'own_parent',
  'processor_not_found',
  'own_ancestor',
  'invalid_fields',
  'file_missing',
  'has_subsidiaries',
  'already_retired',
  'last_admin',
  'password_too_short',
  'password_too_long',
  'password_common',
  'password_is_email',
  'email_taken',
  'wrong_current_password',
  'risk_reason_missing',
  'date_in_past',
  'acceptance_too_long',
  'finding_not_open',
  'locations_unrecorded',
  'international_organisation_unknown',
  'international_organisation_both',
  'international_organisation_role',
])
export type MessageCode = z.infer<typeof MessageCode>

export const MESSAGES = {
  required: 'Required',
  http_url: 'Must be an http(s) address',
  date: 'Must be a date (YYYY-MM-DD)',
  country_code: 'Must be an ISO 3166-1 alpha-2 country code, e.g. FI or US',
  email: 'Must be an email address',
  business_id: 'Must be a Finnish business ID (Y-tunnus) such as 1234567-1 with a valid check digit',
  either_language: 'Write it in Finnish or English (or both)',
  dpo_unnamed: 'Name the data protection officer or give their e-mail',
  joint_controllers_unnamed: 'Name the joint controllers',
  representative_unnamed: 'Name the representative in the Union',
  representative_no_contact: "Give the representative's contact details",
  end_before_start: 'End date cannot be before the start date',
  eea_no_safeguard: 'Inside the EEA no transfer safeguard applies: choose "none needed"',
  safeguard_needed: 'The country is outside the EEA: a transfer safeguard is needed',
  dpf_us_only: 'The EU-US Data Privacy Framework applies only to the United States',
  adequacy_unchosen: 'Choose the adequacy decision',
  adequacy_not_for_country: 'This country has no such adequacy decision',
  us_choose_dpf: 'For the United States choose the EU-US Data Privacy Framework',
  scc_module_missing: 'Standard contractual clauses need a module (1-4)',
  derogation_unchosen: 'Choose the Art. 49 derogation',
  art46_undescribed: 'Describe the Art. 46 safeguard',
  not_required_unexplained: 'Say why no agreement is required',
  ends_before_signed: 'Cannot end before it was signed',
  own_parent: 'A processor cannot be its own parent',
  processor_not_found: 'No processor with this id',
  own_ancestor: 'This would make the processor its own ancestor',
  invalid_fields: 'The request has invalid fields',
  file_missing: 'Attach the document as the "file" field of a multipart form',
  has_subsidiaries: 'The processor has subsidiaries; move or delete them first',
  already_retired: 'The processor is already retired',
  last_admin: 'This is the last active administrator; appoint another first',
  password_too_short: 'Use at least 12 characters',
  password_too_long: 'Use at most 128 characters',
  password_common: 'This password is among the most common ones; choose another',
  password_is_email: 'The password cannot be your email address',
  email_taken: 'A user with this email already exists',
  wrong_current_password: 'The current password is not right',
  risk_reason_missing: 'Say why the risk is accepted',
  date_in_past: 'Must be today or later',
  acceptance_too_long: 'At most two years ahead: accepted risks must be looked at again',
  finding_not_open: 'No open finding with this key',
  international_organisation_unknown:
    'No international organisation with this id in the legal reference data: choose one from the list, or give its name',
  international_organisation_both: 'Give the organisation from the list or its name, not both',
  international_organisation_role: 'Only a recipient recorded as an international organisation says which organisation it is',
  locations_unrecorded:
    'Where some listed services keep the data is not recorded, and the list will say so: record their locations, or confirm to publish as it is',
} as const satisfies Record<MessageCode, string>

const CODE_OF = new Map<string, MessageCode>(MessageCode.options.map((code) => [MESSAGES[code], code]))

/** The code of one of the sentences above, or undefined for any other text. */
export function messageCodeOf(message: string): MessageCode | undefined {
  return CODE_OF.get(message)
}
