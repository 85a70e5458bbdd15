import { Link, type ErrorComponentProps } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/ui/empty-state'
import { ErrorState } from '../../components/ui/error-state'
import { Skeleton } from '../../components/ui/skeleton'
import { paths } from '../../config/paths'
import { useDocumentTitle } from '../../lib/use-document-title'

export function NotFound() {
  const { t } = useTranslation()
  useDocumentTitle(t('errors.pageNotFound'))
  return (
    <div className="page">
      <EmptyState
        title={t('errors.pageNotFound')}
        action={
          <Link to={paths.processors.list.path} className="btn btn-secondary">
            {t('common.backToProcessors')}
          </Link>
        }
      >
        {t('errors.pageNotFoundHint')}
      </EmptyState>
    </div>
  )
}

export function RouteError({ error, reset }: ErrorComponentProps) {
  return (
    <div className="page">
      <ErrorState error={error} onRetry={reset} />
    </div>
  )
}

export function RoutePending() {
  const { t } = useTranslation()
  return (
    <div className="page" role="status" aria-label={t('common.loading')}>
      <Skeleton width="14rem" height="2rem" />
      <div className="pending-lines">
        <Skeleton width="100%" height="1rem" />
        <Skeleton width="90%" height="1rem" />
        <Skeleton width="70%" height="1rem" />
      </div>
    </div>
  )
}
