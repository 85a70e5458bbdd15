import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ErrorState } from '../../components/ui/error-state'
import { Skeleton } from '../../components/ui/skeleton'
import { paths } from '../../config/paths'
import { useActivityMatrix } from '../../features/activities/api/get-activity-matrix'
import { ActivityMatrix } from '../../features/activities/components/activity-matrix'
import { useDocumentTitle } from '../../lib/use-document-title'
import '../../features/activities/lib/records-i18n'

export function ActivitiesMatrixRoute() {
  const { t } = useTranslation()
  const query = useActivityMatrix()
  useDocumentTitle(t('activities.matrix'))
  return (
    <div className="page">
      <div className="page-header">
        <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
          <Link to={paths.activities.list.path}>{t('activities.title')}</Link>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{t('activities.matrix')}</span>
        </nav>
        <h1 className="page-title">{t('activities.matrix')}</h1>
        <p className="page-intro">{t('activities.matrixPage.intro')}</p>
      </div>
      <div className="card card-pad">
        {query.isPending ? (
          <div role="status" aria-label={t('common.loading')}>
            <Skeleton width="100%" height="12rem" />
          </div>
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} title={t('activities.matrixPage.loadFailed')} />
        ) : (
          <ActivityMatrix matrix={query.data} />
        )}
      </div>
    </div>
  )
}
