import type { Context, TypedResponse } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { JSONParsed } from 'hono/utils/types'

declare const valueType: unique symbol

/**
 * The JSON text of a T, made where the value is: a read worker (reads/read-pool.ts) sends a list as one
 * string, so the server's own thread neither rebuilds the objects from the message nor serialises
 * them again (both were a large part of its time per list request, and of its garbage).
 */
export type JsonText<T> = string & { readonly [valueType]: T }

export function toJsonText<T>(value: T): JsonText<T> {
  return JSON.stringify(value) as JsonText<T>
}

/** Answers with JSON text exactly as `c.json(value, status)` answers with the value, and typed the same for the route's contract. */
export function jsonText<T, S extends ContentfulStatusCode>(
  c: Context,
  text: JsonText<T>,
  status: S,
): Response & TypedResponse<JSONParsed<T>, S, 'json'> {
  return c.body(text, status, { 'Content-Type': 'application/json' }) as unknown as Response & TypedResponse<JSONParsed<T>, S, 'json'>
}
