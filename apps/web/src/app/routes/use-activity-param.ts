import { getRouteApi } from '@tanstack/react-router'

/** The activity id of the current URL, or null when it is not a valid id (shown as "not found"). */
export function parseActivityId(raw: string): number | null {
  return /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null
}

export const activityDetailRoute = getRouteApi('/app/activities/$id')
export const activityEditRoute = getRouteApi('/app/activities/$id/edit')
