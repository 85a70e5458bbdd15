/**
 * Planning an import: each row (for activities, each group of rows of one activity) becomes a
 * create, an update of only the fields whose cells differ from the record, unchanged, a conflict
 * (the record changed after the export the row came from) or an error naming row, column and
 * problem. Inputs are validated by the same zod schemas the forms use.
 */
import {
  ActivityInput,
  ActivityUpdate,
  ProcessorInput,
  ProcessorUpdate,
  canonicalJson,
  describeRetention,
  emptyLocalized,
  type Activity,
  type ImportProblem,
  type ImportRowStatus,
  type ImportTarget,
  type Language,
  type Processor,
  type Purpose,
} from '@seloste/schema'
import type { z } from 'zod'
import type { DbOrTx } from '../db/client'
import type { ServiceContext } from '../services/context'
import { WORDS, pick } from '../exports/texts'
import type { Sheet } from './read'
import {
  fieldsFor,
  matchHeader,
  normaliseHeader,
  parseBasis,
  parseBool,
  parseCountry,
  parseDate,
  parseEnum,
  parseInt10,
  parseList,
  parseRetention,
  type FieldDef,
  type Parsed,
} from './fields'

export interface ImportState {
  id: string
  fileName: string
  sheet: Sheet
  /** 0-based index of the heading row in sheet.rows. */
  headerRow: number
  target: ImportTarget
  language: Language
  /** Field key per column index (null: not imported). */
  columns: (string | null)[]
  values: Record<string, Record<string, string>>
  createdBy: number | null
  expiresAt: number
}

export interface RecordPlan {
  row: number
  recordId: number | null
  name: string
  status: ImportRowStatus
  changes: string[]
  problems: ImportProblem[]
  /** Writes the record through its service; returns its id. */
  apply?: (ctx: ServiceContext) => number
}

export interface Services {
  getProcessor(db: DbOrTx, id: number): Processor
  createProcessor(ctx: ServiceContext, input: z.output<typeof ProcessorInput>): { id: number }
  updateProcessor(ctx: ServiceContext, id: number, input: z.output<typeof ProcessorUpdate>): { id: number }
  getActivity(db: DbOrTx, id: number): Activity
  createActivity(ctx: ServiceContext, input: z.output<typeof ActivityInput>): { id: number }
  updateActivity(ctx: ServiceContext, id: number, input: z.output<typeof ActivityUpdate>): { id: number }
}

// ---- Choosing the sheet, the heading row and the mapping --------------------------------------

/** The sheet, heading row, target and language that match the most known headings. */
export function detectLayout(sheets: Sheet[]): {
  sheet: Sheet
  headerRow: number
  target: ImportTarget
  language: Language
  columns: (string | null)[]
} {
  let best = { score: -1, sheet: sheets[0]!, headerRow: 0, target: 'processors' as ImportTarget }
  for (const sheet of sheets) {
    for (let r = 0; r < Math.min(sheet.rows.length, 15); r++) {
      for (const target of ['activities', 'processors'] as const) {
        const row = sheet.rows[r]!
        const score =
          row.filter((h) => matchHeader(target, h).field !== null).length * 2 + row.filter((h) => matchHeader(target, h).known).length
        if (score > best.score) best = { score, sheet, headerRow: r, target }
      }
    }
  }
  const headers = best.sheet.rows[best.headerRow] ?? []
  const finnish = headers.filter(
    (h) => /[äö]/i.test(h) || ['nimi', 'tila', 'rooli', 'palvelu', 'maat', 'tunniste', 'versio'].includes(normaliseHeader(h)),
  ).length
  const language: Language = finnish * 2 >= headers.filter((h) => h.trim()).length ? 'fi' : 'en'
  return { ...best, language, columns: autoColumns(best.target, language, headers) }
}

/** Each heading's field; a localized field in the file's language; the first column wins a field two headings name. */
export function autoColumns(target: ImportTarget, language: Language, headers: string[]): (string | null)[] {
  const taken = new Set<string>()
  return headers.map((h) => {
    let field = matchHeader(target, h).field
    if (field && /\.(fi|en)$/.test(field)) {
      // A heading such as "Purpose" names the English text only when the file is in English.
      const base = field.slice(0, -3)
      const inFile = `${base}.${language}`
      if (fieldsFor(target).some((f) => f.key === inFile) && !h.match(/[äö]/i) === (language === 'en')) field = inFile
    }
    if (!field || taken.has(field)) return null
    taken.add(field)
    return field
  })
}

// ---- Reading cells ------------------------------------------------------------------------------

type Ctx = { state: ImportState; defs: Map<string, FieldDef>; headers: string[] }

function columnOf(ctx: Ctx, key: string): number {
  return ctx.state.columns.indexOf(key)
}

function headerOf(ctx: Ctx, col: number): string | null {
  return col >= 0 ? (ctx.headers[col] ?? null) : null
}

/** The cell of a field in a sheet row (0-based), or undefined when no column is mapped to the field. */
function cellOf(ctx: Ctx, r: number, key: string): string | undefined {
  const c = columnOf(ctx, key)
  if (c < 0) return undefined
  return (ctx.state.sheet.rows[r]?.[c] ?? '').replace(/\r\n/g, '\n').trim()
}

function problem(ctx: Ctx, r: number, key: string | null, message: string): ImportProblem {
  return { row: r + 1, column: key ? headerOf(ctx, columnOf(ctx, key)) : null, field: key, message }
}

/** A value through the user's value mapping first, then the field's vocabulary. */
function readValue(ctx: Ctx, f: FieldDef, raw: string): Parsed<unknown> {
  const mapped = ctx.state.values[f.key]?.[raw]
  const text = mapped ?? raw
  switch (f.kind) {
    case 'enum':
      return parseEnum(f, text)
    case 'country':
      return parseCountry(text)
    case 'bool':
      return parseBool(text)
    case 'date':
      return parseDate(text)
    case 'int':
      return parseInt10(text)
    case 'basis':
      return parseBasis(text)
    case 'retention':
      return parseRetention(text, ctx.state.language)
    case 'list':
      return { ok: true, value: parseList(text) }
    default:
      return { ok: true, value: text }
  }
}

/** Unmatched values per column (for the mapping step): values of vocabulary fields that nothing matches. */
export function unmatchedValues(state: ImportState): string[][] {
  const ctx = context(state)
  return state.columns.map((key, c) => {
    const f = key ? ctx.defs.get(key) : undefined
    if (!f || !['enum', 'country', 'bool', 'basis'].includes(f.kind)) return []
    const out = new Set<string>()
    for (let r = state.headerRow + 1; r < state.sheet.rows.length; r++) {
      const raw = (state.sheet.rows[r]?.[c] ?? '').trim()
      if (raw === '') continue
      const v = readValue(ctx, f, raw)
      if (!v.ok && v.unmatched) out.add(raw)
    }
    return [...out].slice(0, 50)
  })
}

function context(state: ImportState): Ctx {
  return { state, defs: new Map(fieldsFor(state.target).map((f) => [f.key, f])), headers: state.sheet.rows[state.headerRow] ?? [] }
}

function dataRows(state: ImportState): number[] {
  const out: number[] = []
  for (let r = state.headerRow + 1; r < state.sheet.rows.length; r++) if (state.sheet.rows[r]!.some((v) => v.trim() !== '')) out.push(r)
  return out
}

/** Zod issues as problems on the row and column of the field they name. */
function issuesToProblems(
  ctx: Ctx,
  issues: readonly { path: PropertyKey[]; message: string }[],
  rowOf: (path: PropertyKey[]) => number,
): ImportProblem[] {
  return issues.map((i) => {
    const [first, , third] = i.path
    const key = String(first ?? '')
    const candidates =
      key === 'purposes' ? purposeColumns(String(third ?? '')) : [key, `${key}.${ctx.state.language}`, `${key}.fi`, `${key}.en`]
    const mapped = candidates.find((k) => columnOf(ctx, k) >= 0) ?? null
    const p = problem(ctx, rowOf(i.path), mapped, `${i.path.join('.')}: ${i.message}`)
    return p
  })
}

function purposeColumns(field: string): string[] {
  if (field === 'description') return ['purpose.fi', 'purpose.en']
  if (field === 'legalBasis' || field === 'legalReference') return ['legalBasis']
  if (field === 'legitimateInterest') return ['legitimateInterest.fi', 'legitimateInterest.en']
  if (field === 'liaUrl') return ['liaUrl']
  return []
}

// ---- Processors ------------------------------------------------------------------------------------

const textEq = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null)

function planProcessorRow(ctx: Ctx, db: DbOrTx, services: Services, r: number): RecordPlan {
  const problems: ImportProblem[] = []
  const idCell = cellOf(ctx, r, 'id')
  const name = cellOf(ctx, r, 'displayName') ?? ''
  let current: Processor | null = null
  let version: number | null = null
  if (idCell) {
    const id = parseInt10(idCell)
    if (!id.ok) return { row: r + 1, recordId: null, name, status: 'error', changes: [], problems: [problem(ctx, r, 'id', id.message)] }
    try {
      current = services.getProcessor(db, id.value)
    } catch {
      return {
        row: r + 1,
        recordId: id.value,
        name,
        status: 'error',
        changes: [],
        problems: [problem(ctx, r, 'id', `No processor with ID ${id.value} (it may have been deleted): clear the ID to create it again`)],
      }
    }
    const v = cellOf(ctx, r, 'version')
    const parsed = v ? parseInt10(v) : null
    if (!parsed || !parsed.ok)
      return {
        row: r + 1,
        recordId: current.id,
        name,
        status: 'error',
        changes: [],
        problems: [
          problem(
            ctx,
            r,
            v === undefined ? null : 'version',
            "An update needs the record's Version from the export (so that a newer change is never overwritten)",
          ),
        ],
      }
    version = parsed.value
  }
  const draft: Record<string, unknown> = {}
  const changes: string[] = []
  for (const [c, key] of ctx.state.columns.entries()) {
    if (!key || key === 'id' || key === 'version') continue
    const f = ctx.defs.get(key)!
    const raw = cellOf(ctx, r, key)!
    const cellProblem = ctx.state.sheet.cellProblems.get(`${r}:${c}`)
    if (cellProblem) {
      problems.push(problem(ctx, r, key, cellProblem))
      continue
    }
    const base = f.lang ? key.slice(0, -3) : key
    const cur = current as Record<string, unknown> | null
    if (f.kind === 'localized') {
      const was = (cur?.[base] as { fi: string; en: string } | undefined) ?? emptyLocalized()
      if (cur && raw === pick(was, f.lang!)) continue
      draft[base] = { ...((draft[base] as object | undefined) ?? was), [f.lang!]: raw }
      changes.push(key)
      continue
    }
    let value: unknown
    if (raw === '' && f.kind !== 'list') {
      const mapped = ctx.state.values[key]?.['']
      if (mapped !== undefined) value = readValue(ctx, f, mapped)
      else if (f.kind === 'enum' || f.kind === 'bool') {
        if (!cur) continue
        value = { ok: true, value: cur[key] }
      } else value = { ok: true, value: f.kind === 'text' && key === 'displayName' ? '' : null }
      value = value as Parsed<unknown>
    } else value = readValue(ctx, f, raw)
    const parsed = value as Parsed<unknown>
    if (!parsed.ok) {
      problems.push(problem(ctx, r, key, parsed.message))
      continue
    }
    if (cur && textEq(parsed.value, cur[key])) continue
    // The English export names a record by its English name: read back, that is no new display name.
    if (key === 'displayName' && current?.displayNameEn && parsed.value === current.displayNameEn) continue
    draft[key] = parsed.value
    changes.push(key)
  }
  const label = name || current?.displayName || ''
  if (problems.length) return { row: r + 1, recordId: current?.id ?? null, name: label, status: 'error', changes, problems }
  if (current && version !== null) {
    if (changes.length === 0) return { row: r + 1, recordId: current.id, name: label, status: 'unchanged', changes, problems }
    if (current.version !== version) {
      return {
        row: r + 1,
        recordId: current.id,
        name: label,
        status: 'conflict',
        changes,
        problems: [
          problem(
            ctx,
            r,
            'version',
            `The processor was changed after this file was exported (now version ${current.version}, the file's ${version}): export again and redo the change`,
          ),
        ],
      }
    }
    const parsedUpdate = ProcessorUpdate.safeParse({ ...draft, version })
    if (!parsedUpdate.success)
      return {
        row: r + 1,
        recordId: current.id,
        name: label,
        status: 'error',
        changes,
        problems: issuesToProblems(ctx, parsedUpdate.error.issues, () => r + 1 - 1),
      }
    const id = current.id
    return {
      row: r + 1,
      recordId: id,
      name: label,
      status: 'update',
      changes,
      problems,
      apply: (sctx) => services.updateProcessor(sctx, id, parsedUpdate.data).id,
    }
  }
  const parsedInput = ProcessorInput.safeParse(draft)
  if (!parsedInput.success) {
    const ps = issuesToProblems(ctx, parsedInput.error.issues, () => r)
    for (const p of ps)
      if (p.field === null && p.message.startsWith('role'))
        p.message = 'role: No role: map a Role column, or choose a role for the empty cells in the mapping step'
    return { row: r + 1, recordId: null, name: label, status: 'error', changes: [], problems: ps }
  }
  return {
    row: r + 1,
    recordId: null,
    name: label,
    status: 'create',
    changes: Object.keys(draft),
    problems,
    apply: (sctx) => services.createProcessor(sctx, parsedInput.data).id,
  }
}

// ---- Activities ------------------------------------------------------------------------------------

const PURPOSE_KEYS = ['purpose.fi', 'purpose.en', 'legalBasis', 'legitimateInterest.fi', 'legitimateInterest.en', 'liaUrl']

function emptyPurpose(): Purpose {
  return {
    description: emptyLocalized(),
    legalBasis: null,
    legitimateInterest: emptyLocalized(),
    liaUrl: null,
    consentCollection: emptyLocalized(),
    consentWithdrawal: emptyLocalized(),
    legalReference: null,
    art9Condition: null,
    deviceTracking: null,
    trackingConsent: null,
    emailMarketing: false,
  }
}

/** The activity's own retention as the export writes it: its line, or the whole cell when there are no per-category lines. */
function activityRetentionText(cell: string, lang: Language): string {
  const lines = cell.split('\n')
  if (lines.length === 1) return cell
  const prefix = `${WORDS[lang].activityRetention}: `
  return lines.find((l) => l.startsWith(prefix))?.slice(prefix.length) ?? ''
}

function planActivityGroup(ctx: Ctx, db: DbOrTx, services: Services, rows: number[]): RecordPlan {
  const r0 = rows[0]!
  const problems: ImportProblem[] = []
  const lang = ctx.state.language
  const idCell = cellOf(ctx, r0, 'id')
  const nameCell = cellOf(ctx, r0, `name.${lang}`) ?? cellOf(ctx, r0, `name.${lang === 'fi' ? 'en' : 'fi'}`) ?? ''
  let current: Activity | null = null
  let version: number | null = null
  if (idCell) {
    const id = parseInt10(idCell)
    if (!id.ok)
      return { row: r0 + 1, recordId: null, name: nameCell, status: 'error', changes: [], problems: [problem(ctx, r0, 'id', id.message)] }
    try {
      current = services.getActivity(db, id.value)
    } catch {
      return {
        row: r0 + 1,
        recordId: id.value,
        name: nameCell,
        status: 'error',
        changes: [],
        problems: [problem(ctx, r0, 'id', `No activity with ID ${id.value} (it may have been deleted): clear the ID to create it again`)],
      }
    }
    const v = cellOf(ctx, r0, 'version')
    const parsed = v ? parseInt10(v) : null
    if (!parsed || !parsed.ok)
      return {
        row: r0 + 1,
        recordId: current.id,
        name: nameCell,
        status: 'error',
        changes: [],
        problems: [
          problem(
            ctx,
            r0,
            v === undefined ? null : 'version',
            "An update needs the record's Version from the export (so that a newer change is never overwritten)",
          ),
        ],
      }
    version = parsed.value
  }
  for (const r of rows) {
    for (const [c, key] of ctx.state.columns.entries()) {
      const cellProblem = key ? ctx.state.sheet.cellProblems.get(`${r}:${c}`) : undefined
      if (cellProblem) problems.push(problem(ctx, r, key, cellProblem))
    }
  }
  const draft: Record<string, unknown> = {}
  const changes: string[] = []
  const cur = current as unknown as Record<string, unknown> | null
  // Activity-level fields, from the group's first row.
  for (const key of ctx.state.columns) {
    if (!key || key === 'id' || key === 'version' || PURPOSE_KEYS.includes(key)) continue
    const f = ctx.defs.get(key)!
    const raw = cellOf(ctx, r0, key)!
    if (f.kind === 'localized') {
      const base = key.slice(0, -3)
      const was = (cur?.[base] as { fi: string; en: string } | undefined) ?? emptyLocalized()
      if (cur && raw === pick(was, f.lang!)) continue
      draft[base] = { ...((draft[base] as object | undefined) ?? was), [f.lang!]: raw }
      changes.push(key)
      continue
    }
    if (f.kind === 'retention') {
      const text = cur ? activityRetentionText(raw, lang) : raw
      const was = current?.retention ?? null
      if (cur && (text === '' ? was === null : was !== null && text === describeRetention(was, lang))) continue
      if (text === '') {
        draft.retention = null
        changes.push(key)
        continue
      }
      const parsed = parseRetention(text, lang)
      if (!parsed.ok) {
        problems.push(problem(ctx, r0, key, parsed.message))
        continue
      }
      // The event of an unchanged period keeps its other language.
      const value =
        was && was.kind === parsed.value.kind
          ? { ...parsed.value, event: { ...was.event, [lang]: parsed.value.event[lang] } }
          : parsed.value
      if (cur && textEq(value, was)) continue
      draft.retention = value
      changes.push(key)
      continue
    }
    let parsed: Parsed<unknown>
    if (raw === '')
      parsed =
        f.kind === 'enum'
          ? ctx.state.values[key]?.[''] !== undefined
            ? readValue(ctx, f, ctx.state.values[key]['']!)
            : { ok: true, value: cur?.[key] ?? 'unknown' }
          : { ok: true, value: null }
    else parsed = readValue(ctx, f, raw)
    if (!parsed.ok) {
      problems.push(problem(ctx, r0, key, parsed.message))
      continue
    }
    if (cur && textEq(parsed.value, cur[key])) continue
    draft[key] = parsed.value
    changes.push(key)
  }
  // Purposes: one per row of the group (a row with no purpose cells adds none).
  if (PURPOSE_KEYS.some((k) => columnOf(ctx, k) >= 0)) {
    const purposes: Purpose[] = []
    const purposeRows: number[] = []
    for (const r of rows) {
      const cells = PURPOSE_KEYS.map((k) => cellOf(ctx, r, k) ?? '')
      if (cells.every((v) => v === '')) continue
      const p: Purpose = { ...(current?.purposes[purposes.length] ?? emptyPurpose()) }
      for (const key of PURPOSE_KEYS) {
        const raw = cellOf(ctx, r, key)
        if (raw === undefined) continue
        const f = ctx.defs.get(key)!
        if (f.kind === 'localized') {
          const field = key.startsWith('purpose') ? 'description' : 'legitimateInterest'
          if (raw !== pick(p[field], f.lang!)) p[field] = { ...p[field], [f.lang!]: raw }
        } else if (key === 'legalBasis') {
          const parsed = raw === '' ? ({ ok: true, value: { basis: null, reference: null } } as const) : readValue(ctx, f, raw)
          if (!parsed.ok) problems.push(problem(ctx, r, key, parsed.message))
          else {
            const v = parsed.value as { basis: Purpose['legalBasis']; reference: string | null }
            p.legalBasis = v.basis
            p.legalReference = v.reference
          }
        } else if (key === 'liaUrl') p.liaUrl = raw === '' ? null : raw
      }
      purposes.push(p)
      purposeRows.push(r)
    }
    if (!cur || !textEq(purposes, current!.purposes)) {
      draft.purposes = purposes
      changes.push('purposes')
    }
    ctxPurposeRows.set(ctx, purposeRows)
  }
  const purposeRows = ctxPurposeRows.get(ctx) ?? rows
  const rowOf = (path: PropertyKey[]) => (path[0] === 'purposes' && typeof path[1] === 'number' ? (purposeRows[path[1]] ?? r0) : r0)
  const label = nameCell || (current ? pick(current.name, lang) : '')
  if (problems.length) return { row: r0 + 1, recordId: current?.id ?? null, name: label, status: 'error', changes, problems }
  if (current && version !== null) {
    if (changes.length === 0) return { row: r0 + 1, recordId: current.id, name: label, status: 'unchanged', changes, problems }
    if (current.version !== version) {
      return {
        row: r0 + 1,
        recordId: current.id,
        name: label,
        status: 'conflict',
        changes,
        problems: [
          problem(
            ctx,
            r0,
            'version',
            `The activity was changed after this file was exported (now version ${current.version}, the file's ${version}): export again and redo the change`,
          ),
        ],
      }
    }
    const parsedUpdate = ActivityUpdate.safeParse({ ...draft, version })
    if (!parsedUpdate.success)
      return {
        row: r0 + 1,
        recordId: current.id,
        name: label,
        status: 'error',
        changes,
        problems: issuesToProblems(ctx, parsedUpdate.error.issues, rowOf),
      }
    const id = current.id
    return {
      row: r0 + 1,
      recordId: id,
      name: label,
      status: 'update',
      changes,
      problems,
      apply: (sctx) => services.updateActivity(sctx, id, parsedUpdate.data).id,
    }
  }
  const parsedInput = ActivityInput.safeParse({ purposes: [], ...draft, name: draft.name ?? emptyLocalized() })
  if (!parsedInput.success)
    return {
      row: r0 + 1,
      recordId: null,
      name: label,
      status: 'error',
      changes: [],
      problems: issuesToProblems(ctx, parsedInput.error.issues, rowOf),
    }
  return {
    row: r0 + 1,
    recordId: null,
    name: label,
    status: 'create',
    changes: Object.keys(draft),
    problems,
    apply: (sctx) => services.createActivity(sctx, parsedInput.data).id,
  }
}

const ctxPurposeRows = new WeakMap<Ctx, number[]>()

/** The rows of each activity: by its ID where the sheet has one, else by its name (the export repeats both on every purpose row). */
function activityGroups(ctx: Ctx): number[][] {
  const groups = new Map<string, number[]>()
  for (const r of dataRows(ctx.state)) {
    const id = cellOf(ctx, r, 'id')
    const name = cellOf(ctx, r, `name.${ctx.state.language}`) ?? cellOf(ctx, r, 'name.fi') ?? cellOf(ctx, r, 'name.en') ?? ''
    const key = id ? `id:${id}` : name ? `name:${name.toLocaleLowerCase('fi')}` : `row:${r}`
    const list = groups.get(key) ?? []
    list.push(r)
    groups.set(key, list)
  }
  return [...groups.values()]
}

/** Plans every record of the import against the database as it is now (reads only). */
export function planImport(state: ImportState, db: DbOrTx, services: Services): RecordPlan[] {
  const ctx = context(state)
  if (state.target === 'processors') return dataRows(state).map((r) => planProcessorRow(ctx, db, services, r))
  return activityGroups(ctx).map((rows) => {
    const sub: Ctx = { ...ctx }
    return planActivityGroup(sub, db, services, rows)
  })
}
