import { describe, expect, it } from 'vitest'
import { safeguardsFor, selectableAdequacyDecisions } from './safeguards'

describe('safeguards offered for a country', () => {
  it('offers nothing but "none needed" inside the EEA', () => {
    expect(safeguardsFor('FI')).toEqual(['none_needed'])
    expect(safeguardsFor('NO')).toEqual(['none_needed'])
  })

  it('offers the DPF only for the United States, and no adequacy decision there', () => {
    expect(safeguardsFor('US')).toContain('dpf')
    expect(safeguardsFor('US')).not.toContain('adequacy')
    expect(selectableAdequacyDecisions('US')).toEqual([])
  })

  it('offers adequacy where the Commission has a general decision', () => {
    expect(safeguardsFor('JP')).toContain('adequacy')
    expect(selectableAdequacyDecisions('JP').map((d) => d.id)).toEqual(['jp-2019'])
    expect(safeguardsFor('IN')).not.toContain('adequacy')
    expect(safeguardsFor('IN')).toEqual(['scc', 'bcr', 'other_art46', 'derogation_art49', 'unknown'])
  })

  it('offers nothing before a country is chosen', () => {
    expect(safeguardsFor('')).toEqual([])
  })
})
