import type { ImportMapping } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

/** Multipart POST of the spreadsheet in the field "file": the guessed mapping and a preview; nothing is written. */
export function createImport(file: File) {
  return call(api.imports.$post({ form: { file } }))
}

export function useCreateImport() {
  return useMutation({ mutationFn: createImport })
}

/** A changed mapping returns a new preview. */
export function updateImportMapping({ id, mapping }: { id: string; mapping: ImportMapping }) {
  return call(api.imports[':id'].mapping.$put({ param: { id }, json: mapping }))
}

export function useUpdateImportMapping() {
  return useMutation({ mutationFn: updateImportMapping })
}

/** Writes every row or none (400 when rows have errors, 409 when records changed after the export). */
export function commitImport(id: string) {
  return call(api.imports[':id'].commit.$post({ param: { id } }))
}

export function useCommitImport() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: commitImport,
    // Many records at once: the lists, details, findings and overview all change.
    onSuccess: () => queryClient.invalidateQueries(),
  })
}
