import { zodResolver } from '@hookform/resolvers/zod'
import { PasswordReset, type User } from '@seloste/schema'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/form/field'
import { Dialog } from '../../../components/ui/dialog'
import { DialogForm, useFormProblem } from '../../../components/form/dialog-form'
import { useErrorText } from '../../../lib/error-text'
import { formErrorMap } from '../../../lib/zod-error-map'
import { useResetPassword } from '../api/reset-password'
import { accountError } from '../lib/account-errors'

export function ResetPasswordDialog({ user, onClose, onDone }: { user: User | null; onClose: () => void; onDone: (user: User) => void }) {
  const { t } = useTranslation()
  return (
    <Dialog open={user !== null} onClose={onClose} title={user ? t('users.reset.title', { email: user.email }) : ''}>
      {user && <ResetPasswordForm key={user.id} user={user} onCancel={onClose} onDone={onDone} />}
    </Dialog>
  )
}

function ResetPasswordForm({ user, onCancel, onDone }: { user: User; onCancel: () => void; onDone: (user: User) => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const reset = useResetPassword()
  const problem = useFormProblem()
  const form = useForm<{ password: string }>({
    resolver: zodResolver(PasswordReset, { error: formErrorMap }),
    defaultValues: { password: '' },
    mode: 'onTouched',
  })
  const { register, handleSubmit, formState, setError, setFocus } = form

  // Given to handleSubmit in the submit event, not while rendering: it reads a ref.
  const save = async ({ password }: { password: string }) => {
    problem.clear()
    try {
      onDone(await reset.mutateAsync({ id: user.id, password }))
    } catch (error) {
      const general = accountError<{ password: string }>(error, t, errorText, { setError, paths: ['password'] })
      if (general) {
        problem.show(general)
      } else setFocus('password')
    }
  }

  return (
    <DialogForm
      onSubmit={(e) => void handleSubmit(save)(e)}
      onCancel={onCancel}
      submitLabel={t('users.reset.submit')}
      busy={formState.isSubmitting}
      problem={problem}
    >
      <p>{t('users.reset.text')}</p>
      <Field
        name="password"
        label={t('users.fields.newPassword')}
        hint={t('users.passwordRule')}
        error={formState.errors.password?.message}
        required
      >
        {(c) => <input {...c} type="password" className="input" autoComplete="new-password" {...register('password')} />}
      </Field>
    </DialogForm>
  )
}
