import { z } from 'zod'
import { isValidBusinessId } from './business-id'
import {
  CountryCodeSchema,
  Language,
  LocalizedText,
  VersionField,
  labelList,
  optionalCountry,
  optionalDate,
  optionalText,
  optionalUrl,
  requiredText,
  searchTerm,
} from './common'
import { findAdequacyDecision, INTERNATIONAL_ORGANISATIONS, isInEea } from './geo'
import { CatalogueLinkInfo } from './catalogue'
import { MESSAGES } from './messages'

// ---------------------------------------------------------------------------
// Organisation: the controller (GDPR Art. 4(7)) whose registry this is.
// ---------------------------------------------------------------------------

export const BusinessId = z.string().trim().refine(isValidBusinessId, { message: MESSAGES.business_id }).meta({
  description:
    'Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit. The check digit: multiply the digits by 7, 9, 10, 5, 8, 4, 2 and sum; a remainder (mod 11) of 0 gives 0, 1 is never issued, otherwise 11 minus the remainder.',
  example: '3235836-5',
  pattern: '^[0-9]{7}-[0-9]$',
})

const optionalEmail = z
  .union([z.email({ message: MESSAGES.email }).max(320), z.literal('')])
  .nullable()
  .transform((v) => (v === '' ? null : v))

const organisationFields = z.strictObject({
  name: requiredText(200),
  businessId: BusinessId,
  address: optionalText(500),
  privacyContactName: optionalText(200),
  privacyContactEmail: optionalEmail,
  defaultLanguage: Language,
  dpoAppointed: z.boolean().nullable().optional().meta({
    description: 'Whether a data protection officer is designated (GDPR Art. 37); null while not recorded',
  }),
  dpoName: optionalText(200).optional().meta({ description: 'With a DPO: their name or function (Art. 13(1)(b), 30(1)(a))' }),
  dpoEmail: optionalEmail.optional().meta({ description: 'With a DPO: how to reach them' }),
  representativeNeeded: z.boolean().nullable().optional().meta({
    description:
      'Whether the controller needs a representative in the Union (Art. 27): false when it is established in the Union, true when one is designated; null while not recorded',
  }),
  representative: optionalText(500).optional().meta({
    description: "With a representative (Art. 27): the representative's name (Art. 30(1)(a))",
  }),
  representativeContact: optionalText(500).optional().meta({ description: 'With a representative: their contact details' }),
  hasJointControllers: z.boolean().nullable().optional().meta({
    description: 'Whether the organisation determines purposes and means jointly with others (Art. 26); null while not recorded',
  }),
  jointControllers: optionalText(1000).optional().meta({ description: 'With joint controllers: their names and contact details' }),
})

/** Art. 37, 27 and 26: a DPO, a representative or joint controllers marked as present must be named. Checked on the merged record. */
export function checkOrganisationRules(o: Partial<z.output<typeof organisationFields>>, ctx: z.RefinementCtx): void {
  if (o.dpoAppointed === true && !o.dpoName && !o.dpoEmail) {
    ctx.addIssue({ code: 'custom', path: ['dpoName'], message: MESSAGES.dpo_unnamed })
  }
  if (o.representativeNeeded === true && !o.representative) {
    ctx.addIssue({ code: 'custom', path: ['representative'], message: MESSAGES.representative_unnamed })
  }
  if (o.representativeNeeded === true && !o.representativeContact) {
    ctx.addIssue({ code: 'custom', path: ['representativeContact'], message: MESSAGES.representative_no_contact })
  }
  if (o.hasJointControllers === true && !o.jointControllers) {
    ctx.addIssue({ code: 'custom', path: ['jointControllers'], message: MESSAGES.joint_controllers_unnamed })
  }
}

export const OrganisationInput = organisationFields.superRefine(checkOrganisationRules).meta({ id: 'OrganisationInput' })
export type OrganisationInput = z.input<typeof OrganisationInput>

export const OrganisationUpdate = organisationFields.partial().extend({ version: VersionField }).meta({ id: 'OrganisationUpdate' })
export type OrganisationUpdate = z.input<typeof OrganisationUpdate>

export const Organisation = z
  .object({
    name: z.string(),
    businessId: z.string(),
    address: z.string().nullable(),
    privacyContactName: z.string().nullable(),
    privacyContactEmail: z.string().nullable(),
    defaultLanguage: Language,
    dpoAppointed: z.boolean().nullable(),
    dpoName: z.string().nullable(),
    dpoEmail: z.string().nullable(),
    representativeNeeded: z.boolean().nullable(),
    representative: z.string().nullable(),
    representativeContact: z.string().nullable(),
    hasJointControllers: z.boolean().nullable(),
    jointControllers: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Organisation' })
export type Organisation = z.infer<typeof Organisation>

// ---------------------------------------------------------------------------
// Processors and other recipients (GDPR Art. 4(8), 4(9), 28).
// ---------------------------------------------------------------------------

/**
 * How the party relates to the controller: Art. 28 processor, sub-processor, or a recipient acting on
 * its own; "international_organisation" is a recipient that is an international organisation (Art.
 * 4(26)), whose transfers Art. 30(1)(e) records and Chapter V governs wherever its seat is.
 */
export const ProcessorRole = z.enum(['processor', 'sub_processor', 'independent_controller', 'recipient', 'international_organisation'])
export type ProcessorRole = z.infer<typeof ProcessorRole>

/** Lifecycle of the relationship. Planned processors can be announced ahead of their start. */
export const ProcessorStatus = z.enum(['planned', 'active', 'retired'])
export type ProcessorStatus = z.infer<typeof ProcessorStatus>

const processorFields = {
  displayName: requiredText(200).meta({ description: 'Name shown in lists, e.g. "Google Workspace"' }),
  displayNameEn: optionalText(200).meta({
    description:
      'The name in English outputs where the display name is a Finnish description rather than a proper name (e.g. "Debt collection agency" for "Perintätoimisto"); null: English outputs use the display name',
  }),
  legalName: optionalText(200).meta({ description: 'Legal entity, e.g. "Zestia Ltd"' }),
  parentId: z.number().int().positive().nullable().meta({ description: 'Parent company or group, another processor' }),
  role: ProcessorRole,
  service: LocalizedText.meta({ description: 'The service provided, e.g. "CRM system"' }),
  purpose: LocalizedText.meta({ description: 'What the company uses it for' }),
  dataCategories: labelList.meta({ description: 'Categories of personal data it processes' }),
  dataSubjectCategories: labelList.meta({ description: 'Categories of data subjects' }),
  websiteUrl: optionalUrl,
  privacyPolicyUrl: optionalUrl,
  dpaUrl: optionalUrl.meta({ description: "The processor's published DPA terms" }),
  hqCountry: optionalCountry.meta({ description: 'Country of the headquarters' }),
  status: ProcessorStatus,
  startDate: optionalDate,
  endDate: optionalDate,
  disclosureCondition: LocalizedText.meta({
    description: 'For recipients: when data is disclosed, e.g. "only when an invoice is overdue"',
  }),
  isPublic: z.boolean().meta({ description: 'Shown in the public processor list' }),
  internalNotes: optionalText(10000).meta({ description: 'Internal notes; never public' }),
  internationalOrganisationId: optionalText(40)
    .refine((v) => v === null || INTERNATIONAL_ORGANISATIONS.some((o) => o.id === v), MESSAGES.international_organisation_unknown)
    .meta({
      description:
        'For role "international_organisation" (Art. 30(1)(e)): which organisation it is, an id of the legal reference data\'s international organisations (GET /api/meta); null: not recorded or given by name',
    }),
  internationalOrganisationName: optionalText(200).meta({
    description:
      'For role "international_organisation": the organisation\'s name where it is not in the legal reference data (no adequacy decision); null: not recorded or chosen by id. Both null: which organisation it is is not recorded',
  }),
}

/** Which international organisation a recipient is: given once (by id or by name), and only for that role. */
function checkInternationalOrganisation(
  v: { role?: ProcessorRole | undefined; internationalOrganisationId?: string | null; internationalOrganisationName?: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.internationalOrganisationId && v.internationalOrganisationName)
    ctx.addIssue({ code: 'custom', path: ['internationalOrganisationName'], message: MESSAGES.international_organisation_both })
  if (v.role !== undefined && v.role !== 'international_organisation') {
    for (const key of ['internationalOrganisationId', 'internationalOrganisationName'] as const)
      if (v[key]) ctx.addIssue({ code: 'custom', path: [key], message: MESSAGES.international_organisation_role })
  }
}

function checkDates(v: { startDate?: string | null; endDate?: string | null }, ctx: z.RefinementCtx) {
  if (v.startDate && v.endDate && v.endDate < v.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: MESSAGES.end_before_start })
  }
}

export const ProcessorInput = z
  .strictObject(processorFields)
  .partial()
  .required({ displayName: true, role: true })
  .superRefine(checkDates)
  .superRefine(checkInternationalOrganisation)
  .meta({ id: 'ProcessorInput' })
export type ProcessorInput = z.input<typeof ProcessorInput>
export type ProcessorInputParsed = z.output<typeof ProcessorInput>

export const ProcessorUpdate = z
  .strictObject(processorFields)
  .partial()
  .extend({ version: VersionField })
  .superRefine(checkDates)
  .superRefine(checkInternationalOrganisation)
  .meta({ id: 'ProcessorUpdate' })
export type ProcessorUpdate = z.input<typeof ProcessorUpdate>
export type ProcessorUpdateParsed = z.output<typeof ProcessorUpdate>

export const VersionBody = z.strictObject({ version: VersionField }).meta({ id: 'VersionBody' })

// ---------------------------------------------------------------------------
// Transfers: where data is stored, processed or accessed from (GDPR Chapter V).
// ---------------------------------------------------------------------------

/** What happens to the data in the country. */
export const TransferKind = z.enum(['storage', 'processing', 'remote_access', 'support'])
export type TransferKind = z.infer<typeof TransferKind>

/** The basis on which data may go to the country (GDPR Art. 45, 46, 47, 49), or none needed inside the EEA. */
export const Safeguard = z.enum(['none_needed', 'adequacy', 'dpf', 'scc', 'bcr', 'other_art46', 'derogation_art49', 'unknown'])
export type Safeguard = z.infer<typeof Safeguard>

/** Modules of the standard contractual clauses, Commission Implementing Decision (EU) 2021/914. */
export const SccModule = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
export type SccModule = z.infer<typeof SccModule>

/** Art. 49(1) derogations: points (a)-(g) and the second subparagraph's compelling legitimate interests. */
export const Derogation = z.enum(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'compelling_interests'])
export type Derogation = z.infer<typeof Derogation>

/** Transfer impact assessment (Schrems II) status. */
export const TiaStatus = z.enum(['not_needed', 'required', 'in_progress', 'done', 'unknown'])
export type TiaStatus = z.infer<typeof TiaStatus>

const transferFields = {
  country: CountryCodeSchema,
  kind: TransferKind,
  safeguard: Safeguard,
  adequacyDecisionId: z.string().nullable().meta({ description: 'With safeguard "adequacy": which decision' }),
  dpfListingUrl: optionalUrl.meta({ description: 'With safeguard "dpf": the participant\'s listing' }),
  dpfVerifiedOn: optionalDate.meta({ description: 'With safeguard "dpf": when the listing was last checked' }),
  certifiedEntity: optionalText(200).meta({
    description:
      'With safeguard "dpf" (required there, refused otherwise): the US legal entity that takes part in the Data Privacy Framework, e.g. Google LLC (often not the contracting entity)',
  }),
  sccModule: SccModule.nullable(),
  derogation: Derogation.nullable(),
  otherSafeguard: optionalText(1000).meta({ description: 'With safeguard "other_art46": which one' }),
  tiaStatus: TiaStatus,
  tiaUrl: optionalUrl,
  notes: optionalText(5000),
}

type TransferShape = {
  country?: string
  safeguard?: Safeguard
  adequacyDecisionId?: string | null
  sccModule?: number | null
  derogation?: string | null
  otherSafeguard?: string | null
  dpfListingUrl?: string | null
  certifiedEntity?: string | null
}

const DPF_HOSTS = new Set(['www.dataprivacyframework.gov', 'dataprivacyframework.gov'])

/**
 * A participant page of the DPF programme's own site, the only listing that proves a certification:
 * https://www.dataprivacyframework.gov/participant/<number>. The programme's search page, its list,
 * a look-alike host, credentials, a port, a query or plain http are not a participant's listing.
 */
export function isDpfParticipantUrl(url: string): boolean {
  // Parsed by hand: the schema package runs without DOM or Node types. The host part must be exactly
  // the programme's host (so no credentials, port or look-alike), the path a participant's number,
  // and nothing may follow (no query, no fragment).
  const m = /^https:\/\/([^/?#]+)(\/[^?#]*)$/i.exec(url)
  return !!m && DPF_HOSTS.has(m[1]!.toLowerCase()) && /^\/participant\/[0-9]{1,9}\/?$/.test(m[2]!)
}

/** The rules of GDPR Chapter V that a transfer record must satisfy. Shared by create and update. */
export function checkTransferRules(v: TransferShape, ctx: z.RefinementCtx): void {
  const { country, safeguard } = v
  if (!country || !safeguard) return
  const inEea = isInEea(country)
  const decision = safeguard === 'adequacy' && v.adequacyDecisionId ? findAdequacyDecision(v.adequacyDecisionId) : undefined
  // A decision on an international organisation covers it wherever its seat is (the EPO sits in Munich):
  // the country does not decide. Whether the recipient is that organisation, the service checks.
  const forOrganisation = !!decision?.internationalOrganisation
  if (inEea && safeguard !== 'none_needed' && !forOrganisation) {
    ctx.addIssue({ code: 'custom', path: ['safeguard'], message: MESSAGES.eea_no_safeguard })
  }
  if (!inEea && safeguard === 'none_needed') {
    ctx.addIssue({ code: 'custom', path: ['safeguard'], message: MESSAGES.safeguard_needed })
  }
  if (safeguard === 'dpf' && country !== 'US') {
    ctx.addIssue({ code: 'custom', path: ['safeguard'], message: MESSAGES.dpf_us_only })
  }
  // Only an address: anything else is already refused as not an http(s) address, once.
  if (safeguard === 'dpf' && v.dpfListingUrl && /^https?:\/\//i.test(v.dpfListingUrl) && !isDpfParticipantUrl(v.dpfListingUrl)) {
    ctx.addIssue({
      code: 'custom',
      path: ['dpfListingUrl'],
      message: "Must be the participant's page on the DPF programme's site, e.g. https://www.dataprivacyframework.gov/participant/1234",
    })
  }
  // The DPF certifies a US legal entity, usually not the EU contracting one: the record names which.
  if (safeguard === 'dpf' && !v.certifiedEntity) {
    ctx.addIssue({ code: 'custom', path: ['certifiedEntity'], message: MESSAGES.dpf_certified_entity_missing })
  }
  if (safeguard !== 'dpf' && v.certifiedEntity) {
    ctx.addIssue({ code: 'custom', path: ['certifiedEntity'], message: MESSAGES.dpf_certified_entity_not_dpf })
  }
  if (safeguard === 'adequacy') {
    if (!v.adequacyDecisionId) {
      ctx.addIssue({ code: 'custom', path: ['adequacyDecisionId'], message: MESSAGES.adequacy_unchosen })
    } else if (!decision || (!forOrganisation && decision.country !== country)) {
      ctx.addIssue({ code: 'custom', path: ['adequacyDecisionId'], message: MESSAGES.adequacy_not_for_country })
    } else if (decision.frameworkOnly) {
      ctx.addIssue({ code: 'custom', path: ['safeguard'], message: MESSAGES.us_choose_dpf })
    }
  }
  if (safeguard === 'scc' && v.sccModule == null) {
    ctx.addIssue({ code: 'custom', path: ['sccModule'], message: MESSAGES.scc_module_missing })
  }
  if (safeguard === 'derogation_art49' && !v.derogation) {
    ctx.addIssue({ code: 'custom', path: ['derogation'], message: MESSAGES.derogation_unchosen })
  }
  if (safeguard === 'other_art46' && !v.otherSafeguard) {
    ctx.addIssue({ code: 'custom', path: ['otherSafeguard'], message: MESSAGES.art46_undescribed })
  }
}

/** The recipient of a transfer as the Chapter V rules see it: its role and home country. */
export interface TransferRecipient {
  role: ProcessorRole
  hqCountry: string | null
}

/**
 * The Chapter V rules that depend on who receives the data, checked by the service that knows the
 * processor. The DPF covers only US legal entities on the participant list (Decision (EU) 2023/1795):
 * a DPF transfer names the US entity certified (`certifiedEntity`), which need not be the processor
 * (Google Cloud EMEA Limited, Ireland, passes the data to Google LLC). Only a transfer recorded before
 * that was asked, which names none, stands on the processor itself: it is refused for a recipient
 * recorded as headquartered elsewhere (one with no home country recorded is flagged by a finding).
 */
export function transferRecipientIssues(
  t: { safeguard: Safeguard; adequacyDecisionId?: string | null; certifiedEntity?: string | null },
  r: TransferRecipient,
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = []
  const organisation = r.role === 'international_organisation'
  const decision = t.safeguard === 'adequacy' && t.adequacyDecisionId ? findAdequacyDecision(t.adequacyDecisionId) : undefined
  if (organisation && t.safeguard === 'none_needed') {
    issues.push({
      path: 'safeguard',
      message:
        'A transfer to an international organisation needs a Chapter V basis wherever its seat is (Art. 44): choose its adequacy decision or a safeguard',
    })
  }
  if (organisation && decision && !decision.internationalOrganisation) {
    issues.push({ path: 'adequacyDecisionId', message: "A country's adequacy decision does not cover an international organisation" })
  }
  if (organisation && t.safeguard === 'dpf') {
    issues.push({ path: 'safeguard', message: 'The EU-US Data Privacy Framework covers US organisations, not international organisations' })
  }
  if (!organisation && decision?.internationalOrganisation) {
    issues.push({
      path: 'adequacyDecisionId',
      message: 'This decision is for an international organisation; record the recipient as one (role "international_organisation") first',
    })
  }
  // Refused where the record says otherwise; where the home country is not recorded a finding asks for it.
  if (t.safeguard === 'dpf' && !t.certifiedEntity && !organisation && r.hqCountry && r.hqCountry !== 'US') {
    issues.push({
      path: 'safeguard',
      message: `The EU-US Data Privacy Framework covers only US legal entities; the processor's home country (hqCountry) is ${r.hqCountry}`,
    })
  }
  return issues
}

/** Two transfers of one processor to the same country of the same kind say the same thing twice. */
export function isDuplicateTransfer(a: { country: string; kind: TransferKind }, b: { country: string; kind: TransferKind }): boolean {
  return a.country === b.country && a.kind === b.kind
}

export const TransferInput = z
  .strictObject(transferFields)
  .partial()
  .required({ country: true, kind: true, safeguard: true })
  .superRefine(checkTransferRules)
  .meta({ id: 'TransferInput' })
export type TransferInput = z.input<typeof TransferInput>
export type TransferInputParsed = z.output<typeof TransferInput>

/** An update is checked against the merged record by the service; here only the shape. */
export const TransferUpdate = z.strictObject(transferFields).partial().extend({ version: VersionField }).meta({ id: 'TransferUpdate' })
export type TransferUpdate = z.input<typeof TransferUpdate>

export const TransferRules = z.object(transferFields).superRefine(checkTransferRules)

export const Transfer = z
  .object({
    id: z.number().int(),
    processorId: z.number().int(),
    country: z.string(),
    outsideEea: z.boolean().meta({ description: 'Derived from the country' }),
    kind: TransferKind,
    safeguard: Safeguard,
    adequacyDecisionId: z.string().nullable(),
    dpfListingUrl: z.string().nullable(),
    dpfVerifiedOn: z.string().nullable(),
    certifiedEntity: z.string().nullable().meta({
      description: 'With safeguard "dpf": the US legal entity certified under the Data Privacy Framework; null where not recorded',
    }),
    sccModule: z.number().int().nullable(),
    derogation: Derogation.nullable(),
    otherSafeguard: z.string().nullable(),
    tiaStatus: TiaStatus,
    tiaUrl: z.string().nullable(),
    notes: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Transfer' })
export type Transfer = z.infer<typeof Transfer>

/** Clears the fields that do not belong to the chosen safeguard, so a record never says two things. */
export function normaliseTransfer<
  T extends TransferShape & { dpfListingUrl?: string | null; dpfVerifiedOn?: string | null; certifiedEntity?: string | null },
>(t: T): T {
  const s = t.safeguard
  return {
    ...t,
    adequacyDecisionId: s === 'adequacy' ? (t.adequacyDecisionId ?? null) : null,
    dpfListingUrl: s === 'dpf' ? (t.dpfListingUrl ?? null) : null,
    dpfVerifiedOn: s === 'dpf' ? (t.dpfVerifiedOn ?? null) : null,
    certifiedEntity: s === 'dpf' ? (t.certifiedEntity ?? null) : null,
    sccModule: s === 'scc' ? (t.sccModule ?? null) : null,
    derogation: s === 'derogation_art49' ? (t.derogation ?? null) : null,
    otherSafeguard: s === 'other_art46' ? (t.otherSafeguard ?? null) : null,
  }
}

// ---------------------------------------------------------------------------
// Data processing agreements (GDPR Art. 28(3)).
// ---------------------------------------------------------------------------

/** Where the agreement stands. "not_required" needs a reason (e.g. an independent controller). */
export const DpaStatus = z.enum(['signed', 'in_negotiation', 'missing', 'not_required'])
export type DpaStatus = z.infer<typeof DpaStatus>

/** The points of Art. 28(3) that a processor contract must stipulate. */
export const CHECKLIST_POINTS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const
export type ChecklistPoint = (typeof CHECKLIST_POINTS)[number]

export const ChecklistStatus = z.enum(['covered', 'not_covered', 'unknown'])
export type ChecklistStatus = z.infer<typeof ChecklistStatus>

export const ChecklistItem = z.strictObject({ status: ChecklistStatus, clause: optionalText(200) })
export type ChecklistItem = z.output<typeof ChecklistItem>

export const Checklist = z
  .strictObject(Object.fromEntries(CHECKLIST_POINTS.map((p) => [p, ChecklistItem])) as Record<ChecklistPoint, typeof ChecklistItem>)
  .meta({ id: 'Art28Checklist', description: 'Art. 28(3) points (a)-(h): covered, not covered or unknown, with the clause' })
export type Checklist = z.output<typeof Checklist>

export function emptyChecklist(): Checklist {
  return Object.fromEntries(CHECKLIST_POINTS.map((p) => [p, { status: 'unknown', clause: null }])) as Checklist
}

const dpaFields = {
  status: DpaStatus,
  notRequiredReason: optionalText(1000),
  signedOn: optionalDate,
  reference: optionalText(200).meta({ description: 'Reference or version of the agreement' }),
  documentUrl: optionalUrl,
  validUntil: optionalDate,
  nextReviewOn: optionalDate,
  checklist: Checklist,
}

type DpaShape = { status?: DpaStatus; notRequiredReason?: string | null; signedOn?: string | null; validUntil?: string | null }

export function checkDpaRules(v: DpaShape, ctx: z.RefinementCtx): void {
  if (v.status === 'not_required' && !v.notRequiredReason) {
    ctx.addIssue({ code: 'custom', path: ['notRequiredReason'], message: MESSAGES.not_required_unexplained })
  }
  // A signature is a fact with a date: without it the agreement's term and reviews cannot be counted.
  if (v.status === 'signed' && !v.signedOn) {
    ctx.addIssue({ code: 'custom', path: ['signedOn'], message: 'A signed agreement needs the date it was signed' })
  }
  if (v.signedOn && v.validUntil && v.validUntil < v.signedOn) {
    ctx.addIssue({ code: 'custom', path: ['validUntil'], message: MESSAGES.ends_before_signed })
  }
}

export const DpaInput = z.strictObject(dpaFields).partial().required({ status: true }).superRefine(checkDpaRules).meta({ id: 'DpaInput' })
export type DpaInput = z.input<typeof DpaInput>
export type DpaInputParsed = z.output<typeof DpaInput>

export const DpaUpdate = z.strictObject(dpaFields).partial().extend({ version: VersionField }).meta({ id: 'DpaUpdate' })
export type DpaUpdate = z.input<typeof DpaUpdate>

export const DpaRules = z.object(dpaFields).superRefine(checkDpaRules)

export const DpaDocument = z
  .object({ fileName: z.string(), size: z.number().int(), sha256: z.string(), uploadedAt: z.string() })
  .meta({ id: 'DpaDocument' })
export type DpaDocument = z.infer<typeof DpaDocument>

/** The largest DPA document accepted, in bytes. */
export const DPA_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024

export const Dpa = z
  .object({
    id: z.number().int(),
    processorId: z.number().int(),
    status: DpaStatus,
    notRequiredReason: z.string().nullable(),
    signedOn: z.string().nullable(),
    reference: z.string().nullable(),
    documentUrl: z.string().nullable(),
    validUntil: z.string().nullable(),
    nextReviewOn: z.string().nullable(),
    checklist: Checklist,
    document: DpaDocument.nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Dpa' })
export type Dpa = z.infer<typeof Dpa>

// ---------------------------------------------------------------------------
// Read models.
// ---------------------------------------------------------------------------

export const ProcessorRef = z
  .object({
    id: z.number().int(),
    displayName: z.string(),
    displayNameEn: z.string().nullable().optional().meta({ description: 'The name in English where one is recorded' }),
  })
  .meta({ id: 'ProcessorRef' })
export type ProcessorRef = z.infer<typeof ProcessorRef>

/**
 * The name a processor or recipient goes by in one language: in English its English name where one is
 * recorded (a demo processor with no proper name is "Perintätoimisto" in Finnish, "Debt collection
 * agency" in English), otherwise the display name, which serves both.
 */
export function processorName(p: { displayName: string; displayNameEn?: string | null }, lang: 'fi' | 'en'): string {
  return lang === 'en' && p.displayNameEn ? p.displayNameEn : p.displayName
}

/**
 * Which international organisation a recipient is, by name in both languages: the reference data's
 * name for a listed one, the recorded name (the same in both) otherwise; null while not recorded.
 */
export function internationalOrganisationOf(p: {
  internationalOrganisationId?: string | null
  internationalOrganisationName?: string | null
}): { fi: string; en: string } | null {
  if (p.internationalOrganisationId) {
    const listed = INTERNATIONAL_ORGANISATIONS.find((o) => o.id === p.internationalOrganisationId)
    return listed ? { fi: listed.name.fi, en: listed.name.en } : { fi: p.internationalOrganisationId, en: p.internationalOrganisationId }
  }
  return p.internationalOrganisationName ? { fi: p.internationalOrganisationName, en: p.internationalOrganisationName } : null
}

export const Processor = z
  .object({
    id: z.number().int(),
    displayName: z.string(),
    displayNameEn: z.string().nullable().meta({ description: 'The name in English outputs; null: the display name serves both languages' }),
    legalName: z.string().nullable(),
    parent: ProcessorRef.nullable(),
    subsidiaries: z.array(ProcessorRef),
    role: ProcessorRole,
    service: LocalizedText,
    purpose: LocalizedText,
    dataCategories: z.array(z.string()),
    dataSubjectCategories: z.array(z.string()),
    websiteUrl: z.string().nullable(),
    privacyPolicyUrl: z.string().nullable(),
    dpaUrl: z.string().nullable(),
    hqCountry: z.string().nullable(),
    status: ProcessorStatus,
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    disclosureCondition: LocalizedText,
    isPublic: z.boolean(),
    internalNotes: z.string().nullable(),
    internationalOrganisationId: z
      .string()
      .nullable()
      .meta({ description: 'Which international organisation (an id of the legal reference data); null: not recorded or given by name' }),
    internationalOrganisationName: z
      .string()
      .nullable()
      .meta({ description: 'The international organisation by name (not in the reference data); null: not recorded or chosen by id' }),
    transfers: z.array(Transfer),
    dpas: z.array(Dpa).meta({ description: 'Newest first; the first is the current agreement' }),
    catalogue: CatalogueLinkInfo.nullable()
      .optional()
      .meta({ description: 'The vendor catalogue entry the record was created from or linked to; null when not linked' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Processor' })
export type Processor = z.infer<typeof Processor>

export const ProcessorListItem = z
  .object({
    id: z.number().int(),
    displayName: z.string(),
    displayNameEn: z.string().nullable().meta({ description: 'The name in English outputs; null: the display name serves both languages' }),
    legalName: z.string().nullable(),
    role: ProcessorRole,
    status: ProcessorStatus,
    service: LocalizedText,
    hqCountry: z.string().nullable(),
    parent: ProcessorRef.nullable().meta({ description: 'The parent company, another processor; null when none is recorded' }),
    isPublic: z.boolean(),
    countries: z.array(z.string()).meta({ description: 'Countries of its transfers, sorted' }),
    outsideEea: z.boolean(),
    safeguards: z.array(Safeguard).meta({ description: 'Safeguards of its transfers outside the EEA' }),
    dpaStatus: DpaStatus.nullable().meta({ description: 'Status of the current DPA; null when none is recorded' }),
    dpaRequired: z.boolean().meta({
      description: 'Art. 28(3) requires a DPA of its own: a processor, or a sub-processor with no parent recorded (see dpaRequired)',
    }),
    locationRecorded: z
      .boolean()
      .meta({ description: 'At least one location (transfer) is recorded; false means unknown, not "inside the EEA"' }),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ProcessorListItem' })
export type ProcessorListItem = z.infer<typeof ProcessorListItem>

export const ProcessorSort = z.enum(['displayName', 'status', 'role', 'hqCountry', 'updatedAt'])
export type ProcessorSort = z.infer<typeof ProcessorSort>

const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true')

export const ProcessorListQuery = z
  .object({
    q: searchTerm(200)
      .optional()
      .meta({ description: 'Searches name, legal entity and service (a substring, any case; no control characters)' }),
    status: ProcessorStatus.optional(),
    role: ProcessorRole.optional(),
    country: CountryCodeSchema.optional().meta({ description: 'Has a transfer to this country' }),
    safeguard: Safeguard.optional().meta({ description: 'Has a transfer under this safeguard' }),
    dpaStatus: DpaStatus.optional().meta({
      description:
        'Status of the current DPA. "missing" lists the gaps: processors in use that need a DPA of their own (dpaRequired) with none recorded or one marked missing',
    }),
    outsideEea: queryBool.optional().meta({ description: 'Has (true) or has no (false) transfer outside the EEA' }),
    sort: ProcessorSort.default('displayName'),
    order: z.enum(['asc', 'desc']).default('asc'),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .meta({ id: 'ProcessorListQuery' })
export type ProcessorListQuery = z.input<typeof ProcessorListQuery>
export type ProcessorListQueryParsed = z.output<typeof ProcessorListQuery>

export const ProcessorPage = z
  .object({
    items: z.array(ProcessorListItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'ProcessorPage' })
export type ProcessorPage = z.infer<typeof ProcessorPage>

/**
 * Whether Art. 28(3) requires the controller to hold a DPA with this party: a processor does; a
 * sub-processor whose parent is recorded gets its terms through that processor's agreement
 * (Art. 28(4)); a sub-processor with no parent recorded cannot be traced to any agreement, so it
 * counts as a processor; recipients and independent controllers need none.
 */
export function dpaRequired(p: { role: ProcessorRole; parentId?: number | null; parent?: { id: number } | null }): boolean {
  if (p.role === 'processor') return true
  if (p.role === 'sub_processor') return (p.parentId ?? p.parent?.id ?? null) === null
  return false
}

/** The DPA chart's buckets: "missing" is exactly the gaps the findings and the `dpaStatus=missing` filter count. */
export const DPA_BUCKETS = ['signed', 'in_negotiation', 'missing', 'not_required', 'none_recorded'] as const
export type DpaBucket = (typeof DPA_BUCKETS)[number]

/** Which bucket a processor in use falls in; a party that needs no DPA of its own and has none is "none recorded", not missing. */
export function dpaBucket(p: Pick<ProcessorListItem, 'dpaStatus' | 'dpaRequired'>): DpaBucket {
  if (p.dpaStatus === null || p.dpaStatus === 'missing') return p.dpaRequired ? 'missing' : 'none_recorded'
  return p.dpaStatus
}

/** Processors in use (not retired) per DPA bucket; every bucket, zeros included, so the chart reads the same each time. */
export function processorsByDpaStatus(
  items: readonly Pick<ProcessorListItem, 'dpaStatus' | 'dpaRequired' | 'status'>[],
): { key: DpaBucket; count: number }[] {
  const counts = new Map<DpaBucket, number>(DPA_BUCKETS.map((b) => [b, 0]))
  for (const p of items) if (p.status !== 'retired') counts.set(dpaBucket(p), (counts.get(dpaBucket(p)) ?? 0) + 1)
  return DPA_BUCKETS.map((key) => ({ key, count: counts.get(key) ?? 0 }))
}
