import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { complianceKeys } from './keys'

/** Open findings per severity, one point a day (recorded by the server hourly; the last of a day stands). */
/** How far back the overview's trend card looks. */
export const TREND_DAYS = 90

export function getFindingTrend(days: number) {
  return call(api.findings.trend.$get({ query: { days: String(days) } }))
}

export const findingTrendQueryOptions = (days: number) =>
  queryOptions({ queryKey: complianceKeys.trend(days), queryFn: () => getFindingTrend(days), staleTime: 5 * 60_000 })

export function useFindingTrend(days: number) {
  return useQuery(findingTrendQueryOptions(days))
}
