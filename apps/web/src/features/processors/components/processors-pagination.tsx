import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/ui/button'
import { useFormat } from '../../../lib/format'
import { PAGE_SIZES } from '../lib/list-search'

interface PaginationProps {
  page: number
  pageSize: number
  total: number
  onPageChange: (page: number) => void
  onPageSizeChange: (pageSize: number) => void
}

export function ProcessorsPagination({ page, pageSize, total, onPageChange, onPageSizeChange }: PaginationProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const id = useId()
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1
  const to = Math.min(total, page * pageSize)
  return (
    <nav className="pagination" aria-label={t('processors.list.pagination')}>
      <p className="pagination-range" aria-live="polite">
        {t('processors.list.range', { from: format.number(from), to: format.number(to), total: format.number(total) })}
      </p>
      <div className="pagination-controls">
        <label htmlFor={`${id}-size`} className="pagination-size-label">
          {t('processors.list.pageSize')}
        </label>
        <select id={`${id}-size`} className="select select-sm" value={pageSize} onChange={(e) => onPageSizeChange(Number(e.target.value))}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <Button size="sm" onClick={() => onPageChange(page - 1)} disabled={page <= 1} aria-label={t('processors.list.previous')}>
          <span aria-hidden="true">‹</span>
        </Button>
        <span className="pagination-page">{t('processors.list.pageOf', { page: format.number(page), pages: format.number(pages) })}</span>
        <Button size="sm" onClick={() => onPageChange(page + 1)} disabled={page >= pages} aria-label={t('processors.list.next')}>
          <span aria-hidden="true">›</span>
        </Button>
      </div>
    </nav>
  )
}
