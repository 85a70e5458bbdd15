import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { activityKeys } from './keys'

/** Approves the activity as it stands at `version`; a 400 lists what is missing (fields with paths). */
export function approveActivity({ id, version }: { id: number; version: number }) {
  return call(api.activities[':id'].approve.$post({ param: { id: String(id) }, json: { version } }))
}

export function useApproveActivity() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: approveActivity,
    onSuccess: async (activity) => {
      await queryClient.invalidateQueries({ queryKey: activityKeys.all })
      queryClient.setQueryData(activityKeys.detail(activity.id), activity)
    },
    // A conflict means the page shows an old version: reload it, so a retry uses the current one.
    onError: (_error, { id }) => queryClient.invalidateQueries({ queryKey: activityKeys.detail(id) }),
  })
}
