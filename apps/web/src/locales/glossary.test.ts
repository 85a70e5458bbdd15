/**
 * The dashboard's words are the glossary's (packages/schema/src/glossary.ts): the same terms as the
 * public list and the exports, no forbidden variant, upload and download in different words, and
 * retire never written as delete.
 */
import { GLOSSARY, glossaryViolations } from '@seloste/schema'
import { describe, expect, it } from 'vitest'
import { TEXT_BUNDLES } from './all-texts'
import { apiMessagesFi } from './api-messages'

type Leaf = { path: string; key: string; text: string }

function leaves(value: unknown, path = ''): Leaf[] {
  if (typeof value === 'string') return [{ path, key: path.split('.').pop() ?? '', text: value }]
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
  return []
}

const FI = [...TEXT_BUNDLES.flatMap(([name, , finnish]) => leaves(finnish, name)), ...leaves(apiMessagesFi, 'apiMessages')]
const EN = TEXT_BUNDLES.flatMap(([name, english]) => leaves(english, name))

describe('the locales follow the glossary', () => {
  it('read every string (the walk is not empty)', () => {
    expect(FI.length).toBeGreaterThan(500)
    expect(EN.length).toBeGreaterThan(500)
  })

  it.each([
    ['fi', FI],
    ['en', EN],
  ] as const)('use no forbidden variant (%s)', (lang, strings) => {
    const found = strings.flatMap((l) => glossaryViolations(l.text, lang).map((v) => `${l.path}: ${v} in "${l.text}"`))
    expect(found).toEqual([])
  })

  it('call the sub-processor role by its term in both languages', () => {
    const fiRole = FI.find((l) => l.path.endsWith('.sub_processor') && l.path.includes('role'))
    const enRole = EN.find((l) => l.path.endsWith('.sub_processor') && l.path.includes('role'))
    expect(fiRole?.text.toLowerCase()).toBe(GLOSSARY.subProcessor.fi)
    expect(enRole?.text.toLowerCase()).toBe(GLOSSARY.subProcessor.en)
  })

  it('keep "lataa" for downloads: every upload string says "lähetä", every download string "lataa"', () => {
    const uploads = FI.filter((l) => /^upload/i.test(l.key))
    const downloads = FI.filter((l) => /^download/i.test(l.key))
    expect(uploads.length).toBeGreaterThan(0)
    expect(downloads.length).toBeGreaterThan(0)
    for (const l of uploads) {
      expect(l.text, l.path).toMatch(/lähet/i)
      expect(l.text, l.path).not.toMatch(/\blata|\bladat/i)
    }
    for (const l of downloads) expect(l.text, l.path).toMatch(/\blataa/i)
  })

  it('keep retire and delete apart: retire strings say "käytöstä" / "retire", delete strings never do', () => {
    const retire = FI.filter((l) => /^retire/i.test(l.key))
    const retireEn = EN.filter((l) => /^retire/i.test(l.key))
    expect(retire.length).toBeGreaterThan(0)
    for (const l of retire) expect(l.text, l.path).toMatch(/käytöstä/i)
    for (const l of retireEn) expect(l.text, l.path).toMatch(/retire/i)
    const deletes = FI.filter((l) => /^delete(Title|Confirm|Label)?$/.test(l.key))
    expect(deletes.length).toBeGreaterThan(0)
    for (const l of deletes) expect(l.text, l.path).not.toMatch(/käytöstä/i)
    for (const l of EN.filter((x) => /^delete(Title|Confirm|Label)?$/.test(x.key))) expect(l.text, l.path).not.toMatch(/retire/i)
  })

  it('name the status of a retired processor with the same participle as the exports', () => {
    const statuses = FI.filter((l) => l.key === 'retired')
    expect(statuses.length).toBeGreaterThan(0)
    for (const l of statuses) expect(l.text.toLowerCase(), l.path).toBe(GLOSSARY.retire.done.fi)
  })
})
