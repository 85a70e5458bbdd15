import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

export function getOrganisation() {
  return call(api.organisation.$get())
}

export const organisationQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.organisation, queryFn: getOrganisation, staleTime: 5 * 60_000 })

export function useOrganisation() {
  return useQuery(organisationQueryOptions())
}
