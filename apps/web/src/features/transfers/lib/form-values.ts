import { findAdequacyDecision, type Derogation, type Safeguard, type TiaStatus, type Transfer, type TransferKind } from '@seloste/schema'
import type { TFunction } from 'i18next'
import type { Formatters } from '../../../lib/format'

export interface TransferFormValues {
  country: string
  kind: TransferKind
  /** '' until chosen: outside the EEA the user must pick one deliberately. */
  safeguard: Safeguard | ''
  adequacyDecisionId: string
  dpfListingUrl: string
  dpfVerifiedOn: string
  certifiedEntity: string
  sccModule: number | null
  derogation: Derogation | null
  otherSafeguard: string
  tiaStatus: TiaStatus
  tiaUrl: string
  notes: string
  version?: number
}

export const TRANSFER_FORM_PATHS = [
  'country',
  'kind',
  'safeguard',
  'adequacyDecisionId',
  'dpfListingUrl',
  'dpfVerifiedOn',
  'certifiedEntity',
  'sccModule',
  'derogation',
  'otherSafeguard',
  'tiaStatus',
  'tiaUrl',
  'notes',
] as const
export type TransferFormPath = (typeof TRANSFER_FORM_PATHS)[number]

export function emptyTransferValues(): TransferFormValues {
  return {
    country: '',
    kind: 'storage',
    safeguard: '',
    adequacyDecisionId: '',
    dpfListingUrl: '',
    dpfVerifiedOn: '',
    certifiedEntity: '',
    sccModule: null,
    derogation: null,
    otherSafeguard: '',
    tiaStatus: 'unknown',
    tiaUrl: '',
    notes: '',
  }
}

export function transferToFormValues(t: Transfer): TransferFormValues {
  return {
    country: t.country,
    kind: t.kind,
    safeguard: t.safeguard,
    adequacyDecisionId: t.adequacyDecisionId ?? '',
    dpfListingUrl: t.dpfListingUrl ?? '',
    dpfVerifiedOn: t.dpfVerifiedOn ?? '',
    certifiedEntity: t.certifiedEntity ?? '',
    sccModule: t.sccModule,
    derogation: t.derogation,
    otherSafeguard: t.otherSafeguard ?? '',
    tiaStatus: t.tiaStatus,
    tiaUrl: t.tiaUrl ?? '',
    notes: t.notes ?? '',
    version: t.version,
  }
}

export function transferFieldLabel(t: TFunction, path: string): string {
  return (TRANSFER_FORM_PATHS as readonly string[]).includes(path) ? t(`transfers.fields.${path as TransferFormPath}`) : path
}

/** Readable text per field, for the conflict comparison. Fields that do not apply to the safeguard read as empty. */
export function describeTransferValues(v: TransferFormValues, t: TFunction, format: Formatters): Record<TransferFormPath, string> {
  const s = v.safeguard
  return {
    country: format.country(v.country),
    kind: t(`enums.transferKind.${v.kind}`),
    safeguard: s ? t(`enums.safeguard.${s}`) : '',
    adequacyDecisionId:
      s === 'adequacy' && v.adequacyDecisionId
        ? (findAdequacyDecision(v.adequacyDecisionId)?.decision ??
          findAdequacyDecision(v.adequacyDecisionId)?.adoptedOn ??
          v.adequacyDecisionId)
        : '',
    dpfListingUrl: s === 'dpf' ? v.dpfListingUrl.trim() : '',
    dpfVerifiedOn: s === 'dpf' ? format.date(v.dpfVerifiedOn) : '',
    certifiedEntity: s === 'dpf' ? v.certifiedEntity.trim() : '',
    sccModule: s === 'scc' && v.sccModule ? t(`enums.sccModule.${v.sccModule as 1 | 2 | 3 | 4}`) : '',
    derogation: s === 'derogation_art49' && v.derogation ? t(`enums.derogation.${v.derogation}`) : '',
    otherSafeguard: s === 'other_art46' ? v.otherSafeguard.trim() : '',
    tiaStatus: t(`enums.tiaStatus.${v.tiaStatus}`),
    tiaUrl: v.tiaUrl.trim(),
    notes: v.notes.trim(),
  }
}
