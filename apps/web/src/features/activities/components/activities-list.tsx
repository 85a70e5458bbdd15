import { ActivityStatus, type ActivityListItem, type ActivitySort } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Badge } from '../../../components/ui/badge'
import { FilterSelect } from '../../../components/form/filter-select'
import { SearchInput } from '../../../components/form/search-input'
import { Button } from '../../../components/ui/button'
import { SortHeader, type SortOrder } from '../../../components/ui/sort-header'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorState } from '../../../components/ui/error-state'
import { Skeleton } from '../../../components/ui/skeleton'
import { paths } from '../../../config/paths'
import { useFormat } from '../../../lib/format'
import { useSearchText } from '../../../lib/use-search-text'
import { useActivities } from '../api/get-activities'
import { useProcessorChoices } from '../api/get-processor-choices'
import { GAPS, hasActivityFilters, LEGAL_BASES, toActivityQuery, type ActivityListSearch } from '../lib/list-search'
import { pickText, useLang } from '../lib/text'
import { ActivityStatusBadge, DpiaStatusBadge, LegalBasisBadge } from './badges'
import { TableScroll } from '../../../components/ui/table-scroll'

/** A category of data subjects to filter by (the route composes them from the vocabulary). */
export interface SubjectChoice {
  id: number
  name: { fi: string; en: string }
}

interface ActivitiesListProps {
  search: ActivityListSearch
  onSearchChange: (patch: Partial<ActivityListSearch>, options?: { replace?: boolean }) => void
  onClearFilters: () => void
  /** The categories of data subjects; undefined while they load. */
  subjects: SubjectChoice[] | undefined
}

type SortChoice = `${NonNullable<ActivityListSearch['sort']>}:${'asc' | 'desc'}`
const SORT_CHOICES: SortChoice[] = ['name:asc', 'name:desc', 'updatedAt:desc', 'updatedAt:asc', 'findings:desc', 'findings:asc']

/** Search, filters, sorting and the table; the state lives in the URL, so a link reproduces the view. */
export function ActivitiesList({ search, onSearchChange, onClearFilters, subjects }: ActivitiesListProps) {
  const { t } = useTranslation()
  const lang = useLang()
  const format = useFormat()
  const id = useId()
  const { text, type, term } = useSearchText(search.q, (q) => onSearchChange({ q }, { replace: true }))
  const { data, error, isPending, isError, isPlaceholderData, isFetching, refetch } = useActivities(toActivityQuery(search))
  const processors = useProcessorChoices()
  const filtered = hasActivityFilters(search)
  const sort = search.sort ?? 'name'
  const order = search.order ?? 'asc'

  // A filter or sort change takes the text typed so far with it (it cancels the pending search update).
  const set = (patch: Partial<ActivityListSearch>) => onSearchChange({ q: term, ...patch })
  const setSort = (next: NonNullable<ActivityListSearch['sort']>, nextOrder: 'asc' | 'desc') =>
    set({ sort: next === 'name' ? undefined : next, order: nextOrder === 'asc' ? undefined : nextOrder })

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
    body = <ActivitiesTable items={data.items} stale={isPlaceholderData && isFetching} sort={sort} order={order} onSortChange={setSort} />
  }

  // A chosen subject or processor stays listed while the choices load (or after it was removed), by its id.
  const subjectChoices = subjects ?? []
  const processorChoices = processors.data ?? []

  return (
    <>
      <div className="filters">
        <div className="filters-top">
          <form
            role="search"
            className="filters-search"
            onSubmit={(e) => {
              e.preventDefault()
              onSearchChange({ q: term })
            }}
          >
            <SearchInput
              id={`${id}-q`}
              label={t('activities.list.searchLabel')}
              value={text}
              placeholder={t('activities.list.searchPlaceholder')}
              onChange={type}
            />
          </form>
          {filtered && (
            <Button variant="ghost" size="sm" onClick={onClearFilters}>
              {t('common.clearFilters')}
            </Button>
          )}
        </div>
        <div className="filters-grid">
          <FilterSelect
            id={`${id}-status`}
            label={t('activities.columns.status')}
            value={search.status ?? ''}
            onChange={(v) => set({ status: (v || undefined) as ActivityListSearch['status'] })}
          >
            <option value="">{t('activities.list.statusAll')}</option>
            {ActivityStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`activities.status.${s}`)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            id={`${id}-basis`}
            label={t('activities.list.legalBasisFilter')}
            value={search.legalBasis ?? ''}
            onChange={(v) => set({ legalBasis: (v || undefined) as ActivityListSearch['legalBasis'] })}
          >
            <option value="">{t('activities.list.any')}</option>
            {LEGAL_BASES.map((b) => (
              <option key={b} value={b}>
                {t(`activities.legalBasisShort.${b}`)} ({t('activities.list.basisPoint', { point: b })})
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            id={`${id}-subject`}
            label={t('activities.list.subjectFilter')}
            value={search.subject === undefined ? '' : String(search.subject)}
            onChange={(v) => set({ subject: v ? Number(v) : undefined })}
          >
            <option value="">{t('activities.list.any')}</option>
            {search.subject !== undefined && !subjectChoices.some((s) => s.id === search.subject) && (
              <option value={String(search.subject)}>#{search.subject}</option>
            )}
            {subjectChoices.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {pickText(s.name, lang).text || `#${s.id}`}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            id={`${id}-processor`}
            label={t('activities.list.processorFilter')}
            value={search.processor === undefined ? '' : String(search.processor)}
            onChange={(v) => set({ processor: v ? Number(v) : undefined })}
          >
            <option value="">{t('activities.list.any')}</option>
            {search.processor !== undefined && !processorChoices.some((p) => p.id === search.processor) && (
              <option value={String(search.processor)}>#{search.processor}</option>
            )}
            {processorChoices
              .map((p) => ({ id: p.id, name: format.processor(p) }))
              .sort((a, b) => format.compare(a.name, b.name))
              .map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.name}
                </option>
              ))}
          </FilterSelect>
          <FilterSelect
            id={`${id}-gap`}
            label={t('activities.list.gapFilter')}
            value={search.gap ?? ''}
            onChange={(v) => set({ gap: (v || undefined) as ActivityListSearch['gap'] })}
          >
            <option value="">{t('activities.list.any')}</option>
            {GAPS.map((g) => (
              <option key={g} value={g}>
                {t(`activities.list.gap.${g}`)}
              </option>
            ))}
          </FilterSelect>
          <div className="filter">
            <label htmlFor={`${id}-sort`} className="field-label">
              {t('activities.list.sortBy')}
            </label>
            <select
              id={`${id}-sort`}
              className="select"
              value={`${sort}:${order}`}
              onChange={(e) => {
                const [next, nextOrder] = e.target.value.split(':') as [NonNullable<ActivityListSearch['sort']>, 'asc' | 'desc']
                setSort(next, nextOrder)
              }}
            >
              {SORT_CHOICES.map((c) => (
                <option key={c} value={c}>
                  {t(`activities.list.sort.${c.replace(':', '_') as 'name_asc'}`)}
                </option>
              ))}
            </select>
          </div>
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

function ActivitiesTable({
  items,
  stale,
  sort,
  order,
  onSortChange,
}: {
  items: ActivityListItem[]
  stale: boolean
  sort: ActivitySort
  order: SortOrder
  onSortChange: (sort: ActivitySort, order: SortOrder) => void
}) {
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
            <SortHeader id="name" sort={sort} order={order} onSortChange={onSortChange}>
              {t('activities.columns.name')}
            </SortHeader>
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
            <SortHeader id="findings" sort={sort} order={order} onSortChange={onSortChange} className="col-num">
              {t('activities.columns.findings')}
            </SortHeader>
            <SortHeader id="updatedAt" sort={sort} order={order} onSortChange={onSortChange}>
              {t('activities.columns.updatedAt')}
            </SortHeader>
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
                <td className="col-num">
                  {a.openFindings > 0 ? (
                    <Badge tone="warning" title={t('activities.list.openFindings', { count: a.openFindings })}>
                      {a.openFindings}
                    </Badge>
                  ) : (
                    <span className="muted" title={t('activities.list.openFindings', { count: 0 })}>
                      0
                    </span>
                  )}
                </td>
                <td className="nowrap">{format.dateTime(a.updatedAt)}</td>
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
              {Array.from({ length: 11 }, (_, j) => (
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
