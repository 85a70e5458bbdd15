import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { auditKeys } from './keys'

/** Walks the whole hash chain on the server: intact, or the first event that does not verify. */
export function verifyAudit() {
  return call(api.audit.verify.$get())
}

export const auditVerificationQueryOptions = () => queryOptions({ queryKey: auditKeys.verify(), queryFn: verifyAudit, staleTime: 0 })

export function useAuditVerification() {
  return useQuery(auditVerificationQueryOptions())
}
