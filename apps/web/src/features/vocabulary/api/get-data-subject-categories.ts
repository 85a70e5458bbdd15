import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { vocabularyKeys } from './keys'

/** Every category of data subjects, sorted by Finnish name. */
export function getDataSubjectCategories() {
  return call(api.vocabulary['data-subject-categories'].$get())
}

export const dataSubjectCategoriesQueryOptions = () =>
  queryOptions({ queryKey: vocabularyKeys.dataSubjectCategories(), queryFn: getDataSubjectCategories })

export function useDataSubjectCategories() {
  return useQuery(dataSubjectCategoriesQueryOptions())
}
