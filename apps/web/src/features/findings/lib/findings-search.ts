import { FindingEntity, Severity } from '@seloste/schema'
import { z } from 'zod'

/**
 * The findings list's filters as URL search params on /overview, so a link ("the high ones")
 * reproduces the view. A bad value falls back to "not set": an old or hand-edited link still opens.
 */
export const FindingsSearch = z.object({
  severity: Severity.optional().catch(undefined),
  check: z.string().max(100).optional().catch(undefined),
  entity: FindingEntity.shape.type.optional().catch(undefined),
  /** Which list: open (the default) or acknowledged. */
  list: z.enum(['open', 'acknowledged']).optional().catch(undefined),
})
export type FindingsSearch = z.output<typeof FindingsSearch>

export const ENTITY_TYPES = FindingEntity.shape.type.options

export function hasFindingFilters(search: FindingsSearch): boolean {
  return search.severity !== undefined || search.check !== undefined || search.entity !== undefined
}
