import { zodResolver } from '@hookform/resolvers/zod'
import { PasswordChange } from '@seloste/schema'
import { useForm, type Path } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/form/field'
import { Dialog } from '../../../components/ui/dialog'
import { DialogForm, useFormProblem } from '../../../components/form/dialog-form'
import { useToast } from '../../../components/ui/toast'
import { apiText } from '../../../lib/api-messages'
import { isApiError } from '../../../lib/api-client'
import { useErrorText } from '../../../lib/error-text'
import { formErrorMap } from '../../../lib/zod-error-map'
import { useChangePassword } from '../api/change-password'
// Its words are the users page's (locales/governance.*.ts), loaded with this lazy dialog.
import '../../../locales/governance-texts'

type Values = { currentPassword: string; newPassword: string }
const PATHS: readonly (keyof Values)[] = ['currentPassword', 'newPassword']

/** The signed-in user's own password: current and new; the other sessions end, this one stays. */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Dialog open={open} onClose={onClose} title={t('users.changePassword.title')} size="sm">
      {open && <ChangePasswordForm onDone={onClose} />}
    </Dialog>
  )
}

function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation()
  const toast = useToast()
  const errorText = useErrorText()
  const change = useChangePassword()
  const problem = useFormProblem()
  const form = useForm<Values>({
    resolver: zodResolver(PasswordChange, { error: formErrorMap }),
    defaultValues: { currentPassword: '', newPassword: '' },
    mode: 'onTouched',
  })
  const { register, handleSubmit, formState, setError, setFocus } = form

  const onSubmit = handleSubmit(async (values) => {
    problem.clear()
    try {
      await change.mutateAsync(values)
      toast(t('users.changePassword.done'))
      onDone()
    } catch (error) {
      if (isApiError(error) && error.code === 'validation_failed' && error.fields.length > 0) {
        const rest: string[] = []
        for (const f of error.fields) {
          if ((PATHS as readonly string[]).includes(f.path)) setError(f.path as Path<Values>, { type: 'server', message: f.message })
          else rest.push(apiText(f))
        }
        const first = PATHS.find((p) => error.fields.some((f) => f.path === p))
        if (rest.length) problem.show(rest.join(' '), { focus: !first })
        if (first) setFocus(first)
      } else {
        problem.show(errorText(error))
      }
    }
  })

  return (
    <DialogForm
      onSubmit={(e) => void onSubmit(e)}
      onCancel={onDone}
      submitLabel={t('users.changePassword.submit')}
      busy={formState.isSubmitting}
      problem={problem}
    >
      <p className="muted small">{t('users.changePassword.text')}</p>
      <Field name="currentPassword" label={t('users.fields.currentPassword')} error={formState.errors.currentPassword?.message} required>
        {(c) => <input {...c} type="password" className="input" autoComplete="current-password" {...register('currentPassword')} />}
      </Field>
      <Field
        name="newPassword"
        label={t('users.fields.newPassword')}
        hint={t('users.passwordRule')}
        error={formState.errors.newPassword?.message}
        required
      >
        {(c) => <input {...c} type="password" className="input" autoComplete="new-password" {...register('newPassword')} />}
      </Field>
    </DialogForm>
  )
}
