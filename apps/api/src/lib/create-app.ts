import { OpenAPIHono } from '@hono/zod-openapi'
import { fieldErrorsFrom } from '@seloste/schema'
import type { MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { requestId } from 'hono/request-id'
import type { Db } from '../db/client'
import { inThreadReads, type Reads } from '../reads/read-pool'
import type { Actor, ServiceContext } from '../services/context'
import type { SessionUser } from '../services/sessions'
import { AppError } from './app-error'
import { authentication } from './auth'
import { DEFAULT_CONFIG, type AppConfig } from './config'
import { logger } from './logger'
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
        throw new AppError('validation_failed', 'The request has invalid fields', { fields: fieldErrorsFrom(result.error.issues) })
      }
    },
  })
}

/** Everything a service needs to know about the request, taken from the context. */
export function serviceContext(c: { var: AppEnv['Variables']; env: unknown; req: { header: (name: string) => string | undefined } }): ServiceContext {
  return { db: c.var.db, actor: c.var.actor, requestId: c.var.requestId, clientAddress: clientAddress(c) }
}

/** The socket's address; X-Forwarded-For only when a trusted proxy is configured. */
export function clientAddress(c: { var: AppEnv['Variables']; env: unknown; req: { header: (name: string) => string | undefined } }): string | null {
  if (c.var.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
  return env?.incoming?.socket?.remoteAddress ?? null
}

export const JSON_BODY_LIMIT = 1024 * 1024
export const UPLOAD_BODY_LIMIT = 12 * 1024 * 1024

/** Refuses bodies over the limit (by Content-Length, and by counting when it is absent). */
function bodyLimit(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const isUpload = (c.req.header('content-type') ?? '').startsWith('multipart/form-data')
    const limit = isUpload ? UPLOAD_BODY_LIMIT : JSON_BODY_LIMIT
    const declared = Number(c.req.header('content-length') ?? NaN)
    const tooLarge = () => new AppError('payload_too_large', `The request body is larger than ${limit} bytes`)
    if (Number.isFinite(declared)) {
      if (declared > limit) throw tooLarge()
      return next()
    }
    const body = c.req.raw.body
    if (!body) return next()
    const chunks: Uint8Array[] = []
    let size = 0
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength
      if (size > limit) throw tooLarge()
      chunks.push(chunk)
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks) })
    return next()
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
  app.use(requestId())
  app.use(async (c, next) => {
    c.set('db', deps.db)
    c.set('reads', reads)
    c.set('config', config)
    c.set('actor', { id: null, email: null })
    const started = performance.now()
    await next()
    // Method, path and status only: no bodies, no query strings, nothing personal.
    logger.info('request', { id: c.var.requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) })
  })
  app.use(securityHeaders(config))
  app.use('/api/*', crossSiteProtection(config))
  app.use('/api/*', bodyLimit())
  app.use('/api/*', authentication())
  app.notFound((c) => c.json(new AppError('not_found', `No route for ${c.req.method} ${c.req.path}`).toBody(), 404))
  app.onError((err, c) => {
    if (err instanceof AppError) {
      for (const [k, v] of Object.entries(err.extra.headers ?? {})) c.header(k, v)
      return c.json(err.toBody(), err.status)
    }
    if (err instanceof HTTPException) {
      // Hono's validators throw this for a body that is not valid JSON, and for a body of a media type the route does not take.
      const code =
        err.status === 400 ? 'malformed_json' : err.status === 413 ? 'payload_too_large' : err.status === 415 ? 'unsupported_media_type' : 'validation_failed'
      const isForm = (c.req.header('content-type') ?? '').startsWith('multipart/form-data')
      const message = err.status !== 400 ? err.message : isForm ? 'The request body is not a valid multipart form' : 'The request body is not valid JSON'
      const error = new AppError(code, message)
      return c.json(error.toBody(), error.status)
    }
    logger.error('unhandled error', { id: c.var.requestId, path: c.req.path, error: err instanceof Error ? err.stack ?? err.message : String(err) })
    return c.json(new AppError('internal', 'Something went wrong on our side; the change was not saved').toBody(), 500)
  })
  return app
}
