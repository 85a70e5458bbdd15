import type { ProcessorInput } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

export function createProcessor(input: ProcessorInput) {
  return call(api.processors.$post({ json: input }))
}

export function useCreateProcessor() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createProcessor,
    onSuccess: (processor) => {
      queryClient.setQueryData(queryKeys.processors.detail(processor.id), processor)
      return queryClient.invalidateQueries({ queryKey: queryKeys.processors.lists() })
    },
  })
}
