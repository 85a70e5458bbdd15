import type { DpaInput } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

export function createDpa({ processorId, input }: { processorId: number; input: DpaInput }) {
  return call(api.processors[':id'].dpas.$post({ param: { id: String(processorId) }, json: input }))
}

export function useCreateDpa() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createDpa,
    // The newest DPA is the current one: the list's DPA column changes too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.processors.all }),
  })
}
