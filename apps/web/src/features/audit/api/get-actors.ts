import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

/** Users to filter by (admins only: others may not list users, so the filter is not offered to them). */
export function getActors() {
  return call(api.users.$get())
}

export const actorsQueryOptions = () => queryOptions({ queryKey: ['audit', 'actors'] as const, queryFn: getActors, staleTime: 60_000 })

export function useActors(enabled: boolean) {
  return useQuery({ ...actorsQueryOptions(), enabled })
}
