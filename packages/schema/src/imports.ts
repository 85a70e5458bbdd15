import { z } from 'zod'
import { Language } from './common'

/** What a spreadsheet import creates or updates. */
export const ImportTarget = z.enum(['processors', 'activities']).meta({ id: 'ImportTarget' })
export type ImportTarget = z.infer<typeof ImportTarget>

/** What committing would do to the record a row (or, for activities, a group of rows) describes. */
export const ImportRowStatus = z.enum(['create', 'update', 'unchanged', 'conflict', 'error'])
export type ImportRowStatus = z.infer<typeof ImportRowStatus>

/** Limits of an import: the file (checked before it is parsed) and its rows. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024
export const IMPORT_MAX_ROWS = 1000
export const IMPORT_MAX_COLUMNS = 100

export const ImportProblem = z
  .object({
    row: z.number().int().nullable().meta({ description: 'Row number in the sheet (1 = its first row)' }),
    column: z.string().nullable().meta({ description: 'The column heading as in the file' }),
    field: z.string().nullable(),
    message: z.string(),
  })
  .meta({ id: 'ImportProblem' })
export type ImportProblem = z.infer<typeof ImportProblem>

export const ImportRow = z
  .object({
    row: z.number().int().meta({ description: 'First sheet row of the record' }),
    status: ImportRowStatus,
    recordId: z.number().int().nullable(),
    name: z.string(),
    changes: z.array(z.string()).meta({ description: 'The fields an update changes' }),
    problems: z.array(ImportProblem),
  })
  .meta({ id: 'ImportRow' })
export type ImportRow = z.infer<typeof ImportRow>

export const ImportFieldOption = z.object({ value: z.string(), label: z.object({ fi: z.string(), en: z.string() }) })

export const ImportField = z
  .object({
    key: z.string(),
    label: z.object({ fi: z.string(), en: z.string() }),
    /** Values of a vocabulary field (roles, statuses, legal bases...), for mapping unmatched values. */
    options: z.array(ImportFieldOption).nullable(),
  })
  .meta({ id: 'ImportField' })
export type ImportField = z.infer<typeof ImportField>

export const ImportColumn = z
  .object({
    index: z.number().int(),
    header: z.string(),
    field: z.string().nullable().meta({ description: 'The field the column fills, or null when it is not imported' }),
    note: z.string().nullable().meta({ description: 'Why a known column is not imported (e.g. derived by Seloste)' }),
    unmatchedValues: z.array(z.string()).meta({ description: "Values of the column that match nothing in the field's vocabulary" }),
  })
  .meta({ id: 'ImportColumn' })
export type ImportColumn = z.infer<typeof ImportColumn>

/** What a value of the file means in a field's vocabulary: e.g. field "role", raw "IT-kumppani", value "processor". */
export const ImportValueMapping = z
  .strictObject({ field: z.string().max(100), raw: z.string().max(500), value: z.string().max(100) })
  .meta({ id: 'ImportValueMapping' })
export type ImportValueMapping = z.infer<typeof ImportValueMapping>
const ValueMappings = z.array(ImportValueMapping).max(500)

export const ImportPreview = z
  .object({
    id: z.string(),
    fileName: z.string(),
    sheet: z.string(),
    headerRow: z.number().int(),
    target: ImportTarget,
    language: Language,
    expiresAt: z.string(),
    fields: z.array(ImportField),
    columns: z.array(ImportColumn),
    values: ValueMappings,
    rows: z.array(ImportRow),
    counts: z.record(ImportRowStatus, z.number().int()),
  })
  .meta({ id: 'ImportPreview' })
export type ImportPreview = z.infer<typeof ImportPreview>

/** The user's mapping: which field each column fills (by column index; null = not imported) and what unmatched values mean. */
export const ImportMapping = z
  .strictObject({
    target: ImportTarget,
    language: Language.meta({ description: 'The language of the texts in the file' }),
    columns: z.array(z.string().max(100).nullable()).max(100),
    values: ValueMappings.default([]),
  })
  .meta({ id: 'ImportMapping' })
export type ImportMapping = z.input<typeof ImportMapping>

export const ImportResult = z
  .object({
    id: z.string(),
    target: ImportTarget,
    created: z.array(z.number().int()),
    updated: z.array(z.number().int()),
    unchanged: z.number().int(),
  })
  .meta({ id: 'ImportResult' })
export type ImportResult = z.infer<typeof ImportResult>

export const ImportIdParam = z.object({
  id: z
    .string()
    .regex(/^[a-f0-9]{32}$/, 'Not an import id')
    .meta({ param: { name: 'id', in: 'path' } }),
})
