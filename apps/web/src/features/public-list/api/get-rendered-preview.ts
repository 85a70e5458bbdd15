import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { publicListKeys } from './keys'

/** The draft as the public page would show it: server-escaped HTML and Markdown, in Finnish and English. */
export function getRenderedPreview() {
  return call(api['public-list'].preview.rendered.$get())
}

export const renderedPreviewQueryOptions = () =>
  queryOptions({ queryKey: publicListKeys.rendered(), queryFn: getRenderedPreview, staleTime: 0 })

export function useRenderedPreview() {
  return useQuery(renderedPreviewQueryOptions())
}
