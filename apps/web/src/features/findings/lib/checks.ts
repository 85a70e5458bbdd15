import { CHECK_IDS, CHECKS_BY_CATEGORY, type CheckCategory, type CheckId, type Finding, type Severity } from '@seloste/schema'

/** Every check the API runs, by area: packages/schema, the one list of check ids. */
export { CHECKS_BY_CATEGORY, type CheckCategory } from '@seloste/schema'
export type KnownCheckId = CheckId

export const CHECK_CATEGORIES = Object.keys(CHECKS_BY_CATEGORY) as CheckCategory[]

const known: ReadonlySet<string> = new Set(CHECK_IDS)
export function isKnownCheck(id: string): id is KnownCheckId {
  return known.has(id)
}

export function categoryOf(checkId: string): CheckCategory | null {
  for (const category of CHECK_CATEGORIES) if ((CHECKS_BY_CATEGORY[category] as readonly string[]).includes(checkId)) return category
  return null
}

export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low']

/** A dashboard path from the API, safe to hand to the router (never another site). */
export function isDashboardPath(link: string): boolean {
  return link.startsWith('/') && !link.startsWith('//')
}

export interface FindingFilter {
  severity?: Severity | undefined
  check?: string | undefined
  entity?: Finding['entity']['type'] | undefined
}

export function matchesFilter(f: Finding, filter: FindingFilter): boolean {
  return (
    (!filter.severity || f.severity === filter.severity) &&
    (!filter.check || f.checkId === filter.check) &&
    (!filter.entity || f.entity.type === filter.entity)
  )
}
