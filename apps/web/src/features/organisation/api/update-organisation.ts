import type { OrganisationUpdate } from '@seloste/schema'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

/** `input.version` is the version the user loaded; the API answers 409 if it has moved on. */
export function updateOrganisation(input: OrganisationUpdate) {
  return call(api.organisation.$patch({ json: input }))
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateOrganisation,
    // The header shows the name; the findings page refetches on its own when it is opened.
    onSuccess: (organisation) => queryClient.setQueryData(queryKeys.organisation, organisation),
  })
}
