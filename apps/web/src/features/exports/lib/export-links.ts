import type { Language } from '@seloste/schema'

export type RecordFormat = 'xlsx' | 'csv' | 'json' | 'html' | 'pdf'
export type RegisterFormat = 'xlsx' | 'csv'

export interface ExportOptions {
  lang: Language
  /** YYYY-MM-DD, or '' for now. */
  asOf: string
}

function query({ lang, asOf }: ExportOptions): string {
  const params = new URLSearchParams({ lang })
  if (asOf) params.set('asOf', asOf)
  return params.toString()
}

/** Same-origin links: the browser sends the session cookie, and the API names the file. */
export const recordUrl = (format: RecordFormat, options: ExportOptions) => `/api/exports/ropa.${format}?${query(options)}`
export const registerUrl = (format: RegisterFormat, options: ExportOptions) => `/api/exports/processors.${format}?${query(options)}`

/** Today as the API counts days for "as of" (UTC): a later date would be refused as in the future. */
export function latestAsOf(now = new Date()): string {
  return now.toISOString().slice(0, 10)
}
