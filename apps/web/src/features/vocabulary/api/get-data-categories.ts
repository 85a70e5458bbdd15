import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { vocabularyKeys } from './keys'

/** Every category of personal data, sorted by Finnish name, with its Art. 9 "special" flag. */
export function getDataCategories() {
  return call(api.vocabulary['data-categories'].$get())
}

export const dataCategoriesQueryOptions = () => queryOptions({ queryKey: vocabularyKeys.dataCategories(), queryFn: getDataCategories })

export function useDataCategories() {
  return useQuery(dataCategoriesQueryOptions())
}
