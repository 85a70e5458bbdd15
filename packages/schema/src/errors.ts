import { z } from 'zod'
import { MESSAGES, MessageCode, messageCodeOf } from './messages'

/** Stable error codes of the API; each maps to one HTTP status. */
export const ErrorCode = z.enum([
  'validation_failed',
  'malformed_json',
  'not_found',
  'conflict',
  'version_conflict',
  'payload_too_large',
  'unsupported_media_type',
  'unauthenticated',
  'forbidden',
  'too_many_requests',
  'internal',
  // The audit trail no longer matches its saved head: changes are refused until an operator acts.
  'audit_trail_broken',
])
export type ErrorCode = z.infer<typeof ErrorCode>

export const FieldError = z.object({
  path: z.string().meta({ description: 'Dotted path of the field, e.g. "transfers.0.country"' }),
  message: z.string(),
  messageCode: MessageCode.optional().meta({ description: 'The stable code of a known sentence, for a client to translate' }),
})
export type FieldError = z.infer<typeof FieldError>

/** A record that uses the entry a request wanted to remove (e.g. an activity using a data category). */
export const UsedBy = z
  .object({
    type: z.enum(['activity']),
    id: z.number().int(),
    name: z.object({ fi: z.string(), en: z.string() }),
  })
  .meta({ id: 'UsedBy' })
export type UsedBy = z.infer<typeof UsedBy>

/** A listed service named in both languages (its English name, where one is recorded, in English). */
export const NamedEntry = z.object({ name: z.object({ fi: z.string(), en: z.string() }) }).meta({ id: 'NamedEntry' })
export type NamedEntry = z.infer<typeof NamedEntry>

export const ErrorBody = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string(),
      messageCode: MessageCode.optional().meta({ description: 'The stable code of a known sentence, for a client to translate' }),
      fields: z.array(FieldError).optional(),
      current: z.unknown().optional().meta({ description: 'On a version conflict: the record as it is now' }),
      usedBy: z.array(UsedBy).optional().meta({ description: 'On refusing to remove an entry still in use: every record that uses it' }),
      unlocated: z.array(NamedEntry).optional().meta({
        description: 'On refusing to publish without confirmUnknownLocations: the listed services whose locations are not recorded',
      }),
    }),
  })
  .meta({ id: 'Error' })
export type ErrorBody = z.infer<typeof ErrorBody>

/**
 * Turns zod issues into the API's field errors ("a.b.0" paths). An unknown field (a strict object's
 * `unrecognized_keys`) is named by its own path, one error per field, so that a client's typo
 * (`version` for `displayName`) points at the typo rather than at the object around it.
 */
export function fieldErrorsFrom(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[],
): FieldError[] {
  return issues.flatMap((i) =>
    i.code === 'unrecognized_keys' && i.keys?.length
      ? i.keys.map((key) => ({ path: [...i.path.map(String), key].join('.'), message: MESSAGES.unknown_field }))
      : [{ path: i.path.map(String).join('.'), message: i.message }],
  )
}

/** A field error with the code of its sentence, when the sentence is one of `MESSAGES`. */
export function withMessageCode(field: FieldError): FieldError {
  const messageCode = field.messageCode ?? messageCodeOf(field.message)
  return messageCode ? { ...field, messageCode } : field
}
