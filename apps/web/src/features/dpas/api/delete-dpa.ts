import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

export function deleteDpa({ id, version }: { id: number; version: number }) {
  return call(api.dpas[':id'].$delete({ param: { id: String(id) }, query: { version: String(version) } }))
}

export function useDeleteDpa() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteDpa,
    // Also after a failure: a conflict means the page shows an old version, so reload it.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.processors.all }),
  })
}
