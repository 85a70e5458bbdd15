import type { DpaUpdate } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

export function updateDpa({ id, input }: { id: number; input: DpaUpdate }) {
  return call(api.dpas[':id'].$patch({ param: { id: String(id) }, json: input }))
}

export function useUpdateDpa() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateDpa,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.processors.all }),
  })
}
