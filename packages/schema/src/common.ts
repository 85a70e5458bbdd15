import { z } from 'zod'
import { COUNTRY_CODES, isCountryCode } from './geo'
import { MESSAGES } from './messages'

/** Optional free text: trimmed, at most `max` characters; an empty string means "not recorded" (null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v === '' ? null : v))

/**
 * A search term from a query string: trimmed, at most `max` characters, and no control characters.
 * SQLite reads a NUL as the end of a string (an FTS5 phrase then is "unterminated", a LIKE pattern
 * silently shorter), and no name or service holds a control character to search for, so a term with
 * one is refused with a 400 naming the field rather than half-searched.
 */
export const searchTerm = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, 'Must not contain control characters (such as NUL, tab or line breaks)')

/** Required single-line text, trimmed. */
export const requiredText = (max: number) => z.string().trim().min(1, MESSAGES.required).max(max)

/** A text kept in both languages of the public outputs. Either may be empty while being drafted. */
export const LocalizedText = z
  .strictObject({ fi: z.string().trim().max(2000), en: z.string().trim().max(2000) })
  .meta({ id: 'LocalizedText', description: 'The same text in Finnish and English.' })
export type LocalizedText = z.infer<typeof LocalizedText>

export const emptyLocalized = (): LocalizedText => ({ fi: '', en: '' })

/**
 * Percent-encodes the characters that end or break out of a link target in Markdown (`(`, `)`, `<`,
 * `>`, spaces) or an HTML attribute (quotes, backquote, backslash): the address stays the same for
 * a browser, and a URL field can never inject a second link or markup into a published document.
 */
export function encodeLinkTarget(url: string): string {
  return url.replace(/[()<>"'`\\\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/** An absolute http(s) link (with its link-breaking characters percent-encoded), or null. */
export const optionalUrl = z
  .union([z.url({ protocol: /^https?$/, message: MESSAGES.http_url }).max(2000), z.literal('')])
  .nullable()
  .transform((v) => (v === '' || v === null ? null : encodeLinkTarget(v)))

/** A calendar date as YYYY-MM-DD, or null. */
export const optionalDate = z
  .union([z.iso.date({ message: MESSAGES.date }), z.literal('')])
  .nullable()
  .transform((v) => (v === '' ? null : v))

/** An ISO 3166-1 alpha-2 country code (upper case). */
export const CountryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code): boolean => isCountryCode(code), { message: MESSAGES.country_code })
  // The enum is for the description (clients, linters, the fuzzer); lower case is accepted and upper-cased.
  .meta({
    id: 'CountryCode',
    description: 'ISO 3166-1 alpha-2 country code (officially assigned codes)',
    example: 'US',
    enum: [...COUNTRY_CODES],
  })

export const optionalCountry = z
  .union([CountryCodeSchema, z.literal('')])
  .nullable()
  .transform((v) => (v === '' ? null : v))

/** A list of short labels (categories), trimmed, without blanks or duplicates. */
export const labelList = z
  .array(z.string().trim().min(1).max(200))
  .max(100)
  .transform((items) => [...new Set(items)])

/** The numeric id of a record, as it appears in a URL path. */
export const IdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'Must be a positive whole number')
    .transform(Number)
    .meta({ param: { name: 'id', in: 'path' }, example: '1' }),
})

/** Optimistic concurrency: the version of the record the change was based on. */
export const VersionField = z.number().int().min(1).meta({ description: 'The version this change is based on' })

export const Language = z.enum(['fi', 'en']).meta({ description: 'Language of the public outputs' })
export type Language = z.infer<typeof Language>

/** JSON with object keys sorted, so that equal content always gives the same text (hashes, comparisons). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}
