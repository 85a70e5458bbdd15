import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { refetchOnMountUnlessPrefetched } from '../../../lib/prefetch'
import { complianceKeys } from './keys'

/** DPA reviews and expiries, DPF re-verifications and activity reviews up to `days` ahead, and overdue ones, by date. */
/** How far ahead the overview's deadlines card looks. */
export const DEADLINE_DAYS = 90

export function getDeadlines(days: number) {
  return call(api.deadlines.$get({ query: { days: String(days) } }))
}

export const deadlinesQueryOptions = (days: number) =>
  queryOptions({
    queryKey: complianceKeys.deadlines(days),
    queryFn: () => getDeadlines(days),
    staleTime: 0,
    refetchOnMount: refetchOnMountUnlessPrefetched,
  })

export function useDeadlines(days: number) {
  return useQuery(deadlinesQueryOptions(days))
}
