import { eq } from 'drizzle-orm'
import { fieldErrorsFrom, normaliseTransfer, TransferRules, type Transfer, type TransferInputParsed, type TransferUpdate } from '@seloste/schema'
import type { z } from 'zod'
import type { DbOrTx } from '../db/client'
import { processors, transfers } from '../db/schema'
import { invalid, notFound } from '../lib/app-error'
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
  sccModule: null,
  derogation: null,
  otherSafeguard: null,
  tiaStatus: 'unknown',
  tiaUrl: null,
  notes: null,
}

/** Validates the whole record against the Chapter V rules and clears fields of other safeguards. */
function checked(fields: TransferFields): TransferFields {
  const result = TransferRules.safeParse(fields)
  if (!result.success) throw invalid(fieldErrorsFrom(result.error.issues))
  return normaliseTransfer(fields)
}

export function createTransfer(ctx: ServiceContext, processorId: number, input: TransferInputParsed): Transfer {
  return ctx.db.transaction(
    (tx) => {
      if (!tx.select({ id: processors.id }).from(processors).where(eq(processors.id, processorId)).get()) throw notFound('Processor')
      const fields = checked({ ...DEFAULTS, ...input })
      const now = nowIso()
      const row = tx.insert(transfers).values({ ...fields, processorId, version: 1, createdAt: now, updatedAt: now }).returning().get()
      recordAudit(tx, ctx, { action: 'create', entityType: 'transfer', entityId: row.id, after: toTransfer(row) })
      return toTransfer(row)
    },
    { behavior: 'immediate' },
  )
}

export function updateTransfer(ctx: ServiceContext, id: number, input: z.output<typeof TransferUpdate>): Transfer {
  return ctx.db.transaction(
    (tx) => {
      const before = requireVersion(findRow(tx, id), input.version, 'Transfer', () => getTransfer(tx, id))
      const { version: _v, ...patch } = input
      const fields = checked({ ...fieldsOf(before), ...patch })
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
