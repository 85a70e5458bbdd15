import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { AuditTrail } from '../../features/audit/components/audit-trail'
import { VerifyBanner } from '../../features/audit/components/verify-banner'
import { useSession } from '../../lib/auth'
import { useDocumentTitle } from '../../lib/use-document-title'
import '../../locales/governance-texts'
// The events' fields are labelled as their records' forms label them (features/audit/lib/field-labels.ts).
import '../../features/activities/lib/records-i18n'
import '../../locales/organisation-texts'
import '../../locales/notice-texts'

const route = getRouteApi('/app/audit')

export function AuditTrailRoute() {
  const { t } = useTranslation()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const session = useSession()
  useDocumentTitle(t('audit.title'))

  return (
    <div className="page page-wide">
      <div className="page-header">
        <h1 className="page-title">{t('audit.title')}</h1>
        <p className="page-intro">{t('audit.intro')}</p>
      </div>
      <VerifyBanner />
      <AuditTrail
        search={search}
        canFilterByUser={session?.user.role === 'admin'}
        onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }) })}
        onClearFilters={() => void navigate({ search: {} })}
      />
    </div>
  )
}
