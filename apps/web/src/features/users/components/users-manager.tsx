import type { User } from '@seloste/schema'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../../components/ui/alert'
import { Badge } from '../../../components/ui/badge'
import { Button } from '../../../components/ui/button'
import { ConfirmDialog } from '../../../components/ui/confirm-dialog'
import { ErrorState } from '../../../components/ui/error-state'
import { Skeleton } from '../../../components/ui/skeleton'
import { useToast } from '../../../components/ui/toast'
import { isApiError } from '../../../lib/api-client'
import { useErrorText } from '../../../lib/error-text'
import { useFormat } from '../../../lib/format'
import { useUsers } from '../api/get-users'
import { useUpdateUser } from '../api/update-user'
import { accountError } from '../lib/account-errors'
import { ChangeRoleDialog } from './change-role-dialog'
import { CreateUserDialog } from './create-user-dialog'
import { ResetPasswordDialog } from './reset-password-dialog'
import { RoleBadge } from './role-badge'
import { TableScroll } from '../../../components/ui/table-scroll'

type Open = { kind: 'create' } | { kind: 'role' | 'toggle' | 'reset'; id: number } | null

/** The table of users and every change to them; each change in its own dialog. */
export function UsersManager({
  currentUserId,
  createOpen,
  onCreateClose,
}: {
  currentUserId: number
  createOpen: boolean
  onCreateClose: () => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const toast = useToast()
  const errorText = useErrorText()
  const users = useUsers()
  const toggle = useUpdateUser()
  const [open, setOpen] = useState<Open>(null)
  const [toggleMessage, setToggleMessage] = useState<string | null>(null)

  if (users.isPending) return <UsersSkeleton />
  if (users.isError) {
    if (isApiError(users.error) && users.error.status === 403) {
      return (
        <Alert tone="warning" role="alert" title={t('users.forbiddenTitle')}>
          <p>{t('errors.forbidden')}</p>
        </Alert>
      )
    }
    return (
      <div className="card card-pad">
        <ErrorState error={users.error} onRetry={() => void users.refetch()} title={t('users.loadFailed')} />
      </div>
    )
  }

  const list = users.data
  const activeAdmins = list.filter((u) => u.role === 'admin' && !u.disabled).length
  const isLastAdmin = (u: User) => u.role === 'admin' && !u.disabled && activeAdmins <= 1
  // The dialogs read the user from the list on every render, so after a conflict they hold the refreshed version.
  const target = open && open.kind !== 'create' ? (list.find((u) => u.id === open.id) ?? null) : null
  const close = () => {
    setOpen(null)
    setToggleMessage(null)
    toggle.reset()
  }

  return (
    <>
      <div className="card table-card">
        <TableScroll>
          <table className="table users-table">
            <caption className="visually-hidden">{t('users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.columns.email')}</th>
                <th scope="col">{t('users.columns.name')}</th>
                <th scope="col">{t('users.columns.role')}</th>
                <th scope="col">{t('users.columns.status')}</th>
                <th scope="col">{t('users.columns.created')}</th>
                <th scope="col" className="col-actions">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <tr key={u.id} className={u.disabled ? 'is-disabled' : undefined}>
                  <th scope="row" className="cell-strong">
                    <span className="user-email">{u.email}</span>
                    {u.id === currentUserId && (
                      <>
                        {' '}
                        <Badge tone="info">{t('users.you')}</Badge>
                      </>
                    )}
                  </th>
                  <td>{u.name}</td>
                  <td>
                    <span className="badge-stack">
                      <RoleBadge role={u.role} />
                      {isLastAdmin(u) && <span className="cell-sub">{t('users.lastAdmin')}</span>}
                    </span>
                  </td>
                  <td>
                    {u.disabled ? (
                      <Badge tone="danger">{t('users.status.disabled')}</Badge>
                    ) : (
                      <Badge tone="success">{t('users.status.active')}</Badge>
                    )}
                  </td>
                  <td className="nowrap">{format.date(u.createdAt)}</td>
                  <td className="col-actions">
                    <div className="row-actions">
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={t('users.role.actionOf', { email: u.email })}
                        onClick={() => setOpen({ kind: 'role', id: u.id })}
                      >
                        {t('users.role.action')}
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={t('users.reset.actionOf', { email: u.email })}
                        onClick={() => setOpen({ kind: 'reset', id: u.id })}
                      >
                        {t('users.reset.action')}
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        className={u.disabled ? undefined : 'text-danger'}
                        aria-label={
                          u.disabled ? t('users.enable.actionOf', { email: u.email }) : t('users.disable.actionOf', { email: u.email })
                        }
                        onClick={() => setOpen({ kind: 'toggle', id: u.id })}
                      >
                        {u.disabled ? t('users.enable.action') : t('users.disable.action')}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>

      <CreateUserDialog
        open={createOpen}
        onClose={onCreateClose}
        onCreated={(user) => {
          toast(t('users.create.done', { email: user.email }))
          onCreateClose()
        }}
      />

      <ChangeRoleDialog
        user={open?.kind === 'role' ? target : null}
        isSelf={target?.id === currentUserId}
        isLastAdmin={!!target && isLastAdmin(target)}
        onClose={close}
        onChanged={(user) => {
          toast(t('users.role.done', { email: user.email, role: t(`user.roles.${user.role}`) }))
          close()
        }}
      />

      <ResetPasswordDialog
        user={open?.kind === 'reset' ? target : null}
        onClose={close}
        onDone={(user) => {
          toast(t('users.reset.done', { email: user.email }))
          close()
        }}
      />

      <ConfirmDialog
        open={open?.kind === 'toggle' && target !== null}
        danger={!target?.disabled}
        title={
          target
            ? target.disabled
              ? t('users.enable.title', { email: target.email })
              : t('users.disable.title', { email: target.email })
            : ''
        }
        confirmLabel={target?.disabled ? t('users.enable.confirm') : t('users.disable.confirm')}
        busy={toggle.isPending}
        error={toggleMessage}
        onCancel={close}
        onConfirm={() => {
          if (!target) return
          setToggleMessage(null)
          toggle.mutate(
            { id: target.id, input: { disabled: !target.disabled, version: target.version } },
            {
              onSuccess: (user) => {
                toast(user.disabled ? t('users.disable.done', { email: user.email }) : t('users.enable.done', { email: user.email }))
                close()
              },
              onError: (error) => setToggleMessage(accountError(error, t, errorText)),
            },
          )
        }}
      >
        <p>{target?.disabled ? t('users.enable.text') : t('users.disable.text')}</p>
        {target && !target.disabled && target.id === currentUserId && !isLastAdmin(target) && (
          <p className="text-warning">{t('users.role.selfWarning')}</p>
        )}
        {target && !target.disabled && isLastAdmin(target) && !toggleMessage && (
          <p className="text-warning">{t('users.messages.lastAdmin')}</p>
        )}
      </ConfirmDialog>
    </>
  )
}

function UsersSkeleton() {
  const { t } = useTranslation()
  return (
    <div className="card table-card" role="status" aria-label={t('common.loading')}>
      <table className="table users-table">
        <tbody>
          {Array.from({ length: 4 }, (_, i) => (
            <tr key={i}>
              {Array.from({ length: 5 }, (_, j) => (
                <td key={j}>
                  <Skeleton width={j === 0 ? '14rem' : '6rem'} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
