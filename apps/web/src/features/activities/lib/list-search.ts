import type { ActivityListQuery, ActivityStatus } from '@seloste/schema'
import { z } from 'zod'

/**
 * The statuses, spelt out here rather than imported: this file is part of the router (the first
 * page load), and importing a value from the schema's activities module would bring all of it along.
 */
const STATUSES = ['draft', 'approved'] as const satisfies readonly ActivityStatus[]

/** The activities list's state in the URL (?q=&status=); a bad value falls back to none, so old links open. */
export const ActivityListSearch = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
})
export type ActivityListSearch = z.infer<typeof ActivityListSearch>

export function toActivityQuery(search: ActivityListSearch): ActivityListQuery {
  return { ...(search.q ? { q: search.q } : {}), ...(search.status ? { status: search.status } : {}) }
}

export function hasActivityFilters(search: ActivityListSearch): boolean {
  return !!search.q || !!search.status
}
