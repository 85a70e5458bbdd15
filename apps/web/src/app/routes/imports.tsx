import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert'
import { ImportWizard } from '../../features/imports/components/import-wizard'
import { useSession } from '../../lib/auth'
import { useDocumentTitle } from '../../lib/use-document-title'
import '../../locales/imports-texts'

/** Import from a spreadsheet, for administrators; anyone else sees why they cannot use it (the API answers 403). */
export function ImportsRoute() {
  const { t } = useTranslation()
  const session = useSession()
  useDocumentTitle(t('imports.title'))
  const isAdmin = session?.user.role === 'admin'
  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('imports.title')}</h1>
        <p className="page-intro">{t('imports.intro')}</p>
      </div>
      {isAdmin ? (
        <ImportWizard />
      ) : (
        <Alert tone="warning" role="alert" title={t('imports.forbiddenTitle')}>
          <p>{t('imports.forbiddenText')}</p>
        </Alert>
      )}
    </div>
  )
}
