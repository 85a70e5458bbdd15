import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert'
import { Button } from '../../components/ui/button'
import { UsersManager } from '../../features/users/components/users-manager'
import { useSession } from '../../lib/auth'
import { useDocumentTitle } from '../../lib/use-document-title'
import '../../locales/governance-texts'

/** User management, for administrators; anyone else sees why they cannot use it (the API answers 403). */
export function UsersRoute() {
  const { t } = useTranslation()
  const session = useSession()
  const [creating, setCreating] = useState(false)
  useDocumentTitle(t('users.title'))
  const user = session?.user
  const isAdmin = user?.role === 'admin'

  return (
    <div className="page">
      <div className="page-header">
        <div className="page-header-row">
          <div>
            <h1 className="page-title">{t('users.title')}</h1>
            <p className="page-intro">{t('users.intro')}</p>
          </div>
          {isAdmin && (
            <div className="page-actions">
              <Button variant="primary" onClick={() => setCreating(true)}>
                <span aria-hidden="true">+ </span>
                {t('users.add')}
              </Button>
            </div>
          )}
        </div>
      </div>
      {user && isAdmin ? (
        <UsersManager currentUserId={user.id} createOpen={creating} onCreateClose={() => setCreating(false)} />
      ) : (
        <Alert tone="warning" role="alert" title={t('users.forbiddenTitle')}>
          <p>{t('users.forbiddenText', { role: t(`user.roles.${user?.role ?? 'auditor'}`) })}</p>
        </Alert>
      )}
    </div>
  )
}
