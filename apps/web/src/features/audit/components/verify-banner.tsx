import { useTranslation } from 'react-i18next'
import { Alert } from '../../../components/ui/alert'
import { Button } from '../../../components/ui/button'
import { useAuditVerification } from '../api/verify-audit'

const REASONS: Record<string, 'missing' | 'link' | 'altered'> = {
  'an event is missing': 'missing',
  'the link to the previous event does not match': 'link',
  'the event was altered': 'altered',
}

/** The server's check of the whole hash chain: intact (with the head hash to compare), or where it breaks. */
export function VerifyBanner() {
  const { t } = useTranslation()
  const verification = useAuditVerification()

  if (verification.isPending) {
    return (
      <Alert tone="info" className="verify-banner">
        <p>{t('audit.verify.checking')}</p>
      </Alert>
    )
  }
  if (verification.isError) {
    return (
      <Alert
        tone="warning"
        className="verify-banner"
        actions={
          <Button size="sm" onClick={() => void verification.refetch()}>
            {t('common.retry')}
          </Button>
        }
      >
        <p>{t('audit.verify.failed')}</p>
      </Alert>
    )
  }
  const v = verification.data
  if (v.intact) {
    const hash = v.headHash ?? ''
    return (
      <Alert tone="success" className="verify-banner">
        <p className="verify-line">
          <span aria-hidden="true" className="verify-icon">
            ✓
          </span>{' '}
          <strong>{t('audit.verify.intact', { count: v.events, hash: hash.slice(0, 12) })}</strong>
        </p>
        <p className="small">{t('audit.verify.intactHint')}</p>
        {hash && (
          <details className="verify-hash">
            <summary>{t('audit.verify.fullHash')}</summary>
            <code>{hash}</code>
          </details>
        )}
      </Alert>
    )
  }
  const seq = v.brokenAt ?? 0
  const reasonKey = v.reason ? REASONS[v.reason] : undefined
  const reason = reasonKey ? t(`audit.verify.reasons.${reasonKey}`) : (v.reason ?? '')
  return (
    <Alert tone="danger" role="alert" className="verify-banner" title={t('audit.verify.brokenTitle', { seq })}>
      <p>{t('audit.verify.brokenText', { seq, reason })}</p>
    </Alert>
  )
}
