import { AppError, notFound } from '../lib/app-error'

/** Loads a record for a change and refuses a change based on an old version (409 with the current record). */
export function requireVersion<T extends { version: number }>(row: T | undefined, version: number, what: string, current: () => unknown): T {
  if (!row) throw notFound(what)
  if (row.version !== version) {
    throw new AppError('version_conflict', `${what} was changed by someone else (now version ${row.version}, yours ${version})`, {
      current: current(),
    })
  }
  return row
}
