import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { isApiError } from './api-client'
import { queryKeys } from './query-keys'

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { skipAuthRedirect?: boolean }
    mutationMeta: { skipAuthRedirect?: boolean }
  }
}

/**
 * One QueryClient for the app. Any 401 from any query or mutation means the session ended:
 * forget the user and let `onUnauthenticated` (the router) send them to the sign-in page.
 */
export function createQueryClient(onUnauthenticated: () => void): QueryClient {
  function handle(error: unknown, meta: { skipAuthRedirect?: boolean } | undefined) {
    if (meta?.skipAuthRedirect || !isApiError(error) || error.status !== 401) return
    // Only a session that ended under the user's feet redirects; after "Log out" the session is
    // already gone and the logout flow decides where to go.
    const hadSession = !!client.getQueryData(queryKeys.me)
    client.setQueryData(queryKeys.me, null)
    if (hadSession) onUnauthenticated()
  }
  const client = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handle(error, query.meta) }),
    mutationCache: new MutationCache({ onError: (error, _v, _c, mutation) => handle(error, mutation.meta) }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A 4xx will not change by asking again; network hiccups and 5xx get two more tries.
        retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  })
  return client
}
