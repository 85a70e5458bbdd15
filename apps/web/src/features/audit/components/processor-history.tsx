import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorState } from '../../../components/ui/error-state'
import { Skeleton } from '../../../components/ui/skeleton'
import { paths } from '../../../config/paths'
import { useProcessorHistory } from '../api/get-processor-history'
import { AuditEventsTable } from './audit-events-table'

const FIRST = 10

/** The processor's page section: its own, its transfers' and its DPAs' events, each with its difference. */
export function ProcessorHistory({ processorId }: { processorId: number }) {
  const { t } = useTranslation()
  const history = useProcessorHistory(processorId)
  const [all, setAll] = useState(false)

  let body
  if (history.isPending) {
    body = (
      <div className="pending-lines" role="status" aria-label={t('audit.history.loading')}>
        <Skeleton width="100%" height="1.2rem" />
        <Skeleton width="80%" height="1.2rem" />
      </div>
    )
  } else if (history.isError) {
    body = <ErrorState error={history.error} onRetry={() => void history.refetch()} title={t('audit.loadFailed')} />
  } else if (history.data.events.length === 0) {
    body = <EmptyState title={t('audit.history.empty')} />
  } else {
    const { events } = history.data
    body = (
      <>
        <AuditEventsTable events={all ? events : events.slice(0, FIRST)} caption={t('audit.history.title')} linkRecords={false} />
        {events.length > FIRST && (
          <div className="history-more">
            <Button size="sm" onClick={() => setAll((a) => !a)}>
              {all ? t('audit.history.showFewer') : t('audit.history.showAll', { count: events.length })}
            </Button>
          </div>
        )}
      </>
    )
  }

  return (
    <Card
      title={t('audit.history.title')}
      description={t('audit.history.description')}
      className="processor-history"
      actions={
        <Link to={paths.audit.path} search={{ entityType: 'processor', entityId: String(processorId) }} className="btn btn-ghost btn-sm">
          {t('audit.history.openTrail')}
        </Link>
      }
    >
      {body}
    </Card>
  )
}
