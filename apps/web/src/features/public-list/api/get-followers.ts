import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { publicListKeys } from './keys'

/** How many people follow the public list by email (administrators only): a count, no addresses. */
export function getFollowers() {
  return call(api['public-list'].followers.$get())
}

export const followersQueryOptions = () => queryOptions({ queryKey: publicListKeys.followers(), queryFn: getFollowers })

export function useFollowers(enabled: boolean) {
  return useQuery({ ...followersQueryOptions(), enabled })
}
