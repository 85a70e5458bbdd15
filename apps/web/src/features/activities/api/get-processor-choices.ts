import type { ProcessorListItem } from '@seloste/schema'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { activityKeys } from './keys'

export type ProcessorChoice = Pick<
  ProcessorListItem,
  'id' | 'displayName' | 'displayNameEn' | 'role' | 'status' | 'countries' | 'outsideEea'
>

/** Every processor of the registry (the API pages at most 100), for linking to an activity. */
export async function getProcessorChoices(): Promise<ProcessorChoice[]> {
  const out: ProcessorChoice[] = []
  for (let page = 1; page <= 50; page++) {
    const res = await call(api.processors.$get({ query: { pageSize: '100', page: String(page), sort: 'displayName' } }))
    out.push(
      ...res.items.map(({ id, displayName, displayNameEn, role, status, countries, outsideEea }) => ({
        id,
        displayName,
        displayNameEn,
        role,
        status,
        countries,
        outsideEea,
      })),
    )
    if (out.length >= res.total || res.items.length === 0) break
  }
  return out
}

export const processorChoicesQueryOptions = () =>
  queryOptions({ queryKey: activityKeys.processorChoices(), queryFn: getProcessorChoices, staleTime: 30_000 })

export function useProcessorChoices() {
  return useQuery(processorChoicesQueryOptions())
}
