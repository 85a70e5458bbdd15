import type { PublishInput } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { publicListKeys } from './keys'

/**
 * Freezes the next version. `basedOnVersion` is the latest version the preview showed (0 before
 * the first): 409 version_conflict if someone published since, 409 conflict if nothing changed.
 */
export function publish(input: PublishInput) {
  return call(api['public-list'].publish.$post({ json: input }))
}

export function usePublish() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: publish,
    // Published or refused, the preview must be compared with the latest version again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: publicListKeys.all }),
  })
}
