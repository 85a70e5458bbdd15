import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { userKeys } from './keys'

/** An administrator sets someone's password; their sessions end. 400 if the password is refused. */
export function resetPassword({ id, password }: { id: number; password: string }) {
  return call(api.users[':id'].password.$post({ param: { id: String(id) }, json: { password } }))
}

export function useResetPassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  })
}
