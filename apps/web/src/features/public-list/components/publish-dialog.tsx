import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../../../components/ui/confirm-dialog'

export function localToday(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

interface Props {
  open: boolean
  nextVersion: number
  /** The latest version's date: a new version cannot be dated before it. */
  minDate: string | undefined
  busy: boolean
  /** A problem with the date (the API's 400), shown beside the input. */
  dateError: string | null
  error: string | null
  onConfirm: (date: string) => void
  onCancel: () => void
}

/** "Publish version N?" with the version's date (today by default); Enter in the date field publishes too. */
export function PublishDialog({ open, nextVersion, minDate, busy, dateError, error, onConfirm, onCancel }: Props) {
  const { t } = useTranslation()
  const id = useId()
  const [date, setDate] = useState(localToday)
  useEffect(() => {
    if (open) setDate(localToday())
  }, [open])

  return (
    <ConfirmDialog
      open={open}
      title={t('publicList.publish.title', { version: nextVersion })}
      confirmLabel={t('publicList.publish.confirm', { version: nextVersion })}
      busy={busy}
      error={error}
      onCancel={onCancel}
      onConfirm={() => onConfirm(date)}
    >
      <form
        className="publish-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          if (!busy) onConfirm(date)
        }}
      >
        <p>{t('publicList.publish.text', { version: nextVersion })}</p>
        <div className={`field ${dateError ? 'field-invalid' : ''}`}>
          <label htmlFor={`${id}-date`} className="field-label">
            {t('publicList.publish.date')}
          </label>
          <p id={`${id}-hint`} className="field-hint">
            {t('publicList.publish.dateHint')}
          </p>
          <input
            id={`${id}-date`}
            type="date"
            className="input input-date"
            value={date}
            min={minDate}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={`${id}-hint${dateError ? ` ${id}-error` : ''}`}
            onChange={(e) => setDate(e.target.value)}
          />
          {dateError && (
            <p id={`${id}-error`} className="field-error">
              {dateError}
            </p>
          )}
        </div>
      </form>
    </ConfirmDialog>
  )
}
