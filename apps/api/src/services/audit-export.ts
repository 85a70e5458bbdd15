/**
 * The audit trail as a file (CSV or XLSX) for an auditor: every event that matches the filters,
 * oldest first, with the chain's head and the export time written on the file itself.
 *
 * The export's own event is appended first, in its own transaction, and the head is read in that
 * transaction: the file then ends with its own event (when the filters keep it) and its head names
 * that event, so whoever holds the file can later check that the trail still contains it
 * (`pnpm audit:verify --expect-head <head>`). The chain is verified when the file is made and the
 * result written on it: a broken chain is said, never hidden behind a head hash.
 */
import type { AuditExportQuery, Language } from '@seloste/schema'
import { and, asc, eq, gt, gte, lt, lte, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import type { DbOrTx } from '../db/client'
import { auditEvents } from '../db/schema'
import { renderXlsx } from '../exports/render'
import type { Table } from '../exports/record'
import { toCsv } from '../lib/csv'
import { currentAuditHead, formatAuditHead, recordAudit, verifyAuditChain, type AuditHead } from './audit'
import { nowIso, type ServiceContext } from './context'
import { CONTENT_TYPES, type ExportFile } from './exports'
import { findOrganisation } from './organisation'

export const AUDIT_EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number]

type Query = z.output<typeof AuditExportQuery>

const WORDS = {
  en: {
    title: 'Audit trail',
    sheetEvents: 'Audit trail',
    sheetExport: 'Export',
    exportedAt: 'Exported at (UTC)',
    exportedBy: 'Exported by',
    head: 'Chain head (events:SHA-256 of the newest event)',
    chain: 'Chain check at export',
    intact: (n: number) => `intact: ${n} events verified`,
    broken: (at: number, reason: string) => `BROKEN at event ${at}: ${reason}`,
    filters: 'Filters',
    noFilters: 'none (the whole trail)',
    events: 'Events in this file',
    columns: [
      'Sequence',
      'Time (UTC)',
      'Actor id',
      'Actor',
      'Action',
      'Entity type',
      'Entity id',
      'Before (JSON)',
      'After (JSON)',
      'Request id',
      'Client address',
      'Previous hash',
      'Hash',
    ],
  },
  fi: {
    title: 'Muutosloki',
    sheetEvents: 'Muutosloki',
    sheetExport: 'Vienti',
    exportedAt: 'Viety (UTC)',
    exportedBy: 'Viejä',
    head: 'Ketjun pää (tapahtumia:uusimman tapahtuman SHA-256)',
    chain: 'Ketjun tarkistus viennin hetkellä',
    intact: (n: number) => `eheä: ${n} tapahtumaa tarkistettu`,
    broken: (at: number, reason: string) => `RIKKI tapahtumassa ${at}: ${reason}`,
    filters: 'Rajaukset',
    noFilters: 'ei rajauksia (koko loki)',
    events: 'Tapahtumia tiedostossa',
    columns: [
      'Järjestysnumero',
      'Aika (UTC)',
      'Tekijän tunniste',
      'Tekijä',
      'Toiminto',
      'Kohteen tyyppi',
      'Kohteen tunniste',
      'Ennen (JSON)',
      'Jälkeen (JSON)',
      'Pyynnön tunniste',
      'Asiakasosoite',
      'Edellinen tiiviste',
      'Tiiviste',
    ],
  },
} as const

const WIDTHS = [10, 22, 10, 28, 16, 16, 12, 50, 50, 38, 16, 66, 66]
const TYPES = ['integer', 'datetime', 'integer'] as const

function filterText(q: Query): string {
  const parts = (['entityType', 'entityId', 'actorId', 'action', 'from', 'to'] as const)
    .filter((k) => q[k] !== undefined)
    .map((k) => `${k}=${String(q[k])}`)
  return parts.join('; ')
}

/** The events that match, oldest first, up to and including the head read with the export's own event. */
function matchingRows(db: DbOrTx, q: Query, head: AuditHead): string[][] {
  const where: SQL[] = [lte(auditEvents.seq, head.events)]
  if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType))
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId))
  if (q.actorId) where.push(eq(auditEvents.actorId, q.actorId))
  if (q.action) where.push(eq(auditEvents.action, q.action))
  if (q.from) where.push(gte(auditEvents.at, new Date(q.from).toISOString()))
  if (q.to) where.push(lt(auditEvents.at, new Date(q.to).toISOString()))
  const rows: string[][] = []
  let after = 0
  for (;;) {
    const page = db
      .select()
      .from(auditEvents)
      .where(and(gt(auditEvents.seq, after), ...where))
      .orderBy(asc(auditEvents.seq))
      .limit(2000)
      .all()
    for (const r of page) {
      rows.push([
        String(r.seq),
        r.at,
        r.actorId === null ? '' : String(r.actorId),
        r.actorEmail ?? '',
        r.action,
        r.entityType,
        r.entityId ?? '',
        r.before ?? '',
        r.after ?? '',
        r.requestId ?? '',
        r.clientAddress ?? '',
        r.prevHash,
        r.hash,
      ])
    }
    if (page.length < 2000) return rows
    after = page[page.length - 1]!.seq
  }
}

/** The audit trail (filtered) as CSV or XLSX, with its own audit event, the head and the chain check on it. */
export async function exportAuditTrail(ctx: ServiceContext, format: AuditExportFormat, q: Query): Promise<ExportFile> {
  const lang: Language = q.lang ?? findOrganisation(ctx.db)?.defaultLanguage ?? 'fi'
  const w = WORDS[lang]
  const exportedAt = nowIso()
  const filters = filterText(q)
  const head = ctx.db.transaction(
    (tx) => {
      recordAudit(tx, ctx, {
        action: 'export',
        entityType: 'export',
        entityId: 'audit_trail',
        after: { format, lang, filters: filters || null },
      })
      return currentAuditHead(tx)
    },
    { behavior: 'immediate' },
  )
  const check = verifyAuditChain(ctx.db, head)
  const rows = matchingRows(ctx.db, q, head)
  const stamp: [string, string][] = [
    [w.exportedAt, exportedAt],
    [w.exportedBy, ctx.actor.email ?? ''],
    [w.head, formatAuditHead(head)],
    [w.chain, check.intact ? w.intact(check.events) : w.broken(check.brokenAt, check.reason)],
    [w.filters, filters || w.noFilters],
    [w.events, String(rows.length)],
  ]
  const fileName = `audit-trail-${exportedAt.slice(0, 19).replace(/:/g, '')}Z.${format}`
  if (format === 'csv') {
    // The stamp first (label, value), an empty record, then the table: a reader sees the head before any event.
    const body = toCsv([[w.title], ...stamp, [], w.columns, ...rows], { bom: true })
    return { body, contentType: CONTENT_TYPES.csv, fileName, disposition: 'attachment' }
  }
  const events: Table = {
    name: w.sheetEvents,
    columns: w.columns.map((header, i) => ({ header, width: WIDTHS[i]!, ...(TYPES[i] && { type: TYPES[i] }) })),
    rows,
  }
  const exportSheet: Table = {
    name: w.sheetExport,
    columns: [
      { header: '', width: 48 },
      { header: '', width: 90 },
    ],
    rows: stamp,
  }
  const body = await renderXlsx([exportSheet, events], { title: w.title, created: new Date(exportedAt) })
  return { body, contentType: CONTENT_TYPES.xlsx, fileName, disposition: 'attachment' }
}
