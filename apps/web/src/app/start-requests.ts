import type { QueryClient } from '@tanstack/react-query'
import { paths } from '../config/paths'
import { calendarTokenQueryOptions } from '../features/findings/api/get-calendar-token'
import { DEADLINE_DAYS, deadlinesQueryOptions } from '../features/findings/api/get-deadlines'
import { findingsQueryOptions } from '../features/findings/api/get-findings'
import { findingTrendQueryOptions, TREND_DAYS } from '../features/findings/api/get-finding-trend'
import { organisationQueryOptions } from '../features/organisation/api/get-organisation'
import { sessionQueryOptions } from '../lib/auth'
import { prefetchForFirstMount } from '../lib/prefetch'

/**
 * The first page's requests, started when the app starts and side by side, instead of one after
 * another as the router and React get to them (session check → render → the page's own queries).
 * The router's session check (app route's beforeLoad) then waits for the same request, so a 401
 * still sends the user to sign-in; the page's queries, if they fail with 401 meanwhile, only end
 * up in the cache as errors (login clears them). Only what a signed-in page needs: nothing on /login.
 */
export function startRequests(queryClient: QueryClient, pathname: string): void {
  if (pathname === paths.login.path) return
  void queryClient.prefetchQuery(sessionQueryOptions())
  // The app shell's header, on every signed-in page.
  void queryClient.prefetchQuery(organisationQueryOptions())
  // The home page (/ leads to it): the findings (its largest content), their trend, the deadlines
  // and the calendar feed card. The data flows further down are not needed first: they wait for the page.
  if (pathname === paths.overview.path || pathname === paths.home.path) {
    prefetchForFirstMount(queryClient, findingsQueryOptions())
    prefetchForFirstMount(queryClient, findingTrendQueryOptions(TREND_DAYS))
    prefetchForFirstMount(queryClient, deadlinesQueryOptions(DEADLINE_DAYS))
    prefetchForFirstMount(queryClient, calendarTokenQueryOptions())
  }
}
