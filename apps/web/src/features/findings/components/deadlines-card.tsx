import type { Deadline } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Badge } from '../../../components/ui/badge'
import { Card } from '../../../components/ui/card'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorState } from '../../../components/ui/error-state'
import { Skeleton } from '../../../components/ui/skeleton'
import { useFormat } from '../../../lib/format'
import { DEADLINE_DAYS, useDeadlines } from '../api/get-deadlines'
import { isDashboardPath } from '../lib/checks'
import { daysBetween, todayLocal } from '../lib/dates'

/** What falls due in the next 90 days, overdue ones first and marked, each linking to its record. */
export function DeadlinesCard() {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const lang = i18n.language === 'fi' ? 'fi' : 'en'
  const query = useDeadlines(DEADLINE_DAYS)
  const today = todayLocal()
  const deadlines = query.data ?? []
  // The API sorts by date, so the overdue ones already come first; keep that order within each group.
  const overdue = deadlines.filter((d) => d.date < today)
  const upcoming = deadlines.filter((d) => d.date >= today)

  const row = (d: Deadline, i: number) => {
    const days = daysBetween(today, d.date)
    const isOverdue = days < 0
    const title = d.title[lang]
    return (
      <li key={`${d.kind}-${d.entity.type}-${d.entity.id}-${d.date}-${i}`} className={`deadline ${isOverdue ? 'is-overdue' : ''}`}>
        <p className="deadline-when">
          <time dateTime={d.date} className="deadline-day">
            {format.date(d.date)}
          </time>
          <span className="deadline-rel">
            {isOverdue
              ? t('deadlines.daysOverdue', { count: -days })
              : days === 0
                ? t('deadlines.today')
                : t('deadlines.inDays', { count: days })}
          </span>
          {isOverdue && <Badge tone="danger">{t('deadlines.overdue')}</Badge>}
        </p>
        {/* The title already names the kind ("DPA review: Zestia Ltd"). */}
        {isDashboardPath(d.link) ? (
          <Link to={d.link} className="deadline-link">
            {title}
          </Link>
        ) : (
          <span className="deadline-link">{title}</span>
        )}
      </li>
    )
  }

  return (
    <Card title={t('deadlines.title')} description={t('deadlines.description', { days: DEADLINE_DAYS })} className="deadlines-card">
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <div className="pending-lines">
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
        </div>
      ) : deadlines.length === 0 ? (
        <EmptyState title={t('deadlines.empty', { days: DEADLINE_DAYS })}>{t('deadlines.emptyHint')}</EmptyState>
      ) : (
        <>
          {overdue.length > 0 && (
            <>
              <h3 className="deadline-group-title text-danger">{t('deadlines.overdueGroup', { count: overdue.length })}</h3>
              <ol className="deadline-list">{overdue.map(row)}</ol>
            </>
          )}
          {upcoming.length > 0 && (
            <>
              {overdue.length > 0 && <h3 className="deadline-group-title">{t('deadlines.upcomingGroup', { count: upcoming.length })}</h3>}
              <ol className="deadline-list">{upcoming.map(row)}</ol>
            </>
          )}
        </>
      )}
    </Card>
  )
}
