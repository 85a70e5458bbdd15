import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { complianceKeys } from './keys'

/** Whether the signed-in user has a calendar feed URL, and since when (the URL itself is shown only once). */
export function getCalendarToken() {
  return call(api.calendar.token.$get())
}

export const calendarTokenQueryOptions = () => queryOptions({ queryKey: complianceKeys.calendarToken(), queryFn: getCalendarToken })

export function useCalendarToken() {
  return useQuery(calendarTokenQueryOptions())
}
