import type { ChecklistStatus, DpaStatus, ProcessorRole, ProcessorStatus, Safeguard, TiaStatus } from '@seloste/schema'
import { useTranslation } from 'react-i18next'
import { Badge, type Tone } from '../ui/badge'

const PROCESSOR_STATUS_TONE: Record<ProcessorStatus, Tone> = { active: 'success', planned: 'info', retired: 'neutral' }

export function ProcessorStatusBadge({ status }: { status: ProcessorStatus }) {
  const { t } = useTranslation()
  return <Badge tone={PROCESSOR_STATUS_TONE[status]}>{t(`enums.processorStatus.${status}`)}</Badge>
}

const DPA_STATUS_TONE: Record<DpaStatus, Tone> = {
  signed: 'success',
  in_negotiation: 'warning',
  missing: 'danger',
  not_required: 'neutral',
}

/**
 * The current agreement's status. No agreement at all is a gap (red) only where Art. 28(3) requires
 * one of its own (`required`, from the schema's dpaRequired): a sub-processor whose parent is recorded
 * gets its terms through the parent's agreement, and for recipients it is only a note.
 */
export function DpaStatusBadge({ status, role, required }: { status: DpaStatus | null; role?: ProcessorRole; required?: boolean }) {
  const { t } = useTranslation()
  if (status === null) {
    const gap = required ?? (role === undefined || role === 'processor')
    if (!gap && role === 'sub_processor') {
      return (
        <Badge tone="neutral" title={t('dpas.viaParentLong')}>
          {t('dpas.viaParent')}
        </Badge>
      )
    }
    return (
      <Badge tone={gap ? 'danger' : 'neutral'} title={t('dpas.noneRecorded')}>
        {t('dpas.noneShort')}
      </Badge>
    )
  }
  return <Badge tone={DPA_STATUS_TONE[status]}>{t(`enums.dpaStatus.${status}`)}</Badge>
}

const SAFEGUARD_TONE: Record<Safeguard, Tone> = {
  none_needed: 'neutral',
  adequacy: 'success',
  dpf: 'info',
  scc: 'info',
  bcr: 'info',
  other_art46: 'info',
  derogation_art49: 'warning',
  unknown: 'danger',
}

/** A short badge ("SCC") whose full name ("Standard contractual clauses") is read by screen readers and shown on hover. */
export function SafeguardBadge({ safeguard }: { safeguard: Safeguard }) {
  const { t } = useTranslation()
  const full = t(`enums.safeguard.${safeguard}`)
  return (
    <span className={`badge badge-${SAFEGUARD_TONE[safeguard]}`} title={full}>
      <span aria-hidden="true">{t(`enums.safeguardShort.${safeguard}`)}</span>
      <span className="visually-hidden">{full}</span>
    </span>
  )
}

const TIA_TONE: Record<TiaStatus, Tone> = {
  not_needed: 'neutral',
  required: 'warning',
  in_progress: 'warning',
  done: 'success',
  unknown: 'danger',
}

export function TiaStatusBadge({ status }: { status: TiaStatus }) {
  const { t } = useTranslation()
  return <Badge tone={TIA_TONE[status]}>{t(`enums.tiaStatus.${status}`)}</Badge>
}

const CHECKLIST_TONE: Record<ChecklistStatus, Tone> = { covered: 'success', not_covered: 'danger', unknown: 'warning' }

export function ChecklistStatusBadge({ status }: { status: ChecklistStatus }) {
  const { t } = useTranslation()
  return <Badge tone={CHECKLIST_TONE[status]}>{t(`enums.checklistStatus.${status}`)}</Badge>
}

export function VisibilityBadge({ isPublic }: { isPublic: boolean }) {
  const { t } = useTranslation()
  return (
    <Badge tone={isPublic ? 'info' : 'neutral'}>{isPublic ? t('processors.visibility.public') : t('processors.visibility.internal')}</Badge>
  )
}
