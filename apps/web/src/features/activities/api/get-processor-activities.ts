import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { activityKeys } from './keys'

/** The processing activities a processor serves, sorted by name. */
export function getProcessorActivities(processorId: number) {
  return call(api.processors[':id'].activities.$get({ param: { id: String(processorId) } }))
}

export const processorActivitiesQueryOptions = (processorId: number) =>
  queryOptions({ queryKey: activityKeys.ofProcessor(processorId), queryFn: () => getProcessorActivities(processorId) })

export function useProcessorActivities(processorId: number) {
  return useQuery(processorActivitiesQueryOptions(processorId))
}
