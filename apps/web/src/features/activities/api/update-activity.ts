import type { ActivityUpdate } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { activityKeys } from './keys'

/** `input.version` is the version the user loaded; the API answers 409 if it has moved on. */
export function updateActivity({ id, input }: { id: number; input: ActivityUpdate }) {
  return call(api.activities[':id'].$patch({ param: { id: String(id) }, json: input }))
}

export function useUpdateActivity() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateActivity,
    onSuccess: async (activity) => {
      await queryClient.invalidateQueries({ queryKey: activityKeys.all })
      queryClient.setQueryData(activityKeys.detail(activity.id), activity)
    },
  })
}
