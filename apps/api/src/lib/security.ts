import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { AppError } from './app-error'
import type { AppConfig } from './config'
import { forwardedValue } from './proxy'

/** True when the client reached us over HTTPS (directly, or through a trusted proxy that says so). */
export function isHttps(req: { url: string; header: (name: string) => string | undefined }, config: AppConfig): boolean {
  if (new URL(req.url).protocol === 'https:') return true
  return forwardedValue(config.trustProxy, req.header('x-forwarded-proto')) === 'https'
}

/** Security headers on every response; HSTS only over HTTPS. */
export function securityHeaders(config: AppConfig): MiddlewareHandler {
  const base = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    strictTransportSecurity: false,
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
  })
  return async (c, next) => {
    await base(c, next)
    if (isHttps(c.req, config)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses cross-site state changes: a body must be JSON (or multipart for uploads), and a browser's
 * Origin / Sec-Fetch-Site must say the request comes from this site. Clients that send neither
 * header (scripts, curl) are not browsers and carry no ambient cookie risk they did not choose.
 */
export function crossSiteProtection(config: AppConfig): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next()
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    const length = Number(c.req.header('content-length') ?? 0)
    const hasBody = type !== '' || length > 0 || c.req.header('transfer-encoding') !== undefined
    if (hasBody && type !== 'application/json' && type !== 'multipart/form-data') {
      throw new AppError('unsupported_media_type', 'Send the request body as application/json (or multipart/form-data for uploads)')
    }
    const fetchSite = c.req.header('sec-fetch-site')
    if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      throw new AppError('forbidden', 'Cross-site requests are not allowed')
    }
    const origin = c.req.header('origin')
    if (origin !== undefined && origin !== ownOrigin(c.req, config)) {
      throw new AppError('forbidden', 'Cross-site requests are not allowed')
    }
    return next()
  }
}

function ownOrigin(req: { url: string; header: (name: string) => string | undefined }, config: AppConfig): string {
  const url = new URL(req.url)
  const host = forwardedValue(config.trustProxy, req.header('x-forwarded-host')) ?? req.header('host') ?? url.host
  return `${isHttps(req, config) ? 'https' : 'http'}://${host}`
}
