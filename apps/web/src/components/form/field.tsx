import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { translateMessage } from '../../lib/translate-message'

/** A stable element id for a form path ("service.fi" -> "field-service-fi"), also the error summary's link target. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^a-zA-Z0-9_-]+/g, '-')}`
}

export interface ControlProps {
  id: string
  'aria-describedby'?: string
  'aria-invalid'?: true
  'aria-required'?: true
}

interface FieldProps {
  /** The form path; gives the ids that tie label, hint and error to the input. */
  name: string
  label: ReactNode
  hint?: ReactNode
  error?: string | undefined
  required?: boolean
  className?: string
  children: (control: ControlProps) => ReactNode
}

/** Label, input, hint and error, wired together for assistive technology. */
export function Field({ name, label, hint, error, required, className, children }: FieldProps) {
  const { t } = useTranslation()
  const id = fieldId(name)
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {required && (
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
        {required && <span className="visually-hidden"> ({t('common.required')})</span>}
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-describedby': describedBy,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(required ? { 'aria-required': true as const } : {}),
      })}
      {error && (
        <p id={errorId} className="field-error">
          {translateMessage(error)}
        </p>
      )}
    </div>
  )
}

/** A checkbox with its label beside it. */
export function CheckboxField({
  name,
  label,
  hint,
  children,
}: {
  name: string
  label: ReactNode
  hint?: ReactNode
  children: (control: ControlProps) => ReactNode
}) {
  const id = fieldId(name)
  const hintId = hint ? `${id}-hint` : undefined
  return (
    <div className="field field-checkbox">
      {children({ id, 'aria-describedby': hintId })}
      <div>
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        {hint && (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  )
}
