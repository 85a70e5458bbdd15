import type { Activity } from '@seloste/schema'
import { Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorState } from '../../components/ui/error-state'
import { useToast } from '../../components/ui/toast'
import { paths } from '../../config/paths'
import { useActivity } from '../../features/activities/api/get-activity'
import { ActivityForm } from '../../features/activities/components/activity-form'
import { activityToFormValues } from '../../features/activities/lib/form-values'
import { nameOf, useLang } from '../../features/activities/lib/text'
import { isApiError } from '../../lib/api-client'
import { useCan } from '../../lib/auth'
import { useDocumentTitle } from '../../lib/use-document-title'
import { NotFound, RoutePending } from './fallbacks'
import { ReadOnlyNotice } from './read-only-notice'
import { activityEditRoute, parseActivityId } from './use-activity-param'
import { useVocabularyForForm } from './use-vocabulary-for-form'
import '../../features/activities/lib/records-i18n'

export function ActivityEditRoute() {
  const { id: raw } = activityEditRoute.useParams()
  const id = parseActivityId(raw)
  return id === null ? <NotFound /> : <ActivityEditPage id={id} />
}

function ActivityEditPage({ id }: { id: number }) {
  const { t } = useTranslation()
  const lang = useLang()
  const query = useActivity(id)
  const canEdit = useCan('edit')
  const name = query.data ? nameOf(query.data.name, lang, id) : null
  useDocumentTitle(name ? t('activities.form.editTitle', { name }) : t('activities.title'))

  if (query.isPending) return <RoutePending />
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFound />
    return (
      <div className="page">
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </div>
    )
  }
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
          <Link to={paths.activities.list.path}>{t('activities.title')}</Link>
          <span aria-hidden="true"> / </span>
          <Link to={paths.activities.detail.path} params={{ id: String(id) }}>
            {name}
          </Link>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{t('common.edit')}</span>
        </nav>
        <h1 className="page-title">{t('activities.form.editTitle', { name })}</h1>
      </div>
      {canEdit ? <EditForm activity={query.data} /> : <ReadOnlyNotice />}
    </div>
  )
}

/**
 * The form starts from the activity as first loaded and is never reset by a background refetch:
 * what the user types stays, and a newer version on the server surfaces as a conflict on save.
 */
function EditForm({ activity }: { activity: Activity }) {
  const { t } = useTranslation()
  const lang = useLang()
  const navigate = useNavigate()
  const toast = useToast()
  const vocabulary = useVocabularyForForm()
  const [loaded] = useState(activity)
  const [initialValues] = useState(() => activityToFormValues(activity))
  const toDetail = () => void navigate({ to: paths.activities.detail.path, params: { id: String(loaded.id) } })
  return (
    <ActivityForm
      activity={loaded}
      initialValues={initialValues}
      vocabulary={vocabulary.data}
      newCategory={vocabulary.newCategory}
      onSaved={(a) => {
        toast(t('activities.toast.saved', { name: nameOf(a.name, lang, a.id) }))
        toDetail()
      }}
      onCancel={toDetail}
    />
  )
}
