import type { TrendPoint } from '@seloste/schema'
import { useTranslation } from 'react-i18next'
import { Card } from '../../../components/ui/card'
import { ErrorState } from '../../../components/ui/error-state'
import { Skeleton } from '../../../components/ui/skeleton'
import { useFormat } from '../../../lib/format'
import { TREND_DAYS, useFindingTrend } from '../api/get-finding-trend'
import { SEVERITIES } from '../lib/checks'
import { TREND_CHART_HEIGHT, TrendChart } from './trend-chart'
import { SEVERITY_COLOURS } from './trend-colours'

const total = (p: TrendPoint) => p.high + p.medium + p.low

/** How the number of open findings has moved: a small chart, and the same in a sentence. */
export function TrendCard() {
  const { t } = useTranslation()
  const format = useFormat()
  const trend = useFindingTrend(TREND_DAYS)
  const points = trend.data ?? []
  const first = points[0]
  const last = points.at(-1)

  const summary = (() => {
    if (!first || !last) return t('findings.trend.none')
    const today = t('findings.trend.latest', {
      date: format.date(last.date),
      total: total(last),
      high: last.high,
      medium: last.medium,
      low: last.low,
    })
    if (points.length === 1) return `${today} ${t('findings.trend.onlyOne')}`
    const diff = total(last) - total(first)
    const change =
      diff === 0
        ? t('findings.trend.same', { date: format.date(first.date) })
        : diff < 0
          ? t('findings.trend.fewer', { count: -diff, date: format.date(first.date) })
          : t('findings.trend.more', { count: diff, date: format.date(first.date) })
    return `${today} ${change}`
  })()

  return (
    <Card title={t('findings.trend.title')} description={t('findings.trend.description', { days: TREND_DAYS })} className="trend-card">
      {trend.isError ? (
        <ErrorState error={trend.error} onRetry={() => void trend.refetch()} />
      ) : trend.isPending ? (
        // The loaded card's shape (chart, legend, one line of words), so that nothing moves when it comes.
        <>
          <div style={{ height: TREND_CHART_HEIGHT }}>
            <Skeleton width="100%" height="100%" />
          </div>
          <Legend />
          <p className="chart-summary">
            <Skeleton width="70%" />
          </p>
        </>
      ) : (
        <>
          {points.length > 0 && (
            <div role="img" aria-label={t('findings.trend.chartLabel', { from: format.date(first?.date), to: format.date(last?.date) })}>
              <TrendChart points={points} />
            </div>
          )}
          {points.length > 0 && <Legend />}
          <p className="chart-summary">{summary}</p>
        </>
      )}
    </Card>
  )
}

function Legend() {
  const { t } = useTranslation()
  return (
    <ul className="chart-legend" aria-hidden="true">
      {SEVERITIES.map((s) => (
        <li key={s}>
          <span className="legend-swatch" style={{ background: SEVERITY_COLOURS[s] }} />
          {t(`findings.severity.${s}`)}
        </li>
      ))}
    </ul>
  )
}
