import type { Processor, ProcessorListItem } from '@seloste/schema'
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

const PAGE_SIZE = 100

/** Every processor, as list items (the API pages at most 100 a time; a registry is rarely bigger). */
export async function getAllProcessorItems(): Promise<ProcessorListItem[]> {
  const out: ProcessorListItem[] = []
  for (let page = 1; page <= 50; page++) {
    const res = await call(api.processors.$get({ query: { pageSize: String(PAGE_SIZE), page: String(page), sort: 'displayName' } }))
    out.push(...res.items)
    if (out.length >= res.total || res.items.length === 0) break
  }
  return out
}

export const allProcessorItemsQueryOptions = () =>
  // Under the processors' list key, so any processor, transfer or DPA change refreshes it.
  queryOptions({ queryKey: [...queryKeys.processors.lists(), 'all-items'] as const, queryFn: getAllProcessorItems })

/** One processor with its transfers, cached under the same key as the processor page uses. */
export function getProcessorDetail(id: number): Promise<Processor> {
  return call(api.processors[':id'].$get({ param: { id: String(id) } }))
}

export const processorDetailQueryOptions = (id: number) =>
  queryOptions({ queryKey: queryKeys.processors.detail(id), queryFn: () => getProcessorDetail(id) })

export interface DataFlowsData {
  items: ProcessorListItem[]
  /** Full records of the processors that have data locations (for kinds and per-country safeguards). */
  details: Processor[]
}

/**
 * Where the data goes: the list, then in parallel the details of only those processors that have
 * countries recorded (the list item has countries but not what happens there or each one's safeguard).
 */
export function useDataFlows() {
  const list = useQuery(allProcessorItemsQueryOptions())
  const withCountries = (list.data ?? []).filter((p) => p.status !== 'retired' && p.countries.length > 0)
  const details = useQueries({
    queries: withCountries.map((p) => processorDetailQueryOptions(p.id)),
    combine: (results) => ({
      data: results.every((r) => r.data) ? results.map((r) => r.data as Processor) : undefined,
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
      refetch: () => Promise.all(results.map((r) => r.refetch())),
    }),
  })
  const error = list.error ?? details.error
  return {
    data: list.data && details.data ? ({ items: list.data, details: details.data } satisfies DataFlowsData) : undefined,
    isPending: list.isPending || details.isPending,
    isError: !!error,
    error,
    refetch: () => void (list.isError ? list.refetch() : details.refetch()),
  }
}
