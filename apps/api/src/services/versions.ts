import { canonicalJson } from '@seloste/schema'
import { AppError, notFound } from '../lib/app-error'

/** Loads a record for a change and refuses a change based on an old version (409 with the current record). */
export function requireVersion<T extends { version: number }>(
  row: T | undefined,
  version: number,
  what: string,
  current: () => unknown,
): T {
  if (!row) throw notFound(what)
  if (row.version !== version) {
    throw new AppError('version_conflict', `${what} was changed by someone else (now version ${row.version}, yours ${version})`, {
      current: current(),
    })
  }
  return row
}

/**
 * True when applying `changes` to `current` would change nothing. A save that changes nothing
 * neither moves the version on (which would make other people's open forms stale for no reason)
 * nor writes an audit event.
 */
export function changesNothing(current: object, changes: object): boolean {
  const now = current as Record<string, unknown>
  return Object.entries(changes).every(([key, value]) => canonicalJson(value ?? null) === canonicalJson(now[key] ?? null))
}
