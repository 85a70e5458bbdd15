import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../ui/alert'
import { Button } from '../ui/button'

/** A dialog form's general problem (one not tied to a field): shown in an alert that takes focus. */
export interface FormProblem {
  message: string | null
  /** Counts the requests to focus the alert (0: none yet); the form moves focus on each. */
  focusRequest: number
  /**
   * Shows the message and moves focus to it, so a screen reader reads it (`{ focus: false }` where
   * focus goes to a field instead).
   */
  show: (message: string, options?: { focus?: boolean }) => void
  clear: () => void
}

export function useFormProblem(): FormProblem {
  const [state, setState] = useState({ message: null as string | null, focusRequest: 0 })
  return {
    ...state,
    show: (message, { focus = true } = {}) => setState((s) => ({ message, focusRequest: focus ? s.focusRequest + 1 : s.focusRequest })),
    clear: () => setState((s) => ({ ...s, message: null })),
  }
}

/**
 * The form inside a dialog: its fields, the general problem's alert, and the footer with Cancel and
 * the submit button (busy while saving; Cancel is disabled meanwhile).
 */
export function DialogForm({
  onSubmit,
  onCancel,
  submitLabel,
  busy,
  submitDisabled = false,
  problem,
  children,
}: {
  onSubmit: (e: FormEvent<HTMLFormElement>) => void
  onCancel: () => void
  submitLabel: string
  busy: boolean
  submitDisabled?: boolean
  problem: FormProblem
  children: ReactNode
}) {
  const { t } = useTranslation()
  const alertRef = useRef<HTMLDivElement>(null)
  const { focusRequest } = problem
  // After the alert has rendered with its message: each request moves focus to it (again, for the same message).
  useEffect(() => {
    if (focusRequest > 0) alertRef.current?.focus()
  }, [focusRequest])
  return (
    <form
      className="form form-dialog"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit(e)
      }}
    >
      {children}
      {problem.message && (
        <Alert ref={alertRef} tone="danger" role="alert" tabIndex={-1}>
          <p>{problem.message}</p>
        </Alert>
      )}
      <div className="form-footer">
        <Button onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={busy} disabled={submitDisabled}>
          {submitLabel}
        </Button>
      </div>
    </form>
  )
}
