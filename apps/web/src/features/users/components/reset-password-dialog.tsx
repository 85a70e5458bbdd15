import { zodResolver } from '@hookform/resolvers/zod'
import { PasswordReset, type User } from '@seloste/schema'
import { useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/form/field'
import { Alert } from '../../../components/ui/alert'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
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
  const [message, setMessage] = useState<string | null>(null)
  const alertRef = useRef<HTMLDivElement>(null)
  const form = useForm<{ password: string }>({
    resolver: zodResolver(PasswordReset, { error: formErrorMap }),
    defaultValues: { password: '' },
    mode: 'onTouched',
  })
  const { register, handleSubmit, formState, setError, setFocus } = form

  // Given to handleSubmit in the submit event, not while rendering: it reads a ref.
  const save = async ({ password }: { password: string }) => {
    setMessage(null)
    try {
      onDone(await reset.mutateAsync({ id: user.id, password }))
    } catch (error) {
      const general = accountError<{ password: string }>(error, t, errorText, { setError, paths: ['password'] })
      if (general) {
        setMessage(general)
        requestAnimationFrame(() => alertRef.current?.focus())
      } else setFocus('password')
    }
  }

  return (
    <form className="form form-dialog" noValidate onSubmit={(e) => void handleSubmit(save)(e)}>
      <p>{t('users.reset.text')}</p>
      {message && (
        <Alert ref={alertRef} tone="danger" role="alert" tabIndex={-1}>
          <p>{message}</p>
        </Alert>
      )}
      <Field
        name="password"
        label={t('users.fields.newPassword')}
        hint={t('users.passwordRule')}
        error={formState.errors.password?.message}
        required
      >
        {(c) => <input {...c} type="password" className="input" autoComplete="new-password" {...register('password')} />}
      </Field>
      <div className="form-footer">
        <Button onClick={onCancel} disabled={formState.isSubmitting}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={formState.isSubmitting}>
          {t('users.reset.submit')}
        </Button>
      </div>
    </form>
  )
}
