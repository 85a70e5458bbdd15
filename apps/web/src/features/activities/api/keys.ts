import type { ActivityListQuery } from '@seloste/schema'

/**
 * Query keys of the records of processing. Everything under ['activities'] is refreshed by any
 * change to an activity: the list, the page, the matrix and each processor's "activities it serves".
 */
export const activityKeys = {
  all: ['activities'] as const,
  lists: () => ['activities', 'list'] as const,
  list: (query: ActivityListQuery) => ['activities', 'list', query] as const,
  detail: (id: number) => ['activities', 'detail', id] as const,
  matrix: () => ['activities', 'matrix'] as const,
  ofProcessor: (processorId: number) => ['activities', 'of-processor', processorId] as const,
  processorChoices: () => ['activities', 'processor-choices'] as const,
}
