import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../lib/auth'
import { useLogout } from '../api/logout'

// Loaded when first opened: the menu is on every page, the dialog rarely used.
const ChangePasswordDialog = lazy(() => import('./change-password-dialog').then((m) => ({ default: m.ChangePasswordDialog })))

/** Name and role, with "Log out" in a small disclosure menu (Escape or a click outside closes it). */
export function UserMenu({ session, onLoggedOut }: { session: Session; onLoggedOut: () => void }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [changingPassword, setChangingPassword] = useState(false)
  const menuId = useId()
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const logout = useLogout()
  // Focus goes back to the menu's button once the dialog is gone (its opener, the menu item, is gone
  // too); focusing before the dialog unmounts would lose it again.
  const restoreFocus = useRef(false)
  useEffect(() => {
    if (changingPassword || !restoreFocus.current) return
    restoreFocus.current = false
    buttonRef.current?.focus()
  }, [changingPassword])
  const { user } = session
  const name = user.name || user.email || t('user.unknown')

  useEffect(() => {
    if (!open) return
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false)
        buttonRef.current?.focus()
      }
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join('')
    .slice(0, 2)
    .toUpperCase()

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="avatar" aria-hidden="true">
          {initials}
        </span>
        <span className="user-button-text">
          <span className="user-name">{name}</span>
          <span className="user-role">{t(`user.roles.${user.role}`)}</span>
        </span>
        <span className="visually-hidden">{t('user.menu')}</span>
      </button>
      {open && (
        <div id={menuId} className="user-popover">
          <p className="user-popover-name">{name}</p>
          {user.email && <p className="muted small">{user.email}</p>}
          <p className="small">{t('user.roleLine', { role: t(`user.roles.${user.role}`) })}</p>
          {user.role === 'auditor' && <p className="muted small">{t('user.auditorHint')}</p>}
          <button
            type="button"
            className="btn btn-ghost btn-sm user-change-password"
            onClick={() => {
              setOpen(false)
              setChangingPassword(true)
            }}
          >
            {t('user.changePassword')}
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-sm user-logout"
            disabled={logout.isPending}
            onClick={() => logout.mutate(undefined, { onSettled: onLoggedOut })}
          >
            {t('user.logout')}
          </button>
        </div>
      )}
      {changingPassword && (
        <Suspense fallback={null}>
          <ChangePasswordDialog
            open
            onClose={() => {
              setChangingPassword(false)
              restoreFocus.current = true
            }}
          />
        </Suspense>
      )}
    </div>
  )
}
