import type { TFunction } from 'i18next'
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form'
import { apiText } from '../../../lib/api-messages'
import { isApiError } from '../../../lib/api-client'

/**
 * After a failed user change: the API's field errors go beside the inputs (returns null when
 * every one found its input); anything else becomes one sentence for the dialog's alert.
 */
export function accountError<V extends FieldValues>(
  error: unknown,
  t: TFunction,
  errorText: (error: unknown) => string,
  form?: { setError: UseFormSetError<V>; paths: readonly string[] },
): string | null {
  if (!isApiError(error)) return errorText(error)
  if (error.code === 'validation_failed' && error.fields.length > 0) {
    const rest: string[] = []
    for (const f of error.fields) {
      if (form?.paths.includes(f.path)) form.setError(f.path as Path<V>, { type: 'server', message: f.message })
      else rest.push(apiText(f))
    }
    return rest.length ? rest.join(' ') : null
  }
  if (error.code === 'version_conflict') return t('users.conflict')
  // The last active administrator, an email already taken (409 "conflict"): by the sentence's code.
  if (error.code === 'conflict' && error.messageCode) return apiText(error)
  return errorText(error)
}
