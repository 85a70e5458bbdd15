import type { FieldValues, UseFormReturn } from 'react-hook-form'

/** Who changed a field since the form was loaded: only they, only I, or both (differently). */
export type ChangeKind = 'theirs' | 'mine' | 'both'
/** The user's choice for a field both changed. */
export type Side = 'mine' | 'theirs'

function at(values: unknown, path: string): unknown {
  let node = values
  for (const part of path.split('.')) node = (node as Record<string, unknown> | null | undefined)?.[part]
  return node
}

function setAt(values: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.')
  let node = values
  for (const part of parts.slice(0, -1)) {
    const next = node[part]
    node[part] = next && typeof next === 'object' ? (Array.isArray(next) ? [...next] : { ...(next as object) }) : {}
    node = node[part] as Record<string, unknown>
  }
  node[parts.at(-1)!] = value
}

/** Equal as the form means it: surrounding spaces do not make a string different. */
function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => JSON.stringify(v ?? null, (_k, x: unknown) => (typeof x === 'string' ? x.trim() : x))
  return norm(a) === norm(b)
}

/** The units merged one by one: the form's paths, and any top-level value no path covers (never the version). */
export function mergeUnits(values: object, paths: readonly string[]): string[] {
  const covered = new Set(paths.map((p) => p.split('.')[0]))
  return [...paths, ...Object.keys(values).filter((k) => k !== 'version' && !covered.has(k))]
}

/** Who changed `path` between `base` (as the form was loaded) and the two saves; null when the two agree. */
export function changeKind(base: unknown, mine: unknown, theirs: unknown, path: string): ChangeKind | null {
  const [b, m, t] = [at(base, path), at(mine, path), at(theirs, path)]
  if (same(m, t)) return null
  if (same(m, b)) return 'theirs'
  if (same(t, b)) return 'mine'
  return 'both'
}

/**
 * A three-way merge of form values: a field only they changed takes their value, a field only I
 * changed keeps mine, and a field both changed takes the side picked for it (mine when not picked).
 */
export function mergeValues<V extends object>(base: V, mine: V, theirs: V, paths: readonly string[], picks: Record<string, Side>): V {
  const merged = structuredClone(mine) as Record<string, unknown>
  for (const path of mergeUnits(mine, paths)) {
    const kind = changeKind(base, mine, theirs, path)
    if (kind === 'theirs' || (kind === 'both' && picks[path] === 'theirs')) setAt(merged, path, structuredClone(at(theirs, path)))
  }
  return merged as V
}

/** The path of the form value a compared field shows (the same path unless the form says otherwise). */
export type ValuePath = (key: string) => string
const samePath: ValuePath = (key) => key

/**
 * Puts the merge into the form: their version becomes the form's base (what a later conflict is
 * compared with) and the merged values its values, with their version number, ready to submit.
 * `keys` are the compared fields (the conflict panel's rows), `picks` the side chosen for each
 * field both changed.
 */
export function applyMerge<V extends FieldValues>(
  form: Pick<UseFormReturn<V>, 'getValues' | 'reset' | 'formState'>,
  keys: readonly string[],
  theirs: V,
  version: number,
  picks: Record<string, Side>,
  valuePath: ValuePath = samePath,
): void {
  const base = (form.formState.defaultValues ?? {}) as V
  const byPath = Object.fromEntries(Object.entries(picks).map(([k, side]) => [valuePath(k), side]))
  const merged = mergeValues(base, form.getValues(), theirs, keys.map(valuePath), byPath)
  form.reset({ ...theirs, version })
  form.reset({ ...merged, version }, { keepDefaultValues: true })
}

/** The fields the conflict panel lists: where their save and my form differ, with who changed each. */
export interface ConflictField {
  key: string
  label: string
  theirs: string
  yours: string
  kind: ChangeKind
}

export function conflictFields<V extends FieldValues>(
  form: Pick<UseFormReturn<V>, 'getValues' | 'formState'>,
  theirs: V,
  describeTheirs: Record<string, string>,
  describeMine: Record<string, string>,
  labels: Record<string, string>,
  valuePath: ValuePath = samePath,
): ConflictField[] {
  const base = form.formState.defaultValues ?? {}
  const mine = form.getValues()
  return Object.keys(labels).flatMap((key) => {
    const kind = changeKind(base, mine, theirs, valuePath(key))
    const shownTheirs = describeTheirs[key] ?? ''
    const shownMine = describeMine[key] ?? ''
    if (!kind || shownTheirs === shownMine) return []
    return [{ key, label: labels[key] ?? key, theirs: shownTheirs, yours: shownMine, kind }]
  })
}
