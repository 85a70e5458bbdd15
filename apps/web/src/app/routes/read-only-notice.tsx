import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert'
import { paths } from '../../config/paths'

/** For auditors who reach a form by URL: the controls are hidden, and this says why. */
export function ReadOnlyNotice() {
  const { t } = useTranslation()
  return (
    <Alert tone="info" title={t('user.readOnlyTitle')}>
      <p>{t('user.readOnlyText')}</p>
      <p>
        <Link to={paths.processors.list.path}>{t('common.backToProcessors')}</Link>
      </p>
    </Alert>
  )
}
