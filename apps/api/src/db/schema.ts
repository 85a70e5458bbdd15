import { sql } from 'drizzle-orm'
import { blob, check, index, integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Checklist, DpaStatus, ProcessorRole, ProcessorStatus, Safeguard, TiaStatus, TransferKind, Derogation, Language } from '@seloste/schema'

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
    legalName: text('legal_name'),
    parentId: integer('parent_id').references((): AnySQLiteColumn => processors.id, { onDelete: 'set null' }),
    role: text('role').$type<ProcessorRole>().notNull(),
    serviceFi: text('service_fi').notNull().default(''),
    serviceEn: text('service_en').notNull().default(''),
    purposeFi: text('purpose_fi').notNull().default(''),
    purposeEn: text('purpose_en').notNull().default(''),
    dataCategories: text('data_categories', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    dataSubjectCategories: text('data_subject_categories', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
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
    /** Lower-cased names and services, kept by the service layer for case-insensitive search. */
    searchText: text('search_text').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('processors_display_name').on(sql`${t.displayName} COLLATE NOCASE`),
    index('processors_status').on(t.status),
    index('processors_role').on(t.role),
    index('processors_parent').on(t.parentId),
    index('processors_updated_at').on(t.updatedAt),
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
  (t) => [
    index('audit_entity').on(t.entityType, t.entityId, t.seq),
    index('audit_actor').on(t.actorId, t.seq),
    index('audit_at').on(t.at),
  ],
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

/** Failed logins per account ("account:<email>") and per client address ("address:<ip>"), for throttling. */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: text('window_started_at').notNull(),
})
