import { useTranslation } from 'react-i18next'
import { NoticeManager } from '../../features/notice/components/notice-manager'
import { useDocumentTitle } from '../../lib/use-document-title'
import '../../locales/notice-texts'

export function NoticeRoute() {
  const { t } = useTranslation()
  useDocumentTitle(t('notice.title'))
  return (
    <div className="page page-wide">
      <div className="page-header">
        <h1 className="page-title">{t('notice.title')}</h1>
        <p className="page-intro">{t('notice.intro')}</p>
      </div>
      <NoticeManager />
    </div>
  )
}
