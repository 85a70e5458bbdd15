import type { TransferUpdate } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

export function updateTransfer({ id, input }: { id: number; input: TransferUpdate }) {
  return call(api.transfers[':id'].$patch({ param: { id: String(id) }, json: input }))
}

export function useUpdateTransfer() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateTransfer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.processors.all }),
  })
}
