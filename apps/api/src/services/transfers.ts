import { eq } from 'drizzle-orm'
import {
  countryName,
  fieldErrorsFrom,
  isDuplicateTransfer,
  normaliseTransfer,
  transferRecipientIssues,
  TransferRules,
  type Transfer,
  type TransferInputParsed,
  type TransferUpdate,
} from '@seloste/schema'
import type { z } from 'zod'
import type { DbOrTx } from '../db/client'
import { processors, transfers } from '../db/schema'
import { AppError, invalid, notFound } from '../lib/app-error'
import { recordAudit } from './audit'
import { nowIso, type ServiceContext } from './context'
import { toTransfer } from './mappers'
import { requireVersion } from './processors'
import { changesNothing } from './versions'

type TransferRow = typeof transfers.$inferSelect
type TransferFields = z.output<typeof TransferRules>

function findRow(db: DbOrTx, id: number): TransferRow | undefined {
  return db.select().from(transfers).where(eq(transfers.id, id)).get()
}

export function getTransfer(db: DbOrTx, id: number): Transfer {
  const row = findRow(db, id)
  if (!row) throw notFound('Transfer')
  return toTransfer(row)
}

function fieldsOf(row: TransferRow): TransferFields {
  return {
    country: row.country,
    kind: row.kind,
    safeguard: row.safeguard,
    adequacyDecisionId: row.adequacyDecisionId,
    dpfListingUrl: row.dpfListingUrl,
    dpfVerifiedOn: row.dpfVerifiedOn,
    certifiedEntity: row.certifiedEntity,
    sccModule: row.sccModule as TransferFields['sccModule'],
    derogation: row.derogation,
    otherSafeguard: row.otherSafeguard,
    tiaStatus: row.tiaStatus,
    tiaUrl: row.tiaUrl,
    notes: row.notes,
  }
}

const DEFAULTS: Omit<TransferFields, 'country' | 'kind' | 'safeguard'> = {
  adequacyDecisionId: null,
  dpfListingUrl: null,
  dpfVerifiedOn: null,
  certifiedEntity: null,
  sccModule: null,
  derogation: null,
  otherSafeguard: null,
  tiaStatus: 'unknown',
  tiaUrl: null,
  notes: null,
}

/**
 * Validates the whole record against the Chapter V rules, those that depend on the recipient (its role
 * and home country) included, refuses a second transfer of the processor to the same country of the
 * same kind, and clears fields of other safeguards.
 */
function checked(tx: DbOrTx, processorId: number, fields: TransferFields, selfId: number | null): TransferFields {
  const processor = tx
    .select({ role: processors.role, hqCountry: processors.hqCountry })
    .from(processors)
    .where(eq(processors.id, processorId))
    .get()
  if (!processor) throw notFound('Processor')
  const result = TransferRules.safeParse(fields)
  if (!result.success) throw invalid(fieldErrorsFrom(result.error.issues))
  const issues = transferRecipientIssues(fields, processor)
  if (issues.length) throw invalid(issues)
  const twin = tx
    .select({ id: transfers.id, country: transfers.country, kind: transfers.kind })
    .from(transfers)
    .where(eq(transfers.processorId, processorId))
    .all()
    .find((t) => t.id !== selfId && isDuplicateTransfer(t, fields))
  if (twin) {
    const where = `${countryName(fields.country, 'en')} (${fields.kind})`
    throw new AppError('conflict', `The processor already has a transfer to ${where} (transfer ${twin.id}); change that one instead`, {
      fields: [
        { path: 'country', message: `Duplicate of transfer ${twin.id}: same country and kind` },
        { path: 'kind', message: `Duplicate of transfer ${twin.id}: same country and kind` },
      ],
    })
  }
  return normaliseTransfer(fields)
}

export function createTransfer(ctx: ServiceContext, processorId: number, input: TransferInputParsed): Transfer {
  return ctx.db.transaction((tx) => insertTransfer(tx, ctx, processorId, input), { behavior: 'immediate' })
}

/** Creates a transfer inside the caller's transaction, checked and audited as createTransfer does. */
export function insertTransfer(tx: DbOrTx, ctx: Omit<ServiceContext, 'db'>, processorId: number, input: TransferInputParsed): Transfer {
  const fields = checked(tx, processorId, { ...DEFAULTS, ...input }, null)
  const now = nowIso()
  const row = tx
    .insert(transfers)
    .values({ ...fields, processorId, version: 1, createdAt: now, updatedAt: now })
    .returning()
    .get()
  recordAudit(tx, ctx, { action: 'create', entityType: 'transfer', entityId: row.id, after: toTransfer(row) })
  return toTransfer(row)
}

export function updateTransfer(ctx: ServiceContext, id: number, input: z.output<typeof TransferUpdate>): Transfer {
  return ctx.db.transaction(
    (tx) => {
      const before = requireVersion(findRow(tx, id), input.version, 'Transfer', () => getTransfer(tx, id))
      const { version: _v, ...patch } = input
      // A change of safeguard leaves the stored details of the old one behind (they are cleared), so that
      // only what the request itself sends is refused for not fitting, e.g. a certified company without DPF.
      const stored = fieldsOf(before)
      const base =
        patch.safeguard && patch.safeguard !== stored.safeguard ? normaliseTransfer({ ...stored, safeguard: patch.safeguard }) : stored
      const fields = checked(tx, before.processorId, { ...base, ...patch }, before.id)
      if (changesNothing(before, fields)) return toTransfer(before)
      const row = tx
        .update(transfers)
        .set({ ...fields, version: before.version + 1, updatedAt: nowIso() })
        .where(eq(transfers.id, id))
        .returning()
        .get()!
      recordAudit(tx, ctx, { action: 'update', entityType: 'transfer', entityId: id, before: toTransfer(before), after: toTransfer(row) })
      return toTransfer(row)
    },
    { behavior: 'immediate' },
  )
}

export function deleteTransfer(ctx: ServiceContext, id: number, version: number): void {
  ctx.db.transaction(
    (tx) => {
      const before = requireVersion(findRow(tx, id), version, 'Transfer', () => getTransfer(tx, id))
      tx.delete(transfers).where(eq(transfers.id, id)).run()
      recordAudit(tx, ctx, { action: 'delete', entityType: 'transfer', entityId: id, before: toTransfer(before) })
    },
    { behavior: 'immediate' },
  )
}
