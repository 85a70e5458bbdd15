import type { SafeguardBucket } from './data-flows'

/**
 * Colours of the map and the charts. Each safeguard has its own hue; a missing safeguard is red and,
 * on the map, also hatched, so it does not depend on telling colours apart.
 */
export const SAFEGUARD_COLOURS: Record<SafeguardBucket, string> = {
  adequacy: '#2e8555',
  dpf: '#138294',
  scc: '#6f58b8',
  bcr: '#a8488e',
  other_art46: '#8a6a3b',
  derogation_art49: '#c07f00',
  unknown: '#c0392b',
  none_needed: '#c0392b',
  none: '#9aa4af',
  /** Unknown: drawn apart from "none", never in its grey. */
  not_recorded: '#e0a100',
}

export const MAP_COLOURS = {
  /** EEA countries without recorded data: one neutral tint sets the EEA apart. */
  eea: '#d3dde8',
  /** EEA countries where data is stored, processed or accessed. */
  eeaData: '#1d4f73',
  /** Everything else. */
  other: '#eceef1',
  border: '#ffffff',
}

export const DPA_COLOURS = {
  signed: '#2e8555',
  in_negotiation: '#c07f00',
  missing: '#c0392b',
  not_required: '#9aa4af',
  /** Not always a gap: recipients and sub-processors often have none of their own. */
  none_recorded: '#c5ccd4',
} as const
