import type { ActivityInput } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { activityKeys } from './keys'

export function createActivity(input: ActivityInput) {
  return call(api.activities.$post({ json: input }))
}

export function useCreateActivity() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createActivity,
    onSuccess: async (activity) => {
      await queryClient.invalidateQueries({ queryKey: activityKeys.all })
      queryClient.setQueryData(activityKeys.detail(activity.id), activity)
    },
  })
}
