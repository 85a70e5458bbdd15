import type { ActivityListQuery } from '@seloste/schema'
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { activityKeys } from './keys'

export function getActivities(query: ActivityListQuery) {
  const q: Record<string, string> = {}
  if (query.q) q.q = query.q
  if (query.status) q.status = query.status
  if (query.legalBasis) q.legalBasis = query.legalBasis
  if (query.subject !== undefined) q.subject = String(query.subject)
  if (query.processor !== undefined) q.processor = String(query.processor)
  if (query.gap) q.gap = query.gap
  if (query.sort) q.sort = query.sort
  if (query.order) q.order = query.order
  return call(api.activities.$get({ query: q }))
}

export const activitiesQueryOptions = (query: ActivityListQuery) =>
  queryOptions({
    queryKey: activityKeys.list(query),
    queryFn: () => getActivities(query),
    placeholderData: keepPreviousData,
  })

export function useActivities(query: ActivityListQuery) {
  return useQuery(activitiesQueryOptions(query))
}
