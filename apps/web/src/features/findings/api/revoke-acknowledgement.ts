import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { complianceKeys } from './keys'

/** Ends an acknowledgement now: the finding is open again. */
export function revokeAcknowledgement(id: number) {
  return call(api.findings.acknowledgements[':id'].$delete({ param: { id: String(id) } }))
}

export function useRevokeAcknowledgement() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: revokeAcknowledgement,
    // Also after a failure (404, or 409 when it has expired meanwhile): show how things are now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: complianceKeys.all }),
  })
}
