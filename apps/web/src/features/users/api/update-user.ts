import type { UserUpdate } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { userKeys } from './keys'

/**
 * Changes role or disabled state. `input.version` is the version the list showed: 409
 * version_conflict if the user changed meanwhile, 409 conflict for the last active administrator.
 */
export function updateUser({ id, input }: { id: number; input: UserUpdate }) {
  return call(api.users[':id'].$patch({ param: { id: String(id) }, json: input }))
}

export function useUpdateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateUser,
    // Success or conflict alike: the list must show the version a retry will be based on.
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  })
}
