import type { TransferInput } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

export function createTransfer({ processorId, input }: { processorId: number; input: TransferInput }) {
  return call(api.processors[':id'].transfers.$post({ param: { id: String(processorId) }, json: input }))
}

export function useCreateTransfer() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createTransfer,
    // The processor page and the list (countries, safeguard badges) both show transfers.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.processors.all }),
  })
}
