import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { paths } from '../../config/paths'
import { UserMenu } from '../../features/auth/components/user-menu'
import { useOrganisation } from '../../features/organisation/api/get-organisation'
import { HeaderSearch } from '../../features/search/components/header-search'
import { useSession } from '../../lib/auth'
import { LanguageSwitch } from './language-switch'

/** Sections of the dashboard; user management and imports only for administrators. */
const NAV = [
  { to: paths.overview.path, label: 'nav.overview', adminOnly: false },
  { to: paths.processors.list.path, label: 'nav.processors', adminOnly: false },
  { to: paths.activities.list.path, label: 'nav.activities', adminOnly: false },
  { to: paths.publicList.path, label: 'nav.publicList', adminOnly: false },
  { to: paths.audit.path, label: 'nav.audit', adminOnly: false },
  { to: paths.organisation.path, label: 'nav.organisation', adminOnly: false },
  { to: paths.users.path, label: 'nav.users', adminOnly: true },
  { to: paths.imports.path, label: 'nav.imports', adminOnly: true },
] as const

/** Header (product, organisation, navigation, language, user) around every signed-in page. */
export function AppShell() {
  const { t } = useTranslation()
  const session = useSession()
  const organisation = useOrganisation()
  const navigate = useNavigate()
  const pathname = useRouterState({ select: (s) => s.location.pathname })
  const { open: menuOpen, setOpen: setMenuOpen, buttonRef: menuButtonRef, navRef } = useNavMenu(pathname)

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to={paths.overview.path} className="brand">
            <svg className="brand-mark" aria-hidden="true" viewBox="0 0 24 24" width="24" height="24">
              <rect x="2" y="2" width="20" height="20" rx="5" fill="currentColor" />
              <path d="M7 8.5h10M7 12h10M7 15.5h6" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
            <span className="brand-name">Seloste</span>
          </Link>
          {organisation.data && (
            <span className="org-name" title={t('app.organisation')}>
              {organisation.data.name}
            </span>
          )}
          <nav className={`main-nav ${menuOpen ? 'is-open' : ''}`} aria-label={t('nav.label')} ref={navRef}>
            {/* Shown only where the links do not fit the header (see layout.css). */}
            <button
              ref={menuButtonRef}
              type="button"
              className="nav-toggle"
              aria-expanded={menuOpen}
              aria-controls="main-nav-links"
              onClick={() => setMenuOpen((o) => !o)}
            >
              <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18">
                <path d="M3 5.5h14M3 10h14M3 14.5h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
              {t('nav.menu')}
            </button>
            <ul id="main-nav-links">
              {NAV.filter((item) => !item.adminOnly || session?.user.role === 'admin').map((item) => (
                <li key={item.to}>
                  <Link to={item.to} className="nav-link" aria-current={pathname.startsWith(item.to) ? 'page' : undefined}>
                    {t(item.label)}
                  </Link>
                </li>
              ))}
              {/* On narrow screens the search box is inside the menu (the header's own is hidden there). */}
              <li className="nav-search">
                <HeaderSearch placement="menu" />
              </li>
            </ul>
          </nav>
          <div className="header-tools">
            <HeaderSearch placement="header" />
            <LanguageSwitch />
            {session && (
              <UserMenu session={session} onLoggedOut={() => void navigate({ to: paths.login.path, search: { loggedOut: true } })} />
            )}
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}

/**
 * The navigation as a disclosure on narrow screens: closes on Escape (focus back on its button), on a
 * click outside and on navigation (focus on the button too: the link that had it is now hidden).
 */
function useNavMenu(pathname: string) {
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const navRef = useRef<HTMLElement>(null)
  // Closed on navigation while rendering (not in an effect: no extra render with it still open);
  // the focus moves after the render, from a request the effect reads.
  const [lastPath, setLastPath] = useState(pathname)
  const [focusRequest, setFocusRequest] = useState<object | null>(null)
  if (lastPath !== pathname) {
    setLastPath(pathname)
    if (open) {
      setOpen(false)
      setFocusRequest({})
    }
  }
  useEffect(() => {
    if (focusRequest) buttonRef.current?.focus()
  }, [focusRequest])

  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      setOpen(false)
      buttonRef.current?.focus()
    }
    const onPointer = (e: PointerEvent) => {
      if (!navRef.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer)
    }
  }, [open])

  return { open, setOpen, buttonRef, navRef }
}
