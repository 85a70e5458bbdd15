import { CHECKLIST_POINTS, type ChecklistPoint, type ChecklistStatus, type Dpa, type DpaStatus } from '@seloste/schema'
import type { TFunction } from 'i18next'
import type { Formatters } from '../../../lib/format'

export interface DpaFormValues {
  status: DpaStatus
  notRequiredReason: string
  signedOn: string
  validUntil: string
  nextReviewOn: string
  reference: string
  documentUrl: string
  checklist: Record<ChecklistPoint, { status: ChecklistStatus; clause: string }>
  version?: number
}

export const DPA_FORM_PATHS = [
  'status',
  'notRequiredReason',
  'signedOn',
  'validUntil',
  'nextReviewOn',
  'reference',
  'documentUrl',
  ...CHECKLIST_POINTS.flatMap((p) => [`checklist.${p}.status`, `checklist.${p}.clause`] as const),
] as const

export function emptyDpaValues(): DpaFormValues {
  return {
    status: 'signed',
    notRequiredReason: '',
    signedOn: '',
    validUntil: '',
    nextReviewOn: '',
    reference: '',
    documentUrl: '',
    checklist: Object.fromEntries(CHECKLIST_POINTS.map((p) => [p, { status: 'unknown', clause: '' }])) as DpaFormValues['checklist'],
  }
}

export function dpaToFormValues(d: Dpa): DpaFormValues {
  return {
    status: d.status,
    notRequiredReason: d.notRequiredReason ?? '',
    signedOn: d.signedOn ?? '',
    validUntil: d.validUntil ?? '',
    nextReviewOn: d.nextReviewOn ?? '',
    reference: d.reference ?? '',
    documentUrl: d.documentUrl ?? '',
    checklist: Object.fromEntries(
      CHECKLIST_POINTS.map((p) => [p, { status: d.checklist[p].status, clause: d.checklist[p].clause ?? '' }]),
    ) as DpaFormValues['checklist'],
    version: d.version,
  }
}

export function dpaFieldLabel(t: TFunction, path: string): string {
  const m = /^checklist\.([a-h])\.(status|clause)$/.exec(path)
  if (m) return t(m[2] === 'status' ? 'dpas.checklist.statusOf' : 'dpas.checklist.clauseOf', { point: m[1] })
  switch (path) {
    case 'status':
    case 'notRequiredReason':
    case 'signedOn':
    case 'validUntil':
    case 'nextReviewOn':
    case 'reference':
    case 'documentUrl':
      return t(`dpas.fields.${path}`)
    default:
      return path
  }
}

export function describeDpaValues(v: DpaFormValues, t: TFunction, format: Formatters): Record<string, string> {
  const out: Record<string, string> = {
    status: t(`enums.dpaStatus.${v.status}`),
    notRequiredReason: v.notRequiredReason.trim(),
    signedOn: format.date(v.signedOn),
    validUntil: format.date(v.validUntil),
    nextReviewOn: format.date(v.nextReviewOn),
    reference: v.reference.trim(),
    documentUrl: v.documentUrl.trim(),
  }
  for (const p of CHECKLIST_POINTS) {
    out[`checklist.${p}.status`] = t(`enums.checklistStatus.${v.checklist[p].status}`)
    out[`checklist.${p}.clause`] = v.checklist[p].clause.trim()
  }
  return out
}
