import type { Finding, Severity } from '@seloste/schema'

/** The area a check belongs to, for grouping the check filter. */
export type CheckCategory = 'transfers' | 'agreements' | 'publicList' | 'records'

/** Every check the API runs (apps/api/src/findings/checks.ts), by area. */
export const CHECKS_BY_CATEGORY = {
  transfers: [
    'transfer-no-safeguard',
    'transfer-safeguard-not-applicable',
    'transfer-scc-no-module',
    'transfer-scc-no-tia',
    'dpf-not-verified',
    'dpf-verification-stale',
    'foreign-hq-eea-locations',
    'adequacy-decision-ending',
    'adequacy-decision-ended',
    'reference-data-stale',
    'transfer-scc-module-mismatch',
    'transfer-art46-no-tia',
    'transfer-art49-systematic',
    'dpf-no-legal-name',
    'dpf-home-country-unknown',
  ],
  agreements: [
    'dpa-missing',
    'dpa-not-signed',
    'dpa-expired',
    'dpa-expiring',
    'dpa-review-overdue',
    'dpa-review-due',
    'dpa-checklist-not-covered',
    'dpa-checklist-unknown',
  ],
  publicList: ['retired-processor-in-use', 'used-not-public', 'public-not-used', 'public-list-outdated'],
  records: [
    'activity-no-legal-basis',
    'activity-no-retention',
    'activity-no-data-categories',
    'legitimate-interest-no-assessment',
    'special-categories-no-art9',
    'organisation-dpo-unrecorded',
    'organisation-representative-unrecorded',
    'organisation-joint-controllers-unrecorded',
  ],
} as const satisfies Record<CheckCategory, readonly string[]>

export type KnownCheckId = (typeof CHECKS_BY_CATEGORY)[CheckCategory][number]

export const CHECK_CATEGORIES = Object.keys(CHECKS_BY_CATEGORY) as CheckCategory[]

const known: ReadonlySet<string> = new Set(Object.values(CHECKS_BY_CATEGORY).flat())
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
