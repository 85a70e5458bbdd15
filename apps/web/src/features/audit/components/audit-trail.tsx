import { useTranslation } from 'react-i18next'
import { Button, buttonClass } from '../../../components/ui/button'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorState } from '../../../components/ui/error-state'
import { Skeleton } from '../../../components/ui/skeleton'
import { useFormat } from '../../../lib/format'
import { useAuditEvents } from '../api/get-audit-events'
import { auditExportUrl, hasAuditFilters, toAuditQuery, type AuditSearch } from '../lib/audit-search'
import { AuditEventsTable } from './audit-events-table'
import { AuditFilters } from './audit-filters'

interface TrailProps {
  search: AuditSearch
  canFilterByUser: boolean
  onSearchChange: (patch: Partial<AuditSearch>) => void
  onClearFilters: () => void
}

/** Filters, a page of events (50, newest first) and the pages. All state is in the URL. */
export function AuditTrail({ search, canFilterByUser, onSearchChange, onClearFilters }: TrailProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'fi' ? 'fi' : 'en'
  const format = useFormat()
  const query = toAuditQuery(search)
  const events = useAuditEvents(query)
  const { data } = events

  let body
  if (events.isError && !data) {
    body = (
      <div className="card-pad">
        <ErrorState error={events.error} onRetry={() => void events.refetch()} title={t('audit.loadFailed')} />
      </div>
    )
  } else if (!data) {
    body = (
      <div className="card-pad pending-lines" role="status" aria-label={t('common.loading')}>
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} width={`${90 - (i % 3) * 12}%`} height="1.2rem" />
        ))}
      </div>
    )
  } else if (data.items.length === 0) {
    body = (
      <EmptyState
        title={t('audit.empty')}
        action={
          hasAuditFilters(search) && (
            <Button onClick={onClearFilters} variant="secondary">
              {t('common.clearFilters')}
            </Button>
          )
        }
      >
        {hasAuditFilters(search) ? t('audit.emptyHint') : null}
      </EmptyState>
    )
  } else {
    body = <AuditEventsTable events={data.items} caption={t('audit.table.caption')} stale={events.isPlaceholderData && events.isFetching} />
  }

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1
  const page = data?.page ?? 1
  const from = data && data.total > 0 ? (page - 1) * data.pageSize + 1 : 0
  const to = data ? Math.min(data.total, page * data.pageSize) : 0

  return (
    <>
      <AuditFilters search={search} canFilterByUser={canFilterByUser} onChange={onSearchChange} onClear={onClearFilters} />
      <div className="audit-export" role="group" aria-labelledby="audit-export-label">
        <span id="audit-export-label" className="audit-export-label">
          {hasAuditFilters(search) ? t('audit.export.filtered') : t('audit.export.all')}
        </span>
        <a className={buttonClass('secondary', 'sm')} href={auditExportUrl('csv', search, lang)} download>
          {t('audit.export.csv')}
        </a>
        <a className={buttonClass('secondary', 'sm')} href={auditExportUrl('xlsx', search, lang)} download>
          {t('audit.export.xlsx')}
        </a>
      </div>
      <div className="card table-card">
        {body}
        {data && data.total > 0 && (
          <nav className="pagination" aria-label={t('audit.pagination')}>
            <p className="pagination-range" aria-live="polite">
              {t('audit.range', { from: format.number(from), to: format.number(to), total: format.number(data.total) })}
            </p>
            <div className="pagination-controls">
              <Button size="sm" onClick={() => onSearchChange({ page: page - 1 <= 1 ? undefined : page - 1 })} disabled={page <= 1}>
                <span aria-hidden="true">‹ </span>
                {t('audit.previous')}
              </Button>
              <span className="pagination-page">{t('audit.pageOf', { page: format.number(page), pages: format.number(pages) })}</span>
              <Button size="sm" onClick={() => onSearchChange({ page: page + 1 })} disabled={page >= pages}>
                {t('audit.next')}
                <span aria-hidden="true"> ›</span>
              </Button>
            </div>
          </nav>
        )}
      </div>
    </>
  )
}
