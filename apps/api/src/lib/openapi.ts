import { ErrorBody } from '@seloste/schema'
import type { z } from 'zod'
import { requiredAccess } from './access-policy'
import { COOKIE } from './auth'

const ERROR_DESCRIPTIONS = {
  400: 'Invalid input: the body names each field and its problem',
  401: 'No valid session',
  403: 'Your role may not do this',
  404: 'No such record',
  409: 'Conflict: someone else changed the record first (the body holds the current record)',
  413: 'The request body is too large',
  415: 'The request body is not of a media type this operation takes (JSON, or a multipart form for uploads)',
  429: 'Too many attempts; retry after the time in Retry-After',
} as const

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS

/** The documented error responses of a route, all with the API's error body. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: ERROR_DESCRIPTIONS[s] as string, content: { 'application/json': { schema: ErrorBody } } }]),
  ) as Record<S, { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }>
}

/** A JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const
}

/** A JSON 200/201 response. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const
}

// ---------------------------------------------------------------------------------------------
// The generated document, completed from the shell every request passes (create-app.ts): the
// statuses that the middleware, not the route, can answer are added here for every operation, so
// that a route added later is described rightly without declaring them by hand.
// ---------------------------------------------------------------------------------------------

/** The parts of an OpenAPI document this file reads or completes; everything else passes through untouched. */
interface SchemaObject {
  $ref?: string
  properties?: Record<string, unknown>
}
interface Parameter {
  in?: string
  name?: string
}
interface Operation {
  operationId?: string
  security?: unknown[]
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> }
  responses?: Record<string, unknown>
}
const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const
type PathItem = { [method in (typeof METHODS)[number]]?: Operation } & { servers?: { url?: string }[] }
interface Document {
  paths?: Record<string, PathItem>
  components?: { schemas?: Record<string, SchemaObject>; securitySchemes?: Record<string, unknown> }
}

/** The session cookie: one name over HTTP, the __Host- prefixed name over HTTPS (lib/auth.ts). */
export const SECURITY_SCHEMES = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: COOKIE,
    description: `The session cookie set by POST /api/auth/login when Seloste is reached over plain HTTP (e.g. on localhost). HttpOnly, SameSite=Lax.`,
  },
  secureSessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: `__Host-${COOKIE}`,
    description: `The same session cookie over HTTPS: Secure, with the __Host- prefix (no Domain, Path=/). HttpOnly, SameSite=Lax.`,
  },
  calendarToken: {
    type: 'apiKey',
    in: 'query',
    name: 'token',
    description: "The secret of a user's calendar feed (POST /api/calendar/token makes a new one): calendar apps cannot log in.",
  },
} as const

/** Either cookie: a client sends the one its connection got. */
const SESSION_SECURITY = [{ sessionCookie: [] }, { secureSessionCookie: [] }]

const UNSAFE = new Set(['post', 'put', 'patch', 'delete'])

function errorResponse(status: ErrorStatus, description: string = ERROR_DESCRIPTIONS[status]) {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
}

function deref(doc: Document, schema: SchemaObject | undefined): SchemaObject {
  let s = schema ?? {}
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components?.schemas?.[String(s.$ref).split('/').pop()!] ?? {}
  return s
}

/**
 * The statuses an operation can answer besides its own, from the shell and the access policy:
 * - 401 unless the access policy makes it public; 403 where a role may be refused (editor- or
 *   admin-only) and on every write (a cross-site write is refused, lib/security.ts);
 * - 400 on every operation: besides its path, query and body, an undeclared query parameter is
 *   refused (lib/query-parameters.ts);
 * - 404 where the path names a record;
 * - 409 where the change carries the version it was based on;
 * - 413 and 415 on every write: the body limit and the media-type check run before the route.
 */
export function shellStatuses(doc: Document, serverPath: string, method: string, op: Operation): ErrorStatus[] {
  const concretePath = serverPath.replace(/\{[^}]+\}/g, '1')
  const access = requiredAccess(method, concretePath)
  const params = op.parameters ?? []
  const body = Object.values(op.requestBody?.content ?? {})[0]?.schema
  const out: ErrorStatus[] = []
  out.push(400)
  if (access !== 'public') out.push(401)
  if (access === 'editor' || access === 'admin' || UNSAFE.has(method)) out.push(403)
  if (params.some((p) => p.in === 'path')) out.push(404)
  if ('version' in (deref(doc, body).properties ?? {}) || params.some((p) => p.in === 'query' && p.name === 'version')) out.push(409)
  if (UNSAFE.has(method)) out.push(413, 415)
  return out
}

/** A stable id from the method and full path: "get /api/processors/{id}/transfers" -> "getProcessorsByIdTransfers". */
export function operationId(method: string, fullPath: string): string {
  const words = fullPath
    .replace(/^\/api\//, '/')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment)
      const word = param ? `by-${param[1]}` : segment
      return word
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join('')
    })
  return method.toLowerCase() + words.join('')
}

/**
 * Completes the generated document: the security schemes, each operation's security (none on
 * public ones), and every status the shell can answer, with the error body. Paths with their own
 * `servers` (the public list, outside /api) are checked against the access policy at their own URL.
 */
export function completeDocument<T extends object>(doc: T, apiPrefix = '/api'): T {
  const out = structuredClone(doc) as Document
  out.components = { ...out.components, securitySchemes: { ...out.components?.securitySchemes, ...SECURITY_SCHEMES } }
  for (const [path, item] of Object.entries(out.paths ?? {})) {
    const prefix = item.servers ? String(item.servers[0]?.url ?? '').replace(/\/$/, '') : apiPrefix
    const serverPath = `${prefix}${path}`
    for (const method of METHODS) {
      const op = item[method]
      if (!op) continue
      op.operationId ??= operationId(method, serverPath)
      const isApi = serverPath.startsWith(`${apiPrefix}/`)
      if (op.security === undefined) op.security = !isApi || requiredAccess(method, serverPath) === 'public' ? [] : SESSION_SECURITY
      if (!isApi) continue
      op.responses ??= {}
      for (const status of shellStatuses(out, serverPath, method, op)) {
        op.responses[String(status)] ??= errorResponse(
          status,
          status === 403 && !['editor', 'admin'].includes(requiredAccess(method, serverPath))
            ? 'A cross-site request (refused for every write)'
            : undefined,
        )
      }
    }
  }
  return out as unknown as T
}

/** A documented error response with its own description, where the generic one would mislead. */
export function describedErrorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ErrorBody } } } as const
}
