import { useTranslation } from 'react-i18next'
import { isApiError } from './api-client'
import { apiText } from './api-messages'

/** A failure as one sentence for the user, in the UI language. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation()
  return (error) => {
    if (!isApiError(error)) return t('errors.generic')
    switch (error.code) {
      case 'network':
        return t('errors.network')
      case 'version_conflict':
        return t('errors.versionConflict')
      case 'forbidden':
        return t('errors.forbidden')
      case 'not_found':
        return t('errors.notFound')
      case 'too_many_requests':
        return t('errors.tooManyRequests')
      case 'payload_too_large':
        return t('errors.tooLarge')
      case 'internal':
      case 'unexpected_response':
        return t('errors.generic')
      default:
        return apiText(error)
    }
  }
}
