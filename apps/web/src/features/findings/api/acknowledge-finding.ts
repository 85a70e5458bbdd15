import type { AcknowledgeInput } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { complianceKeys } from './keys'

/** Accepts a finding's risk until a date, with a reason: it moves from the open list to the acknowledged one. */
export function acknowledgeFinding(input: AcknowledgeInput) {
  return call(api.findings.acknowledgements.$post({ json: input }))
}

export function useAcknowledgeFinding() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: acknowledgeFinding,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complianceKeys.all }),
  })
}
