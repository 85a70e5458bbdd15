import { z } from 'zod'
import { VersionField } from './common'
import { MESSAGES } from './messages'

/** admin manages people and edits; editor maintains the registry and publishes; auditor reads, exports and views the audit trail. */
export const UserRole = z.enum(['admin', 'editor', 'auditor'])
export type UserRole = z.infer<typeof UserRole>

const Email = z.email({ message: MESSAGES.email }).trim().toLowerCase().max(320)
/** Length is checked here; the common-password check happens on the server, which holds the list. */
const NewPassword = z.string().min(12, MESSAGES.password_too_short).max(128, MESSAGES.password_too_long)

export const LoginInput = z
  .strictObject({
    email: z.string().trim().toLowerCase().min(1, MESSAGES.required).max(320),
    password: z.string().min(1, MESSAGES.required).max(1024),
  })
  .meta({ id: 'LoginInput' })
export type LoginInput = z.input<typeof LoginInput>

export const User = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: UserRole,
    disabled: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'User' })
export type User = z.infer<typeof User>

export const SessionInfo = z
  .object({ user: z.object({ id: z.number().int(), email: z.string(), name: z.string(), role: UserRole }) })
  .meta({ id: 'SessionInfo' })
export type SessionInfo = z.infer<typeof SessionInfo>

export const UserCreate = z
  .strictObject({ email: Email, name: z.string().trim().min(1, MESSAGES.required).max(200), role: UserRole, password: NewPassword })
  .meta({ id: 'UserCreate' })
export type UserCreate = z.input<typeof UserCreate>

export const UserUpdate = z
  .strictObject({
    name: z.string().trim().min(1, MESSAGES.required).max(200).optional(),
    role: UserRole.optional(),
    disabled: z.boolean().optional(),
    version: VersionField,
  })
  .meta({ id: 'UserUpdate' })
export type UserUpdate = z.input<typeof UserUpdate>

export const PasswordReset = z.strictObject({ password: NewPassword }).meta({ id: 'PasswordReset' })
export type PasswordReset = z.input<typeof PasswordReset>

export const PasswordChange = z
  .strictObject({ currentPassword: z.string().min(1, MESSAGES.required).max(1024), newPassword: NewPassword })
  .meta({ id: 'PasswordChange' })
export type PasswordChange = z.input<typeof PasswordChange>

// ---------------------------------------------------------------------------
// The audit trail.
// ---------------------------------------------------------------------------

/**
 * The record types and actions the API writes to the audit trail: the services' `recordAudit` takes
 * only these, and the dashboard's filters offer them (with labels in its locales, keyed by them).
 */
export const AUDIT_ENTITY_TYPES = [
  'processor',
  'transfer',
  'dpa',
  'activity',
  'public_list',
  'user',
  'session',
  'organisation',
  'data_category',
  'data_subject_category',
  'finding',
  'export',
  'notice',
  'notice_texts',
] as const
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number]

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'retire',
  'approve',
  'publish',
  'attach_document',
  'remove_document',
  'login',
  'login_failed',
  'logout',
  'change_password',
  'change_password_failed',
  'unlock',
  'reset_password',
  'export',
  'acknowledge',
  'revoke_acknowledgement',
  'regenerate_calendar_token',
  'catalogue_link',
  'catalogue_accept',
  'catalogue_dismiss',
  'merge',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const AuditEvent = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorId: z.number().int().nullable(),
    actorEmail: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    requestId: z.string().nullable(),
    clientAddress: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' })
export type AuditEvent = z.infer<typeof AuditEvent>

export const AuditQuery = z
  .object({
    entityType: z.string().max(50).optional(),
    entityId: z.string().max(50).optional(),
    actorId: z.coerce.number().int().positive().optional(),
    action: z.string().max(50).optional(),
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().meta({ description: 'From this time (inclusive)' }),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().meta({ description: 'Up to this time (exclusive)' }),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .meta({ id: 'AuditQuery' })
export type AuditQuery = z.input<typeof AuditQuery>

/** The audit trail as a file: the same filters as the list, without paging (every matching event). */
export const AuditExportQuery = AuditQuery.omit({ page: true, pageSize: true })
  .extend({
    lang: z.enum(['fi', 'en']).optional().meta({ description: "Language of the headings; the organisation's default when absent" }),
  })
  .meta({ id: 'AuditExportQuery' })
export type AuditExportQuery = z.input<typeof AuditExportQuery>

export const AuditPage = z
  .object({ items: z.array(AuditEvent), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'AuditPage' })
export type AuditPage = z.infer<typeof AuditPage>

export const AuditVerification = z
  .object({
    intact: z.boolean(),
    events: z.number().int(),
    headHash: z.string().optional(),
    brokenAt: z.number().int().optional().meta({ description: 'Sequence number of the first event that does not verify' }),
    reason: z.string().optional(),
  })
  .meta({ id: 'AuditVerification' })
export type AuditVerification = z.infer<typeof AuditVerification>
