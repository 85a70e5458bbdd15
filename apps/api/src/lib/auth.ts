import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { resolveSession } from '../services/sessions'
import { requiredAccess, roleSatisfies } from './access-policy'
import { AppError } from './app-error'
import type { AppEnv } from './create-app'
import { isHttps } from './security'

/** Over HTTPS Hono adds the "__Host-" prefix itself (prefix: 'host'). */
export const COOKIE = 'seloste_session'

/**
 * Over HTTPS only the "__Host-" cookie counts: a plain-named one may have been planted by a sibling
 * subdomain or over plain HTTP (cookie tossing), which the prefix exists to rule out.
 */
export function readSessionToken(c: Context<AppEnv>): string | null {
  if (isHttps(c.req, c.var.config)) return getCookie(c, COOKIE, 'host') ?? null
  return getCookie(c, COOKIE) ?? null
}

/** HttpOnly, SameSite=Lax; over HTTPS also Secure with the __Host- prefix (no Domain, Path=/). */
export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date): void {
  const secure = isHttps(c.req, c.var.config)
  setCookie(c, COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure,
    expires: expiresAt,
    ...(secure && { prefix: 'host' as const }),
  })
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, COOKIE, { path: '/' })
  if (isHttps(c.req, c.var.config)) deleteCookie(c, COOKIE, { path: '/', secure: true, prefix: 'host' })
}

/**
 * Resolves the session cookie into the acting user, then applies the access policy:
 * 401 without a valid session, 403 when the role may not make the call.
 */
export function authentication(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionToken(c)
    const user = token ? resolveSession(c.var.db, token, c.var.config.session) : null
    c.set('user', user)
    c.set('sessionToken', user ? token : null)
    if (user) c.set('actor', { id: user.id, email: user.email })
    const access = requiredAccess(c.req.method, c.req.path)
    if (access !== 'public') {
      if (!user) {
        if (token) clearSessionCookie(c)
        throw new AppError('unauthenticated', 'Log in to continue')
      }
      if (!roleSatisfies(user.role, access)) throw new AppError('forbidden', `Your role (${user.role}) may not do this`)
      // Authenticated answers are never cached by the browser or a proxy.
      c.header('Cache-Control', 'no-store')
    }
    await next()
  }
}
