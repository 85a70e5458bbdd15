import type { AuditQueryParams } from '../lib/audit-search'

/** Query keys of the audit trail (a processor's history lives under the processor's own key instead). */
export const auditKeys = {
  all: ['audit'] as const,
  list: (query: AuditQueryParams) => ['audit', 'list', query] as const,
  verify: () => ['audit', 'verify'] as const,
}
