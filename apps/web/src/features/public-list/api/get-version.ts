import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { publicListKeys } from './keys'

/** One published version with its content (the old values of the publish diff). */
export function getVersion(version: number) {
  return call(api['public-list'].versions[':version'].$get({ param: { version: String(version) } }))
}

/** A published version never changes: fetched once. Disabled without a version (nothing published yet). */
export const versionQueryOptions = (version: number | null) =>
  queryOptions({
    queryKey: publicListKeys.version(version ?? 0),
    queryFn: () => getVersion(version!),
    enabled: version !== null,
    staleTime: Infinity,
  })

export function useVersion(version: number | null) {
  return useQuery(versionQueryOptions(version))
}
