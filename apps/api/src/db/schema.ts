import { sql } from 'drizzle-orm'
import { blob, check, index, integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import type {
  ActivityStatus,
  Checklist,
  DataSource,
  DataSubjectRight,
  DpaStatus,
  DpiaStatus,
  OtherRecipient,
  ProcessorRole,
  ProcessorStatus,
  Purpose,
  Retention,
  Safeguard,
  TiaStatus,
  TransferKind,
  Derogation,
  Language,
} from '@seloste/schema'

const timestamps = {
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
}

/** The controller. Exactly one row (id 1). */
export const organisation = sqliteTable(
  'organisation',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    businessId: text('business_id').notNull(),
    address: text('address'),
    privacyContactName: text('privacy_contact_name'),
    privacyContactEmail: text('privacy_contact_email'),
    defaultLanguage: text('default_language').$type<Language>().notNull().default('fi'),
    // Art. 37, 27 and 26: null where nothing is recorded (unknown), never read as "none".
    dpoAppointed: integer('dpo_appointed', { mode: 'boolean' }),
    dpoName: text('dpo_name'),
    dpoEmail: text('dpo_email'),
    /** Art. 27: false when established in the Union (none needed), true with a representative; null: not recorded. */
    representativeNeeded: integer('representative_needed', { mode: 'boolean' }),
    representative: text('representative'),
    representativeContact: text('representative_contact'),
    hasJointControllers: integer('has_joint_controllers', { mode: 'boolean' }),
    jointControllers: text('joint_controllers'),
    version: integer('version').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('organisation_single_row', sql`${t.id} = 1`)],
)

export const processors = sqliteTable(
  'processors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    displayName: text('display_name').notNull(),
    /** The name in English outputs where the display name is Finnish (null: the display name serves both). */
    displayNameEn: text('display_name_en'),
    legalName: text('legal_name'),
    parentId: integer('parent_id').references((): AnySQLiteColumn => processors.id, { onDelete: 'set null' }),
    role: text('role').$type<ProcessorRole>().notNull(),
    serviceFi: text('service_fi').notNull().default(''),
    serviceEn: text('service_en').notNull().default(''),
    purposeFi: text('purpose_fi').notNull().default(''),
    purposeEn: text('purpose_en').notNull().default(''),
    dataCategories: text('data_categories', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    dataSubjectCategories: text('data_subject_categories', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    websiteUrl: text('website_url'),
    privacyPolicyUrl: text('privacy_policy_url'),
    dpaUrl: text('dpa_url'),
    hqCountry: text('hq_country'),
    status: text('status').$type<ProcessorStatus>().notNull(),
    startDate: text('start_date'),
    endDate: text('end_date'),
    disclosureConditionFi: text('disclosure_condition_fi').notNull().default(''),
    disclosureConditionEn: text('disclosure_condition_en').notNull().default(''),
    isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(true),
    internalNotes: text('internal_notes'),
    /** Role international_organisation: which one, an id of the legal reference data (null: not recorded or by name). */
    internationalOrganisationId: text('international_organisation_id'),
    /** Role international_organisation: its name where it is not in the reference data (both null: not recorded). */
    internationalOrganisationName: text('international_organisation_name'),
    /** Lower-cased names and services, kept by the service layer for case-insensitive search. */
    searchText: text('search_text').notNull().default(''),
    /** The vendor catalogue entry the record was created from or linked to (null: not linked). */
    catalogueId: text('catalogue_id'),
    /** The catalogue version whose facts the owner last saw (created, linked, accepted or dismissed at). */
    catalogueVersion: text('catalogue_version'),
    /** The entry as it was at that version, so that a later release's changes can be shown field by field. */
    catalogueSeen: text('catalogue_seen', { mode: 'json' }).$type<unknown>(),
    ...timestamps,
  },
  (t) => [
    index('processors_display_name').on(sql`${t.displayName} COLLATE NOCASE`),
    index('processors_status').on(t.status),
    index('processors_role').on(t.role),
    index('processors_parent').on(t.parentId),
    index('processors_updated_at').on(t.updatedAt),
    /** The list: status filter, search on the index entry itself, rows already in display-name order. */
    index('processors_status_name_search').on(t.status, sql`${t.displayName} COLLATE NOCASE`, t.id, t.searchText),
  ],
)

export const transfers = sqliteTable(
  'transfers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    processorId: integer('processor_id')
      .notNull()
      .references(() => processors.id, { onDelete: 'cascade' }),
    country: text('country').notNull(),
    kind: text('kind').$type<TransferKind>().notNull(),
    safeguard: text('safeguard').$type<Safeguard>().notNull(),
    adequacyDecisionId: text('adequacy_decision_id'),
    dpfListingUrl: text('dpf_listing_url'),
    dpfVerifiedOn: text('dpf_verified_on'),
    /** With DPF: the US legal entity certified (e.g. Google LLC); null on records made before it was asked (a finding asks for it). */
    certifiedEntity: text('certified_entity'),
    sccModule: integer('scc_module'),
    derogation: text('derogation').$type<Derogation>(),
    otherSafeguard: text('other_safeguard'),
    tiaStatus: text('tia_status').$type<TiaStatus>().notNull().default('unknown'),
    tiaUrl: text('tia_url'),
    notes: text('notes'),
    ...timestamps,
  },
  (t) => [
    index('transfers_processor').on(t.processorId),
    index('transfers_country').on(t.country, t.processorId),
    index('transfers_safeguard').on(t.safeguard, t.processorId),
  ],
)

export const dpas = sqliteTable(
  'dpas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    processorId: integer('processor_id')
      .notNull()
      .references(() => processors.id, { onDelete: 'cascade' }),
    status: text('status').$type<DpaStatus>().notNull(),
    notRequiredReason: text('not_required_reason'),
    signedOn: text('signed_on'),
    reference: text('reference'),
    documentUrl: text('document_url'),
    validUntil: text('valid_until'),
    nextReviewOn: text('next_review_on'),
    checklist: text('checklist', { mode: 'json' }).$type<Checklist>().notNull(),
    ...timestamps,
  },
  (t) => [index('dpas_processor').on(t.processorId, t.id)],
)

/** An uploaded DPA document (PDF), kept in the database so that a backup holds everything. */
export const dpaDocuments = sqliteTable('dpa_documents', {
  dpaId: integer('dpa_id')
    .primaryKey()
    .references(() => dpas.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: blob('content', { mode: 'buffer' }).notNull(),
  uploadedAt: text('uploaded_at').notNull(),
})

/**
 * The audit trail: one row per change, written in the change's own transaction.
 * Append-only (triggers refuse UPDATE and DELETE) and hash-chained (each hash covers the previous one).
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    actorId: integer('actor_id'),
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: text('before'),
    after: text('after'),
    requestId: text('request_id'),
    clientAddress: text('client_address'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_entity').on(t.entityType, t.entityId, t.seq), index('audit_actor').on(t.actorId, t.seq), index('audit_at').on(t.at)],
)

/** User roles: admin manages people and edits; editor maintains the registry and publishes; auditor reads and exports. */
export type UserRole = 'admin' | 'editor' | 'auditor'

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Stored lower-cased; unique. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role').$type<UserRole>().notNull(),
  /** argon2id in PHC string form. */
  passwordHash: text('password_hash').notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  passwordChangedAt: text('password_changed_at').notNull(),
  ...timestamps,
})

/** Server-side sessions. Only the SHA-256 of the random token is stored; the token lives in the cookie. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    /** The absolute end of the session, whatever its activity. */
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
)

/**
 * Password attempts, counted before the password is checked, per account and client address
 * ("pair:<email>|<ip>"), per account ("account:<email>"), per client address ("address:<ip>") and
 * per user changing their own password ("password:<id>"). Past a key's free attempts each one
 * sets `blocked_until` further ahead (backoff), instead of locking the account.
 */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  /** Attempts in the current window (the column keeps its first name: it counted failures once). */
  failures: integer('failures').notNull(),
  windowStartedAt: text('window_started_at').notNull(),
  blockedUntil: text('blocked_until'),
})

/** Published versions of the public processor list. Immutable: triggers refuse UPDATE and DELETE. */
export const publishedVersions = sqliteTable('published_versions', {
  version: integer('version').primaryKey(),
  /** The date the version is dated (YYYY-MM-DD). */
  date: text('date').notNull(),
  publishedAt: text('published_at').notNull(),
  publishedById: integer('published_by_id'),
  publishedByEmail: text('published_by_email'),
  /** PublicListContent as canonical JSON. */
  content: text('content').notNull(),
  /** EntryChange[] against the previous version. */
  changes: text('changes').notNull(),
  contentHash: text('content_hash').notNull(),
})

// ---------------------------------------------------------------------------
// Records of processing activities (GDPR Art. 30(1)) and their shared vocabulary.
// ---------------------------------------------------------------------------

/** Categories of personal data, shared by the activities; `special` marks the Art. 9(1) categories. */
export const dataCategories = sqliteTable('data_categories', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  nameFi: text('name_fi').notNull().default(''),
  nameEn: text('name_en').notNull().default(''),
  special: integer('special', { mode: 'boolean' }).notNull().default(false),
  ...timestamps,
})

/** Categories of data subjects (customers, website visitors...), shared by the activities. */
export const dataSubjectCategories = sqliteTable('data_subject_categories', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  nameFi: text('name_fi').notNull().default(''),
  nameEn: text('name_en').notNull().default(''),
  ...timestamps,
})

export const activities = sqliteTable(
  'activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    nameFi: text('name_fi').notNull().default(''),
    nameEn: text('name_en').notNull().default(''),
    descriptionFi: text('description_fi').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    owner: text('owner'),
    status: text('status').$type<ActivityStatus>().notNull().default('draft'),
    approvedBy: text('approved_by'),
    approvedAt: text('approved_at'),
    nextReviewOn: text('next_review_on'),
    /** Purpose[]: each with its Art. 6(1) basis and the fields that basis needs (validated by @seloste/schema). */
    purposes: text('purposes', { mode: 'json' }).$type<Purpose[]>().notNull(),
    retention: text('retention', { mode: 'json' }).$type<Retention | null>(),
    sources: text('sources', { mode: 'json' })
      .$type<DataSource[]>()
      .notNull()
      .default(sql`'[]'`),
    sourcesOtherFi: text('sources_other_fi').notNull().default(''),
    sourcesOtherEn: text('sources_other_en').notNull().default(''),
    otherRecipients: text('other_recipients', { mode: 'json' })
      .$type<OtherRecipient[]>()
      .notNull()
      .default(sql`'[]'`),
    securityMeasuresFi: text('security_measures_fi').notNull().default(''),
    securityMeasuresEn: text('security_measures_en').notNull().default(''),
    automatedDecisionMaking: integer('automated_decision_making', { mode: 'boolean' }),
    profiling: integer('profiling', { mode: 'boolean' }),
    automatedDecisionDescriptionFi: text('automated_decision_description_fi').notNull().default(''),
    automatedDecisionDescriptionEn: text('automated_decision_description_en').notNull().default(''),
    dpiaStatus: text('dpia_status').$type<DpiaStatus>().notNull().default('unknown'),
    dpiaUrl: text('dpia_url'),
    rights: text('rights', { mode: 'json' })
      .$type<DataSubjectRight[]>()
      .notNull()
      .default(sql`'[]'`),
    ...timestamps,
  },
  (t) => [index('activities_name').on(sql`${t.nameFi} COLLATE NOCASE`)],
)

/** Which categories of data subjects an activity concerns; a category in use cannot be deleted. */
export const activityDataSubjects = sqliteTable(
  'activity_data_subjects',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => dataSubjectCategories.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.categoryId] }), index('activity_data_subjects_category').on(t.categoryId)],
)

/** Which categories of personal data an activity processes, each with an optional retention of its own. */
export const activityDataCategories = sqliteTable(
  'activity_data_categories',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => dataCategories.id, { onDelete: 'restrict' }),
    retention: text('retention', { mode: 'json' }).$type<Retention | null>(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.categoryId] }), index('activity_data_categories_category').on(t.categoryId)],
)

/** The processors and recipients of the registry that serve an activity (Art. 30(1)(d)). */
export const activityProcessors = sqliteTable(
  'activity_processors',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    processorId: integer('processor_id')
      .notNull()
      .references(() => processors.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.processorId] }), index('activity_processors_processor').on(t.processorId)],
)

/** An accepted risk: the finding stops counting as open until the acknowledgement expires. */
export const findingAcknowledgements = sqliteTable(
  'finding_acknowledgements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    findingKey: text('finding_key').notNull(),
    reason: text('reason').notNull(),
    expiresOn: text('expires_on').notNull(),
    acknowledgedById: integer('acknowledged_by_id'),
    acknowledgedByEmail: text('acknowledged_by_email'),
    acknowledgedAt: text('acknowledged_at').notNull(),
  },
  (t) => [index('finding_ack_key').on(t.findingKey, t.expiresOn)],
)

/** Open findings per severity, one row per day, for the trend. */
export const findingCounts = sqliteTable('finding_counts', {
  date: text('date').primaryKey(),
  high: integer('high').notNull(),
  medium: integer('medium').notNull(),
  low: integer('low').notNull(),
})

/** Per-user secret for the iCalendar feed URL; only its hash is stored. */
export const calendarTokens = sqliteTable('calendar_tokens', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: text('created_at').notNull(),
})

/** People who follow the public list by email (double opt-in). Tokens are stored only as hashes. */
export const listSubscribers = sqliteTable('list_subscribers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  language: text('language').$type<Language>().notNull(),
  confirmTokenHash: text('confirm_token_hash'),
  unsubscribeTokenHash: text('unsubscribe_token_hash').notNull().unique(),
  createdAt: text('created_at').notNull(),
  confirmedAt: text('confirmed_at'),
  lastMailedAt: text('last_mailed_at'),
})

/** What the last daily digest reported, so that the next one says only what is new. */
export const digestRuns = sqliteTable('digest_runs', {
  date: text('date').primaryKey(),
  findingKeys: text('finding_keys', { mode: 'json' }).$type<string[]>().notNull(),
  recipients: integer('recipients').notNull(),
})

// ---------------------------------------------------------------------------
// The privacy notice (GDPR Art. 13 and 14): the owner's free-text blocks and the published versions.
// ---------------------------------------------------------------------------

/** The notice's free-text blocks, each in both languages. One row (id 1), created by the first save. */
export const noticeTexts = sqliteTable(
  'notice_texts',
  {
    id: integer('id').primaryKey(),
    summaryFi: text('summary_fi').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    securityFi: text('security_fi').notNull().default(''),
    securityEn: text('security_en').notNull().default(''),
    exercisingRightsFi: text('exercising_rights_fi').notNull().default(''),
    exercisingRightsEn: text('exercising_rights_en').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('notice_texts_single_row', sql`${t.id} = 1`)],
)

/** Published versions of the privacy notice. Immutable: triggers refuse UPDATE and DELETE. */
export const noticeVersions = sqliteTable('notice_versions', {
  version: integer('version').primaryKey(),
  /** The date the version is dated (YYYY-MM-DD). */
  date: text('date').notNull(),
  publishedAt: text('published_at').notNull(),
  publishedById: integer('published_by_id'),
  publishedByEmail: text('published_by_email'),
  /** NoticeSnapshot as canonical JSON: what both languages are rendered from. */
  content: text('content').notNull(),
  /** NoticeChange[] against the previous version. */
  changes: text('changes').notNull(),
  contentHash: text('content_hash').notNull(),
})
