import { ErrorBody } from '@seloste/schema'
import type { z } from 'zod'

const ERROR_DESCRIPTIONS = {
  400: 'Invalid input: the body names each field and its problem',
  401: 'No valid session',
  403: 'Your role may not do this',
  404: 'No such record',
  409: 'Conflict: someone else changed the record first (the body holds the current record)',
  413: 'The request body is too large',
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

/** A documented error response with its own description, where the generic one would mislead. */
export function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ErrorBody } } } as const
}
