import { CHECKLIST_POINTS, type Checklist } from '@seloste/schema'
import { useTranslation } from 'react-i18next'
import { ChecklistStatusBadge } from '../../../components/domain/status-badges'
import { TableScroll } from '../../../components/ui/table-scroll'

/** Art. 28(3) points (a)-(h): what the contract must stipulate, and whether this one does. */
export function ChecklistTable({ checklist }: { checklist: Checklist }) {
  const { t } = useTranslation()
  const covered = CHECKLIST_POINTS.filter((p) => checklist[p].status === 'covered').length
  return (
    <div className="checklist">
      <div className="checklist-header">
        <h3 className="subheading">{t('dpas.checklist.title')}</h3>
        <span className="muted small">{t('dpas.checklist.coveredCount', { covered, total: CHECKLIST_POINTS.length })}</span>
      </div>
      <TableScroll>
        <table className="table table-compact checklist-table">
          <caption className="visually-hidden">{t('dpas.checklist.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dpas.checklist.point')}</th>
              <th scope="col">{t('dpas.checklist.status')}</th>
              <th scope="col">{t('dpas.checklist.clause')}</th>
            </tr>
          </thead>
          <tbody>
            {CHECKLIST_POINTS.map((p) => (
              <tr key={p}>
                <th scope="row">
                  <span className="checklist-point">({p})</span> {t(`enums.checklistPoint.${p}`)}
                </th>
                <td>
                  <ChecklistStatusBadge status={checklist[p].status} />
                </td>
                <td>{checklist[p].clause ?? <span className="muted">{t('common.empty')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  )
}
