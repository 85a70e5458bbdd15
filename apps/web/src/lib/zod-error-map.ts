import { i18n } from './i18n'

/**
 * Friendlier messages than zod's generic ones for what a form user can get wrong with a select
 * or an empty required input. Used per parse (zodResolver's schemaOptions), so it only fills in
 * where the shared schema has no message of its own.
 */
export function formErrorMap(issue: { code?: string; input?: unknown }): string | undefined {
  if (issue.code === 'invalid_value') return i18n.t('form.chooseOption')
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null || issue.input === ''))
    return i18n.t('form.required')
  return undefined
}
