import type { ProcessorListQuery } from '@seloste/schema'
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

/** The query string wants strings; absent filters are left out entirely. */
function toQueryString(query: ProcessorListQuery): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') out[key] = String(value)
  }
  return out
}

export function getProcessors(query: ProcessorListQuery) {
  return call(api.processors.$get({ query: toQueryString(query) }))
}

export const processorsQueryOptions = (query: ProcessorListQuery) =>
  queryOptions({
    queryKey: queryKeys.processors.list(query),
    queryFn: () => getProcessors(query),
    // Keep showing the previous page while the next loads, instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  })

export function useProcessors(query: ProcessorListQuery) {
  return useQuery(processorsQueryOptions(query))
}
