import type { User, UserRole } from '@seloste/schema'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../../components/ui/alert'
import { Dialog } from '../../../components/ui/dialog'
import { DialogForm, useFormProblem } from '../../../components/form/dialog-form'
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
  const problem = useFormProblem()
  const form = useForm<{ role: UserRole }>({ defaultValues: { role: user.role } })
  const chosen = useWatch({ control: form.control, name: 'role' })

  // Given to handleSubmit in the submit event, not while rendering: it reads a ref.
  const save = ({ role }: { role: UserRole }) => {
    problem.clear()
    // `user.version` is read at submit time: after a conflict the list (and this prop) has the new one.
    update.mutate(
      { id: user.id, input: { role, version: user.version } },
      {
        onSuccess: onChanged,
        onError: (error) => {
          const message = accountError(error, t, errorText)
          if (message) problem.show(message)
        },
      },
    )
  }

  return (
    <DialogForm
      onSubmit={(e) => void form.handleSubmit(save)(e)}
      onCancel={onCancel}
      submitLabel={t('users.role.submit')}
      busy={update.isPending}
      submitDisabled={chosen === user.role}
      problem={problem}
    >
      {isLastAdmin && (
        <Alert tone="warning" title={t('users.lastAdmin')}>
          <p>{t('users.messages.lastAdmin')}</p>
        </Alert>
      )}
      <RoleChoice legend={t('users.fields.role')} registration={form.register('role')} />
      <p className="muted small">{isSelf ? t('users.role.selfWarning') : t('users.role.sessionsEnd')}</p>
    </DialogForm>
  )
}
