import {
  adequacyDecisionsFor,
  hasGeneralAdequacy,
  internationalOrganisationDecisions,
  isInEea,
  type ProcessorRole,
  type Safeguard,
} from '@seloste/schema'

/**
 * The safeguards that can apply to a country (GDPR Chapter V): inside the EEA none is needed;
 * adequacy only where the Commission has a general decision; the DPF only for the United States.
 * For an international organisation Chapter V applies wherever its seat is (Art. 44): its own
 * adequacy decision, an Art. 46 safeguard or an Art. 49 derogation; never "none needed" or the DPF.
 */
export function safeguardsFor(country: string, role?: ProcessorRole): Safeguard[] {
  if (!country) return []
  if (role === 'international_organisation') {
    return [...(internationalOrganisationDecisions().length ? (['adequacy'] as const) : []), 'other_art46', 'derogation_art49', 'unknown']
  }
  if (isInEea(country)) return ['none_needed']
  const options: Safeguard[] = []
  if (hasGeneralAdequacy(country)) options.push('adequacy')
  if (country === 'US') options.push('dpf')
  options.push('scc', 'bcr', 'other_art46', 'derogation_art49', 'unknown')
  return options
}

/** Adequacy decisions that can be chosen: the US DPF is its own safeguard, not an adequacy choice; an organisation's are for organisations only. */
export function selectableAdequacyDecisions(country: string, role?: ProcessorRole) {
  if (role === 'international_organisation') return internationalOrganisationDecisions()
  return adequacyDecisionsFor(country).filter((d) => !d.frameworkOnly)
}
