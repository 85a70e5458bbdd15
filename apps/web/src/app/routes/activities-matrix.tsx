import { useTranslation } from 'react-i18next'

// Scaffold: the page is being built; it only names itself until then.
export function ActivitiesMatrixRoute() {
  const { t } = useTranslation()
  return (
    <div className="page">
      <h1 className="page-title">{t('activities.matrix')}</h1>
    </div>
  )
}
