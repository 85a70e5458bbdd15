import { isInEea, type Processor, type ProcessorListItem, type Safeguard, type TransferKind } from '@seloste/schema'

/** A processor's transfers to one country. */
export interface CountryProcessor {
  id: number
  name: string
  kinds: TransferKind[]
  safeguards: Safeguard[]
  /** A transfer outside the EEA with no safeguard recorded ("unknown", or "none needed" where one is needed). */
  lacksSafeguard: boolean
}

export interface CountryData {
  code: string
  inEea: boolean
  processors: CountryProcessor[]
  kinds: TransferKind[]
  /** Safeguards of the transfers to the country (empty inside the EEA, where none is needed). */
  safeguards: Safeguard[]
  lacksSafeguard: boolean
}

const KIND_ORDER: readonly TransferKind[] = ['storage', 'processing', 'remote_access', 'support']
/** From the weakest to the strongest: a country with several safeguards is shown by its weakest. */
export const SAFEGUARD_RANK: readonly Safeguard[] = [
  'unknown',
  'none_needed',
  'derogation_art49',
  'other_art46',
  'scc',
  'bcr',
  'dpf',
  'adequacy',
]

const sortKinds = (kinds: Iterable<TransferKind>) => [...new Set(kinds)].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b))
const sortSafeguards = (s: Iterable<Safeguard>) => [...new Set(s)].sort((a, b) => SAFEGUARD_RANK.indexOf(a) - SAFEGUARD_RANK.indexOf(b))

export const lacksSafeguard = (country: string, safeguard: Safeguard) =>
  !isInEea(country) && (safeguard === 'unknown' || safeguard === 'none_needed')

/** The processors in use (not retired): the map and the charts describe where data goes now. */
export const inUse = <T extends { status: string }>(list: readonly T[]) => list.filter((p) => p.status !== 'retired')

/** Countries with data, third countries first, then by name (`compare` in the UI language). */
export function countriesWithData(
  details: readonly Processor[],
  countryName: (code: string) => string,
  compare: (a: string, b: string) => number,
  processorName: (p: Processor) => string = (p) => p.displayName,
): CountryData[] {
  const byCountry = new Map<string, Map<number, { name: string; kinds: TransferKind[]; safeguards: Safeguard[]; lacks: boolean }>>()
  for (const p of inUse(details)) {
    for (const tr of p.transfers) {
      const procs = byCountry.get(tr.country) ?? new Map()
      byCountry.set(tr.country, procs)
      const entry = procs.get(p.id) ?? { name: processorName(p), kinds: [], safeguards: [], lacks: false }
      procs.set(p.id, entry)
      entry.kinds.push(tr.kind)
      if (!isInEea(tr.country)) entry.safeguards.push(tr.safeguard)
      if (lacksSafeguard(tr.country, tr.safeguard)) entry.lacks = true
    }
  }
  const out: CountryData[] = []
  for (const [code, procs] of byCountry) {
    const processors: CountryProcessor[] = [...procs]
      .map(([id, e]) => ({
        id,
        name: e.name,
        kinds: sortKinds(e.kinds),
        safeguards: sortSafeguards(e.safeguards),
        lacksSafeguard: e.lacks,
      }))
      .sort((a, b) => compare(a.name, b.name))
    out.push({
      code,
      inEea: isInEea(code),
      processors,
      kinds: sortKinds(processors.flatMap((p) => p.kinds)),
      safeguards: sortSafeguards(processors.flatMap((p) => p.safeguards)),
      lacksSafeguard: processors.some((p) => p.lacksSafeguard),
    })
  }
  return out.sort((a, b) => Number(a.inEea) - Number(b.inEea) || compare(countryName(a.code), countryName(b.code)))
}

export type SafeguardBucket = Safeguard | 'none' | 'not_recorded'

/**
 * Processors per safeguard of their transfers outside the EEA; "none" for those whose recorded locations
 * are all inside it, and "not recorded" for those with no location at all (unknown is not none).
 */
export function processorsBySafeguard(items: readonly ProcessorListItem[]): { key: SafeguardBucket; count: number }[] {
  const counts = new Map<SafeguardBucket, number>()
  for (const p of inUse(items)) {
    // "none needed" outside the EEA is a missing safeguard too: one bucket for both.
    const buckets: SafeguardBucket[] = !p.locationRecorded
      ? ['not_recorded']
      : p.outsideEea && p.safeguards.length
        ? [...new Set(p.safeguards.map((s) => (s === 'none_needed' ? 'unknown' : s)))]
        : ['none']
    for (const b of buckets) counts.set(b, (counts.get(b) ?? 0) + 1)
  }
  const order: SafeguardBucket[] = ['adequacy', 'dpf', 'scc', 'bcr', 'other_art46', 'derogation_art49', 'unknown', 'not_recorded', 'none']
  return order.filter((k) => counts.has(k)).map((key) => ({ key, count: counts.get(key)! }))
}

// The DPA buckets are shared with the API's tests (packages/schema): "missing" is exactly the gaps the
// findings and the `dpaStatus=missing` filter count, so the chart and the list cannot disagree.
export { DPA_BUCKETS, processorsByDpaStatus, type DpaBucket } from '@seloste/schema'

/** Processors in use with no location recorded: whether their data leaves the EEA is unknown, not "no". */
export function withoutLocation<T extends { status: string; locationRecorded: boolean }>(items: readonly T[]): T[] {
  return inUse(items).filter((p) => !p.locationRecorded)
}
