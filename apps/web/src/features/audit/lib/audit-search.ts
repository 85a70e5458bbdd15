import { z } from 'zod'

export const AUDIT_PAGE_SIZE = 50

/** Record types and actions the API writes (apps/api services), for the filters' choices. */
export const ENTITY_TYPES = [
  'processor',
  'transfer',
  'dpa',
  'activity',
  'public_list',
  'user',
  'session',
  'organisation',
  'data_category',
  'data_subject_category',
  'finding',
  'export',
] as const
export const ACTIONS = [
  'create',
  'update',
  'delete',
  'retire',
  'approve',
  'publish',
  'attach_document',
  'remove_document',
  'login',
  'login_failed',
  'logout',
  'change_password',
  'change_password_failed',
  'unlock',
  'reset_password',
  'export',
  'acknowledge',
  'revoke_acknowledgement',
  'regenerate_calendar_token',
  'catalogue_link',
  'catalogue_accept',
  'catalogue_dismiss',
  'merge',
] as const

const Day = z.iso.date()
const Token = z.string().regex(/^[a-z_]{1,50}$/)

/**
 * The audit trail's filters as URL search params (so a link opens the same view). A bad value
 * falls back to "not set". `from`/`to` are calendar days in the user's time zone, both inclusive.
 */
export const AuditSearch = z.object({
  entityType: Token.optional().catch(undefined),
  entityId: z.union([z.string(), z.number()]).transform(String).pipe(z.string().max(50)).optional().catch(undefined),
  action: Token.optional().catch(undefined),
  actorId: z.number().int().positive().optional().catch(undefined),
  from: Day.optional().catch(undefined),
  to: Day.optional().catch(undefined),
  page: z.number().int().min(1).optional().catch(undefined),
})
export type AuditSearch = z.output<typeof AuditSearch>

export const AUDIT_FILTER_KEYS = ['entityType', 'entityId', 'action', 'actorId', 'from', 'to'] as const

export function hasAuditFilters(search: AuditSearch): boolean {
  return AUDIT_FILTER_KEYS.some((k) => search[k] !== undefined)
}

/** Local midnight of a YYYY-MM-DD day as an instant, plus `addDays`. */
function localMidnight(day: string, addDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d + addDays).toISOString()
}

export interface AuditQueryParams {
  entityType?: string
  entityId?: string
  action?: string
  actorId?: string
  from?: string
  to?: string
  page: string
  pageSize: string
}

/** The API query for a URL state. The API's `to` is exclusive: the chosen last day is included by asking up to the next midnight. */
export function toAuditQuery(search: AuditSearch): AuditQueryParams {
  const q: AuditQueryParams = { page: String(search.page ?? 1), pageSize: String(AUDIT_PAGE_SIZE) }
  if (search.entityType) q.entityType = search.entityType
  if (search.entityId) q.entityId = search.entityId
  if (search.action) q.action = search.action
  if (search.actorId) q.actorId = String(search.actorId)
  if (search.from) q.from = localMidnight(search.from)
  if (search.to) q.to = localMidnight(search.to, 1)
  return q
}

/** The audit trail export with the same filters (no paging): a same-origin link, so the session cookie goes with it. */
export function auditExportUrl(format: 'csv' | 'xlsx', search: AuditSearch, lang: 'fi' | 'en'): string {
  const { page: _page, pageSize: _pageSize, ...filters } = toAuditQuery(search)
  return `/api/audit/export.${format}?${new URLSearchParams({ ...filters, lang }).toString()}`
}
