import type { SearchResults as Results } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { SearchInput } from '../../../components/form/search-input'
import { Alert } from '../../../components/ui/alert'
import { Badge } from '../../../components/ui/badge'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorState } from '../../../components/ui/error-state'
import { Skeleton } from '../../../components/ui/skeleton'
import { paths } from '../../../config/paths'
import { useFormat } from '../../../lib/format'
import { useSearchText } from '../../../lib/use-search-text'
import { useRegistrySearch } from '../api/search'
import { isDashboardPath, isSearchable, SEARCH_MAX_LENGTH } from '../lib/search-params'

interface SearchResultsProps {
  q: string | undefined
  onSearchChange: (q: string | undefined, options?: { replace?: boolean }) => void
}

const SEVERITY_TONE = { high: 'danger', medium: 'warning', low: 'neutral' } as const

/** The search page: its own box (the term lives in the URL) and the results grouped by kind. */
export function SearchResults({ q, onSearchChange }: SearchResultsProps) {
  const { t } = useTranslation()
  const id = useId()
  const term = q?.trim() ?? ''
  const searchable = isSearchable(term)
  const { data, error, isError, isPending, isPlaceholderData, isFetching, refetch } = useRegistrySearch(term, searchable)

  // Typing replaces the history entry; a stale update never overrides a newer navigation (a click on a result).
  const { text, type, term: typed } = useSearchText(q, (next) => onSearchChange(next, { replace: true }))

  let body
  if (!term) {
    body = <p className="muted">{t('searchPage.prompt')}</p>
  } else if (!searchable) {
    body = <Alert tone="warning">{t('searchPage.controlCharacters')}</Alert>
  } else if (isError && !data) {
    body = <ErrorState error={error} onRetry={() => void refetch()} title={t('searchPage.failed')} />
  } else if (isPending) {
    body = (
      <div role="status" aria-label={t('searchPage.loading')} className="search-groups">
        <Skeleton width="60%" />
        <Skeleton width="40%" />
      </div>
    )
  } else if (data.processors.total + data.activities.total + data.findings.total === 0) {
    body = <EmptyState title={t('searchPage.noResults', { q: data.q })}>{t('searchPage.noResultsHint')}</EmptyState>
  } else {
    body = <Groups data={data} stale={isPlaceholderData && isFetching} />
  }

  return (
    <>
      <form
        role="search"
        aria-label={t('searchPage.pageLabel')}
        className="filters"
        onSubmit={(e) => {
          e.preventDefault()
          onSearchChange(typed)
        }}
      >
        <div className="filters-search">
          <SearchInput
            id={`${id}-q`}
            label={t('search.inputLabel')}
            value={text}
            maxLength={SEARCH_MAX_LENGTH}
            placeholder={t('search.placeholder')}
            onChange={type}
          />
        </div>
      </form>
      {body}
    </>
  )
}

function Groups({ data, stale }: { data: Results; stale: boolean }) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const lang = i18n.language === 'fi' ? 'fi' : 'en'
  const other = lang === 'fi' ? 'en' : 'fi'
  const pick = (text: { fi: string; en: string }) => text[lang] || text[other]
  return (
    <div className={`search-groups ${stale ? 'is-stale' : ''}`} aria-busy={stale || undefined}>
      <p className="visually-hidden" role="status">
        {t('searchPage.summary', { processors: data.processors.total, activities: data.activities.total, findings: data.findings.total })}
      </p>
      <Group title={t('search.groups.processors')} shown={data.processors.items.length} total={data.processors.total}>
        {data.processors.items.map((p) => (
          <li key={p.id}>
            <Link to={paths.processors.detail.path} params={{ id: String(p.id) }} className="search-hit">
              <span className="search-hit-title">{format.processor(p)}</span>
              <span className="search-hit-sub">
                {t(`enums.role.${p.role}`)} · {t(`enums.processorStatus.${p.status}`)}
                {p.legalName && p.legalName !== p.displayName ? ` · ${p.legalName}` : ''}
              </span>
            </Link>
          </li>
        ))}
        {data.processors.total > data.processors.items.length && (
          <li>
            <Link to={paths.processors.list.path} search={{ q: data.q }} className="search-more">
              {t('searchPage.allProcessors', { count: data.processors.total })}
            </Link>
          </li>
        )}
      </Group>
      <Group title={t('search.groups.activities')} shown={data.activities.items.length} total={data.activities.total}>
        {data.activities.items.map((a) => (
          <li key={a.id}>
            <Link to={paths.activities.detail.path} params={{ id: String(a.id) }} className="search-hit">
              <span className="search-hit-title" lang={a.name[lang] ? undefined : other}>
                {pick(a.name) || `#${a.id}`}
              </span>
              <span className="search-hit-sub">{t(`activities.status.${a.status}`)}</span>
            </Link>
          </li>
        ))}
        {data.activities.total > data.activities.items.length && (
          <li>
            <Link to={paths.activities.list.path} search={{ q: data.q }} className="search-more">
              {t('searchPage.allActivities', { count: data.activities.total })}
            </Link>
          </li>
        )}
      </Group>
      <Group title={t('search.groups.findings')} shown={data.findings.items.length} total={data.findings.total}>
        {data.findings.items.map((f) => {
          const content = (
            <>
              <span className="search-hit-title">{pick(f.message)}</span>
              <span className="search-hit-sub">
                <Badge tone={SEVERITY_TONE[f.severity]}>{t(`findings.severity.${f.severity}`)}</Badge>
                {f.acknowledged && <Badge tone="neutral">{t('searchPage.acknowledged')}</Badge>}
                <span>{pick(f.entity.name)}</span>
              </span>
            </>
          )
          return (
            <li key={f.key}>
              {isDashboardPath(f.link) ? (
                <Link to={f.link} className="search-hit">
                  {content}
                </Link>
              ) : (
                <div className="search-hit">{content}</div>
              )}
            </li>
          )
        })}
        {data.findings.total > data.findings.items.length && (
          <li>
            <Link to={paths.overview.path} className="search-more">
              {t('searchPage.allFindings', { count: data.findings.total })}
            </Link>
          </li>
        )}
      </Group>
    </div>
  )
}

function Group({ title, shown, total, children }: { title: string; shown: number; total: number; children: React.ReactNode }) {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <section className="card card-pad search-group" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {title} <span className="muted small">{shown < total ? t('searchPage.countOf', { shown, total }) : `(${total})`}</span>
      </h2>
      {total === 0 ? <p className="muted small">{t('searchPage.noneOfKind')}</p> : <ul className="search-hits">{children}</ul>}
    </section>
  )
}
