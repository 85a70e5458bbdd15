import { createHash } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import {
  DPA_DOCUMENT_MAX_BYTES,
  DpaRules,
  emptyChecklist,
  fieldErrorsFrom,
  type Dpa,
  type DpaDocument,
  type DpaInputParsed,
  type DpaUpdate,
} from '@seloste/schema'
import type { z } from 'zod'
import type { DbOrTx } from '../db/client'
import { dpaDocuments, dpas, processors } from '../db/schema'
import { AppError, invalid, notFound } from '../lib/app-error'
import { recordAudit } from './audit'
import { nowIso, type ServiceContext } from './context'
import { toDpa } from './mappers'
import { documentsFor, requireVersion } from './processors'
import { changesNothing } from './versions'

type DpaRow = typeof dpas.$inferSelect
type DpaFields = z.output<typeof DpaRules>

function findRow(db: DbOrTx, id: number): DpaRow | undefined {
  return db.select().from(dpas).where(eq(dpas.id, id)).get()
}

export function getDpa(db: DbOrTx, id: number): Dpa {
  const row = findRow(db, id)
  if (!row) throw notFound('DPA')
  return toDpa(row, documentsFor(db, [id]).get(id) ?? null)
}

function fieldsOf(row: DpaRow): DpaFields {
  const { status, notRequiredReason, signedOn, reference, documentUrl, validUntil, nextReviewOn, checklist } = row
  return { status, notRequiredReason, signedOn, reference, documentUrl, validUntil, nextReviewOn, checklist }
}

function checked(fields: DpaFields): DpaFields {
  const result = DpaRules.safeParse(fields)
  if (!result.success) throw invalid(fieldErrorsFrom(result.error.issues))
  return { ...fields, notRequiredReason: fields.status === 'not_required' ? fields.notRequiredReason : null }
}

export function createDpa(ctx: ServiceContext, processorId: number, input: DpaInputParsed): Dpa {
  return ctx.db.transaction(
    (tx) => {
      if (!tx.select({ id: processors.id }).from(processors).where(eq(processors.id, processorId)).get()) throw notFound('Processor')
      const fields = checked({
        notRequiredReason: null,
        signedOn: null,
        reference: null,
        documentUrl: null,
        validUntil: null,
        nextReviewOn: null,
        checklist: emptyChecklist(),
        ...input,
      })
      const now = nowIso()
      const row = tx
        .insert(dpas)
        .values({ ...fields, processorId, version: 1, createdAt: now, updatedAt: now })
        .returning()
        .get()
      recordAudit(tx, ctx, { action: 'create', entityType: 'dpa', entityId: row.id, after: toDpa(row, null) })
      return toDpa(row, null)
    },
    { behavior: 'immediate' },
  )
}

export function updateDpa(ctx: ServiceContext, id: number, input: z.output<typeof DpaUpdate>): Dpa {
  return ctx.db.transaction(
    (tx) => {
      const before = requireVersion(findRow(tx, id), input.version, 'DPA', () => getDpa(tx, id))
      const { version: _v, ...patch } = input
      const fields = checked({ ...fieldsOf(before), ...patch })
      if (changesNothing(before, fields)) return getDpa(tx, id)
      tx.update(dpas)
        .set({ ...fields, version: before.version + 1, updatedAt: nowIso() })
        .where(eq(dpas.id, id))
        .run()
      const after = getDpa(tx, id)
      recordAudit(tx, ctx, { action: 'update', entityType: 'dpa', entityId: id, before: toDpa(before, after.document), after })
      return after
    },
    { behavior: 'immediate' },
  )
}

export function deleteDpa(ctx: ServiceContext, id: number, version: number): void {
  ctx.db.transaction(
    (tx) => {
      requireVersion(findRow(tx, id), version, 'DPA', () => getDpa(tx, id))
      const before = getDpa(tx, id)
      tx.delete(dpas).where(eq(dpas.id, id)).run()
      recordAudit(tx, ctx, { action: 'delete', entityType: 'dpa', entityId: id, before })
    },
    { behavior: 'immediate' },
  )
}

/** A PDF starts with "%PDF-" (ISO 32000); anything else is refused. */
function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-'
}

/**
 * Keeps a file name safe for a Content-Disposition header and a file system, and names the type the
 * document was checked as: whatever it was called (`.html`, `.svg`), it is stored and served as `.pdf`.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = base.replace(/[^\p{L}\p{N}._ -]+/gu, '_').trim()
  const stem = cleaned
    .replace(/\.[^.]*$/, '')
    .replace(/[. ]+$/, '')
    .slice(-140)
    .trim()
  return `${stem || 'document'}.pdf`
}

export function attachDpaDocument(ctx: ServiceContext, dpaId: number, fileName: string, bytes: Uint8Array): Dpa {
  if (bytes.length > DPA_DOCUMENT_MAX_BYTES) {
    throw new AppError('payload_too_large', `The document is larger than ${DPA_DOCUMENT_MAX_BYTES / 1024 / 1024} MiB`)
  }
  if (!isPdf(bytes)) throw invalid([{ path: 'file', message: 'Must be a PDF document' }])
  return ctx.db.transaction(
    (tx) => {
      const dpa = findRow(tx, dpaId)
      if (!dpa) throw notFound('DPA')
      const previous = documentsFor(tx, [dpaId]).get(dpaId)
      const document: DpaDocument = {
        fileName: safeFileName(fileName),
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        uploadedAt: nowIso(),
      }
      tx.insert(dpaDocuments)
        .values({ dpaId, ...document, content: Buffer.from(bytes) })
        .onConflictDoUpdate({ target: dpaDocuments.dpaId, set: { ...document, content: Buffer.from(bytes) } })
        .run()
      // The document is part of the agreement: a form opened before the upload must not save over it unawares.
      tx.update(dpas)
        .set({ version: dpa.version + 1, updatedAt: nowIso() })
        .where(eq(dpas.id, dpaId))
        .run()
      recordAudit(tx, ctx, { action: 'attach_document', entityType: 'dpa', entityId: dpaId, before: previous ?? null, after: document })
      return getDpa(tx, dpaId)
    },
    { behavior: 'immediate' },
  )
}

export function readDpaDocument(db: DbOrTx, dpaId: number): { fileName: string; sha256: string; content: Buffer } {
  const row = db
    .select({ fileName: dpaDocuments.fileName, sha256: dpaDocuments.sha256, content: dpaDocuments.content })
    .from(dpaDocuments)
    .where(eq(dpaDocuments.dpaId, dpaId))
    .get()
  if (!row) throw notFound('DPA document')
  return row
}

export function removeDpaDocument(ctx: ServiceContext, dpaId: number): void {
  ctx.db.transaction(
    (tx) => {
      const previous = documentsFor(tx, [dpaId]).get(dpaId)
      if (!previous) throw notFound('DPA document')
      tx.delete(dpaDocuments).where(eq(dpaDocuments.dpaId, dpaId)).run()
      tx.update(dpas)
        .set({ version: sql`${dpas.version} + 1`, updatedAt: nowIso() })
        .where(eq(dpas.id, dpaId))
        .run()
      recordAudit(tx, ctx, { action: 'remove_document', entityType: 'dpa', entityId: dpaId, before: previous })
    },
    { behavior: 'immediate' },
  )
}
