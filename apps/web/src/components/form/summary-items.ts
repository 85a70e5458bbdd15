import type { FieldError as ApiFieldError } from '@seloste/schema'
import type { FieldErrors } from 'react-hook-form'
import type { SummaryItem } from './error-summary'
import { flattenErrors } from './form-errors'

/**
 * The error summary's rows: the form's field errors (client or server) and the server's errors
 * that no input shows. Paths inside a list ("dataCategories.2") point at the list's input.
 */
export function summaryItems(
  errors: FieldErrors,
  unmatched: readonly ApiFieldError[],
  formPaths: readonly string[],
  labelOf: (path: string) => string,
): SummaryItem[] {
  const base = (path: string) => formPaths.find((p) => path === p || path.startsWith(`${p}.`))
  const fromForm = flattenErrors(errors).map(({ path, message }) => {
    const b = base(path)
    return { path: b ?? path, label: b ? labelOf(b) : '', message, linked: !!b }
  })
  const fromServer = unmatched.map(({ path, message }) => ({ path, label: path ? labelOf(path) : '', message, linked: false }))
  // Form order, not the order the errors were found in.
  fromForm.sort((a, b) => formPaths.indexOf(a.path) - formPaths.indexOf(b.path))
  return [...fromForm, ...fromServer]
}
