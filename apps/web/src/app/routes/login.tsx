import { getRouteApi, useRouter } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { LoginForm } from '../../features/auth/components/login-form'
import { Alert } from '../../components/ui/alert'
import { useDocumentTitle } from '../../lib/use-document-title'
import { LanguageSwitch } from '../layout/language-switch'

const route = getRouteApi('/login')

export function LoginRoute() {
  const { t } = useTranslation()
  const { redirect, loggedOut } = route.useSearch()
  const router = useRouter()
  useDocumentTitle(t('auth.title'))
  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <main id="main" className="login-card">
        <div className="login-brand">
          <svg className="brand-mark" aria-hidden="true" viewBox="0 0 24 24" width="32" height="32">
            <rect x="2" y="2" width="20" height="20" rx="5" fill="currentColor" />
            <path d="M7 8.5h10M7 12h10M7 15.5h6" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
          <span className="brand-name">Seloste</span>
        </div>
        <h1 className="login-title">{t('auth.title')}</h1>
        <p className="muted">{t('auth.intro')}</p>
        {redirect && !loggedOut && <Alert tone="info">{t('auth.sessionEnded')}</Alert>}
        {loggedOut && <Alert tone="success">{t('auth.loggedOut')}</Alert>}
        <LoginForm
          onLoggedIn={() => {
            // Back to where the user was sent from (validated as an in-app path by the route).
            router.history.push(redirect ?? '/overview')
          }}
        />
      </main>
    </div>
  )
}
