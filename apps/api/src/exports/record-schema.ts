/**
 * The JSON record of processing (GET /api/exports/ropa.json) as a schema, for the API description.
 * The compile-time checks at the end keep it equal to the `RecordOfProcessing` the builder returns.
 */
import { ActivityRecord, DerivedTransfer, Dpa, LocalizedText, ProcessorRole, ProcessorStatus, Transfer } from '@seloste/schema'
import { z } from 'zod'
import type { RecordOfProcessing } from './record'

const Controller = z.object({
  name: z.string(),
  businessId: z.string().meta({ description: 'Finnish business ID (Y-tunnus)' }),
  address: z.string().nullable(),
  privacyContactName: z.string().nullable(),
  privacyContactEmail: z.string().nullable(),
  dpoAppointed: z
    .boolean()
    .nullable()
    .meta({ description: 'Whether a data protection officer is designated (Art. 37); null: not recorded, which is not "no"' }),
  dpoName: z.string().nullable(),
  dpoEmail: z.string().nullable(),
  representativeNeeded: z.boolean().nullable().meta({
    description:
      'Whether a representative in the Union is needed (Art. 27): false when the controller is established in the Union; null: not recorded, which is not "no"',
  }),
  representative: z.string().nullable().meta({ description: "The representative's name, when one is designated" }),
  representativeContact: z.string().nullable().meta({ description: "The representative's contact details" }),
  hasJointControllers: z
    .boolean()
    .nullable()
    .meta({ description: 'Whether there are joint controllers (Art. 26); null: not recorded, which is not "no"' }),
  jointControllers: z.string().nullable(),
})

const CurrentDpa = Dpa.pick({
  id: true,
  status: true,
  signedOn: true,
  validUntil: true,
  nextReviewOn: true,
  reference: true,
  documentUrl: true,
  document: true,
})

const RecordRecipient = z.object({
  id: z.number().int(),
  displayName: z.string(),
  displayNameEn: z.string().nullable().meta({ description: 'The name in English outputs; null: the display name serves both' }),
  legalName: z.string().nullable(),
  role: ProcessorRole,
  internationalOrganisationId: z.string().nullable().meta({ description: 'Role international_organisation: which one, by reference id' }),
  internationalOrganisationName: z.string().nullable().meta({ description: 'Role international_organisation: which one, by name' }),
  status: ProcessorStatus,
  service: LocalizedText,
  disclosureCondition: LocalizedText,
  hqCountry: z.string().nullable(),
  dpa: CurrentDpa.nullable().meta({ description: 'The current (newest) DPA, or null when none is recorded' }),
})

const RecordTransfer = DerivedTransfer.extend({
  adequacyDecisionId: z.string().nullable(),
  dpfListingUrl: z.string().nullable(),
  certifiedEntity: z.string().nullable(),
  sccModule: z.number().int().nullable(),
  derogation: z.string().nullable(),
  otherSafeguard: z.string().nullable(),
  tiaStatus: Transfer.shape.tiaStatus,
})

const RecordActivity = ActivityRecord.omit({ processors: true }).extend({
  processors: z.array(RecordRecipient),
  thirdCountryTransfers: z.array(RecordTransfer).meta({ description: 'Transfers outside the EEA, derived from the linked processors' }),
  locations: z.array(z.string()).meta({ description: 'Every country where the linked processors keep or reach the data, EEA included' }),
  locationsNotRecorded: z
    .array(z.string())
    .meta({ description: 'Names of the linked processors whose locations are not recorded: unknown, not "in the EEA"' }),
  locationsNotRecordedEn: z.array(z.string()).meta({ description: 'The same processors by their English names' }),
})

export const RecordOfProcessingSchema = z
  .object({
    kind: z.literal('record_of_processing_activities'),
    controller: Controller.nullable().meta({ description: 'Null until the organisation is recorded' }),
    asOf: z.string().nullable().meta({ description: 'The moment the record was rebuilt for, or null for the current record' }),
    generatedAt: z.string(),
    activities: z.array(RecordActivity),
  })
  .meta({ id: 'RecordOfProcessing', description: 'The record of processing activities (GDPR Art. 30(1))' })

// The schema and the builder's type say the same, both ways: a field added to one fails the typecheck.
type Described = z.output<typeof RecordOfProcessingSchema>
export const builtIsDescribed = (r: RecordOfProcessing): Described => r
export const describedIsBuilt = (r: Described): RecordOfProcessing => r
