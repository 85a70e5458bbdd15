import { useTranslation } from 'react-i18next'
import { PublicListManager } from '../../features/public-list/components/public-list-manager'
import { useDocumentTitle } from '../../lib/use-document-title'
import '../../locales/governance-texts'

export function PublicListRoute() {
  const { t } = useTranslation()
  useDocumentTitle(t('publicList.title'))
  return (
    <div className="page page-wide">
      <div className="page-header">
        <h1 className="page-title">{t('publicList.title')}</h1>
        <p className="page-intro">{t('publicList.intro')}</p>
      </div>
      <PublicListManager />
    </div>
  )
}
