import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import type { AuditQueryParams } from '../lib/audit-search'
import { auditKeys } from './keys'

/** A page of events, newest first. */
export function getAuditEvents(query: AuditQueryParams) {
  return call(api.audit.$get({ query }))
}

export const auditEventsQueryOptions = (query: AuditQueryParams) =>
  queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: () => getAuditEvents(query),
    placeholderData: keepPreviousData,
    // The trail only grows: show what is there now whenever the page is opened.
    staleTime: 0,
  })

export function useAuditEvents(query: AuditQueryParams) {
  return useQuery(auditEventsQueryOptions(query))
}
