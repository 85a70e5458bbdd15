import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { activityKeys } from './keys'

export function getActivityMatrix() {
  return call(api.activities.matrix.$get())
}

export const activityMatrixQueryOptions = () => queryOptions({ queryKey: activityKeys.matrix(), queryFn: getActivityMatrix })

export function useActivityMatrix() {
  return useQuery(activityMatrixQueryOptions())
}
