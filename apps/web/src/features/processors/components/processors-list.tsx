import type { ProcessorSort } from '@seloste/schema'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/ui/button'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorState } from '../../../components/ui/error-state'
import { useProcessors } from '../api/get-processors'
import { hasFilters, toListQuery, type ProcessorListSearch } from '../lib/list-search'
import { ProcessorsFilters, type SearchPatch } from './processors-filters'
import { ProcessorsPagination } from './processors-pagination'
import { ProcessorsTable, ProcessorsTableSkeleton } from './processors-table'

interface ProcessorsListProps {
  search: ProcessorListSearch
  onSearchChange: (patch: SearchPatch, options?: { replace?: boolean }) => void
  onClearFilters: () => void
}

/** Search, filters, the table and its pages; all state lives in the URL (see list-search.ts). */
export function ProcessorsList({ search, onSearchChange, onClearFilters }: ProcessorsListProps) {
  const { t } = useTranslation()
  const query = toListQuery(search)
  const { data, error, isPending, isError, isPlaceholderData, isFetching, refetch } = useProcessors(query)
  const filtered = hasFilters(search)

  let body
  if (isError && !data) {
    body = (
      <div className="card-pad">
        <ErrorState error={error} onRetry={() => void refetch()} title={t('processors.list.loadFailed')} />
      </div>
    )
  } else if (isPending) {
    body = <ProcessorsTableSkeleton />
  } else if (data.items.length === 0) {
    body = filtered ? (
      <EmptyState
        title={t('processors.list.empty')}
        action={
          <Button onClick={onClearFilters} variant="secondary">
            {t('common.clearFilters')}
          </Button>
        }
      >
        {t('processors.list.emptyHint')}
      </EmptyState>
    ) : (
      <EmptyState title={t('processors.list.emptyRegistry')}>{t('processors.list.emptyRegistryHint')}</EmptyState>
    )
  } else {
    body = (
      <ProcessorsTable
        items={data.items}
        sort={query.sort ?? 'displayName'}
        order={query.order ?? 'asc'}
        stale={isPlaceholderData && isFetching}
        onSortChange={(sort: ProcessorSort, order) => onSearchChange({ sort, order, page: undefined })}
      />
    )
  }

  return (
    <>
      <ProcessorsFilters search={search} onChange={onSearchChange} onClear={onClearFilters} />
      <div className="card table-card">
        {body}
        {data && data.total > 0 && (
          <ProcessorsPagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPageChange={(page) => onSearchChange({ page: page <= 1 ? undefined : page })}
            onPageSizeChange={(pageSize) => onSearchChange({ pageSize, page: undefined })}
          />
        )}
      </div>
    </>
  )
}
