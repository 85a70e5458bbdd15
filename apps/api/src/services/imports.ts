/**
 * Imports from a spreadsheet (issue 18): an upload is read and kept in memory under an import id
 * for a while; its mapping can be changed; the preview plans every row against the registry as it
 * is (reads only); committing runs the planned writes through the services in one transaction that
 * is kept only when every row succeeds.
 * Each written record gets its service's one audit event, with the import id as the request id.
 */
import { randomBytes } from 'node:crypto'
import type { ImportMapping, ImportPreview, ImportResult, ImportRowStatus } from '@seloste/schema'
import type { z } from 'zod'
import { AppError, invalid, notFound } from '../lib/app-error'
import { describeFields, fieldsFor, matchHeader } from '../imports/fields'
import { autoColumns, detectLayout, planImport, unmatchedValues, type ImportState, type RecordPlan } from '../imports/plan'
import { readUpload } from '../imports/read'
import { createActivity, getActivity, updateActivity } from './activities'
import type { ServiceContext } from './context'
import { createProcessor, getProcessor, updateProcessor } from './processors'

const EXPIRES_MS = 60 * 60 * 1000
const MAX_KEPT = 50
const imports = new Map<string, ImportState>()

const SERVICES = { getProcessor, createProcessor, updateProcessor, getActivity, createActivity, updateActivity }

function sweep(now = Date.now()): void {
  for (const [id, s] of imports) if (s.expiresAt <= now) imports.delete(id)
  while (imports.size >= MAX_KEPT) imports.delete(imports.keys().next().value!)
}

function find(ctx: ServiceContext, id: string): ImportState {
  sweep()
  const s = imports.get(id)
  // Another administrator's import is not yours to see or commit.
  if (!s || s.createdBy !== ctx.actor.id) throw notFound('Import')
  return s
}

/** Reads the file and keeps it with the mapping Seloste guessed. Nothing is written to the database. */
export async function createImport(ctx: ServiceContext, fileName: string, bytes: Uint8Array): Promise<ImportPreview> {
  const sheets = await readUpload(fileName, bytes)
  const layout = detectLayout(sheets)
  if (layout.sheet.rows.length <= layout.headerRow + 1)
    throw invalid([{ path: 'file', message: 'The file has a heading row but no rows of data' }], 'The file has no rows of data')
  if (layout.columns.every((c) => c === null)) {
    throw invalid(
      [
        {
          path: 'file',
          message:
            "No column heading is one Seloste knows: the first rows should name the columns (e.g. Name, Role, Country, or the ICO template's headings)",
        },
      ],
      'No known column headings',
    )
  }
  sweep()
  const state: ImportState = {
    id: randomBytes(16).toString('hex'),
    fileName: fileName.slice(0, 200),
    sheet: layout.sheet,
    headerRow: layout.headerRow,
    target: layout.target,
    language: layout.language,
    columns: layout.columns,
    values: {},
    createdBy: ctx.actor.id,
    expiresAt: Date.now() + EXPIRES_MS,
  }
  imports.set(state.id, state)
  return preview(ctx, state)
}

export function getImport(ctx: ServiceContext, id: string): ImportPreview {
  return preview(ctx, find(ctx, id))
}

/** Changes which field each column fills and what unmatched values mean; returns the new preview. */
export function updateImportMapping(ctx: ServiceContext, id: string, mapping: z.output<typeof ImportMapping>): ImportPreview {
  const state = find(ctx, id)
  const headers = state.sheet.rows[state.headerRow] ?? []
  if (mapping.columns.length !== headers.length)
    throw invalid([{ path: 'columns', message: `Give a field (or null) for each of the ${headers.length} columns` }])
  const keys = new Set(fieldsFor(mapping.target).map((f) => f.key))
  const seen = new Set<string>()
  const fields = mapping.columns.flatMap((k, i) => {
    if (k === null) return []
    if (!keys.has(k)) return [{ path: `columns.${i}`, message: `"${k}" is not a field of ${mapping.target}` }]
    if (seen.has(k)) return [{ path: `columns.${i}`, message: `Two columns fill "${k}"` }]
    seen.add(k)
    return []
  })
  const values: Record<string, Record<string, string>> = {}
  mapping.values.forEach((v, i) => {
    if (!keys.has(v.field)) fields.push({ path: `values.${i}.field`, message: `"${v.field}" is not a field of ${mapping.target}` })
    else (values[v.field] ??= {})[v.raw] = v.value
  })
  if (fields.length) throw invalid(fields)
  // A new target with no column given starts from the headings' own matches for it.
  const columns =
    mapping.target !== state.target && mapping.columns.every((c) => c === null)
      ? autoColumns(mapping.target, mapping.language, headers)
      : mapping.columns
  Object.assign(state, { target: mapping.target, language: mapping.language, columns, values })
  return preview(ctx, state)
}

class Rollback extends Error {}

/** Plans the rows; with `keep`, runs their writes in one transaction, kept only when every row succeeded. */
function run(
  ctx: ServiceContext,
  state: ImportState,
  keep: boolean,
): { plans: RecordPlan[]; written: { created: number[]; updated: number[] } } {
  // The preview only reads: running its writes too (and rolling them back) held the write lock for
  // seconds on a large file. What only the services check then shows on commit, still naming the row.
  if (!keep) return { plans: planImport(state, ctx.db, SERVICES), written: { created: [], updated: [] } }
  const importCtx: ServiceContext = { ...ctx, requestId: `import:${state.id}` }
  let result: { plans: RecordPlan[]; written: { created: number[]; updated: number[] } } | null = null
  try {
    ctx.db.$client
      .transaction(() => {
        const plans = planImport(state, ctx.db, SERVICES)
        const written = { created: [] as number[], updated: [] as number[] }
        for (const p of plans) {
          if (!p.apply) continue
          try {
            // Each record in a savepoint of its own: a refused one is undone alone, and the preview goes on to the next.
            const id = ctx.db.$client.transaction(() => p.apply!(importCtx))()
            ;(p.status === 'create' ? written.created : written.updated).push(id)
            if (p.status === 'create') p.recordId = id
          } catch (err) {
            if (!(err instanceof AppError)) throw err
            p.status = err.code === 'version_conflict' ? 'conflict' : 'error'
            const fields = err.extra.fields ?? []
            p.problems.push(
              ...(fields.length
                ? fields.map((f) => ({ row: p.row, column: null, field: f.path, message: `${f.path}: ${f.message}` }))
                : [{ row: p.row, column: null, field: null, message: err.message }]),
            )
          }
        }
        result = { plans, written }
        const clean = plans.every((p) => p.status !== 'error' && p.status !== 'conflict')
        if (!keep || !clean) throw new Rollback()
      })
      .immediate()
  } catch (err) {
    if (!(err instanceof Rollback)) throw err
  }
  return result!
}

function preview(ctx: ServiceContext, state: ImportState): ImportPreview {
  const { plans } = run(ctx, state, false)
  const headers = state.sheet.rows[state.headerRow] ?? []
  const unmatched = unmatchedValues(state)
  const counts = { create: 0, update: 0, unchanged: 0, conflict: 0, error: 0 } as Record<ImportRowStatus, number>
  for (const p of plans) counts[p.status]++
  return {
    id: state.id,
    fileName: state.fileName,
    sheet: state.sheet.name,
    headerRow: state.headerRow + 1,
    target: state.target,
    language: state.language,
    expiresAt: new Date(state.expiresAt).toISOString(),
    fields: describeFields(state.target),
    columns: headers.map((header, index) => ({
      index,
      header,
      field: state.columns[index] ?? null,
      note: state.columns[index] ? null : matchHeader(state.target, header).note,
      unmatchedValues: unmatched[index] ?? [],
    })),
    values: Object.entries(state.values).flatMap(([field, m]) => Object.entries(m).map(([raw, value]) => ({ field, raw, value }))),
    rows: plans.map((p) => ({
      row: p.row,
      status: p.status,
      recordId: p.recordId,
      name: p.name,
      changes: p.changes,
      problems: p.problems,
    })),
    counts,
  }
}

/** Writes every record in one transaction, or nothing: rows with errors or conflicts refuse the whole import. */
export function commitImport(ctx: ServiceContext, id: string): ImportResult {
  const state = find(ctx, id)
  const { plans, written } = run(ctx, state, true)
  const bad = plans.filter((p) => p.status === 'error' || p.status === 'conflict')
  if (bad.length) {
    const fields = bad.flatMap((p) =>
      p.problems.map((q) => ({ path: `rows.${q.row ?? p.row}${q.column ? `.${q.column}` : ''}`, message: q.message })),
    )
    const conflict = bad.every((p) => p.status === 'conflict')
    if (conflict)
      throw new AppError('version_conflict', `${bad.length} row(s) describe records changed after the export; nothing was imported`, {
        fields,
      })
    throw invalid(fields, `${bad.length} row(s) have problems; nothing was imported`)
  }
  imports.delete(id)
  return {
    id,
    target: state.target,
    created: written.created,
    updated: written.updated,
    unchanged: plans.filter((p) => p.status === 'unchanged').length,
  }
}
