/**
 * The vendor catalogue the server uses: the one shipped in @seloste/schema, or the file named by
 * SELOSTE_CATALOGUE_FILE (a JSON `{ "version": "...", "entries": [...] }`), read and validated once.
 * A file that does not validate stops the server at start with the entry and field named.
 */
import { readFileSync } from 'node:fs'
import { CatalogueFile, changedFacts, shippedCatalogue, type Catalogue, type CatalogueEntry, type CatalogueLinkInfo } from '@seloste/schema'

export interface LoadedCatalogue extends Catalogue {
  byId: Map<string, CatalogueEntry>
  /** "shipped", or the file it was read from. */
  origin: string
}

let loaded: LoadedCatalogue | null = null

export function readCatalogueFile(path: string): Catalogue {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new Error(`SELOSTE_CATALOGUE_FILE: cannot read ${path} as JSON (${(err as Error).message})`)
  }
  const parsed = CatalogueFile.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 10)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ')
    throw new Error(`SELOSTE_CATALOGUE_FILE: ${path} is not a valid catalogue: ${problems}`)
  }
  return parsed.data
}

/** The catalogue in use (loaded on first use). */
export function currentCatalogue(): LoadedCatalogue {
  if (!loaded) {
    const file = process.env.SELOSTE_CATALOGUE_FILE
    const catalogue = file ? readCatalogueFile(file) : shippedCatalogue()
    loaded = { ...catalogue, byId: new Map(catalogue.entries.map((e) => [e.id, e])), origin: file ?? 'shipped' }
  }
  return loaded
}

/** Forgets the loaded catalogue, so the next use reads SELOSTE_CATALOGUE_FILE again (tests simulating a new release). */
export function resetCatalogue(): void {
  loaded = null
}

/** A processor row's link as the read model shows it: the entry's current name and what changed since the version seen. */
export function catalogueLinkOf(row: {
  catalogueId: string | null
  catalogueVersion: string | null
  catalogueSeen: unknown
}): CatalogueLinkInfo | null {
  if (!row.catalogueId) return null
  const entry = currentCatalogue().byId.get(row.catalogueId)
  if (!entry) return { entryId: row.catalogueId, entryName: null, version: row.catalogueVersion ?? '', status: 'removed', changedFacts: [] }
  const changed = changedFacts(row.catalogueSeen ?? null, entry)
  return {
    entryId: row.catalogueId,
    entryName: entry.name,
    version: row.catalogueVersion ?? '',
    status: changed.length ? 'changed' : 'current',
    changedFacts: changed,
  }
}
