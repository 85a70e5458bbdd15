/**
 * A readable difference between an audit event's `before` and `after` JSON: nested objects become
 * dotted paths ("service.fi", "checklist.d.status"), lists of plain values are joined, lists of
 * objects are numbered ("purposes[2].description.en").
 */
export type Leaf = string | number | boolean | null

export interface DiffRow {
  path: string
  before: Leaf
  after: Leaf
  /** Record-keeping fields (id, version, timestamps): shown last and quieter. */
  technical: boolean
}

export type DiffMode = 'none' | 'after' | 'before' | 'changes'

export interface EventDiff {
  /** "after": only the values after (a creation); "before": only those before (a deletion). */
  mode: DiffMode
  rows: DiffRow[]
}

const TECHNICAL = new Set(['id', 'version', 'createdAt', 'updatedAt'])

function isPlain(value: unknown): value is Leaf {
  return value === null || value === undefined || typeof value !== 'object'
}

/** Every leaf of a JSON value by its path, in the value's own order. */
export function flatten(value: unknown, prefix = '', out = new Map<string, Leaf>()): Map<string, Leaf> {
  if (isPlain(value)) {
    out.set(prefix, value === undefined ? null : value)
  } else if (Array.isArray(value)) {
    if (value.every(isPlain))
      out.set(prefix, value.length ? value.map((v) => (v === null || v === undefined ? '' : String(v))).join(', ') : null)
    else value.forEach((item, i) => flatten(item, `${prefix}[${i + 1}]`, out))
  } else {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.length === 0) out.set(prefix, null)
    for (const [key, v] of entries) flatten(v, prefix ? `${prefix}.${key}` : key, out)
  }
  return out
}

export function isEmptyLeaf(value: Leaf): boolean {
  return value === null || value === ''
}

function isTechnical(path: string): boolean {
  return TECHNICAL.has(path)
}

function ordered(rows: DiffRow[]): DiffRow[] {
  return [...rows.filter((r) => !r.technical), ...rows.filter((r) => r.technical)]
}

/** What an event changed: the fields that differ, or the values it created or deleted (empty ones left out). */
export function eventDiff(before: unknown, after: unknown): EventDiff {
  const hasBefore = before !== null && before !== undefined
  const hasAfter = after !== null && after !== undefined
  if (!hasBefore && !hasAfter) return { mode: 'none', rows: [] }
  if (!hasBefore || !hasAfter) {
    const values = flatten(hasAfter ? after : before)
    const rows: DiffRow[] = []
    for (const [path, value] of values) {
      if (isEmptyLeaf(value)) continue
      rows.push({ path, before: hasAfter ? null : value, after: hasAfter ? value : null, technical: isTechnical(path) })
    }
    return { mode: hasAfter ? 'after' : 'before', rows: ordered(rows) }
  }
  const a = flatten(before)
  const b = flatten(after)
  const paths = [...b.keys(), ...[...a.keys()].filter((p) => !b.has(p))]
  const rows: DiffRow[] = []
  for (const path of paths) {
    const x = a.get(path) ?? null
    const y = b.get(path) ?? null
    if (x === y || (isEmptyLeaf(x) && isEmptyLeaf(y))) continue
    rows.push({ path, before: x, after: y, technical: isTechnical(path) })
  }
  return { mode: 'changes', rows: ordered(rows) }
}

/** The processor an event belongs to: the processor itself, or a transfer's or DPA's processorId. */
export function processorIdOf(event: { entityType: string; entityId: string | null; before: unknown; after: unknown }): number | null {
  if (event.entityType === 'processor') {
    const id = Number(event.entityId)
    return Number.isInteger(id) && id > 0 ? id : null
  }
  if (event.entityType !== 'transfer' && event.entityType !== 'dpa') return null
  for (const side of [event.after, event.before]) {
    const id = side && typeof side === 'object' ? (side as { processorId?: unknown }).processorId : undefined
    if (typeof id === 'number' && Number.isInteger(id)) return id
  }
  return null
}
