import { UserCreate, type User } from '@seloste/schema'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { formResolver } from '../../../components/form/form-resolver'
import { Field } from '../../../components/form/field'
import { Dialog } from '../../../components/ui/dialog'
import { DialogForm, useFormProblem } from '../../../components/form/dialog-form'
import { useErrorText } from '../../../lib/error-text'
import { useCreateUser } from '../api/create-user'
import { accountError } from '../lib/account-errors'
import { RoleChoice } from './role-choice'

type Values = z.input<typeof UserCreate>
type Parsed = z.output<typeof UserCreate>
const PATHS = ['email', 'name', 'role', 'password'] as const

export function CreateUserDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (user: User) => void }) {
  const { t } = useTranslation()
  return (
    <Dialog open={open} onClose={onClose} title={t('users.create.title')}>
      {open && <CreateUserForm onCancel={onClose} onCreated={onCreated} />}
    </Dialog>
  )
}

function CreateUserForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (user: User) => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const create = useCreateUser()
  const problem = useFormProblem()
  const resolver = formResolver(UserCreate)
  const form = useForm<Values, unknown, Parsed>({
    resolver,
    defaultValues: { email: '', name: '', role: 'editor', password: '' },
    mode: 'onTouched',
  })
  const { register, handleSubmit, formState, setError, setFocus } = form
  // Field and RoleChoice show the message in the UI language (lib/translate-message).
  const err = (path: (typeof PATHS)[number]) => formState.errors[path]?.message

  // Given to handleSubmit in the submit event, not while rendering: it reads a ref.
  const save = async (values: Parsed) => {
    problem.clear()
    try {
      onCreated(await create.mutateAsync(values))
    } catch (error) {
      const general = accountError<Values>(error, t, errorText, { setError, paths: PATHS })
      if (general) {
        problem.show(general)
      } else {
        const first = PATHS.find((p) => form.getFieldState(p).error)
        if (first && first !== 'role') setFocus(first)
      }
    }
  }

  return (
    <DialogForm
      onSubmit={(e) => void handleSubmit(save)(e)}
      onCancel={onCancel}
      submitLabel={t('users.create.submit')}
      busy={formState.isSubmitting}
      problem={problem}
    >
      <div className="form-grid">
        <Field name="email" label={t('users.fields.email')} error={err('email')} required>
          {(c) => <input {...c} type="email" className="input" autoComplete="off" spellCheck={false} {...register('email')} />}
        </Field>
        <Field name="name" label={t('users.fields.name')} error={err('name')} required>
          {(c) => <input {...c} type="text" className="input" autoComplete="off" {...register('name')} />}
        </Field>
        <div className="span-2">
          <RoleChoice legend={t('users.fields.role')} registration={register('role')} error={err('role')} />
        </div>
        <Field
          name="password"
          label={t('users.fields.password')}
          hint={t('users.passwordRule')}
          error={err('password')}
          required
          className="span-2"
        >
          {(c) => <input {...c} type="password" className="input" autoComplete="new-password" {...register('password')} />}
        </Field>
      </div>
      <p className="muted small">{t('users.create.hint')}</p>
    </DialogForm>
  )
}
