import type { FieldError as ApiFieldError } from '@seloste/schema'
import type { FieldErrors, FieldValues, Path, UseFormSetError } from 'react-hook-form'
import type { ApiError } from '../../lib/api-client'

export interface PathMessage {
  path: string
  message: string
}

/** react-hook-form's nested error tree as a flat list of "a.b" paths, in form order. */
export function flattenErrors(errors: FieldErrors, prefix = ''): PathMessage[] {
  const out: PathMessage[] = []
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object') continue
    const path = prefix ? `${prefix}.${key}` : key
    const leaf = value as { message?: unknown; type?: unknown }
    if (typeof leaf.type === 'string' && typeof leaf.message === 'string') {
      out.push({ path: key === 'root' ? '' : path, message: leaf.message })
    } else {
      out.push(...flattenErrors(value as FieldErrors, path))
    }
  }
  return out
}

/**
 * Puts the API's 400 field errors beside the matching inputs. Returns those no input shows
 * (e.g. a rule on the merged record), which then appear only in the summary.
 */
export function applyServerErrors<T extends FieldValues>(
  error: ApiError,
  setError: UseFormSetError<T>,
  formPaths: readonly string[],
): ApiFieldError[] {
  const unmatched: ApiFieldError[] = []
  for (const f of error.fields) {
    if (formPaths.includes(f.path)) setError(f.path as Path<T>, { type: 'server', message: f.message })
    else unmatched.push(f)
  }
  return unmatched
}
