import type { LoginInput } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

/** Sets the HttpOnly session cookie; answers 401 on wrong credentials, 429 (Retry-After) when throttled. */
export function login(input: LoginInput) {
  return call(api.auth.login.$post({ json: input }))
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: login,
    // A 401 here means wrong credentials, not an ended session.
    meta: { skipAuthRedirect: true },
    onSuccess: (session) => {
      // Data cached for a previous user must not be shown to this one.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] })
      queryClient.setQueryData(queryKeys.me, session)
    },
  })
}
