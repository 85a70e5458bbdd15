import { isInEea, type Dpa, type DpaDocument, type Transfer } from '@seloste/schema'
import type { dpas, processors, transfers } from '../db/schema'
import type { ProcessorRecord } from '../exports/snapshot'
import { catalogueLinkOf } from './catalogue-store'

type ProcessorRow = typeof processors.$inferSelect
type TransferRow = typeof transfers.$inferSelect
type DpaRow = typeof dpas.$inferSelect

export function toTransfer(row: TransferRow): Transfer {
  return {
    id: row.id,
    processorId: row.processorId,
    country: row.country,
    outsideEea: !isInEea(row.country),
    kind: row.kind,
    safeguard: row.safeguard,
    adequacyDecisionId: row.adequacyDecisionId,
    dpfListingUrl: row.dpfListingUrl,
    dpfVerifiedOn: row.dpfVerifiedOn,
    certifiedEntity: row.certifiedEntity,
    sccModule: row.sccModule,
    derogation: row.derogation,
    otherSafeguard: row.otherSafeguard,
    tiaStatus: row.tiaStatus,
    tiaUrl: row.tiaUrl,
    notes: row.notes,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

export function toDpa(row: DpaRow, document: DpaDocument | null): Dpa {
  return {
    id: row.id,
    processorId: row.processorId,
    status: row.status,
    notRequiredReason: row.notRequiredReason,
    signedOn: row.signedOn,
    reference: row.reference,
    documentUrl: row.documentUrl,
    validUntil: row.validUntil,
    nextReviewOn: row.nextReviewOn,
    checklist: row.checklist,
    document,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

/** The processor's own fields in the API's shape (without its relations). */
export function processorFields(row: ProcessorRow) {
  return {
    id: row.id,
    displayName: row.displayName,
    displayNameEn: row.displayNameEn,
    legalName: row.legalName,
    role: row.role,
    service: { fi: row.serviceFi, en: row.serviceEn },
    purpose: { fi: row.purposeFi, en: row.purposeEn },
    dataCategories: row.dataCategories,
    dataSubjectCategories: row.dataSubjectCategories,
    websiteUrl: row.websiteUrl,
    privacyPolicyUrl: row.privacyPolicyUrl,
    dpaUrl: row.dpaUrl,
    hqCountry: row.hqCountry,
    status: row.status,
    startDate: row.startDate,
    endDate: row.endDate,
    disclosureCondition: { fi: row.disclosureConditionFi, en: row.disclosureConditionEn },
    isPublic: row.isPublic,
    internalNotes: row.internalNotes,
    internationalOrganisationId: row.internationalOrganisationId,
    internationalOrganisationName: row.internationalOrganisationName,
    catalogue: catalogueLinkOf(row),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

/** A processor as the audit trail records it: its own fields, the parent it points to and its catalogue link (entry and version seen, nothing derived). */
export function processorRecord(row: ProcessorRow): ProcessorRecord {
  const { catalogue: _derived, ...fields } = processorFields(row)
  return {
    ...fields,
    parentId: row.parentId,
    ...(row.catalogueId && { catalogue: { entryId: row.catalogueId, version: row.catalogueVersion } }),
  }
}
