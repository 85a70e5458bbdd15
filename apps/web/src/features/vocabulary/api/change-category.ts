import type { LocalizedText } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { vocabularyKeys } from './keys'

/** Which of the two vocabularies: categories of personal data, or of data subjects. */
export type VocabularyKind = 'data' | 'subject'

const route = (kind: VocabularyKind) => (kind === 'data' ? api.vocabulary['data-categories'] : api.vocabulary['data-subject-categories'])

export interface RenameInput {
  kind: VocabularyKind
  id: number
  name: LocalizedText
  /** Only for categories of personal data. */
  special?: boolean
  version: number
}

export function renameCategory({ kind, id, name, special, version }: RenameInput) {
  const param = { id: String(id) }
  return kind === 'data'
    ? call(api.vocabulary['data-categories'][':id'].$patch({ param, json: { name, special, version } }))
    : call(api.vocabulary['data-subject-categories'][':id'].$patch({ param, json: { name, version } }))
}

export function mergeCategory({ kind, id, into, version }: { kind: VocabularyKind; id: number; into: number; version: number }) {
  return call(route(kind)[':id'].merge.$post({ param: { id: String(id) }, json: { into, version } }))
}

export function removeCategory({ kind, id, version }: { kind: VocabularyKind; id: number; version: number }) {
  return call(route(kind)[':id'].$delete({ param: { id: String(id) }, query: { version: String(version) } }))
}

/**
 * Rename, merge and remove: each refreshes the vocabulary (and the activities, whose categories a
 * merge changes), also after a failure, so that a conflict shows the entry as it is now.
 */
function useVocabularyMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: vocabularyKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['activities'] }),
      ]),
  })
}

export const useRenameCategory = () => useVocabularyMutation(renameCategory)
export const useMergeCategory = () => useVocabularyMutation(mergeCategory)
export const useRemoveCategory = () => useVocabularyMutation(removeCategory)
