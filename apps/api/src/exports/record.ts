/**
 * The record of processing activities and the processor register, built from a RegistrySnapshot.
 * Pure functions: the same snapshot always gives the same document, whether the snapshot is of
 * now or rebuilt from the audit trail for a past moment.
 */
import {
  ART9_CONDITION_LABELS,
  DATA_SOURCE_LABELS,
  DATA_SUBJECT_RIGHT_LABELS,
  DPIA_STATUS_LABELS,
  LEGAL_BASIS_LABELS,
  describeRetention,
  adequacyCitation,
  adequacySubjectName,
  findAdequacyDecision,
  isBlank,
  isInEea,
  type ActivityRecord,
  type DerivedTransfer,
  type Dpa,
  type Language,
  type LocalizedText,
  type Transfer,
  internationalOrganisationOf,
  processorName,
} from '@seloste/schema'
import { deriveThirdCountryTransfers, type ProcessorRecord, type RegistrySnapshot } from './snapshot'
import {
  DPA_STATUS,
  KIND,
  PROCESSOR_COLUMNS,
  PROCESSOR_STATUS,
  ROLE,
  ROPA_COLUMNS,
  SAFEGUARD,
  TIA_STATUS,
  TRANSFER_COLUMNS,
  WORDS,
  country,
  humanDateTime,
  pick,
  type ProcessorColumnKey,
  type RopaColumnKey,
  type TransferColumnKey,
  UNKNOWN_WORDS,
  ART30A_WORDS,
  ORGANISATION_UNRECORDED,
} from './texts'

/** The controller as Art. 30(1)(a) names it. Null in the Art. 37/27/26 fields means not recorded, never "none". */
export interface Controller {
  name: string
  businessId: string
  address: string | null
  privacyContactName: string | null
  privacyContactEmail: string | null
  dpoAppointed: boolean | null
  dpoName: string | null
  dpoEmail: string | null
  representativeNeeded: boolean | null
  representative: string | null
  representativeContact: string | null
  hasJointControllers: boolean | null
  jointControllers: string | null
}

/** The current agreement of a processor: its newest DPA. */
export type CurrentDpa = Pick<Dpa, 'id' | 'status' | 'signedOn' | 'validUntil' | 'nextReviewOn' | 'reference' | 'documentUrl' | 'document'>

/** A processor as the record names it among an activity's recipients. */
export interface RecordRecipient {
  id: number
  displayName: string
  /** The name in English outputs, where one is recorded. */
  displayNameEn: string | null
  legalName: string | null
  role: ProcessorRecord['role']
  internationalOrganisationId: string | null
  internationalOrganisationName: string | null
  status: ProcessorRecord['status']
  service: LocalizedText
  disclosureCondition: LocalizedText
  hqCountry: string | null
  dpa: CurrentDpa | null
}

/** A transfer outside the EEA through one of the activity's processors, with its safeguard's details. */
export interface RecordTransfer extends DerivedTransfer {
  adequacyDecisionId: string | null
  dpfListingUrl: string | null
  certifiedEntity: string | null
  sccModule: number | null
  derogation: string | null
  otherSafeguard: string | null
  tiaStatus: Transfer['tiaStatus']
}

export interface RecordActivity extends Omit<ActivityRecord, 'processors'> {
  processors: RecordRecipient[]
  thirdCountryTransfers: RecordTransfer[]
  /** Every country where the linked processors keep or reach the data, EEA included. */
  locations: string[]
  /** Linked processors and recipients with no location recorded: whether their data leaves the EEA is unknown. */
  locationsNotRecorded: string[]
  /** The same processors by their English names (the display name where none is recorded). */
  locationsNotRecordedEn: string[]
}

/** The record of processing activities (GDPR Art. 30(1)): the JSON export, and what every other format renders. */
export interface RecordOfProcessing {
  kind: 'record_of_processing_activities'
  controller: Controller | null
  /** The moment the record was rebuilt for, or null for the current record. */
  asOf: string | null
  generatedAt: string
  activities: RecordActivity[]
}

export interface RegisterProcessor extends ProcessorRecord {
  transfers: Transfer[]
  dpa: CurrentDpa | null
  activities: { id: number; name: LocalizedText }[]
}

/** The processor register: every processor with its transfers and the status of its agreement. */
export interface ProcessorRegister {
  kind: 'processor_register'
  controller: Controller | null
  asOf: string | null
  generatedAt: string
  processors: RegisterProcessor[]
}

const nameKey = (name: LocalizedText) => (name.fi || name.en).toLocaleLowerCase('fi')
const byName = <T extends { id: number; name: LocalizedText }>(a: T, b: T) =>
  nameKey(a.name).localeCompare(nameKey(b.name), 'fi') || a.id - b.id
const byDisplayName = <T extends { id: number; displayName: string }>(a: T, b: T) =>
  a.displayName.toLocaleLowerCase('fi').localeCompare(b.displayName.toLocaleLowerCase('fi'), 'fi') || a.id - b.id

function controllerOf(s: RegistrySnapshot): Controller | null {
  const o = s.organisation
  if (!o) return null
  return {
    name: o.name,
    businessId: o.businessId,
    address: o.address,
    privacyContactName: o.privacyContactName,
    privacyContactEmail: o.privacyContactEmail,
    dpoAppointed: o.dpoAppointed,
    dpoName: o.dpoName,
    dpoEmail: o.dpoEmail,
    representativeNeeded: o.representativeNeeded,
    representative: o.representative,
    representativeContact: o.representativeContact,
    hasJointControllers: o.hasJointControllers,
    jointControllers: o.jointControllers,
  }
}

/** The newest DPA of each processor (the registry's rule for "the current agreement"). */
function currentDpas(dpas: readonly Dpa[]): Map<number, CurrentDpa> {
  const out = new Map<number, CurrentDpa>()
  for (const d of dpas) {
    const seen = out.get(d.processorId)
    if (!seen || d.id > seen.id) {
      out.set(d.processorId, {
        id: d.id,
        status: d.status,
        signedOn: d.signedOn,
        validUntil: d.validUntil,
        nextReviewOn: d.nextReviewOn,
        reference: d.reference,
        documentUrl: d.documentUrl,
        document: d.document ?? null,
      })
    }
  }
  return out
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = out.get(k)
    if (list) list.push(item)
    else out.set(k, [item])
  }
  return out
}

export function buildRecordOfProcessing(s: RegistrySnapshot, generatedAt: string): RecordOfProcessing {
  const processorsById = new Map(s.processors.map((p) => [p.id, p]))
  const dpaOf = currentDpas(s.dpas)
  const transfersById = new Map(s.transfers.map((t) => [t.id, t]))
  const transfersOf = groupBy(s.transfers, (t) => t.processorId)
  const subjectNames = new Map(s.dataSubjectCategories.map((c) => [c.id, c.name]))
  const categoryById = new Map(s.dataCategories.map((c) => [c.id, c]))

  const activities = s.activities.map((a): RecordActivity => {
    // Names come from the vocabulary and the registry of the same moment, not from the copy in the activity's record.
    const linked = a.processors
      .map((ref) => processorsById.get(ref.id))
      .filter((p): p is ProcessorRecord => p !== undefined)
      .sort(byDisplayName)
    const transfers = linked.flatMap((p) => transfersOf.get(p.id) ?? [])
    return {
      ...a,
      dataSubjectCategories: a.dataSubjectCategories.map((c) => ({ id: c.id, name: subjectNames.get(c.id) ?? c.name })),
      dataCategories: a.dataCategories.map((c) => {
        const current = categoryById.get(c.id)
        return { ...c, name: current?.name ?? c.name, special: current?.special ?? c.special }
      }),
      processors: linked.map((p) => ({
        id: p.id,
        displayName: p.displayName,
        displayNameEn: p.displayNameEn ?? null,
        legalName: p.legalName,
        role: p.role,
        internationalOrganisationId: p.internationalOrganisationId ?? null,
        internationalOrganisationName: p.internationalOrganisationName ?? null,
        status: p.status,
        service: p.service,
        disclosureCondition: p.disclosureCondition,
        hqCountry: p.hqCountry,
        dpa: dpaOf.get(p.id) ?? null,
      })),
      thirdCountryTransfers: deriveThirdCountryTransfers(linked, transfers).map((d) => {
        const t = transfersById.get(d.transferId)!
        return {
          ...d,
          adequacyDecisionId: t.adequacyDecisionId,
          dpfListingUrl: t.dpfListingUrl,
          certifiedEntity: t.certifiedEntity,
          sccModule: t.sccModule,
          derogation: t.derogation,
          otherSafeguard: t.otherSafeguard,
          tiaStatus: t.tiaStatus,
        }
      }),
      locations: [...new Set(transfers.map((t) => t.country))].sort(),
      locationsNotRecorded: linked.filter((p) => !transfersOf.get(p.id)?.length).map((p) => p.displayName),
      locationsNotRecordedEn: linked.filter((p) => !transfersOf.get(p.id)?.length).map((p) => processorName(p, 'en')),
    }
  })
  return {
    kind: 'record_of_processing_activities',
    controller: controllerOf(s),
    asOf: s.asOf,
    generatedAt,
    activities: activities.sort(byName),
  }
}

export function buildProcessorRegister(s: RegistrySnapshot, generatedAt: string): ProcessorRegister {
  const dpaOf = currentDpas(s.dpas)
  const transfersOf = groupBy(s.transfers, (t) => t.processorId)
  const activitiesOf = new Map<number, { id: number; name: LocalizedText }[]>()
  for (const a of [...s.activities].sort(byName)) {
    for (const p of a.processors) {
      const list = activitiesOf.get(p.id) ?? []
      list.push({ id: a.id, name: a.name })
      activitiesOf.set(p.id, list)
    }
  }
  const processors = [...s.processors].sort(byDisplayName).map((p) => ({
    ...p,
    transfers: (transfersOf.get(p.id) ?? []).sort((a, b) => a.id - b.id),
    dpa: dpaOf.get(p.id) ?? null,
    activities: activitiesOf.get(p.id) ?? [],
  }))
  return { kind: 'processor_register', controller: controllerOf(s), asOf: s.asOf, generatedAt, processors }
}

// ---------------------------------------------------------------------------
// Tables: what the spreadsheet and CSV formats show.
// ---------------------------------------------------------------------------

/** How a spreadsheet should store a column's cells (CSV writes them all as text). */
export type CellType = 'text' | 'integer' | 'date' | 'datetime'

export interface Table {
  name: string
  columns: { header: string; width: number; type?: CellType }[]
  rows: string[][]
}

/** The columns that are numbers or dates, by key (the same key means the same kind in every table). */
const CELL_TYPES: Partial<Record<string, CellType>> = {
  id: 'integer',
  activityId: 'integer',
  processorId: 'integer',
  version: 'integer',
  startDate: 'date',
  endDate: 'date',
  nextReview: 'date',
  dpaSignedOn: 'date',
  dpaValidUntil: 'date',
  dpaNextReview: 'date',
  dpaDocumentBytes: 'integer',
  updatedAt: 'datetime',
}
const typed = (c: { key: string; width: number } & Record<Language, string>, lang: Language) => ({
  header: c[lang],
  width: c.width,
  type: CELL_TYPES[c.key] ?? 'text',
})

const lines = (items: readonly string[]) => items.filter((s) => s !== '').join('\n')
const yesNo = (v: boolean | null, lang: Language) => (v === null ? WORDS[lang].notAssessed : v ? WORDS[lang].yes : WORDS[lang].no)

/** Art. 37: the DPO's name and contact, "none designated" for a recorded no, "not recorded" for no answer. */
export function dpoText(c: Controller, lang: Language): string {
  const w = ART30A_WORDS[lang]
  if (c.dpoAppointed === null) return w.notRecorded
  if (!c.dpoAppointed) return w.noDpo
  return [c.dpoName, c.dpoEmail].filter(Boolean).join(', ') || w.dpoUnnamed
}

/**
 * Art. 27: the representative's name and contact, "none needed" for a controller recorded as established
 * in the Union, "not recorded" for no answer (never read as "none").
 */
export function representativeText(c: Controller, lang: Language): string {
  const w = ART30A_WORDS[lang]
  if (c.representativeNeeded === null) return w.notRecorded
  if (!c.representativeNeeded) return w.noRepresentative
  return [c.representative, c.representativeContact].filter(Boolean).join(', ') || w.representativeUnnamed
}

/** Art. 26: the joint controllers, "none" for a recorded no, "not recorded" for no answer. */
export function jointControllersText(c: Controller, lang: Language): string {
  const w = ART30A_WORDS[lang]
  if (c.hasJointControllers === null) return w.notRecorded
  if (!c.hasJointControllers) return w.noJointControllers
  return c.jointControllers ?? w.jointControllersUnnamed
}

export function controllerText(c: Controller | null, lang: Language): string {
  if (!c) return ''
  const w = WORDS[lang]
  const a = ART30A_WORDS[lang]
  const contact = [c.privacyContactName, c.privacyContactEmail].filter(Boolean).join(', ')
  return lines([
    `${c.name} (${w.businessId} ${c.businessId})`,
    c.address ?? '',
    contact ? `${w.privacyContact}: ${contact}` : '',
    `${a.dpo}: ${dpoText(c, lang)}`,
    `${a.representative}: ${representativeText(c, lang)}`,
    `${a.jointControllers}: ${jointControllersText(c, lang)}`,
  ])
}

/**
 * Art. 13(1)(f): where a copy of SCCs, BCRs or another Art. 46 safeguard can be requested: the
 * controller's privacy contact, or a statement that none is recorded.
 */
function copyText(safeguard: RecordTransfer['safeguard'], c: Controller | null, lang: Language): string {
  if (safeguard !== 'scc' && safeguard !== 'bcr' && safeguard !== 'other_art46') return ''
  const contact = c?.privacyContactEmail
  if (lang === 'fi')
    return contact ? ` (jäljennöksen voi pyytää osoitteesta ${contact})` : ' (jäljennöksen pyytämiseen ei ole kirjattu yhteystietoa)'
  return contact ? ` (a copy can be requested from ${contact})` : ' (no contact for requesting a copy is recorded)'
}

/** The safeguard of a transfer with its particulars: "standard contractual clauses (Art. 46(2)(c)), module 2". */
export function safeguardText(
  t: Pick<
    RecordTransfer,
    'safeguard' | 'adequacyDecisionId' | 'sccModule' | 'derogation' | 'otherSafeguard' | 'dpfListingUrl' | 'certifiedEntity'
  >,
  lang: Language,
  controller?: Controller | null,
): string {
  const base = `${SAFEGUARD[t.safeguard][lang]}${controller !== undefined ? copyText(t.safeguard, controller, lang) : ''}`
  switch (t.safeguard) {
    case 'adequacy': {
      const decision = t.adequacyDecisionId ? findAdequacyDecision(t.adequacyDecisionId) : undefined
      if (!decision) return base
      const subject = decision.internationalOrganisation ? ` (${adequacySubjectName(decision, lang)})` : ''
      return `${base}: ${adequacyCitation(decision, lang)}${subject}`
    }
    case 'dpf': {
      // The framework certifies a US legal entity: the one the transfer records, or in words that none is.
      const entity = t.certifiedEntity ? `${WORDS[lang].certifiedCompany} ${t.certifiedEntity}` : WORDS[lang].certifiedCompanyNotRecorded
      return `${base}, ${entity}${t.dpfListingUrl ? ` (${t.dpfListingUrl})` : ''}`
    }
    case 'scc':
      return t.sccModule ? `${base}, ${WORDS[lang].module} ${t.sccModule}` : base
    case 'derogation_art49':
      return t.derogation ? `${base} (${t.derogation === 'compelling_interests' ? '49(1), 2nd subpara.' : `49(1)(${t.derogation})`})` : base
    case 'other_art46':
      return t.otherSafeguard ? `${base}: ${t.otherSafeguard}` : base
    default:
      return base
  }
}

/** The processor of a derived transfer, as the language names it. */
const transferProcessorName = (t: DerivedTransfer, lang: Language) =>
  processorName({ displayName: t.processorName, displayNameEn: t.processorNameEn }, lang)

/** The linked processors whose locations are not recorded, as the language names them. */
const unrecordedNames = (a: RecordActivity, lang: Language): string[] =>
  (lang === 'en' ? a.locationsNotRecordedEn : a.locationsNotRecorded) ?? a.locationsNotRecorded ?? []

/**
 * Which international organisation a recipient of that role is (Art. 30(1)(e)), in words where it is not
 * recorded; empty for every other role.
 */
function organisationText(
  p: Pick<RecordRecipient, 'role' | 'internationalOrganisationId' | 'internationalOrganisationName'>,
  lang: Language,
): string {
  if (p.role !== 'international_organisation') return ''
  return internationalOrganisationOf(p)?.[lang] ?? ORGANISATION_UNRECORDED[lang]
}

function recipientText(p: RecordRecipient, lang: Language): string {
  const condition = pick(p.disclosureCondition, lang)
  const service = pick(p.service, lang)
  const organisation = organisationText(p, lang)
  const role = `${ROLE[p.role][lang]}${organisation ? `: ${organisation}` : ''}`
  return `${processorName(p, lang)} (${role}${service ? `; ${service}` : ''})${condition ? `: ${condition}` : ''}`
}

function contractText(p: RecordRecipient, lang: Language): string {
  const w = WORDS[lang]
  if (!p.dpa) return `${processorName(p, lang)}: ${w.noDpa}`
  const d = p.dpa
  const parts = [
    `${w.dpa} ${DPA_STATUS[d.status][lang]}${d.signedOn ? ` ${d.signedOn}` : ''}`,
    d.reference ?? '',
    d.documentUrl ?? '',
    d.document ? d.document.fileName : '',
  ]
  return `${processorName(p, lang)}: ${parts.filter(Boolean).join(', ')}`
}

function retentionText(a: RecordActivity, lang: Language): string {
  const w = WORDS[lang]
  const own = a.dataCategories.filter((c) => c.retention)
  const activity = a.retention ? describeRetention(a.retention, lang) : ''
  if (own.length === 0) return activity
  return lines([
    activity ? `${w.activityRetention}: ${activity}` : '',
    ...own.map((c) => `${pick(c.name, lang)}: ${describeRetention(c.retention!, lang)}`),
  ])
}

function automatedText(a: RecordActivity, lang: Language): string {
  const w = WORDS[lang]
  const description = a.automatedDecisionMaking || a.profiling ? pick(a.automatedDecisionDescription, lang) : ''
  return lines([
    `${w.adm}: ${yesNo(a.automatedDecisionMaking, lang)}; ${w.profiling.toLocaleLowerCase()}: ${yesNo(a.profiling, lang)}`,
    description,
  ])
}

function sourcesText(a: RecordActivity, lang: Language): string {
  return lines([...a.sources.map((s) => DATA_SOURCE_LABELS[s][lang]), pick(a.sourcesOther, lang)])
}

function dpiaRequired(a: RecordActivity, lang: Language): string {
  if (a.dpiaStatus === 'unknown') return WORDS[lang].notAssessed
  return a.dpiaStatus === 'not_needed' ? WORDS[lang].no : WORDS[lang].yes
}

/** One row per activity and purpose (an activity without purposes still gets its row), columns as ROPA_COLUMNS. */
export function ropaTable(doc: RecordOfProcessing, lang: Language): Table {
  const w = WORDS[lang]
  const controller = controllerText(doc.controller, lang)
  const rows: string[][] = []
  for (const a of doc.activities) {
    const special = a.dataCategories.some((c) => c.special)
    const common: Partial<Record<RopaColumnKey, string>> = {
      controller,
      activity: pick(a.name, lang),
      dataSubjects: lines(a.dataSubjectCategories.map((c) => pick(c.name, lang))),
      dataCategories: lines(
        a.dataCategories.map(
          (c) => `${pick(c.name, lang)}${c.special ? (lang === 'fi' ? ' (erityinen henkilötietoryhmä)' : ' (special category)') : ''}`,
        ),
      ),
      recipients: lines([
        ...a.processors.map((p) => recipientText(p, lang)),
        ...a.otherRecipients.map((r) => `${pick(r.name, lang)}${isBlank(r.condition) ? '' : `: ${pick(r.condition, lang)}`}`),
      ]),
      processorContracts: lines(a.processors.map((p) => contractText(p, lang))),
      thirdCountries: lines([
        ...new Set(a.thirdCountryTransfers.map((t) => `${country(t.country, lang)} (${transferProcessorName(t, lang)})`)),
        ...unrecordedNames(a, lang).map((name) => `${name}: ${UNKNOWN_WORDS[lang].locationNotRecorded}`),
      ]),
      safeguards: lines(
        a.thirdCountryTransfers.map(
          (t) => `${country(t.country, lang)}, ${transferProcessorName(t, lang)}: ${safeguardText(t, lang, doc.controller)}`,
        ),
      ),
      retention: retentionText(a, lang),
      security: pick(a.securityMeasures, lang),
      rights: lines(a.rights.map((r) => DATA_SUBJECT_RIGHT_LABELS[r][lang])),
      automated: automatedText(a, lang),
      sources: sourcesText(a, lang),
      location: lines(
        [
          a.locations.map((c) => country(c, lang)).join(', '),
          ...unrecordedNames(a, lang).map((name) => `${name}: ${UNKNOWN_WORDS[lang].locationNotRecorded}`),
        ].filter(Boolean),
      ),
      dpiaRequired: dpiaRequired(a, lang),
      dpiaProgress: DPIA_STATUS_LABELS[a.dpiaStatus][lang],
      dpiaLink: a.dpiaUrl ?? '',
      activityId: String(a.id),
      status: a.status === 'approved' ? w.approved : w.draft,
      approved: a.approvedAt ? [a.approvedBy, humanDateTime(a.approvedAt, lang)].filter(Boolean).join(', ') : '',
      owner: a.owner ?? '',
      nextReview: a.nextReviewOn ?? '',
      updatedAt: a.updatedAt,
      version: String(a.version),
    }
    const purposes = a.purposes.length ? a.purposes : [null]
    for (const p of purposes) {
      const row: Partial<Record<RopaColumnKey, string>> = {
        ...common,
        purpose: p ? pick(p.description, lang) : '',
        legalBasis: p?.legalBasis
          ? `${LEGAL_BASIS_LABELS[p.legalBasis][lang]}${p.legalReference ? `: ${p.legalReference}` : ''}`
          : w.notRecorded,
        art9: p?.art9Condition ? ART9_CONDITION_LABELS[p.art9Condition][lang] : special ? w.notRecorded : '',
        legitimateInterest: p ? pick(p.legitimateInterest, lang) : '',
        liaLink: p?.liaUrl ?? '',
        consent:
          p && p.legalBasis === 'a'
            ? lines([`${w.collected}: ${pick(p.consentCollection, lang)}`, `${w.withdrawn}: ${pick(p.consentWithdrawal, lang)}`])
            : '',
      }
      rows.push(ROPA_COLUMNS.map((c) => row[c.key] ?? ''))
    }
  }
  return { name: w.ropaSheet, columns: ROPA_COLUMNS.map((c) => typed(c, lang)), rows }
}

/** The controller's details and the moment of the record, as label/value rows. */
export function controllerTable(controller: Controller | null, asOf: string | null, generatedAt: string, lang: Language): Table {
  const w = WORDS[lang]
  const c = controller
  const rows = [
    [w.controller, c?.name ?? ''],
    [w.businessId, c?.businessId ?? ''],
    [w.address, c?.address ?? ''],
    [w.privacyContact, [c?.privacyContactName, c?.privacyContactEmail].filter(Boolean).join(', ')],
    [ART30A_WORDS[lang].dpo, c ? dpoText(c, lang) : ''],
    [ART30A_WORDS[lang].representative, c ? representativeText(c, lang) : ''],
    [ART30A_WORDS[lang].jointControllers, c ? jointControllersText(c, lang) : ''],
    [w.asOf, asOf ? humanDateTime(asOf, lang) : w.asOfNow],
    [w.generatedAt, humanDateTime(generatedAt, lang)],
  ]
  return {
    name: w.controllerSheet,
    columns: [
      { header: '', width: 34 },
      { header: '', width: 60 },
    ],
    rows,
  }
}

export function processorTable(reg: ProcessorRegister, lang: Language): Table {
  const w = WORDS[lang]
  const names = new Map(reg.processors.map((p) => [p.id, processorName(p, lang)]))
  const rows = reg.processors.map((p) => {
    const outside = p.transfers.filter((t) => !isInEea(t.country))
    const row: Record<ProcessorColumnKey, string> = {
      id: String(p.id),
      // In English the English name where one is recorded (reading the file back changes nothing: see imports/plan.ts).
      name: processorName(p, lang),
      nameEn: p.displayNameEn ?? '',
      legalName: p.legalName ?? '',
      // The parent by its name; an id no longer in the register (deleted since) by its id rather than nothing.
      parentCompany: p.parentId === null ? '' : (names.get(p.parentId) ?? `#${p.parentId}`),
      role: ROLE[p.role][lang],
      internationalOrganisation: organisationText(
        {
          role: p.role,
          internationalOrganisationId: p.internationalOrganisationId ?? null,
          internationalOrganisationName: p.internationalOrganisationName ?? null,
        },
        lang,
      ),
      status: PROCESSOR_STATUS[p.status][lang],
      service: pick(p.service, lang),
      purpose: pick(p.purpose, lang),
      disclosureCondition: pick(p.disclosureCondition, lang),
      hqCountry: p.hqCountry ? country(p.hqCountry, lang) : '',
      startDate: p.startDate ?? '',
      endDate: p.endDate ?? '',
      public: p.isPublic ? w.yes : w.no,
      dataCategories: lines(p.dataCategories),
      dataSubjectCategories: lines(p.dataSubjectCategories),
      // Unknown is not none: no recorded location is not "inside the EEA".
      countries: p.transfers.length
        ? [...new Set(p.transfers.map((t) => country(t.country, lang)))].join(', ')
        : UNKNOWN_WORDS[lang].locationNotRecorded,
      outsideEea: outside.length ? w.yes : p.transfers.length ? w.no : UNKNOWN_WORDS[lang].unknown,
      transfers: lines(
        p.transfers.map((t) =>
          [
            country(t.country, lang),
            KIND[t.kind][lang],
            safeguardText(t, lang, reg.controller),
            isInEea(t.country) ? '' : `TIA: ${TIA_STATUS[t.tiaStatus][lang]}`,
          ]
            .filter(Boolean)
            .join(', '),
        ),
      ),
      dpaStatus: p.dpa ? DPA_STATUS[p.dpa.status][lang] : w.noDpa,
      dpaSignedOn: p.dpa?.signedOn ?? '',
      dpaValidUntil: p.dpa?.validUntil ?? '',
      dpaNextReview: p.dpa?.nextReviewOn ?? '',
      dpaReference: p.dpa?.reference ?? '',
      dpaDocument: lines([p.dpa?.documentUrl ?? '', p.dpa?.document?.fileName ?? '']),
      dpaDocumentSha256: p.dpa?.document?.sha256 ?? '',
      dpaDocumentBytes: p.dpa?.document ? String(p.dpa.document.size) : '',
      activities: lines(p.activities.map((a) => pick(a.name, lang))),
      updatedAt: p.updatedAt,
      version: String(p.version),
    }
    return PROCESSOR_COLUMNS.map((c) => row[c.key])
  })
  return { name: w.processorsSheet, columns: PROCESSOR_COLUMNS.map((c) => typed(c, lang)), rows }
}

export function transferTable(reg: ProcessorRegister, lang: Language): Table {
  const w = WORDS[lang]
  const rows = reg.processors.flatMap((p) =>
    p.transfers.map((t) => {
      const details = safeguardText(t, lang, reg.controller)
      const row: Record<TransferColumnKey, string> = {
        processorId: String(p.id),
        processor: processorName(p, lang),
        country: t.country,
        countryName: country(t.country, lang),
        outsideEea: isInEea(t.country) ? w.no : w.yes,
        kind: KIND[t.kind][lang],
        safeguard: SAFEGUARD[t.safeguard][lang],
        safeguardDetails: details === SAFEGUARD[t.safeguard][lang] ? '' : details,
        tiaStatus: TIA_STATUS[t.tiaStatus][lang],
        tiaUrl: t.tiaUrl ?? '',
        notes: t.notes ?? '',
      }
      return TRANSFER_COLUMNS.map((c) => row[c.key])
    }),
  )
  return { name: w.transfersSheet, columns: TRANSFER_COLUMNS.map((c) => typed(c, lang)), rows }
}
