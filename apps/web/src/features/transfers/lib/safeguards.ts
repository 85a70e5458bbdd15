import { adequacyDecisionsFor, hasGeneralAdequacy, isInEea, type Safeguard } from '@seloste/schema'

/**
 * The safeguards that can apply to a country (GDPR Chapter V): inside the EEA none is needed;
 * adequacy only where the Commission has a general decision; the DPF only for the United States.
 */
export function safeguardsFor(country: string): Safeguard[] {
  if (!country) return []
  if (isInEea(country)) return ['none_needed']
  const options: Safeguard[] = []
  if (hasGeneralAdequacy(country)) options.push('adequacy')
  if (country === 'US') options.push('dpf')
  options.push('scc', 'bcr', 'other_art46', 'derogation_art49', 'unknown')
  return options
}

/** Adequacy decisions that can be chosen for a country: the US DPF is its own safeguard, not an adequacy choice. */
export function selectableAdequacyDecisions(country: string) {
  return adequacyDecisionsFor(country).filter((d) => !d.frameworkOnly)
}
