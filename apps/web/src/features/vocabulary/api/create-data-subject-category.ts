import type { DataSubjectCategory, DataSubjectCategoryInput } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { vocabularyKeys } from './keys'

export function createDataSubjectCategory(input: DataSubjectCategoryInput) {
  return call(api.vocabulary['data-subject-categories'].$post({ json: input }))
}

export function useCreateDataSubjectCategory() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createDataSubjectCategory,
    onSuccess: (created) => {
      queryClient.setQueryData<DataSubjectCategory[]>(vocabularyKeys.dataSubjectCategories(), (list) => (list ? [...list, created] : list))
      return queryClient.invalidateQueries({ queryKey: vocabularyKeys.dataSubjectCategories() })
    },
  })
}
