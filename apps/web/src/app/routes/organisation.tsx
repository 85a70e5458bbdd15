import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert'
import { ErrorState } from '../../components/ui/error-state'
import { useToast } from '../../components/ui/toast'
import { useOrganisation } from '../../features/organisation/api/get-organisation'
import { OrganisationDetails } from '../../features/organisation/components/organisation-details'
import { OrganisationForm } from '../../features/organisation/components/organisation-form'
import { useCan } from '../../lib/auth'
import { useDocumentTitle } from '../../lib/use-document-title'
import { RoutePending } from './fallbacks'
import '../../locales/organisation-texts'

/** The controller's own details (Art. 30(1)(a)): editors and admins change them, auditors read them. */
export function OrganisationRoute() {
  const { t } = useTranslation()
  const query = useOrganisation()
  const canEdit = useCan('edit')
  const toast = useToast()
  useDocumentTitle(t('organisation.title'))

  if (query.isPending) return <RoutePending />
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 className="page-title">{t('organisation.title')}</h1>
        <p className="page-intro">{t('organisation.intro')}</p>
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : canEdit ? (
        // Keyed by nothing that a background refetch changes: what the user types stays, and a newer version surfaces as a conflict on save.
        <OrganisationForm organisation={query.data} onSaved={() => toast(t('organisation.saved'))} />
      ) : (
        <>
          <Alert tone="info" title={t('user.readOnlyTitle')}>
            <p>{t('organisation.readOnly')}</p>
          </Alert>
          <OrganisationDetails organisation={query.data} />
        </>
      )}
    </div>
  )
}
