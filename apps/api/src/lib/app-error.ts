import { MESSAGES, messageCodeOf, withMessageCode, type ErrorCode, type FieldError, type NamedEntry, type UsedBy } from '@seloste/schema'

const STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503> = {
  validation_failed: 400,
  malformed_json: 400,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  forbidden: 403,
  too_many_requests: 429,
  internal: 500,
  audit_trail_broken: 503,
}

/** The one error type services throw; the error handler turns it into the API's JSON error body. */
export class AppError extends Error {
  readonly status: (typeof STATUS)[ErrorCode]

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: {
      fields?: FieldError[]
      current?: unknown
      usedBy?: UsedBy[]
      unlocated?: NamedEntry[]
      headers?: Record<string, string>
    } = {},
  ) {
    super(message)
    this.status = STATUS[code]
  }

  /** The JSON error body; a known sentence (`MESSAGES`) carries its code, for clients to translate. */
  toBody() {
    const messageCode = messageCodeOf(this.message)
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(messageCode && { messageCode }),
        ...(this.extra.fields && { fields: this.extra.fields.map(withMessageCode) }),
        ...(this.extra.current !== undefined && { current: this.extra.current }),
        ...(this.extra.usedBy && { usedBy: this.extra.usedBy }),
        ...(this.extra.unlocated && { unlocated: this.extra.unlocated }),
      },
    }
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`)

export const invalid = (fields: FieldError[], message: string = MESSAGES.invalid_fields) =>
  new AppError('validation_failed', message, { fields })
