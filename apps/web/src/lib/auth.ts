import type { SessionInfo, UserRole } from '@seloste/schema'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call, isApiError } from './api-client'
import { queryKeys } from './query-keys'

export type Session = SessionInfo
export type SessionUser = SessionInfo['user']

/** The signed-in user, or null when signed out (401). */
export async function getSession(): Promise<Session | null> {
  try {
    return await call(api.auth.me.$get())
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null
    throw error
  }
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.me,
    queryFn: getSession,
    // The session changes only by signing in or out, or by a 401 from any call: all handled explicitly.
    staleTime: Infinity,
    retry: false,
  })

export function useSession(): Session | null {
  return useQuery(sessionQueryOptions()).data ?? null
}

export type Permission = 'edit'

/**
 * What a role may do, for showing or hiding controls. The API enforces the same policy
 * (lib/access-policy.ts there); this only keeps auditors from seeing buttons they cannot use.
 */
export function can(role: UserRole | undefined, permission: Permission): boolean {
  switch (permission) {
    case 'edit':
      return role === 'admin' || role === 'editor'
  }
}

export function useCan(permission: Permission): boolean {
  return can(useSession()?.user.role, permission)
}
