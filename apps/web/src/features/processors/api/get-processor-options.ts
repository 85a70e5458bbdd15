import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

export type ProcessorOption = { id: number; displayName: string; displayNameEn: string | null }

/** Id and names of every processor (the API pages at most 100), for choosing a parent company. */
export async function getProcessorOptions(): Promise<ProcessorOption[]> {
  const out: ProcessorOption[] = []
  for (let page = 1; page <= 50; page++) {
    const res = await call(api.processors.$get({ query: { pageSize: '100', page: String(page), sort: 'displayName' } }))
    out.push(...res.items.map(({ id, displayName, displayNameEn }) => ({ id, displayName, displayNameEn })))
    if (out.length >= res.total || res.items.length === 0) break
  }
  return out
}

export const processorOptionsQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.processors.options(), queryFn: getProcessorOptions, staleTime: 60_000 })

export function useProcessorOptions() {
  return useQuery(processorOptionsQueryOptions())
}
