import type { ProcessorUpdate } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

/** `input.version` is the version the user loaded; the API answers 409 if it has moved on. */
export function updateProcessor({ id, input }: { id: number; input: ProcessorUpdate }) {
  return call(api.processors[':id'].$patch({ param: { id: String(id) }, json: input }))
}

export function useUpdateProcessor() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateProcessor,
    onSuccess: (processor) => {
      queryClient.setQueryData(queryKeys.processors.detail(processor.id), processor)
      return queryClient.invalidateQueries({ queryKey: queryKeys.processors.all })
    },
  })
}
