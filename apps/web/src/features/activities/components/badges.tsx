import { DPIA_STATUS_LABELS, LEGAL_BASIS_LABELS, type ActivityStatus, type DpiaStatus, type LegalBasis } from '@seloste/schema'
import { useTranslation } from 'react-i18next'
import { Badge, type Tone } from '../../../components/ui/badge'
import { useLang } from '../lib/text'

const STATUS_TONE: Record<ActivityStatus, Tone> = { draft: 'warning', approved: 'success' }

export function ActivityStatusBadge({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation()
  return <Badge tone={STATUS_TONE[status]}>{t(`activities.status.${status}`)}</Badge>
}

const DPIA_TONE: Record<DpiaStatus, Tone> = {
  not_needed: 'neutral',
  required: 'danger',
  in_progress: 'warning',
  done: 'success',
  unknown: 'warning',
}

export function DpiaStatusBadge({ status }: { status: DpiaStatus }) {
  const lang = useLang()
  return <Badge tone={DPIA_TONE[status]}>{DPIA_STATUS_LABELS[status][lang]}</Badge>
}

/** A short badge ("Contract") whose full name with the article ("Contract (Art. 6(1)(b))") is read by screen readers and shown on hover. */
export function LegalBasisBadge({ basis }: { basis: LegalBasis }) {
  const { t } = useTranslation()
  const lang = useLang()
  const full = LEGAL_BASIS_LABELS[basis][lang]
  return (
    <span className="badge badge-info" title={full}>
      <span aria-hidden="true">{t(`activities.legalBasisShort.${basis}`)}</span>
      <span className="visually-hidden">{full}</span>
    </span>
  )
}
