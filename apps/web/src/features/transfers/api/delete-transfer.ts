import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

export function deleteTransfer({ id, version }: { id: number; version: number }) {
  return call(api.transfers[':id'].$delete({ param: { id: String(id) }, query: { version: String(version) } }))
}

export function useDeleteTransfer() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteTransfer,
    // Also after a failure: a conflict means the page shows an old version, so reload it.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.processors.all }),
  })
}
