import { useTranslation } from 'react-i18next'
import { fieldId } from '../../../components/form/field'
import { translateMessage } from '../../../lib/translate-message'

interface AnswerChoiceProps {
  name: string
  legend: string
  hint?: string
  value: boolean | null
  onChange: (value: boolean | null) => void
  onBlur: () => void
  yesLabel: string
  noLabel: string
  error?: string | undefined
  disabled?: boolean
}

const CHOICES = [
  { key: 'notRecorded', value: null },
  { key: 'yes', value: true },
  { key: 'no', value: false },
] as const

/**
 * A yes/no question with "not recorded" as a third, visible answer: an organisation that has not
 * answered is not one that answered "no", and the exports and findings tell the two apart.
 */
export function AnswerChoice({ name, legend, hint, value, onChange, onBlur, yesLabel, noLabel, error, disabled }: AnswerChoiceProps) {
  const { t } = useTranslation()
  const id = fieldId(name)
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const labels = { notRecorded: t('organisation.answer.notRecordedChoice'), yes: yesLabel, no: noLabel }
  return (
    <fieldset
      className={`field answer-choice span-2 ${error ? 'field-invalid' : ''}`}
      aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="field-label">{legend}</legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <div className="answer-options">
        {CHOICES.map((c, i) => (
          <label key={c.key} className={`answer-option answer-${c.key}`}>
            <input
              type="radio"
              className="radio"
              name={name}
              id={i === 0 ? id : `${id}-${c.key}`}
              checked={value === c.value}
              disabled={disabled}
              onChange={() => onChange(c.value)}
              onBlur={onBlur}
            />
            <span>{labels[c.key]}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {translateMessage(error)}
        </p>
      )}
    </fieldset>
  )
}
