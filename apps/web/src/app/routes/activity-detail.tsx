import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ErrorState } from '../../components/ui/error-state'
import { useToast } from '../../components/ui/toast'
import { paths } from '../../config/paths'
import { useActivity } from '../../features/activities/api/get-activity'
import { ActivityHeader } from '../../features/activities/components/activity-header'
import {
  ActivityDescriptions,
  ActivityOverview,
  ActivityPurposes,
  ActivityRecipients,
  ActivitySafeguards,
  ActivitySourcesAndRights,
  ActivitySubjectsAndData,
  ActivityTransfers,
} from '../../features/activities/components/activity-view'
import { nameOf, useLang } from '../../features/activities/lib/text'
import { RecordFindings } from '../../features/findings/components/record-findings'
import { isApiError } from '../../lib/api-client'
import { useDocumentTitle } from '../../lib/use-document-title'
import { NotFound, RoutePending } from './fallbacks'
import './compliance-i18n'
import { activityDetailRoute, parseActivityId } from './use-activity-param'
import '../../features/activities/lib/records-i18n'

export function ActivityDetailRoute() {
  const { id: raw } = activityDetailRoute.useParams()
  const id = parseActivityId(raw)
  return id === null ? <NotFound /> : <ActivityDetailPage id={id} />
}

/** One processing activity: every item of its Art. 30(1) record, readable, with its actions. */
function ActivityDetailPage({ id }: { id: number }) {
  const { t } = useTranslation()
  const lang = useLang()
  const navigate = useNavigate()
  const toast = useToast()
  const query = useActivity(id)
  const name = query.data ? nameOf(query.data.name, lang, id) : null
  useDocumentTitle(name ?? t('activities.title'))

  if (query.isPending) return <RoutePending />
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFound />
    return (
      <div className="page">
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </div>
    )
  }
  const activity = query.data
  return (
    <div className="page">
      <ActivityHeader
        activity={activity}
        onApproved={() => toast(t('activities.actions.approved', { name }))}
        findings={<RecordFindings type="activity" id={activity.id} sayWhenUnknown />}
        onDeleted={() => {
          toast(t('activities.toast.deleted', { name }))
          void navigate({ to: paths.activities.list.path })
        }}
      />
      <div className="detail-grid">
        <ActivityOverview activity={activity} />
        <ActivityDescriptions activity={activity} />
      </div>
      <ActivityPurposes activity={activity} />
      <ActivitySubjectsAndData activity={activity} />
      <ActivityRecipients activity={activity} />
      <ActivityTransfers activity={activity} />
      <ActivitySourcesAndRights activity={activity} />
      <ActivitySafeguards activity={activity} />
    </div>
  )
}
