import type { DataCategory, DataCategoryInput } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { vocabularyKeys } from './keys'

export function createDataCategory(input: DataCategoryInput) {
  return call(api.vocabulary['data-categories'].$post({ json: input }))
}

export function useCreateDataCategory() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createDataCategory,
    onSuccess: (created) => {
      // Shown at once in the list it was created from; the refetch then brings the server's order.
      queryClient.setQueryData<DataCategory[]>(vocabularyKeys.dataCategories(), (list) => (list ? [...list, created] : list))
      return queryClient.invalidateQueries({ queryKey: vocabularyKeys.dataCategories() })
    },
  })
}
