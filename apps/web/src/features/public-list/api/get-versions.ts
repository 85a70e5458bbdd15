import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { publicListKeys } from './keys'

/** Published versions, newest first (without their content). */
export function getVersions() {
  return call(api['public-list'].versions.$get())
}

export const versionsQueryOptions = () => queryOptions({ queryKey: publicListKeys.versions(), queryFn: getVersions })

export function useVersions() {
  return useQuery(versionsQueryOptions())
}
