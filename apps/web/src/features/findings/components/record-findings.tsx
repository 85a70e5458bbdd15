import type { Finding, FindingEntity } from '@seloste/schema'
import { useTranslation } from 'react-i18next'
import { useFindings } from '../api/get-findings'
import { isKnownCheck } from '../lib/checks'
import { SeverityBadge } from './severity-badge'

interface Props {
  type: FindingEntity['type']
  id: number
  /** Where the list stands: a record header says when the checks could not be read; a table cell stays quiet. */
  sayWhenUnknown?: boolean
  className?: string
}

const ORDER = { high: 0, medium: 1, low: 2 } as const

/**
 * The open findings of one record, shown where the record is (a transfer row, a DPA card, an
 * activity's header), most serious first. Nothing while they load; when they cannot be read, a
 * header says so rather than looking clean.
 */
export function RecordFindings({ type, id, sayWhenUnknown = false, className }: Props) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'fi' ? 'fi' : 'en'
  const findings = useFindings()
  if (findings.isError && !findings.data) {
    return sayWhenUnknown ? <p className={`record-findings-unknown muted small ${className ?? ''}`}>{t('findings.here.unknown')}</p> : null
  }
  const list: Finding[] = (findings.data?.open ?? [])
    .filter((f) => f.entity.type === type && f.entity.id === id)
    .sort((a, b) => ORDER[a.severity] - ORDER[b.severity])
  if (list.length === 0) return null
  return (
    <ul className={`record-findings ${className ?? ''}`} aria-label={t('findings.here.label', { count: list.length })}>
      {list.map((f) => (
        <li key={f.key} className={`record-finding record-finding-${f.severity}`} data-check={f.checkId}>
          <SeverityBadge severity={f.severity} />
          <span className="record-finding-text">
            {isKnownCheck(f.checkId) && <span className="record-finding-check">{t(`checks.${f.checkId}`)}: </span>}
            {f.message[lang]}
          </span>
        </li>
      ))}
    </ul>
  )
}
