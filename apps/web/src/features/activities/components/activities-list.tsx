import { ActivityStatus, type ActivityListItem } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Badge } from '../../../components/ui/badge'
import { Button } from '../../../components/ui/button'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorState } from '../../../components/ui/error-state'
import { Skeleton } from '../../../components/ui/skeleton'
import { paths } from '../../../config/paths'
import { useFormat } from '../../../lib/format'
import { useDebouncedNavigation } from '../../../lib/use-debounced-navigation'
import { useActivities } from '../api/get-activities'
import { hasActivityFilters, toActivityQuery, type ActivityListSearch } from '../lib/list-search'
import { pickText, useLang } from '../lib/text'
import { ActivityStatusBadge, DpiaStatusBadge, LegalBasisBadge } from './badges'
import { TableScroll } from '../../../components/ui/table-scroll'

interface ActivitiesListProps {
  search: ActivityListSearch
  onSearchChange: (patch: Partial<ActivityListSearch>, options?: { replace?: boolean }) => void
  onClearFilters: () => void
}

/** Search, the status filter and the table; the state lives in the URL (?q=&status=). */
export function ActivitiesList({ search, onSearchChange, onClearFilters }: ActivitiesListProps) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState(search.q ?? '')
  const scheduleSearch = useDebouncedNavigation(300)
  const { data, error, isPending, isError, isPlaceholderData, isFetching, refetch } = useActivities(toActivityQuery(search))
  const filtered = hasActivityFilters(search)

  // The URL is the truth: when it changes from outside (back button, "clear filters"), follow it
  // (while rendering, as React advises for state that follows a prop: no effect, no extra render).
  const [followedQ, setFollowedQ] = useState(search.q)
  if (followedQ !== search.q) {
    setFollowedQ(search.q)
    setText(search.q ?? '')
  }

  const type = (value: string) => {
    setText(value)
    const q = value.trim() || undefined
    // Typing replaces the history entry: Back should leave the search, not replay each keystroke.
    scheduleSearch(() => {
      if (q !== (search.q?.trim() || undefined)) onSearchChange({ q }, { replace: true })
    })
  }

  let body
  if (isError && !data) {
    body = (
      <div className="card-pad">
        <ErrorState error={error} onRetry={() => void refetch()} title={t('activities.list.loadFailed')} />
      </div>
    )
  } else if (isPending) {
    body = <ActivitiesTableSkeleton />
  } else if (data.items.length === 0) {
    body = filtered ? (
      <EmptyState
        title={t('activities.list.empty')}
        action={
          <Button onClick={onClearFilters} variant="secondary">
            {t('common.clearFilters')}
          </Button>
        }
      >
        {t('activities.list.emptyHint')}
      </EmptyState>
    ) : (
      <EmptyState title={t('activities.list.emptyRegistry')}>{t('activities.list.emptyRegistryHint')}</EmptyState>
    )
  } else {
    body = <ActivitiesTable items={data.items} stale={isPlaceholderData && isFetching} />
  }

  return (
    <>
      <div className="filters">
        <div className="filters-top activities-filters">
          <form
            role="search"
            className="filters-search"
            onSubmit={(e) => {
              e.preventDefault()
              onSearchChange({ q: text.trim() || undefined })
            }}
          >
            <label htmlFor={`${id}-q`} className="field-label">
              {t('activities.list.searchLabel')}
            </label>
            <div className="search-box">
              <svg className="search-icon" aria-hidden="true" viewBox="0 0 20 20" width="16" height="16">
                <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
                <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
              <input
                id={`${id}-q`}
                type="search"
                className="input"
                value={text}
                placeholder={t('activities.list.searchPlaceholder')}
                onChange={(e) => type(e.target.value)}
                autoComplete="off"
              />
            </div>
          </form>
          <div className="filter">
            <label htmlFor={`${id}-status`} className="field-label">
              {t('activities.columns.status')}
            </label>
            <select
              id={`${id}-status`}
              className={`select ${search.status ? 'is-active' : ''}`}
              value={search.status ?? ''}
              onChange={(e) =>
                onSearchChange({ q: text.trim() || undefined, status: (e.target.value || undefined) as ActivityListSearch['status'] })
              }
            >
              <option value="">{t('activities.list.statusAll')}</option>
              {ActivityStatus.options.map((s) => (
                <option key={s} value={s}>
                  {t(`activities.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          {filtered && (
            <Button variant="ghost" size="sm" onClick={onClearFilters}>
              {t('common.clearFilters')}
            </Button>
          )}
        </div>
      </div>
      <div className="card table-card">
        {body}
        {data && data.total > 0 && (
          <p className="table-footer muted small" role="status">
            {t('activities.list.count', { count: data.total })}
          </p>
        )}
      </div>
    </>
  )
}

function ActivitiesTable({ items, stale }: { items: ActivityListItem[]; stale: boolean }) {
  const { t } = useTranslation()
  const lang = useLang()
  const format = useFormat()
  const other = lang === 'fi' ? 'en' : 'fi'
  const today = new Date().toISOString().slice(0, 10)
  const dash = <span className="muted">{t('common.empty')}</span>
  return (
    <TableScroll>
      <table className={`table activities-table ${stale ? 'is-stale' : ''}`} aria-busy={stale || undefined}>
        <caption className="visually-hidden">{t('activities.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activities.columns.name')}</th>
            <th scope="col">{t('activities.columns.status')}</th>
            <th scope="col" className="col-bases">
              {t('activities.columns.legalBases')}
            </th>
            <th scope="col" className="col-num">
              {t('activities.columns.purposes')}
            </th>
            <th scope="col" className="col-num">
              {t('activities.columns.processors')}
            </th>
            <th scope="col">{t('activities.columns.special')}</th>
            <th scope="col">{t('activities.columns.outsideEea')}</th>
            <th scope="col">{t('activities.columns.dpia')}</th>
            <th scope="col">{t('activities.columns.nextReview')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => {
            const name = pickText(a.name, lang)
            return (
              <tr key={a.id}>
                <td className="col-name">
                  <div className="cell-name">
                    <Link
                      to={paths.activities.detail.path}
                      params={{ id: String(a.id) }}
                      className="row-link"
                      lang={name.fallback ? name.lang : undefined}
                    >
                      {name.text || `#${a.id}`}
                    </Link>
                    {a.name[other] && !name.fallback && (
                      <span className="cell-sub" lang={other}>
                        {a.name[other]}
                      </span>
                    )}
                    {a.owner && <span className="cell-sub">{a.owner}</span>}
                  </div>
                </td>
                <td>
                  <ActivityStatusBadge status={a.status} />
                </td>
                <td className="col-bases">
                  {a.legalBases.length ? (
                    <span className="badge-row">
                      {a.legalBases.map((b) => (
                        <LegalBasisBadge key={b} basis={b} />
                      ))}
                    </span>
                  ) : (
                    <Badge tone="danger" title={t('activities.basisNotChosen')}>
                      {t('activities.basisNotChosenShort')}
                    </Badge>
                  )}
                </td>
                <td className="col-num">{a.purposeCount}</td>
                <td className="col-num">{a.processorCount}</td>
                <td>
                  {a.specialCategories ? (
                    <Badge tone="warning" title={t('activities.list.special')}>
                      {t('activities.list.specialShort')}
                    </Badge>
                  ) : (
                    dash
                  )}
                </td>
                <td>
                  {a.outsideEea ? (
                    <span className="marker-outside" title={t('activities.list.outsideEea')}>
                      <span aria-hidden="true">{t('geo.outsideEeaShort')}</span>
                      <span className="visually-hidden">{t('activities.list.outsideEea')}</span>
                    </span>
                  ) : (
                    dash
                  )}
                </td>
                <td>
                  <DpiaStatusBadge status={a.dpiaStatus} />
                </td>
                <td className={a.nextReviewOn && a.nextReviewOn < today ? 'text-danger nowrap' : 'nowrap'}>
                  {a.nextReviewOn ? format.date(a.nextReviewOn) : dash}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </TableScroll>
  )
}

function ActivitiesTableSkeleton() {
  const { t } = useTranslation()
  return (
    <div className="table-scroll" role="status" aria-label={t('activities.list.loading')}>
      <table className="table activities-table">
        <tbody>
          {Array.from({ length: 5 }, (_, i) => (
            <tr key={i}>
              {Array.from({ length: 9 }, (_, j) => (
                <td key={j}>
                  <Skeleton width={j === 0 ? '14rem' : '4rem'} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
