import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { activityKeys } from './keys'

export function deleteActivity({ id, version }: { id: number; version: number }) {
  return call(api.activities[':id'].$delete({ param: { id: String(id) }, query: { version: String(version) } }))
}

export function useDeleteActivity() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteActivity,
    onSuccess: (_data, { id }) => {
      queryClient.removeQueries({ queryKey: activityKeys.detail(id) })
      return queryClient.invalidateQueries({ queryKey: activityKeys.all })
    },
    onError: (_error, { id }) => queryClient.invalidateQueries({ queryKey: activityKeys.detail(id) }),
  })
}
