import { useTranslation } from 'react-i18next'

// Scaffold: the page is being built; it only names itself until then.
export function AuditTrailRoute() {
  const { t } = useTranslation()
  return (
    <div className="page">
      <h1 className="page-title">{t('audit.title')}</h1>
    </div>
  )
}
