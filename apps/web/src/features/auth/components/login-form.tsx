import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { LoginInput } from '@seloste/schema'
import { Field } from '../../../components/form/field'
import { Alert } from '../../../components/ui/alert'
import { Button } from '../../../components/ui/button'
import { isApiError } from '../../../lib/api-client'
import type { Session } from '../../../lib/auth'
import { useErrorText } from '../../../lib/error-text'
import { formErrorMap } from '../../../lib/zod-error-map'
import { useLogin } from '../api/login'

type LoginValues = { email: string; password: string }

export function LoginForm({ onLoggedIn }: { onLoggedIn: (session: Session) => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const login = useLogin()
  const alertRef = useRef<HTMLDivElement>(null)
  const [message, setMessage] = useState<string | null>(null)
  const form = useForm<LoginValues>({
    resolver: zodResolver(LoginInput, { error: formErrorMap }),
    defaultValues: { email: '', password: '' },
  })
  const { register, handleSubmit, formState, setFocus } = form

  // The sign-in page has one job: start in the email field (focused once, after the first render).
  useEffect(() => {
    setFocus('email')
  }, [setFocus])

  useEffect(() => {
    if (message) alertRef.current?.focus()
  }, [message])

  const onSubmit = handleSubmit((values) => {
    setMessage(null)
    login.mutate(values, {
      onSuccess: onLoggedIn,
      onError: (error) => {
        if (isApiError(error) && error.status === 401) setMessage(t('auth.wrongCredentials'))
        else if (isApiError(error) && error.status === 429) {
          const minutes = error.retryAfterSeconds ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) : null
          setMessage(minutes ? t('auth.throttled', { count: minutes }) : t('auth.throttledNoTime'))
        } else setMessage(errorText(error))
        form.setValue('password', '')
      },
    })
  })

  return (
    <form className="form login-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      {message && (
        <Alert ref={alertRef} tone="danger" role="alert" tabIndex={-1} className="login-alert">
          <p>{message}</p>
        </Alert>
      )}
      <Field name="email" label={t('auth.email')} error={formState.errors.email?.message} required>
        {(c) => <input {...c} type="email" className="input" autoComplete="username" {...register('email')} />}
      </Field>
      <Field name="password" label={t('auth.password')} error={formState.errors.password?.message} required>
        {(c) => <input {...c} type="password" className="input" autoComplete="current-password" {...register('password')} />}
      </Field>
      <Button type="submit" variant="primary" busy={login.isPending} className="btn-block">
        {login.isPending ? t('auth.submitting') : t('auth.submit')}
      </Button>
    </form>
  )
}
