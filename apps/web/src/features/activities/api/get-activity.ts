import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { activityKeys } from './keys'

export function getActivity(id: number) {
  return call(api.activities[':id'].$get({ param: { id: String(id) } }))
}

export const activityQueryOptions = (id: number) => queryOptions({ queryKey: activityKeys.detail(id), queryFn: () => getActivity(id) })

export function useActivity(id: number) {
  return useQuery(activityQueryOptions(id))
}
