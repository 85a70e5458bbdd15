import type { CatalogueAcceptInput, CatalogueCreateInput, CatalogueDismissInput, CatalogueLinkInput, ProcessorRole } from '@seloste/schema'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { queryKeys } from '../../../lib/query-keys'

const keys = {
  search: (q: string) => ['catalogue', 'search', q] as const,
  proposal: (id: string, role: ProcessorRole) => ['catalogue', 'proposal', id, role] as const,
  diff: (processorId: number) => ['catalogue', 'diff', processorId] as const,
}

export function useCatalogueSearch(q: string) {
  return useQuery({
    queryKey: keys.search(q),
    queryFn: () => call(api.catalogue.$get({ query: q ? { q } : {} })),
    placeholderData: keepPreviousData,
  })
}

export function useCatalogueProposal(id: string | null, role: ProcessorRole) {
  return useQuery({
    queryKey: keys.proposal(id ?? '', role),
    queryFn: () => call(api.catalogue[':id'].proposal.$get({ param: { id: id! }, query: { role } })),
    enabled: id !== null,
  })
}

export function useCreateFromCatalogue() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: CatalogueCreateInput }) =>
      call(api.catalogue[':id'].processors.$post({ param: { id }, json: input })),
    onSuccess: (processor) => {
      queryClient.setQueryData(queryKeys.processors.detail(processor.id), processor)
      return queryClient.invalidateQueries({ queryKey: queryKeys.processors.all })
    },
  })
}

export function useCatalogueDiff(processorId: number, enabled: boolean) {
  return useQuery({
    queryKey: keys.diff(processorId),
    queryFn: () => call(api.processors[':id']['catalogue-diff'].$get({ param: { id: String(processorId) } })),
    enabled,
  })
}

/** Link, accept and dismiss: each returns the processor, which replaces the cached one; the diff and findings are read again. */
function useProcessorChange<I>(send: (processorId: number, input: I) => ReturnType<typeof linkCall>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ processorId, input }: { processorId: number; input: I }) => send(processorId, input),
    onSuccess: async (processor) => {
      queryClient.setQueryData(queryKeys.processors.detail(processor.id), processor)
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['catalogue', 'diff', processor.id] }),
        queryClient.invalidateQueries({ queryKey: queryKeys.processors.all }),
        queryClient.invalidateQueries({ queryKey: ['compliance'] }),
      ])
    },
  })
}

function linkCall(processorId: number, input: CatalogueLinkInput) {
  return call(api.processors[':id']['catalogue-link'].$post({ param: { id: String(processorId) }, json: input }))
}

export const useLinkToCatalogue = () => useProcessorChange<CatalogueLinkInput>(linkCall)
export const useAcceptCatalogueDiff = () =>
  useProcessorChange<CatalogueAcceptInput>((processorId, input) =>
    call(api.processors[':id']['catalogue-diff'].accept.$post({ param: { id: String(processorId) }, json: input })),
  )
export const useDismissCatalogueDiff = () =>
  useProcessorChange<CatalogueDismissInput>((processorId, input) =>
    call(api.processors[':id']['catalogue-diff'].dismiss.$post({ param: { id: String(processorId) }, json: input })),
  )
