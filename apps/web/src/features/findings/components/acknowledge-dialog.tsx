import type { FieldError, Finding, MessageCode } from '@seloste/schema'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../../components/ui/alert'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { isApiError } from '../../../lib/api-client'
import { useErrorText } from '../../../lib/error-text'
import { useFormat } from '../../../lib/format'
import { apiText } from '../../../lib/api-messages'
import { useAcknowledgeFinding } from '../api/acknowledge-finding'
import { addDaysLocal, addMonthsLocal, todayLocal } from '../lib/dates'
import { SeverityBadge } from './severity-badge'

/** The API's English messages for this form, said in the UI language (compliance strings). */
/** The API's messages about an acceptance, by their code, in this dialog's own words. */
const ACK_WORDS = {
  risk_reason_missing: 'findings.ack.errors.reasonShort',
  date_in_past: 'findings.ack.errors.past',
  acceptance_too_long: 'findings.ack.errors.tooFar',
  finding_not_open: 'findings.ack.errors.gone',
} as const satisfies Partial<Record<MessageCode, string>>

function isAckCode(code: MessageCode | undefined): code is keyof typeof ACK_WORDS {
  return code !== undefined && Object.hasOwn(ACK_WORDS, code)
}

type Fields = 'reason' | 'expiresOn'
type Errors = Partial<Record<Fields, string>>

interface Props {
  finding: Finding | null
  onClose: () => void
  onDone: (finding: Finding, expiresOn: string) => void
}

/** Accept a finding's risk until a date, with a reason. Reason required; expiry by default in 90 days, at most two years. */
export function AcknowledgeDialog({ finding, onClose, onDone }: Props) {
  const { t } = useTranslation()
  const acknowledge = useAcknowledgeFinding()
  return (
    <Dialog open={finding !== null} onClose={onClose} title={t('findings.ack.title')} dismissable={!acknowledge.isPending}>
      {finding && <AcknowledgeForm key={finding.key} finding={finding} onCancel={onClose} onDone={onDone} mutation={acknowledge} />}
    </Dialog>
  )
}

function AcknowledgeForm({
  finding,
  onCancel,
  onDone,
  mutation,
}: {
  finding: Finding
  onCancel: () => void
  onDone: Props['onDone']
  mutation: ReturnType<typeof useAcknowledgeFinding>
}) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const errorText = useErrorText()
  const id = useId()
  const lang = i18n.language === 'fi' ? 'fi' : 'en'
  const today = todayLocal()
  const max = addMonthsLocal(today, 24)
  const [reason, setReason] = useState('')
  const [expiresOn, setExpiresOn] = useState(addDaysLocal(today, 90))
  const [errors, setErrors] = useState<Errors>({})
  const [general, setGeneral] = useState<string | null>(null)

  const fieldText = (f: FieldError) => (isAckCode(f.messageCode) ? t(ACK_WORDS[f.messageCode]) : apiText(f))

  const validate = (): Errors => {
    const out: Errors = {}
    if (!reason.trim()) out.reason = t('findings.ack.errors.reasonRequired')
    else if (reason.trim().length < 3) out.reason = t('findings.ack.errors.reasonShort')
    if (!expiresOn) out.expiresOn = t('findings.ack.errors.dateRequired')
    else if (expiresOn < today) out.expiresOn = t('findings.ack.errors.past')
    else if (expiresOn > max) out.expiresOn = t('findings.ack.errors.tooFar')
    return out
  }

  const focusFirst = (errs: Errors) => {
    const first = (['reason', 'expiresOn'] as const).find((f) => errs[f])
    if (first) requestAnimationFrame(() => document.getElementById(`${id}-${first}`)?.focus())
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setGeneral(null)
    const errs = validate()
    setErrors(errs)
    if (Object.keys(errs).length) return focusFirst(errs)
    mutation.mutate(
      { findingKey: finding.key, reason: reason.trim(), expiresOn },
      {
        onSuccess: (ack) => onDone(finding, ack.expiresOn),
        onError: (error) => {
          if (isApiError(error) && error.code === 'validation_failed' && error.fields.length) {
            const next: Errors = {}
            const other: string[] = []
            for (const f of error.fields) {
              if (f.path === 'reason' || f.path === 'expiresOn') next[f.path] ??= fieldText(f)
              else other.push(fieldText(f))
            }
            setErrors(next)
            if (other.length) setGeneral(other.join(' '))
            focusFirst(next)
          } else {
            setGeneral(errorText(error))
          }
        },
      },
    )
  }

  const described = (field: Fields, hint?: boolean) =>
    [errors[field] ? `${id}-${field}-error` : '', hint ? `${id}-${field}-hint` : ''].filter(Boolean).join(' ') || undefined

  return (
    <form className="form form-dialog" onSubmit={submit} noValidate>
      <div className="ack-finding">
        <SeverityBadge severity={finding.severity} />
        <p>{finding.message[lang]}</p>
      </div>
      <p className="small muted">{t('findings.ack.intro')}</p>
      <div className={`field ${errors.reason ? 'field-invalid' : ''}`}>
        <label htmlFor={`${id}-reason`} className="field-label">
          {t('findings.ack.reason')}
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
          <span className="visually-hidden"> ({t('common.required')})</span>
        </label>
        <p id={`${id}-reason-hint`} className="field-hint">
          {t('findings.ack.reasonHint')}
        </p>
        <textarea
          id={`${id}-reason`}
          className="textarea"
          rows={3}
          value={reason}
          maxLength={2000}
          onChange={(e) => setReason(e.target.value)}
          aria-required="true"
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={described('reason', true)}
        />
        {errors.reason && (
          <p id={`${id}-reason-error`} className="field-error">
            {errors.reason}
          </p>
        )}
      </div>
      <div className={`field ${errors.expiresOn ? 'field-invalid' : ''}`}>
        <label htmlFor={`${id}-expiresOn`} className="field-label">
          {t('findings.ack.expiresOn')}
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
          <span className="visually-hidden"> ({t('common.required')})</span>
        </label>
        <p id={`${id}-expiresOn-hint`} className="field-hint">
          {t('findings.ack.expiresOnHint', { max: format.date(max) })}
        </p>
        <input
          id={`${id}-expiresOn`}
          type="date"
          className="input input-date"
          value={expiresOn}
          min={today}
          max={max}
          onChange={(e) => setExpiresOn(e.target.value)}
          aria-required="true"
          aria-invalid={errors.expiresOn ? true : undefined}
          aria-describedby={described('expiresOn', true)}
        />
        {errors.expiresOn && (
          <p id={`${id}-expiresOn-error`} className="field-error">
            {errors.expiresOn}
          </p>
        )}
      </div>
      {general && (
        <Alert tone="danger" role="alert">
          {general}
        </Alert>
      )}
      <div className="form-footer">
        <Button onClick={onCancel} disabled={mutation.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {t('findings.ack.submit')}
        </Button>
      </div>
    </form>
  )
}
