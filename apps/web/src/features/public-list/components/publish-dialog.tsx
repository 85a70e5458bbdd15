import { useId, useState } from 'react'
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
  /** Listed entries with no recorded location: the list will say so, and the editor must confirm having read it. */
  unlocated?: readonly string[]
  onConfirm: (date: string, confirmUnknownLocations: boolean) => void
  onCancel: () => void
}

/** "Publish version N?" with the version's date (today by default); Enter in the date field publishes too. */
export function PublishDialog({ open, nextVersion, minDate, busy, dateError, error, unlocated = [], onConfirm, onCancel }: Props) {
  const { t } = useTranslation()
  const id = useId()
  const [date, setDate] = useState(localToday)
  const [confirmed, setConfirmed] = useState(false)
  const [confirmError, setConfirmError] = useState(false)
  // Each opening starts afresh (reset while rendering when `open` turns true: no effect needed).
  const [wasOpen, setWasOpen] = useState(open)
  if (wasOpen !== open) {
    setWasOpen(open)
    if (open) {
      setDate(localToday())
      setConfirmed(false)
      setConfirmError(false)
    }
  }
  // Blocking: with unknown locations nothing is sent until the editor has ticked the box.
  const submit = () => {
    if (unlocated.length > 0 && !confirmed) {
      setConfirmError(true)
      return
    }
    onConfirm(date, unlocated.length > 0)
  }

  return (
    <ConfirmDialog
      open={open}
      title={t('publicList.publish.title', { version: nextVersion })}
      confirmLabel={t('publicList.publish.confirm', { version: nextVersion })}
      busy={busy}
      error={error}
      onCancel={onCancel}
      onConfirm={submit}
    >
      <form
        className="publish-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          if (!busy) submit()
        }}
      >
        <p>{t('publicList.publish.text', { version: nextVersion })}</p>
        {unlocated.length > 0 && (
          <div className="alert alert-warning" role="alert">
            <p>
              <strong>{t('publicList.publish.unlocatedTitle', { count: unlocated.length })}</strong>
            </p>
            <p>{t('publicList.publish.unlocatedText', { names: unlocated.join(', ') })}</p>
            <div className={`field field-checkbox ${confirmError ? 'field-invalid' : ''}`}>
              <label htmlFor={`${id}-unlocated`}>
                <input
                  id={`${id}-unlocated`}
                  type="checkbox"
                  checked={confirmed}
                  aria-invalid={confirmError ? true : undefined}
                  aria-describedby={confirmError ? `${id}-unlocated-error` : undefined}
                  onChange={(e) => {
                    setConfirmed(e.target.checked)
                    setConfirmError(false)
                  }}
                />{' '}
                {t('publicList.publish.unlocatedConfirm')}
              </label>
              {confirmError && (
                <p id={`${id}-unlocated-error`} className="field-error">
                  {t('publicList.publish.unlocatedRequired')}
                </p>
              )}
            </div>
          </div>
        )}
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
