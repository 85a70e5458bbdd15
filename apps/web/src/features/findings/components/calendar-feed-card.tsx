import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../../components/ui/alert'
import { Button } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { ConfirmDialog } from '../../../components/ui/confirm-dialog'
import { Skeleton } from '../../../components/ui/skeleton'
import { useErrorText } from '../../../lib/error-text'
import { useFormat } from '../../../lib/format'
import { useCalendarToken } from '../api/get-calendar-token'
import { useCreateCalendarToken } from '../api/create-calendar-token'

/**
 * The deadlines as an iCalendar feed for Google Calendar or Outlook. The secret URL is shown once,
 * right after it is made; later only when it was made. A new URL replaces the old one.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation()
  const format = useFormat()
  const errorText = useErrorText()
  const id = useId()
  const token = useCalendarToken()
  const create = useCreateCalendarToken()
  const [url, setUrl] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)

  const exists = !!token.data?.createdAt
  const make = () =>
    create.mutate(undefined, {
      onSuccess: (res) => {
        setUrl(res.url)
        setCopied(null)
        setConfirming(false)
        // The URL is what the user came for: put the focus on it, selected for copying.
        requestAnimationFrame(() => inputRef.current?.select())
      },
    })

  const copy = async () => {
    if (!url) return
    try {
      await navigator.clipboard.writeText(url)
      setCopied('yes')
    } catch {
      inputRef.current?.select()
      setCopied('failed')
    }
  }

  return (
    <Card title={t('calendarFeed.title')} description={t('calendarFeed.description')} className="calendar-card">
      <div className="calendar-body">
        <p className="small">{t('calendarFeed.howTo')}</p>
        {token.isPending ? (
          <Skeleton width="60%" />
        ) : url ? (
          <div className="field">
            <label htmlFor={`${id}-url`} className="field-label">
              {t('calendarFeed.urlLabel')}
            </label>
            <p id={`${id}-hint`} className="field-hint">
              {t('calendarFeed.urlHint')}
            </p>
            <div className="copy-row">
              <input
                ref={inputRef}
                id={`${id}-url`}
                className="input mono"
                readOnly
                value={url}
                aria-describedby={`${id}-hint`}
                onFocus={(e) => e.currentTarget.select()}
              />
              <Button onClick={() => void copy()}>{t('calendarFeed.copy')}</Button>
            </div>
            <p className="small muted" role="status">
              {copied === 'yes' ? t('calendarFeed.copied') : copied === 'failed' ? t('calendarFeed.copyFailed') : ''}
            </p>
          </div>
        ) : exists ? (
          <p className="small muted">{t('calendarFeed.exists', { date: format.dateTime(token.data?.createdAt) })}</p>
        ) : (
          <p className="small muted">{t('calendarFeed.none')}</p>
        )}
        {create.isError && (
          <Alert tone="danger" role="alert">
            {errorText(create.error)}
          </Alert>
        )}
        <div>
          <Button
            variant={exists || url ? 'secondary' : 'primary'}
            size="sm"
            busy={create.isPending && !confirming}
            onClick={() => (exists || url ? setConfirming(true) : make())}
            disabled={token.isPending}
          >
            {exists || url ? t('calendarFeed.regenerate') : t('calendarFeed.create')}
          </Button>
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('calendarFeed.regenerateTitle')}
        confirmLabel={t('calendarFeed.regenerateConfirm')}
        onConfirm={make}
        onCancel={() => setConfirming(false)}
        busy={create.isPending}
        danger
      >
        <p>{t('calendarFeed.regenerateText')}</p>
      </ConfirmDialog>
    </Card>
  )
}
