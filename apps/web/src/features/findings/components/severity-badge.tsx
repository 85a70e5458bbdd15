import type { Severity } from '@seloste/schema'
import { useTranslation } from 'react-i18next'
import { Badge, type Tone } from '../../../components/ui/badge'

export const SEVERITY_TONE: Record<Severity, Tone> = { high: 'danger', medium: 'warning', low: 'info' }

/** "High" on screen; "Severity: high" to a screen reader, which hears the badge out of its visual context. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation()
  return (
    <Badge tone={SEVERITY_TONE[severity]}>
      <span aria-hidden="true">{t(`findings.severity.${severity}`)}</span>
      <span className="visually-hidden">{t('findings.severityLabel', { severity: t(`findings.severityLower.${severity}`) })}</span>
    </Badge>
  )
}
