import { getRouteApi } from '@tanstack/react-router'

/** The processor id of the current URL, or null when it is not a valid id (shown as "not found"). */
export function parseProcessorId(raw: string): number | null {
  return /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null
}

export const processorDetailRoute = getRouteApi('/app/processors/$id')
export const processorEditRoute = getRouteApi('/app/processors/$id/edit')
