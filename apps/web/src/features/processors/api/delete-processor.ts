import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

export function deleteProcessor({ id, version }: { id: number; version: number }) {
  return call(api.processors[':id'].$delete({ param: { id: String(id) }, query: { version: String(version) } }))
}

export function useDeleteProcessor() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteProcessor,
    onSuccess: (_data, { id }) => {
      queryClient.removeQueries({ queryKey: queryKeys.processors.detail(id) })
      return queryClient.invalidateQueries({ queryKey: queryKeys.processors.all })
    },
    // A conflict means the page shows an old version: reload it, so a retry uses the current one.
    onError: (_error, { id }) => queryClient.invalidateQueries({ queryKey: queryKeys.processors.detail(id) }),
  })
}
