import type { OpenAPIHono } from '@hono/zod-openapi'
import { MESSAGES } from '@seloste/schema'
import type { MiddlewareHandler } from 'hono'
import { AppError } from './app-error'

type Registry = OpenAPIHono['openAPIRegistry']

/** One described operation: its method, its path as a pattern, and the query parameters it declares. */
interface Operation {
  method: string
  pattern: RegExp
  /** Path parameters in the template: a literal path ("/activities/matrix") wins over "/activities/{id}". */
  params: number
  declared: ReadonlySet<string>
}

/** The names a route's query schema declares (a zod object's keys); none where it declares no query. */
function declaredNames(query: unknown, where: string): Set<string> {
  if (query === undefined) return new Set()
  const shape = (query as { shape?: Record<string, unknown> }).shape
  // Every query schema is a zod object: one that is not would leave its route unchecked, so it fails loudly here.
  if (!shape || typeof shape !== 'object') throw new Error(`${where}: the query schema is not an object; its names cannot be checked`)
  return new Set(Object.keys(shape))
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function operationsOf(registry: Registry, mountedAt: string, skipPrefix: string): Operation[] {
  const out: Operation[] = []
  for (const definition of registry.definitions) {
    if (definition.type !== 'route') continue
    const { method, path, request } = definition.route
    if (path.startsWith(`${skipPrefix}/`)) continue
    out.push({
      method: method.toUpperCase(),
      pattern: new RegExp(
        `^${escape(mountedAt)}${path
          .split(/\{[^}]+\}/)
          .map(escape)
          .join('[^/]+')}$`,
      ),
      params: (path.match(/\{/g) ?? []).length,
      declared: declaredNames(request?.query, `${method} ${path}`),
    })
  }
  return out
}

/**
 * One rule for the whole API (decision 013): a query parameter that the operation does not declare
 * is refused with the same 400 as an unknown body field, naming it (`fields[].path` is the
 * parameter's name, `messageCode` "unknown_parameter"). The table of what each operation declares
 * is read from the routes' own descriptions (the registry behind /api/openapi.json) on the first
 * request, so a route cannot declare one thing and accept another. Requests that match no described
 * operation (the API reference pages, a 404) pass through. The public pages (outside /api) are not
 * checked: see the decision.
 */
export function refuseUndeclaredQueryParameters(registry: Registry, mountedAt: string, skipPrefix: string): MiddlewareHandler {
  let operations: Operation[] | null = null
  return async (c, next) => {
    const url = new URL(c.req.url)
    if (url.search.length > 1) {
      operations ??= operationsOf(registry, mountedAt, skipPrefix)
      const method = c.req.method === 'HEAD' ? 'GET' : c.req.method
      const operation = operations.filter((o) => o.method === method && o.pattern.test(url.pathname)).sort((a, b) => a.params - b.params)[0]
      if (operation) {
        const unknown = [...new Set(url.searchParams.keys())].filter((name) => !operation.declared.has(name))
        if (unknown.length > 0)
          throw new AppError('validation_failed', MESSAGES.invalid_fields, {
            fields: unknown.map((name) => ({ path: name, message: MESSAGES.unknown_parameter })),
          })
      }
    }
    await next()
  }
}
