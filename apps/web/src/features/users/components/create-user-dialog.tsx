import { UserCreate, type User } from '@seloste/schema'
import { useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { formResolver } from '../../../components/form/form-resolver'
import { Field } from '../../../components/form/field'
import { Alert } from '../../../components/ui/alert'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
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
  const [message, setMessage] = useState<string | null>(null)
  const alertRef = useRef<HTMLDivElement>(null)
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
    setMessage(null)
    try {
      onCreated(await create.mutateAsync(values))
    } catch (error) {
      const general = accountError<Values>(error, t, errorText, { setError, paths: PATHS })
      if (general) {
        setMessage(general)
        requestAnimationFrame(() => alertRef.current?.focus())
      } else {
        const first = PATHS.find((p) => form.getFieldState(p).error)
        if (first && first !== 'role') setFocus(first)
      }
    }
  }

  return (
    <form className="form form-dialog" noValidate onSubmit={(e) => void handleSubmit(save)(e)}>
      {message && (
        <Alert ref={alertRef} tone="danger" role="alert" tabIndex={-1}>
          <p>{message}</p>
        </Alert>
      )}
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
      <div className="form-footer">
        <Button onClick={onCancel} disabled={formState.isSubmitting}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={formState.isSubmitting}>
          {t('users.create.submit')}
        </Button>
      </div>
    </form>
  )
}
