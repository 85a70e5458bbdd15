import type { ActivityGap, ActivityListQuery, ActivitySort, ActivityStatus, LegalBasis } from '@seloste/schema'
import { z } from 'zod'

/**
 * The enums, spelt out here rather than imported: this file is part of the router (the first page
 * load), and importing a value from the schema's activities module would bring all of it along.
 */
const STATUSES = ['draft', 'approved'] as const satisfies readonly ActivityStatus[]
export const LEGAL_BASES = ['a', 'b', 'c', 'd', 'e', 'f'] as const satisfies readonly LegalBasis[]
export const GAPS = ['findings', 'noRetention'] as const satisfies readonly ActivityGap[]
const SORTS = ['name', 'updatedAt', 'findings'] as const satisfies readonly ActivitySort[]

const id = z.number().int().min(1).max(2_147_483_647)

/**
 * The activities list's state in the URL (?q=&status=&legalBasis=&subject=&processor=&gap=&sort=&order=),
 * so a copied link reproduces the view and Back returns to the previous one. A bad value falls back to
 * none, so old or hand-edited links still open. (The router parses values as JSON: subject=3 is a number.)
 */
export const ActivityListSearch = z.object({
  q: z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().max(200)).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  legalBasis: z.enum(LEGAL_BASES).optional().catch(undefined),
  subject: id.optional().catch(undefined),
  processor: id.optional().catch(undefined),
  gap: z.enum(GAPS).optional().catch(undefined),
  sort: z.enum(SORTS).optional().catch(undefined),
  order: z.enum(['asc', 'desc']).optional().catch(undefined),
})
export type ActivityListSearch = z.output<typeof ActivityListSearch>

export const ACTIVITY_FILTER_KEYS = ['q', 'status', 'legalBasis', 'subject', 'processor', 'gap'] as const

/** The API query for a URL state (sorting by name, A to Z, unless asked otherwise). */
export function toActivityQuery(search: ActivityListSearch): ActivityListQuery {
  const out: ActivityListQuery = {}
  if (search.q) out.q = search.q
  if (search.status) out.status = search.status
  if (search.legalBasis) out.legalBasis = search.legalBasis
  if (search.subject !== undefined) out.subject = search.subject
  if (search.processor !== undefined) out.processor = search.processor
  if (search.gap) out.gap = search.gap
  if (search.sort && search.sort !== 'name') out.sort = search.sort
  if (search.order === 'desc') out.order = 'desc'
  return out
}

export function hasActivityFilters(search: ActivityListSearch): boolean {
  return ACTIVITY_FILTER_KEYS.some((k) => search[k] !== undefined && search[k] !== '')
}
