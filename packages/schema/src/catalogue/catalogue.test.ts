import { describe, expect, it } from 'vitest'
import {
  CATALOGUE_FACTS,
  CatalogueEntries,
  CatalogueEntry,
  CatalogueFile,
  catalogueVersion,
  shippedCatalogue,
  shippedCatalogueFiles,
} from './index'

/** A complete, valid entry to mutate in the refusal tests (invented vendor, example.com sources). */
function entry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const src = { source: 'https://example.com/legal/dpa', asOf: '2026-11-01', quote: 'Example Ltd, 1 Street, Dublin, Ireland' }
  return {
    id: 'example-office',
    name: 'Example Office',
    category: 'office',
    services: { en: 'Documents', fi: 'Dokumentit' },
    website: 'https://example.com/',
    contractingEntity: { value: { name: 'Example Ltd', country: 'IE' }, ...src },
    parentGroup: { value: 'Example Group Inc.', ...src },
    headquarters: { value: 'US', ...src },
    dataLocations: [{ value: { country: 'US', kind: 'storage' }, ...src }],
    dpf: { value: { entity: 'Example Inc.' }, ...src },
    sccModules: { value: [2, 3], ...src },
    bcr: null,
    dpaUrl: { value: 'https://example.com/dpa', ...src },
    subprocessorsUrl: null,
    privacyPolicyUrl: { value: 'https://example.com/privacy', ...src },
    ...overrides,
  }
}

function issuePaths(value: unknown): string[] {
  const r = CatalogueEntry.safeParse(value)
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'))
}

describe('the shipped catalogue', () => {
  it('validates: both data files, concatenated, with unique ids across files', () => {
    const files = shippedCatalogueFiles()
    expect(files.map((f) => f.file)).toEqual(['vendors-a.json', 'vendors-b.json'])
    for (const f of files) {
      const result = CatalogueEntries.safeParse(f.entries)
      expect(result.success, `${f.file}: ${result.success ? '' : JSON.stringify(result.error.issues.slice(0, 5))}`).toBe(true)
    }
    const catalogue = shippedCatalogue()
    expect(catalogue.version).toBe(catalogueVersion)
    const ids = catalogue.entries.map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(catalogue.entries.length).toBe(files.reduce((n, f) => n + f.entries.length, 0))
  })

  it('gives every non-empty fact an https source, a date and a quote (read from the raw files)', () => {
    const missing: string[] = []
    for (const f of shippedCatalogueFiles()) {
      for (const raw of f.entries as Record<string, unknown>[]) {
        for (const fact of CATALOGUE_FACTS) {
          const v = raw[fact]
          const items = Array.isArray(v) ? v : v === null ? [] : [v]
          for (const item of items as Record<string, unknown>[]) {
            const ok =
              typeof item?.source === 'string' &&
              item.source.startsWith('https://') &&
              typeof item.asOf === 'string' &&
              /^\d{4}-\d{2}-\d{2}$/.test(item.asOf) &&
              typeof item.quote === 'string' &&
              item.quote.trim() !== ''
            if (!ok) missing.push(`${f.file} ${String(raw.id)} ${fact}`)
          }
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('has a version that is a date', () => {
    expect(catalogueVersion).toMatch(/^\d{4}-\d{2}-\d{2}(\.\d+)?$/)
  })
})

describe('the entry shape', () => {
  it('accepts a complete entry, and unknown facts as null (locations as [])', () => {
    expect(issuePaths(entry())).toEqual([])
    const unknown = entry({
      contractingEntity: null,
      parentGroup: null,
      headquarters: null,
      dataLocations: [],
      dpf: null,
      sccModules: null,
      dpaUrl: null,
      privacyPolicyUrl: null,
      services: { en: 'Documents', fi: null },
    })
    expect(issuePaths(unknown)).toEqual([])
  })

  it('refuses a fact without its source, date or quote, or with an http source', () => {
    const ce = (patch: Record<string, unknown>) =>
      entry({
        contractingEntity: {
          value: { name: 'Example Ltd', country: 'IE' },
          source: 'https://example.com/dpa',
          asOf: '2026-11-01',
          quote: 'Example Ltd',
          ...patch,
        },
      })
    expect(issuePaths(ce({ source: undefined }))).toEqual(['contractingEntity.source'])
    expect(issuePaths(ce({ source: 'http://example.com/dpa' }))).toEqual(['contractingEntity.source'])
    expect(issuePaths(ce({ asOf: '1.11.2026' }))).toEqual(['contractingEntity.asOf'])
    expect(issuePaths(ce({ asOf: '2026-02-30' }))).toEqual(['contractingEntity.asOf'])
    expect(issuePaths(ce({ quote: '  ' }))).toEqual(['contractingEntity.quote'])
    expect(issuePaths(ce({ quote: 'x'.repeat(301) }))).toEqual(['contractingEntity.quote'])
    expect(issuePaths(ce({ note: 'extra' }))).toEqual(['contractingEntity'])
  })

  it('refuses countries that are not ISO codes in upper case, and "EU"', () => {
    const loc = (country: string) =>
      entry({ dataLocations: [{ value: { country, kind: 'storage' }, source: 'https://example.com/a', asOf: '2026-11-01', quote: 'q' }] })
    expect(issuePaths(loc('EU'))).toEqual(['dataLocations.0.value.country'])
    expect(issuePaths(loc('fi'))).toEqual(['dataLocations.0.value.country'])
    expect(issuePaths(loc('UK'))).toEqual(['dataLocations.0.value.country'])
    expect(issuePaths(loc('GB'))).toEqual([])
    expect(issuePaths(entry({ headquarters: { value: 'USA', source: 'https://example.com/a', asOf: '2026-11-01', quote: 'q' } }))).toEqual([
      'headquarters.value',
    ])
  })

  it('refuses unknown and missing keys, bad ids, categories and kinds', () => {
    expect(issuePaths(entry({ extra: 1 }))).toEqual([''])
    const { bcr: _bcr, ...withoutBcr } = entry()
    expect(issuePaths(withoutBcr)).toEqual(['bcr'])
    expect(issuePaths(entry({ id: 'Google Workspace' }))).toEqual(['id'])
    expect(issuePaths(entry({ category: 'social' }))).toEqual(['category'])
    expect(
      issuePaths(
        entry({
          dataLocations: [{ value: { country: 'US', kind: 'backup' }, source: 'https://example.com/a', asOf: '2026-11-01', quote: 'q' }],
        }),
      ),
    ).toEqual(['dataLocations.0.value.kind'])
    expect(issuePaths(entry({ sccModules: { value: [5], source: 'https://example.com/a', asOf: '2026-11-01', quote: 'q' } }))).toEqual([
      'sccModules.value.0',
    ])
    expect(issuePaths(entry({ bcr: { value: false, source: 'https://example.com/a', asOf: '2026-11-01', quote: 'q' } }))).toEqual([
      'bcr.value',
    ])
  })

  it('refuses the same id twice in one catalogue', () => {
    const r = CatalogueFile.safeParse({ version: '2026-12-05', entries: [entry(), entry({ name: 'Another' })] })
    expect(r.success).toBe(false)
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['entries.1.id'])
  })
})
