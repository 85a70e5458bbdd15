import { toNestErrors, validateFieldsNatively } from '@hookform/resolvers'
import type { FieldError, FieldValues, Resolver } from 'react-hook-form'
import type { z } from 'zod'
import { formErrorMap } from '../../lib/zod-error-map'

/**
 * A react-hook-form resolver over a shared zod schema, typed with the form's own values.
 *
 * `zodResolver` types the form's values as the schema's input (`z.input`), but the forms hold
 * narrower values than the schemas accept (an empty string where the API also takes null or
 * nothing, plus the `version` an edit was loaded at), so its resolver did not fit `useForm<V>`
 * without a cast. Here the compiler checks the real relation instead: the form's values must be
 * a valid input of the schema (`V extends I`), or the form passes `toInput`, which turns its
 * values into one. The errors are zod's issues nested by path, one per field (the first, as
 * `zodResolver` does; for a union, the closest branch's), with the forms' friendlier messages
 * (`formErrorMap`).
 */
export function formResolver<V extends I, O, I extends FieldValues>(schema: z.ZodType<O, I>): Resolver<V, unknown, O>
export function formResolver<V extends FieldValues, O, I>(schema: z.ZodType<O, I>, toInput: (values: V) => I): Resolver<V, unknown, O>
export function formResolver<V extends FieldValues, O>(
  schema: z.ZodType<O>,
  toInput: (values: V) => unknown = (values) => values,
): Resolver<V, unknown, O> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(toInput(values), { error: formErrorMap })
    if (result.success) {
      if (options.shouldUseNativeValidation) validateFieldsNatively({}, options)
      return { values: result.data, errors: {} }
    }
    return { values: {}, errors: toNestErrors(firstErrorPerPath(result.error.issues), options) }
  }
}

/** The first issue of each dotted path; a union's issues come from its closest branch. */
export function firstErrorPerPath(issues: readonly z.core.$ZodIssue[]): Record<string, FieldError> {
  // No prototype, so that a field named like an Object member ("constructor") keeps its error.
  const errors: Record<string, FieldError> = Object.create(null)
  const queue = [...issues]
  for (let issue = queue.shift(); issue; issue = queue.shift()) {
    const path = issue.path.join('.')
    if (!errors[path]) {
      if (issue.code === 'invalid_union' && issue.errors.length > 0) {
        const closest = issue.errors.reduce((a, b) => (b.length < a.length ? b : a))
        errors[path] = { message: closest[0]?.message ?? issue.message, type: closest[0]?.code ?? issue.code }
      } else {
        errors[path] = { message: issue.message, type: issue.code }
      }
    }
    if (issue.code === 'invalid_union') {
      const parent = issue.path
      for (const branch of issue.errors) for (const e of branch) queue.push({ ...e, path: [...parent, ...e.path] })
    }
  }
  return errors
}
