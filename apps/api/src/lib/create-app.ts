import { OpenAPIHono } from '@hono/zod-openapi'
import { MESSAGES, IMPORT_MAX_BYTES, fieldErrorsFrom } from '@seloste/schema'
import type { MiddlewareHandler } from 'hono'
import { compress } from 'hono/compress'
import { HTTPException } from 'hono/http-exception'
import { randomUUID } from 'node:crypto'
import type { Db } from '../db/client'
import { inThreadReads, type Reads } from '../reads/read-pool'
import type { Actor, ServiceContext } from '../services/context'
import type { SessionUser } from '../services/sessions'
import { AppError } from './app-error'
import { authentication } from './auth'
import { DEFAULT_CONFIG, type AppConfig } from './config'
import { logger } from './logger'
import { forwardedValue } from './proxy'
import { auditHeadKeeper } from './audit-head'
import { crossSiteProtection, securityHeaders } from './security'

export interface AppEnv {
  Variables: {
    db: Db
    /** The heavy reads (reads/read-tasks.ts): on worker threads when the server runs on a file database. */
    reads: Reads
    config: AppConfig
    requestId: string
    actor: Actor
    user: SessionUser | null
    sessionToken: string | null
  }
}

/** A router whose validation failures become the API's 400 with field paths. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError('validation_failed', MESSAGES.invalid_fields, { fields: fieldErrorsFrom(result.error.issues) })
      }
    },
  })
}

/** Everything a service needs to know about the request, taken from the context. */
export function serviceContext(c: {
  var: AppEnv['Variables']
  env: unknown
  req: { header: (name: string) => string | undefined }
}): ServiceContext {
  return { db: c.var.db, actor: c.var.actor, requestId: c.var.requestId, clientAddress: clientAddress(c) }
}

/**
 * The client's address. Without trusted proxies it is the socket's. Behind `trustProxy` hops, each
 * proxy appends the address it saw to X-Forwarded-For, so only the rightmost `trustProxy` entries
 * were written by proxies we run; anything to their left was written by the client and is ignored.
 */
export function clientAddress(c: {
  var: AppEnv['Variables']
  env: unknown
  req: { header: (name: string) => string | undefined }
}): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
  const socket = env?.incoming?.socket?.remoteAddress ?? null
  return forwardedValue(c.var.config.trustProxy, c.req.header('x-forwarded-for')) ?? socket
}

/** Bodies of `/public` forms (an email address, a token, a language). */
export const PUBLIC_FORM_BODY_LIMIT = 4 * 1024
/** A login body is an email and a password of at most 128 characters. */
export const LOGIN_BODY_LIMIT = 4 * 1024
export const JSON_BODY_LIMIT = 1024 * 1024
export const UPLOAD_BODY_LIMIT = 12 * 1024 * 1024

const UPLOAD_PATH = /^\/api\/dpas\/[^/]+\/document$/
/** A spreadsheet to import (IMPORT_MAX_BYTES) with the multipart form's own bytes around it. */
export const IMPORT_BODY_LIMIT = IMPORT_MAX_BYTES + 64 * 1024

/** The largest body a request may carry: uploads only on the upload route, forms and login only a few KB. */
export function bodyLimitFor(method: string, path: string, contentType: string | undefined): number {
  if (method === 'GET' || method === 'HEAD') return 0
  if (path.startsWith('/public/')) return PUBLIC_FORM_BODY_LIMIT
  if (path === '/api/auth/login') return LOGIN_BODY_LIMIT
  if ((contentType ?? '').toLowerCase().startsWith('multipart/form-data') && UPLOAD_PATH.test(path)) return UPLOAD_BODY_LIMIT
  if ((contentType ?? '').toLowerCase().startsWith('multipart/form-data') && path === '/api/imports') return IMPORT_BODY_LIMIT
  return JSON_BODY_LIMIT
}

function tooLarge(limit: number): AppError {
  return new AppError('payload_too_large', `The request body is larger than ${limit} bytes`)
}

/**
 * Refuses a declared Content-Length over the limit before anything else runs (no byte of the
 * body is read). Placed before authentication, so it costs an anonymous client nothing to be told.
 */
function declaredBodyLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const limit = bodyLimitFor(c.req.method, c.req.path, c.req.header('content-type'))
    const declared = Number(c.req.header('content-length') ?? NaN)
    if (Number.isFinite(declared) && declared > Math.max(limit, 0)) throw tooLarge(limit)
    return next()
  }
}

/**
 * A body without Content-Length (chunked) is counted as it streams and cut off at the limit: at most
 * `limit` bytes are ever held. Placed after authentication, so an anonymous request to a route that
 * needs a session is refused before its body is read at all.
 */
function streamedBodyLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    if (c.req.header('content-length') !== undefined) return next()
    const body = c.req.raw.body
    if (!body) return next()
    const limit = bodyLimitFor(c.req.method, c.req.path, c.req.header('content-type'))
    const chunks: Uint8Array[] = []
    let size = 0
    const reader = body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        // Stop pulling: the rest of the stream is never read.
        void reader.cancel().catch(() => {})
        throw tooLarge(limit)
      }
      chunks.push(value)
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks) })
    return next()
  }
}

/**
 * Around every request that may append to the audit trail (a write, or an audited export): before
 * it, the chain must still hold the head last written to the file; after it, the file follows the
 * database. Once the head is lost (events deleted or rewritten while the server ran) the file is
 * left as it was, the log says so, and every change is refused with 503 until an operator has
 * looked and restarted (decision 007).
 */
function keepAuditHead(db: Db, path: string): MiddlewareHandler<AppEnv> {
  const keeper = auditHeadKeeper(db, path)
  let broken: string | null = null
  return async (c, next) => {
    const mayAppend =
      (c.req.method !== 'GET' && c.req.method !== 'HEAD') ||
      c.req.path.startsWith('/api/exports/') ||
      c.req.path.startsWith('/api/audit/export.')
    if (!mayAppend) return next()
    if (!broken) {
      broken = keeper.check()
      if (broken) logger.error('THE AUDIT TRAIL IS BROKEN: refusing every further change', { problem: broken, headFile: path })
    }
    if (broken)
      throw new AppError(
        'audit_trail_broken',
        `The audit trail is broken (${broken}); changes are refused until it is restored: run pnpm audit:verify`,
      )
    await next()
    keeper.write()
  }
}

/**
 * The application shell: request ids, access log, body limits, and one error handler that turns
 * every failure into the API's JSON error body. Routes are mounted by the caller.
 */
export function createApp(deps: { db: Db; config?: AppConfig; reads?: Reads }) {
  const config = deps.config ?? DEFAULT_CONFIG
  const reads = deps.reads ?? inThreadReads(deps.db)
  const app = new OpenAPIHono<AppEnv>()
  // Our own id for every request: a client's X-Request-Id is never taken, so the audit trail and the
  // log carry only ids the server chose.
  app.use(async (c, next) => {
    const id = randomUUID()
    c.set('requestId', id)
    c.header('X-Request-Id', id)
    await next()
  })
  app.use(async (c, next) => {
    c.set('db', deps.db)
    c.set('reads', reads)
    c.set('config', config)
    c.set('actor', { id: null, email: null })
    const started = performance.now()
    await next()
    // Method, path and status only: no bodies, no query strings, nothing personal.
    logger.info('request', {
      id: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    })
  })
  if (config.auditHeadFile) app.use(keepAuditHead(deps.db, config.auditHeadFile))
  app.use(securityHeaders(config))
  app.use('/api/*', crossSiteProtection(config))
  app.use(declaredBodyLimit())
  app.use('/api/*', authentication())
  app.use(streamedBodyLimit())
  // The API's JSON and CSV answers gzip'd for clients that accept it (the dashboard's findings are
  // ~17 KB of JSON); binary exports (XLSX, PDF) and small answers are left as they are. The public
  // pages compress their own renderings once (lib/rendering-cache.ts), the static files are
  // precompressed at build time.
  app.use('/api/*', compress())
  app.notFound((c) => c.json(new AppError('not_found', `No route for ${c.req.method} ${c.req.path}`).toBody(), 404))
  app.onError((err, c) => {
    if (err instanceof AppError) {
      for (const [k, v] of Object.entries(err.extra.headers ?? {})) c.header(k, v)
      return c.json(err.toBody(), err.status)
    }
    if (err instanceof HTTPException) {
      // Hono's validators throw this for a body that is not valid JSON, and for a body of a media type the route does not take.
      const code =
        err.status === 400
          ? 'malformed_json'
          : err.status === 413
            ? 'payload_too_large'
            : err.status === 415
              ? 'unsupported_media_type'
              : 'validation_failed'
      const isForm = (c.req.header('content-type') ?? '').startsWith('multipart/form-data')
      const message =
        err.status !== 400 ? err.message : isForm ? 'The request body is not a valid multipart form' : 'The request body is not valid JSON'
      const error = new AppError(code, message)
      return c.json(error.toBody(), error.status)
    }
    logger.error('unhandled error', {
      id: c.var.requestId,
      path: c.req.path,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    })
    return c.json(new AppError('internal', 'Something went wrong on our side; the change was not saved').toBody(), 500)
  })
  return app
}
