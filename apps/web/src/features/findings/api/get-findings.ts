import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { refetchOnMountUnlessPrefetched } from '../../../lib/prefetch'
import { complianceKeys } from './keys'

/** Every finding, open and acknowledged (filtered in the page: the counts stay those of all open ones). */
export function getFindings() {
  return call(api.findings.$get({ query: {} }))
}

export const findingsQueryOptions = () =>
  queryOptions({
    queryKey: complianceKeys.findings(),
    queryFn: getFindings,
    // Fixes happen on other pages (a transfer, a DPA): coming back must show the checks run again.
    // (Except on the first visit, when start-up has just fetched them: lib/prefetch.ts.)
    staleTime: 0,
    refetchOnMount: refetchOnMountUnlessPrefetched,
  })

export function useFindings() {
  return useQuery(findingsQueryOptions())
}
