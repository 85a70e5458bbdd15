import type { FieldValues, Resolver } from 'react-hook-form'

/**
 * The shared input schemas are strict (an unknown field is an error) and do not hold the version an
 * edit form was loaded at. This validates the values without it and gives it back to the parsed
 * values, where the update sends it for optimistic concurrency.
 */
export function versionedResolver<V extends FieldValues & { version?: number }, P>(
  resolver: Resolver<V, unknown, P>,
): Resolver<V, unknown, P & { version?: number }> {
  return async (values, context, options) => {
    const { version, ...rest } = values
    const result = await resolver(rest as V, context, options)
    if (Object.keys(result.errors).length > 0) return result as Awaited<ReturnType<Resolver<V, unknown, P & { version?: number }>>>
    return { values: { ...(result.values as P), ...(version === undefined ? {} : { version }) }, errors: {} }
  }
}
