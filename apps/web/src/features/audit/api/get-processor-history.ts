import type { AuditEvent } from '@seloste/schema'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'
import { processorIdOf } from '../lib/diff'

/** How many of the newest transfer and DPA events are searched for this processor's. */
const RELATED_WINDOW = '200'

/**
 * A processor's own events, and those of its transfers and DPAs (found by the processorId in
 * their before/after; a DPA's document events carry none, so they are matched by the DPA's id).
 */
export async function getProcessorHistory(processorId: number): Promise<{ events: AuditEvent[]; total: number }> {
  const [own, transfers, dpas] = await Promise.all([
    call(api.audit.$get({ query: { entityType: 'processor', entityId: String(processorId), pageSize: '200' } })),
    call(api.audit.$get({ query: { entityType: 'transfer', pageSize: RELATED_WINDOW } })),
    call(api.audit.$get({ query: { entityType: 'dpa', pageSize: RELATED_WINDOW } })),
  ])
  const related = [...transfers.items, ...dpas.items].filter((e) => processorIdOf(e) === processorId)
  const dpaIds = new Set(related.filter((e) => e.entityType === 'dpa').map((e) => e.entityId))
  const documents = dpas.items.filter((e) => processorIdOf(e) === null && dpaIds.has(e.entityId))
  const events = [...own.items, ...related, ...documents].sort((a, b) => b.seq - a.seq)
  return { events, total: events.length }
}

export const processorHistoryQueryOptions = (processorId: number) =>
  queryOptions({
    // Under the processor's key: every change to it, its transfers or DPAs (which refresh that key) refreshes the history too.
    queryKey: [...queryKeys.processors.detail(processorId), 'history'] as const,
    queryFn: () => getProcessorHistory(processorId),
  })

export function useProcessorHistory(processorId: number) {
  return useQuery(processorHistoryQueryOptions(processorId))
}
