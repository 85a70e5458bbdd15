import type { UserRole } from '@seloste/schema'

/**
 * Who may call what, in one place, checked on the server before any route runs.
 * - public: no session needed (health, login, the API description);
 * - any role: reading, and the few writes every user makes about themselves (logout, own password);
 * - admin: user management, imports from spreadsheets (many records at once) and the public list's follower count;
 * - editor or admin: every other change. Auditors change nothing.
 */
export type Access = 'public' | 'any' | 'editor' | 'admin'

const PUBLIC: readonly [string, RegExp][] = [
  ['GET', /^\/api\/health$/],
  ['POST', /^\/api\/auth\/login$/],
  ['GET', /^\/api\/openapi\.json$/],
  ['GET', /^\/api\/docs(\/.*)?$/],
  // Calendar apps cannot log in: the feed checks the secret token in its URL instead.
  ['GET', /^\/api\/calendar\.ics$/],
]

const SELF_SERVICE_WRITES: readonly [string, RegExp][] = [
  ['POST', /^\/api\/auth\/logout$/],
  ['POST', /^\/api\/auth\/password$/],
  ['POST', /^\/api\/calendar\/token$/],
]

// The number of the public list's followers is about people, if only a count: administrators only.
const ADMIN_ONLY = /^\/api\/(users|imports|public-list\/followers)(\/.*)?$/

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function requiredAccess(method: string, path: string): Access {
  const m = method.toUpperCase()
  const matches = (rules: readonly [string, RegExp][]) =>
    rules.some(([rm, re]) => (rm === m || (rm === 'GET' && m === 'HEAD')) && re.test(path))
  if (matches(PUBLIC)) return 'public'
  if (ADMIN_ONLY.test(path)) return 'admin'
  if (SAFE_METHODS.has(m) || matches(SELF_SERVICE_WRITES)) return 'any'
  return 'editor'
}

export function roleSatisfies(role: UserRole, access: Access): boolean {
  switch (access) {
    case 'public':
    case 'any':
      return true
    case 'editor':
      return role === 'editor' || role === 'admin'
    case 'admin':
      return role === 'admin'
  }
}
