import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

export const searchKeys = {
  all: ['search'] as const,
  results: (q: string) => ['search', q] as const,
}

/** Processors, activities and findings matching the term, at most 10 of each. */
export function searchRegistry(q: string) {
  return call(api.search.$get({ query: { q, limit: '10' } }))
}

export const searchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: searchKeys.results(q),
    queryFn: () => searchRegistry(q),
    placeholderData: keepPreviousData,
  })

export function useRegistrySearch(q: string, enabled: boolean) {
  return useQuery({ ...searchQueryOptions(q), enabled })
}
