import { useTranslation } from 'react-i18next'
import { isApiError } from '../../lib/api-client'
import { Alert } from './alert'
import { Button } from './button'

/** A failed load, said plainly, with a way to try again. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation()
  const detail =
    isApiError(error) && error.code === 'network'
      ? t('errors.network')
      : isApiError(error) && error.status === 404
        ? t('errors.notFound')
        : t('errors.loadFailedDetail')
  return (
    <Alert
      tone="danger"
      role="alert"
      title={title ?? t('errors.loadFailed')}
      actions={
        onRetry && (
          <Button onClick={onRetry} size="sm">
            {t('common.retry')}
          </Button>
        )
      }
    >
      <p>{detail}</p>
    </Alert>
  )
}
