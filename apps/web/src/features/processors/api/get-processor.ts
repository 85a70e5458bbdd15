import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

export function getProcessor(id: number) {
  return call(api.processors[':id'].$get({ param: { id: String(id) } }))
}

export const processorQueryOptions = (id: number) =>
  queryOptions({
    queryKey: queryKeys.processors.detail(id),
    queryFn: () => getProcessor(id),
  })

export function useProcessor(id: number) {
  return useQuery(processorQueryOptions(id))
}
