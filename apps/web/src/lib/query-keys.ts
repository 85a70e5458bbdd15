import type { ProcessorListQuery } from '@seloste/schema'

/**
 * Query keys shared across features: a transfer or DPA change must refresh the processor it
 * belongs to and the list, so every feature invalidates through these.
 */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  organisation: ['organisation'] as const,
  processors: {
    all: ['processors'] as const,
    lists: () => ['processors', 'list'] as const,
    list: (query: ProcessorListQuery) => ['processors', 'list', query] as const,
    details: () => ['processors', 'detail'] as const,
    detail: (id: number) => ['processors', 'detail', id] as const,
    options: () => ['processors', 'options'] as const,
  },
}
