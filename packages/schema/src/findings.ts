import { z } from 'zod'
import { LocalizedText } from './common'
import { MESSAGES } from './messages'

/** How urgently a finding needs attention. */
export const Severity = z.enum(['high', 'medium', 'low'])
export type Severity = z.infer<typeof Severity>

export const FindingEntity = z.object({
  type: z.enum(['processor', 'transfer', 'dpa', 'activity', 'public_list', 'organisation']),
  id: z.number().int().nullable(),
  /** The record's name in each language (a transfer: "processor – country"). */
  name: LocalizedText,
})
export type FindingEntity = z.infer<typeof FindingEntity>

export const Acknowledgement = z.object({
  id: z.number().int(),
  reason: z.string(),
  expiresOn: z.string(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string(),
})
export type Acknowledgement = z.infer<typeof Acknowledgement>

export const Finding = z
  .object({
    /** Stable while the problem lasts: check, record and detail, e.g. "dpf-not-verified:transfer:12". */
    key: z.string(),
    checkId: z.string(),
    severity: Severity,
    entity: FindingEntity,
    message: LocalizedText,
    /** Where in the dashboard the problem is fixed. */
    link: z.string(),
    acknowledgement: Acknowledgement.nullable(),
  })
  .meta({ id: 'Finding' })
export type Finding = z.infer<typeof Finding>

export const SeverityCounts = z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int() })
export type SeverityCounts = z.infer<typeof SeverityCounts>

export const FindingsResponse = z
  .object({ open: z.array(Finding), acknowledged: z.array(Finding), counts: SeverityCounts })
  .meta({ id: 'Findings' })
export type FindingsResponse = z.infer<typeof FindingsResponse>

export const FindingsQuery = z.object({
  severity: Severity.optional(),
  checkId: z.string().max(100).optional(),
  entityType: FindingEntity.shape.type.optional(),
})

export const AcknowledgeInput = z
  .strictObject({
    findingKey: z.string().min(1).max(300),
    reason: z.string().trim().min(3, MESSAGES.risk_reason_missing).max(2000),
    expiresOn: z.iso.date({ message: MESSAGES.date }),
  })
  .meta({ id: 'AcknowledgeInput' })
export type AcknowledgeInput = z.input<typeof AcknowledgeInput>

export const DeadlineKind = z.enum(['dpa_review', 'dpa_expiry', 'dpf_reverification', 'activity_review'])
export type DeadlineKind = z.infer<typeof DeadlineKind>

export const Deadline = z
  .object({ date: z.string(), kind: DeadlineKind, entity: FindingEntity, title: LocalizedText, link: z.string() })
  .meta({ id: 'Deadline' })
export type Deadline = z.infer<typeof Deadline>

export const TrendPoint = z
  .object({ date: z.string(), high: z.number().int(), medium: z.number().int(), low: z.number().int() })
  .meta({ id: 'TrendPoint' })
export type TrendPoint = z.infer<typeof TrendPoint>
