import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

/** The download address of a DPA's document (GET streams the PDF as an attachment). */
export function dpaDocumentUrl(dpaId: number): string {
  // A plain link, not a fetch: the browser downloads it with the session cookie. (hc's $url needs an absolute base.)
  return `/api/dpas/${dpaId}/document`
}

/** Multipart POST with the PDF in the field "file". */
export function uploadDpaDocument({ dpaId, file }: { dpaId: number; file: File }) {
  return call(api.dpas[':id'].document.$post({ param: { id: String(dpaId) }, form: { file } }))
}

export function useUploadDpaDocument() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: uploadDpaDocument,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.processors.details() }),
  })
}

export function removeDpaDocument({ dpaId }: { dpaId: number }) {
  return call(api.dpas[':id'].document.$delete({ param: { id: String(dpaId) } }))
}

export function useRemoveDpaDocument() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: removeDpaDocument,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.processors.details() }),
  })
}
