import { processorName, type ActivityMatrix as Matrix } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/ui/button'
import { EmptyState } from '../../../components/ui/empty-state'
import { paths } from '../../../config/paths'
import { pickText, useLang } from '../lib/text'

/** About as many narrow columns as fit beside the names on a 1280px screen. */
const MAX_COLUMNS = 18

interface Axis {
  kind: 'activity' | 'processor'
  id: number
  label: string
  lang?: string
  muted: boolean
}

/**
 * Activities × processors as a real table: header cells with scope, the first column sticky, a
 * mark where the processor serves the activity. The longer list goes down the page, so the table
 * grows downwards rather than sideways; the user can swap.
 */
export function ActivityMatrix({ matrix }: { matrix: Matrix }) {
  const { t } = useTranslation()
  const lang = useLang()
  const [swapped, setSwapped] = useState(false)
  // Activities down the side, processors across, until the processors would not fit across a screen.
  const byDefault =
    matrix.processors.length > MAX_COLUMNS && matrix.processors.length > matrix.activities.length ? 'processors' : 'activities'
  const rowsAre = swapped ? (byDefault === 'activities' ? 'processors' : 'activities') : byDefault

  if (matrix.activities.length === 0 || matrix.processors.length === 0) return <EmptyState title={t('activities.matrixPage.empty')} />

  const linked = new Set(matrix.links.map((l) => `${l.activityId}:${l.processorId}`))
  const activities: Axis[] = matrix.activities.map((a) => {
    const name = pickText(a.name, lang)
    return { kind: 'activity', id: a.id, label: name.text || `#${a.id}`, lang: name.fallback ? name.lang : undefined, muted: false }
  })
  const processors: Axis[] = matrix.processors.map((p) => ({
    kind: 'processor',
    id: p.id,
    label: processorName(p, lang),
    muted: p.status === 'retired',
  }))
  const rows = rowsAre === 'activities' ? activities : processors
  const columns = rowsAre === 'activities' ? processors : activities
  const isLinked = (row: Axis, col: Axis) =>
    row.kind === 'activity' ? linked.has(`${row.id}:${col.id}`) : linked.has(`${col.id}:${row.id}`)
  const countOf = (axis: Axis) =>
    axis.kind === 'activity'
      ? t('activities.matrixPage.countProcessors', { count: matrix.links.filter((l) => l.activityId === axis.id).length })
      : t('activities.matrixPage.countActivities', { count: matrix.links.filter((l) => l.processorId === axis.id).length })

  return (
    <>
      <div className="matrix-tools">
        <p className="muted small">
          {t('activities.matrixPage.countActivities', { count: activities.length })} ·{' '}
          {t('activities.matrixPage.countProcessors', { count: processors.length })}
        </p>
        <Button size="sm" onClick={() => setSwapped((s) => !s)}>
          <span aria-hidden="true">⇄ </span>
          {t('activities.matrixPage.swap')}
        </Button>
      </div>
      <div className="matrix-scroll" tabIndex={0} role="region" aria-label={t('activities.matrixPage.caption')}>
        <table className="matrix">
          <caption className="visually-hidden">{t('activities.matrixPage.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="matrix-corner">
                <span className="matrix-corner-rows">{rowsAre === 'activities' ? t('activities.title') : t('nav.processors')} ↓</span>
                <span className="matrix-corner-cols">{rowsAre === 'activities' ? t('nav.processors') : t('activities.title')} →</span>
              </th>
              {columns.map((c) => (
                <th key={c.id} scope="col" className={`matrix-col ${c.muted ? 'is-muted' : ''}`} title={`${c.label} — ${countOf(c)}`}>
                  <AxisLink axis={c} className="matrix-col-label" />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row" className={`matrix-row ${r.muted ? 'is-muted' : ''}`}>
                  <AxisLink axis={r} />
                  <span className="cell-sub">{countOf(r)}</span>
                </th>
                {columns.map((c) => {
                  const on = isLinked(r, c)
                  const [activity, processor] = r.kind === 'activity' ? [r, c] : [c, r]
                  return on ? (
                    <td
                      key={c.id}
                      className="matrix-cell is-linked"
                      title={t('activities.matrixPage.linkedTitle', { processor: processor.label, activity: activity.label })}
                    >
                      <span aria-hidden="true">✓</span>
                      <span className="visually-hidden">{t('activities.matrixPage.linked')}</span>
                    </td>
                  ) : (
                    <td key={c.id} className="matrix-cell" />
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

function AxisLink({ axis, className }: { axis: Axis; className?: string }) {
  return axis.kind === 'activity' ? (
    <Link to={paths.activities.detail.path} params={{ id: String(axis.id) }} className={className} lang={axis.lang}>
      {axis.label}
    </Link>
  ) : (
    <Link to={paths.processors.detail.path} params={{ id: String(axis.id) }} className={className}>
      {axis.label}
    </Link>
  )
}
