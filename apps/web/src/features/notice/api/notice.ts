import type { NoticePublishInput, NoticeTextsUpdate } from '@seloste/schema'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

/** Query keys of the privacy notice (nothing outside this feature reads them). */
export const noticeKeys = {
  all: ['notice'] as const,
  texts: () => ['notice', 'texts'] as const,
  preview: () => ['notice', 'preview'] as const,
  rendered: () => ['notice', 'preview', 'rendered'] as const,
  versions: () => ['notice', 'versions'] as const,
}

export const noticeTextsQueryOptions = () => queryOptions({ queryKey: noticeKeys.texts(), queryFn: () => call(api.notice.texts.$get()) })
export const useNoticeTexts = () => useQuery(noticeTextsQueryOptions())

/** The blocking problems and the sections publishing would change: always compared with the records as they are now. */
export const useNoticePreview = () =>
  useQuery({ queryKey: noticeKeys.preview(), queryFn: () => call(api.notice.preview.$get()), staleTime: 0 })
export const useNoticeRendered = () =>
  useQuery({ queryKey: noticeKeys.rendered(), queryFn: () => call(api.notice.preview.rendered.$get()), staleTime: 0 })
export const useNoticeVersions = () => useQuery({ queryKey: noticeKeys.versions(), queryFn: () => call(api.notice.versions.$get()) })

export function useSaveNoticeTexts() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: NoticeTextsUpdate) => call(api.notice.texts.$put({ json: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
  })
}

/** 409 version_conflict if someone published since the preview, 409 conflict with the problems while one blocks. */
export function usePublishNotice() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: NoticePublishInput) => call(api.notice.publish.$post({ json: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
  })
}
