import type { Finding } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { buttonClass, Button } from '../../../components/ui/button'
import { useFormat } from '../../../lib/format'
import { isDashboardPath, isKnownCheck } from '../lib/checks'
import { recordName } from '../lib/record-name'
import { SeverityBadge } from './severity-badge'

interface Props {
  finding: Finding
  canEdit: boolean
  onAcknowledge: (f: Finding) => void
  onRevoke: (f: Finding) => void
}

/** One finding: how serious, what is wrong (in the UI language), which record, and the way to fix it. */
export function FindingItem({ finding: f, canEdit, onAcknowledge, onRevoke }: Props) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const lang = i18n.language === 'fi' ? 'fi' : 'en'
  const message = f.message[lang]
  const ack = f.acknowledgement
  const record = recordName(f.entity, lang)
  return (
    <li className={`finding finding-${f.severity}`} data-finding-key={f.key} data-check={f.checkId}>
      <div className="finding-main">
        <div className="finding-meta">
          <SeverityBadge severity={f.severity} />
          <span className="finding-check">{isKnownCheck(f.checkId) ? t(`checks.${f.checkId}`) : f.checkId}</span>
        </div>
        <p className="finding-message">{message}</p>
        <p className="finding-record">
          <span className="finding-record-type">
            {t(`findings.entity.${f.entity.type}`)}
            {record && ':'}
          </span>
          {record && ` ${record}`}
        </p>
        {ack && (
          <div className="finding-ack">
            <p>
              {t('findings.ack.until', { date: format.date(ack.expiresOn) })}
              {' · '}
              {t('findings.ack.by', { who: ack.acknowledgedBy ?? t('findings.ack.unknownUser'), date: format.date(ack.acknowledgedAt) })}
            </p>
            <p className="finding-ack-reason">
              <span className="finding-record-type">{t('findings.ack.reason')}:</span> <span className="prewrap">{ack.reason}</span>
            </p>
          </div>
        )}
      </div>
      <div className="finding-actions">
        {isDashboardPath(f.link) && (
          // Named with the finding (the visible word first), as every row has the same buttons.
          <Link to={f.link} className={buttonClass(ack ? 'secondary' : 'primary', 'sm')} aria-label={`${t('findings.fix')}: ${message}`}>
            {t('findings.fix')}
          </Link>
        )}
        {canEdit && !ack && (
          <Button size="sm" variant="ghost" onClick={() => onAcknowledge(f)} aria-label={`${t('findings.acknowledge')}: ${message}`}>
            {t('findings.acknowledge')}
          </Button>
        )}
        {canEdit && ack && (
          <Button
            size="sm"
            variant="ghost"
            className="text-danger"
            onClick={() => onRevoke(f)}
            aria-label={`${t('findings.revoke')}: ${message}`}
          >
            {t('findings.revoke')}
          </Button>
        )}
      </div>
    </li>
  )
}
