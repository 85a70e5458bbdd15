import { z } from 'zod'
import { LocalizedText } from './common'
import { MESSAGES } from './messages'

/** The area a compliance check belongs to, for grouping the dashboard's check filter. */
export type CheckCategory = 'transfers' | 'agreements' | 'publicList' | 'records'

/**
 * Every compliance check the API runs (apps/api/src/findings/checks.ts, whose findings take only
 * these ids), by area. The dashboard's labels are keyed by them (locales: `checks.<id>`).
 */
export const CHECKS_BY_CATEGORY = {
  transfers: [
    'transfer-no-safeguard',
    'transfer-safeguard-not-applicable',
    'transfer-scc-no-module',
    'transfer-scc-no-tia',
    'dpf-not-verified',
    'dpf-verification-stale',
    'foreign-hq-eea-locations',
    'adequacy-decision-ending',
    'adequacy-decision-ended',
    'reference-data-stale',
    'transfer-scc-module-mismatch',
    'transfer-art46-no-tia',
    'transfer-art49-systematic',
    'dpf-no-certified-entity',
    'dpf-home-country-unknown',
    'vendor-facts-changed',
    'location-not-recorded',
  ],
  agreements: [
    'dpa-missing',
    'dpa-not-signed',
    'dpa-expired',
    'dpa-expiring',
    'dpa-review-overdue',
    'dpa-review-due',
    'dpa-checklist-not-covered',
    'dpa-checklist-unknown',
    'dpa-no-document',
  ],
  publicList: ['retired-processor-in-use', 'used-not-public', 'public-not-used', 'public-list-outdated'],
  records: [
    'activity-no-legal-basis',
    'activity-no-retention',
    'activity-no-data-categories',
    'legitimate-interest-no-assessment',
    'special-categories-no-art9',
    'organisation-dpo-unrecorded',
    'organisation-representative-unrecorded',
    'organisation-joint-controllers-unrecorded',
    'tracking-without-consent',
    'tracking-consent-bundled',
    'email-marketing-no-processor',
    'activity-right-missing',
    'international-organisation-unrecorded',
  ],
} as const satisfies Record<CheckCategory, readonly string[]>

export type CheckId = (typeof CHECKS_BY_CATEGORY)[CheckCategory][number]
export const CHECK_IDS: readonly CheckId[] = Object.values(CHECKS_BY_CATEGORY).flat()

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
