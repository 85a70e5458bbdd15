import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { complianceKeys } from './keys'

/** Makes a new secret feed URL; any earlier one stops working. */
export function createCalendarToken() {
  return call(api.calendar.token.$post())
}

export function useCreateCalendarToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createCalendarToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complianceKeys.calendarToken() }),
  })
}
