import type { AuditEvent } from '@seloste/schema'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuditText } from '../lib/describe'
import { eventDiff, type Leaf } from '../lib/diff'
import { TableScroll } from '../../../components/ui/table-scroll'

/**
 * The readable difference of one event: "field | before | after" for a change; for a creation the
 * values it was created with, for a deletion the values it had.
 */
export function AuditDiff({ event }: { event: AuditEvent }) {
  const { t } = useTranslation()
  const text = useAuditText()
  const diff = useMemo(() => eventDiff(event.before, event.after), [event.before, event.after])

  if (diff.mode === 'none') return <p className="muted small">{t('audit.noDetails')}</p>
  if (diff.rows.length === 0) return <p className="muted small">{t('audit.diff.noChange')}</p>

  const single = diff.mode !== 'changes'
  const valueHeading =
    event.action === 'create'
      ? t('audit.diff.createdValues')
      : event.action === 'delete'
        ? t('audit.diff.deletedValues')
        : t('audit.diff.value')
  const cell = (path: string, value: Leaf, className: string) => {
    const shown = text.value(event.entityType, path, value)
    return <td className={className}>{shown === '' ? <span className="muted">{t('audit.diff.empty')}</span> : shown}</td>
  }

  return (
    <TableScroll>
      <table className="table table-compact audit-diff">
        <caption className="visually-hidden">{t('audit.diff.caption', { seq: event.seq })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.diff.field')}</th>
            {single ? (
              <th scope="col">{valueHeading}</th>
            ) : (
              <>
                <th scope="col">{t('audit.diff.before')}</th>
                <th scope="col">{t('audit.diff.after')}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {diff.rows.map((row) => {
            const label = text.field(event.entityType, row.path)
            return (
              <tr key={row.path} className={row.technical ? 'is-technical' : undefined}>
                <th scope="row">
                  {label ?? <code className="diff-path">{row.path || '—'}</code>}
                  {label && <code className="diff-path diff-path-sub">{row.path}</code>}
                </th>
                {single ? (
                  cell(row.path, diff.mode === 'after' ? row.after : row.before, 'diff-value')
                ) : (
                  <>
                    {cell(row.path, row.before, 'diff-value diff-before')}
                    {cell(row.path, row.after, 'diff-value diff-after')}
                  </>
                )}
              </tr>
            )
          })}
        </tbody>
      </table>
    </TableScroll>
  )
}
