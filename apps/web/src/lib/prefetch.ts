import type { FetchQueryOptions, Query, QueryClient, QueryKey } from '@tanstack/react-query'

/**
 * Data brought by `prefetchForFirstMount` before its page was on screen: query hash → the time it
 * arrived. Forgotten as soon as the page that shows it goes away (or the data is fetched again).
 */
const prefetched = new Map<string, number>()
const watched = new WeakSet<QueryClient>()

/**
 * Fetch a page's query ahead of its first render (at start-up, beside the session check, instead of
 * after it). Queries that refetch on every mount (`refetchOnMountUnlessPrefetched`) take this data
 * as it is on the page's first mount instead of asking for it a second time at once.
 */
export function prefetchForFirstMount<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  queryClient: QueryClient,
  options: FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): void {
  if (!watched.has(queryClient)) {
    watched.add(queryClient)
    queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'observerRemoved') prefetched.delete(event.query.queryHash)
    })
  }
  void queryClient.prefetchQuery(options).then(() => {
    const query = queryClient.getQueryCache().find({ queryKey: options.queryKey, exact: true })
    // The page mounted while this was in flight and shared the request: nothing to keep.
    if (!query || query.getObserversCount() > 0 || query.state.status !== 'success') return
    prefetched.set(query.queryHash, query.state.dataUpdatedAt)
  })
}

/**
 * refetchOnMount for data that must be fresh on every visit (findings, deadlines: fixes happen on
 * other pages): always refetch on mount, except on the first visit when `prefetchForFirstMount`
 * has just brought exactly this data.
 */
export function refetchOnMountUnlessPrefetched(query: Pick<Query, 'queryHash' | 'state'>): 'always' | false {
  return prefetched.get(query.queryHash) === query.state.dataUpdatedAt ? false : 'always'
}
