import { useTranslation } from 'react-i18next'

// Scaffold: the page is being built; it only names itself until then.
export function ActivityEditRoute() {
  const { t } = useTranslation()
  return (
    <div className="page">
      <h1 className="page-title">{t('activities.edit')}</h1>
    </div>
  )
}
