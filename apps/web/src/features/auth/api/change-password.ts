import type { PasswordChange } from '@seloste/schema'
import { useMutation } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

/** 204 when changed (other sessions end, this one stays); 400 with field errors otherwise. */
export function changePassword(input: PasswordChange) {
  return call(api.auth.password.$post({ json: input }))
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword })
}
