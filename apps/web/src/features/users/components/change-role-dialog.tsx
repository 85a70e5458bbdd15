import type { User, UserRole } from '@seloste/schema'
import { useRef, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../../components/ui/alert'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { useErrorText } from '../../../lib/error-text'
import { useUpdateUser } from '../api/update-user'
import { accountError } from '../lib/account-errors'
import { RoleChoice } from './role-choice'

interface Props {
  /** The user as the list shows it now (after a conflict, the refreshed version). */
  user: User | null
  isSelf: boolean
  isLastAdmin: boolean
  onClose: () => void
  onChanged: (user: User) => void
}

export function ChangeRoleDialog({ user, isSelf, isLastAdmin, onClose, onChanged }: Props) {
  const { t } = useTranslation()
  return (
    <Dialog open={user !== null} onClose={onClose} title={user ? t('users.role.title', { email: user.email }) : ''}>
      {user && (
        <ChangeRoleForm key={user.id} user={user} isSelf={isSelf} isLastAdmin={isLastAdmin} onCancel={onClose} onChanged={onChanged} />
      )}
    </Dialog>
  )
}

function ChangeRoleForm({
  user,
  isSelf,
  isLastAdmin,
  onCancel,
  onChanged,
}: {
  user: User
  isSelf: boolean
  isLastAdmin: boolean
  onCancel: () => void
  onChanged: (user: User) => void
}) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const update = useUpdateUser()
  const [message, setMessage] = useState<string | null>(null)
  const alertRef = useRef<HTMLDivElement>(null)
  const form = useForm<{ role: UserRole }>({ defaultValues: { role: user.role } })
  const chosen = useWatch({ control: form.control, name: 'role' })

  // Given to handleSubmit in the submit event, not while rendering: it reads a ref.
  const save = ({ role }: { role: UserRole }) => {
    setMessage(null)
    // `user.version` is read at submit time: after a conflict the list (and this prop) has the new one.
    update.mutate(
      { id: user.id, input: { role, version: user.version } },
      {
        onSuccess: onChanged,
        onError: (error) => {
          setMessage(accountError(error, t, errorText))
          requestAnimationFrame(() => alertRef.current?.focus())
        },
      },
    )
  }

  return (
    <form className="form form-dialog" noValidate onSubmit={(e) => void form.handleSubmit(save)(e)}>
      {isLastAdmin && (
        <Alert tone="warning" title={t('users.lastAdmin')}>
          <p>{t('users.messages.lastAdmin')}</p>
        </Alert>
      )}
      <RoleChoice legend={t('users.fields.role')} registration={form.register('role')} />
      <p className="muted small">{isSelf ? t('users.role.selfWarning') : t('users.role.sessionsEnd')}</p>
      {message && (
        <Alert ref={alertRef} tone="danger" role="alert" tabIndex={-1}>
          <p>{message}</p>
        </Alert>
      )}
      <div className="form-footer">
        <Button onClick={onCancel} disabled={update.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={update.isPending} disabled={chosen === user.role}>
          {t('users.role.submit')}
        </Button>
      </div>
    </form>
  )
}
