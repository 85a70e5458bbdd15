import type { AppType } from '@seloste/api'
import type { ErrorCode, FieldError, MessageCode, NamedEntry, UsedBy } from '@seloste/schema'
import { hc, type ClientResponse } from 'hono/client'
import type { SuccessStatusCode } from 'hono/utils/http-status'

/** The typed client: its routes and bodies come from the API's own route definitions. */
export const api = hc<AppType>('/api', { init: { credentials: 'same-origin' } })

/** Codes the client adds for failures that never reached the API's error handler. */
export type ClientErrorCode = 'network' | 'unexpected_response'

/** Every failed API call becomes this one error, whatever the route. */
export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** Field-level problems ("service.fi", "sccModule"), for showing beside the inputs. */
    readonly fields: FieldError[] = [],
    /** On a version conflict: the record as it is now on the server. */
    readonly current: unknown = undefined,
    /** On 429: seconds to wait, from the Retry-After header. */
    readonly retryAfterSeconds: number | null = null,
    /** The code of the message's sentence (packages/schema MESSAGES), by which the UI translates it. */
    readonly messageCode?: MessageCode,
    /** On refusing to remove an entry still in use (409): the records that use it. */
    readonly usedBy: UsedBy[] = [],
    /** On refusing to publish unconfirmed unknown locations (400): the services named in both languages. */
    readonly unlocated: NamedEntry[] = [],
  ) {
    super(message)
  }

  get isVersionConflict(): boolean {
    return this.code === 'version_conflict'
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** What an error needs of an answer: the fetch Response, or the typed client's ClientResponse. */
type AnswerLike = Pick<Response, 'status' | 'statusText' | 'headers' | 'json'>

function isJson(res: AnswerLike): boolean {
  return (res.headers.get('content-type') ?? '').includes('application/json')
}

/** The one place that reads an error response (the API's `{ error: {...} }` body) into an ApiError. */
export async function toApiError(res: AnswerLike): Promise<ApiError> {
  const retryAfter = Number(res.headers.get('retry-after'))
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null
  if (isJson(res)) {
    const body = (await res.json().catch(() => null)) as {
      error?: {
        code?: ErrorCode
        message?: string
        messageCode?: MessageCode
        fields?: FieldError[]
        current?: unknown
        usedBy?: UsedBy[]
        unlocated?: NamedEntry[]
      }
    } | null
    const e = body?.error
    if (e?.code)
      return new ApiError(
        res.status,
        e.code,
        e.message ?? res.statusText,
        e.fields ?? [],
        e.current,
        retryAfterSeconds,
        e.messageCode,
        e.usedBy ?? [],
        e.unlocated ?? [],
      )
  }
  return new ApiError(res.status, 'unexpected_response', `${res.status} ${res.statusText}`.trim(), [], undefined, retryAfterSeconds)
}

type SuccessBody<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatusCode ? T : never) : never

/**
 * Awaits a typed client call and returns its success body, or throws an ApiError.
 * A success without a JSON body (204) resolves to undefined.
 */
export async function call<R extends ClientResponse<unknown, number, string>>(request: Promise<R>): Promise<SuccessBody<R>> {
  let res: R
  try {
    res = await request
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err))
  }
  if (!res.ok) throw await toApiError(res)
  if (res.status === 204 || !isJson(res)) return undefined as SuccessBody<R>
  return (await res.json()) as SuccessBody<R>
}
