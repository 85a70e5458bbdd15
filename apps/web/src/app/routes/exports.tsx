import { useTranslation } from 'react-i18next'
import { ExportsPanel } from '../../features/exports/components/exports-panel'
import { useDocumentTitle } from '../../lib/use-document-title'
import '../../features/activities/lib/records-i18n'

export function ExportsRoute() {
  const { t } = useTranslation()
  useDocumentTitle(t('exports.title'))
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 className="page-title">{t('exports.title')}</h1>
        <p className="page-intro">{t('exports.intro')}</p>
      </div>
      <ExportsPanel />
    </div>
  )
}
