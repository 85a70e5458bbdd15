import type { UserCreate } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { userKeys } from './keys'

/** 400 with field errors for a taken email or a refused password. */
export function createUser(input: UserCreate) {
  return call(api.users.$post({ json: input }))
}

export function useCreateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  })
}
