import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

export function retireProcessor({ id, version, endDate }: { id: number; version: number; endDate?: string | null }) {
  return call(api.processors[':id'].retire.$post({ param: { id: String(id) }, json: { version, endDate } }))
}

export function useRetireProcessor() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: retireProcessor,
    onSuccess: (processor) => {
      queryClient.setQueryData(queryKeys.processors.detail(processor.id), processor)
      return queryClient.invalidateQueries({ queryKey: queryKeys.processors.lists() })
    },
    // A conflict means the page shows an old version: reload it, so a retry uses the current one.
    onError: (_error, { id }) => queryClient.invalidateQueries({ queryKey: queryKeys.processors.detail(id) }),
  })
}
