import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Card } from '../../../components/ui/card'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorState } from '../../../components/ui/error-state'
import { Skeleton } from '../../../components/ui/skeleton'
import { paths } from '../../../config/paths'
import { useProcessorActivities } from '../api/get-processor-activities'
import { pickText, useLang } from '../lib/text'
import { ActivityStatusBadge } from './badges'
import '../lib/records-i18n'

/** On a processor's page: the processing activities it serves, each a link. */
export function ProcessorActivities({ processorId }: { processorId: number }) {
  const { t } = useTranslation()
  const lang = useLang()
  const query = useProcessorActivities(processorId)
  return (
    <Card title={t('activities.processorActivities.title')} description={t('activities.processorActivities.description')}>
      {query.isPending ? (
        <Skeleton width="16rem" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <EmptyState title={t('activities.processorActivities.empty')}>{t('activities.processorActivities.emptyHint')}</EmptyState>
      ) : (
        <ul className="link-list">
          {query.data.map((a) => {
            const name = pickText(a.name, lang)
            return (
              <li key={a.id}>
                <Link to={paths.activities.detail.path} params={{ id: String(a.id) }} lang={name.fallback ? name.lang : undefined}>
                  {name.text || `#${a.id}`}
                </Link>{' '}
                <ActivityStatusBadge status={a.status} />
              </li>
            )
          })}
        </ul>
      )}
    </Card>
  )
}
