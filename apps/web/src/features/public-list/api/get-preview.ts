import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { publicListKeys } from './keys'

/** The latest published version, the draft publishing would freeze now, and the difference. */
export function getPreview() {
  return call(api['public-list'].preview.$get())
}

export const previewQueryOptions = () =>
  queryOptions({
    queryKey: publicListKeys.preview(),
    queryFn: getPreview,
    // The registry changes on other pages: always compare with what is there now.
    staleTime: 0,
  })

export function usePreview() {
  return useQuery(previewQueryOptions())
}
