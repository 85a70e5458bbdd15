/**
 * The auditor's exports: the record of processing activities (XLSX, CSV, JSON, printable HTML,
 * PDF) and the processor register (XLSX, CSV), of now or as the registry stood at a past moment.
 * Both moments go through the same builders (../exports/record.ts), so they cannot disagree.
 * Every export is written to the audit trail.
 */
import type { Language } from '@seloste/schema'
import type { Db, DbOrTx } from '../db/client'
import {
  buildProcessorRegister,
  buildRecordOfProcessing,
  controllerTable,
  processorTable,
  ropaTable,
  transferTable,
} from '../exports/record'
import { renderCsv, renderRopaHtml, renderXlsx } from '../exports/render'
import { renderRopaPdf } from '../exports/render-pdf'
import { WORDS } from '../exports/texts'
import { invalid } from '../lib/app-error'
import type { RegistrySnapshot } from '../exports/snapshot'
import { asOfCutoff, loadCurrentSnapshot, loadSnapshotAsOf } from './as-of'
import { recordAudit } from './audit'
import { nowIso, systemContext, type ServiceContext } from './context'
import { findOrganisation } from './organisation'

export const RECORD_FORMATS = ['xlsx', 'csv', 'json', 'html', 'pdf'] as const
export type RecordFormat = (typeof RECORD_FORMATS)[number]
export const REGISTER_FORMATS = ['xlsx', 'csv'] as const
export type RegisterFormat = (typeof REGISTER_FORMATS)[number]

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
} as const

export interface ExportRequest {
  /** A date (YYYY-MM-DD, the end of that day in UTC) or an ISO date-time; absent for now. */
  asOf?: string | undefined
  lang?: Language | undefined
}

export interface ExportFile {
  body: string | Uint8Array
  contentType: string
  fileName: string
  /** The HTML view opens in the browser for printing; the other formats download. */
  disposition: 'attachment' | 'inline'
}

/** The instant to rebuild, or null for now; a moment in the future is refused (the record cannot say it yet). */
export function resolveAsOf(asOf: string | undefined, now = new Date()): string | null {
  if (asOf === undefined) return null
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(asOf)
  // A date is "today" somewhere up to UTC+14: today in Helsinki must be accepted before UTC's midnight.
  const latestToday = new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10)
  const future = isDate ? asOf > latestToday : new Date(asOf).getTime() > now.getTime()
  if (future) throw invalid([{ path: 'asOf', message: 'Must not be in the future' }])
  return asOfCutoff(asOf)
}

/** The snapshot of one moment, read in one transaction so that it is consistent. */
export function loadSnapshot(db: Db, cutoff: string | null): RegistrySnapshot {
  return db.transaction((tx) => (cutoff === null ? loadCurrentSnapshot(tx) : loadSnapshotAsOf(tx, cutoff)))
}

function fileName(base: string, asOf: string | undefined, generatedAt: string, ext: string): string {
  const moment = asOf ? `as-of-${asOf.replace(/:/g, '').replace(/\.\d+/, '')}` : generatedAt.slice(0, 10)
  return `${base}-${moment}.${ext}`
}

/** Renders the record of processing of a snapshot in a format. No audit: the callers that serve people audit. */
export async function renderRecordOfProcessing(
  snapshot: RegistrySnapshot,
  format: RecordFormat,
  lang: Language,
  generatedAt: string,
): Promise<string | Uint8Array> {
  const doc = buildRecordOfProcessing(snapshot, generatedAt)
  switch (format) {
    case 'json':
      return JSON.stringify(doc, null, 2)
    case 'csv':
      return renderCsv(ropaTable(doc, lang))
    case 'html':
      return renderRopaHtml(doc, lang)
    case 'pdf':
      return renderRopaPdf(doc, lang)
    case 'xlsx':
      return renderXlsx([ropaTable(doc, lang), controllerTable(doc.controller, doc.asOf, generatedAt, lang)], {
        title: WORDS[lang].ropaTitle,
        created: new Date(generatedAt),
      })
  }
}

/** Renders the processor register of a snapshot in a format. */
export async function renderProcessorRegister(
  snapshot: RegistrySnapshot,
  format: RegisterFormat,
  lang: Language,
  generatedAt: string,
): Promise<string | Uint8Array> {
  const reg = buildProcessorRegister(snapshot, generatedAt)
  if (format === 'csv') return renderCsv(processorTable(reg, lang))
  return renderXlsx([processorTable(reg, lang), transferTable(reg, lang), controllerTable(reg.controller, reg.asOf, generatedAt, lang)], {
    title: WORDS[lang].processorsTitle,
    created: new Date(generatedAt),
  })
}

/** What renderExport makes: everything but the audit event, so that it can run on a read worker. */
export type ExportRender = (
  { kind: 'record_of_processing'; format: RecordFormat } | { kind: 'processor_register'; format: RegisterFormat }
) & {
  lang: Language
  /** The instant rebuilt from the audit trail, or null for now. */
  cutoff: string | null
  generatedAt: string
}

/**
 * Where an export's body is made: the server passes its read pool (reads/read-pool.ts, a layer above
 * the services), which runs renderExport on a worker thread; without one it is made here. Declared
 * here rather than imported so that services never import the read pool (no import cycle).
 */
export interface ExportRenderer {
  run(task: 'renderExport', arg: ExportRender): Promise<string | Uint8Array>
}

function inThread(db: Db): ExportRenderer {
  return { run: (_task, arg) => renderExport(db, arg) }
}

/** Reads the snapshot and renders the file's body. No audit: the caller writes it (on the app's connection). */
export function renderExport(db: Db, r: ExportRender): Promise<string | Uint8Array> {
  const snapshot = loadSnapshot(db, r.cutoff)
  return r.kind === 'record_of_processing'
    ? renderRecordOfProcessing(snapshot, r.format, r.lang, r.generatedAt)
    : renderProcessorRegister(snapshot, r.format, r.lang, r.generatedAt)
}

function defaultLanguage(db: DbOrTx): Language {
  return findOrganisation(db)?.defaultLanguage ?? 'fi'
}

function audited(ctx: ServiceContext, exportName: string, details: { format: string; asOf: string | null; lang: Language }): void {
  ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'export', entityType: 'export', entityId: exportName, after: details }), {
    behavior: 'immediate',
  })
}

/**
 * The record of processing activities (GDPR Art. 30(1)) as a file, with an audit event. The file is
 * made by `reads` (on a read worker in the server: a large export does not hold up other requests).
 */
export async function exportRecordOfProcessing(
  ctx: ServiceContext,
  format: RecordFormat,
  req: ExportRequest,
  reads: ExportRenderer = inThread(ctx.db),
): Promise<ExportFile> {
  const cutoff = resolveAsOf(req.asOf)
  const lang = req.lang ?? defaultLanguage(ctx.db)
  const generatedAt = nowIso()
  const body = await reads.run('renderExport', { kind: 'record_of_processing', format, lang, cutoff, generatedAt })
  audited(ctx, 'record_of_processing', { format, asOf: cutoff, lang })
  return {
    body,
    contentType: CONTENT_TYPES[format],
    fileName: fileName('record-of-processing', req.asOf, generatedAt, format),
    disposition: format === 'html' ? 'inline' : 'attachment',
  }
}

/** The processor register (every processor with its transfers and DPA status) as a file, with an audit event; made by `reads` as above. */
export async function exportProcessorRegister(
  ctx: ServiceContext,
  format: RegisterFormat,
  req: ExportRequest,
  reads: ExportRenderer = inThread(ctx.db),
): Promise<ExportFile> {
  const cutoff = resolveAsOf(req.asOf)
  const lang = req.lang ?? defaultLanguage(ctx.db)
  const generatedAt = nowIso()
  const body = await reads.run('renderExport', { kind: 'processor_register', format, lang, cutoff, generatedAt })
  audited(ctx, 'processor_register', { format, asOf: cutoff, lang })
  return {
    body,
    contentType: CONTENT_TYPES[format],
    fileName: fileName('processor-register', req.asOf, generatedAt, format),
    disposition: 'attachment',
  }
}

export interface ExportTiming {
  export: 'record_of_processing' | 'processor_register'
  format: string
  /** now, or the instant rebuilt from the audit trail */
  moment: string
  ms: number
  bytes: number
}

/**
 * For the benchmark: produces every export of the database, of now and (with `asOf`) of a past
 * moment, through the same code the routes use (snapshot, builders, renderers, the audit event),
 * and returns how long each took, end to end.
 */
export async function measureExports(db: Db, options: { asOf?: string; lang?: Language } = {}): Promise<ExportTiming[]> {
  const ctx = systemContext(db)
  const timings: ExportTiming[] = []
  const moments: (string | undefined)[] = options.asOf ? [undefined, options.asOf] : [undefined]
  for (const asOf of moments) {
    const req = { asOf, lang: options.lang }
    for (const format of RECORD_FORMATS) {
      const started = performance.now()
      const file = await exportRecordOfProcessing(ctx, format, req)
      timings.push({
        export: 'record_of_processing',
        format,
        moment: asOf ?? 'now',
        ms: performance.now() - started,
        bytes: byteLength(file.body),
      })
    }
    for (const format of REGISTER_FORMATS) {
      const started = performance.now()
      const file = await exportProcessorRegister(ctx, format, req)
      timings.push({
        export: 'processor_register',
        format,
        moment: asOf ?? 'now',
        ms: performance.now() - started,
        bytes: byteLength(file.body),
      })
    }
  }
  return timings
}

const byteLength = (body: string | Uint8Array) => (typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength)
