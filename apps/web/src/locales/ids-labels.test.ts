/**
 * The check ids, audit actions and audit record types live in packages/schema (the API writes only
 * those), as do the enums' values; the dashboard's labels for them are keyed by id (`checks.<id>`,
 * `audit.actions.<id>`, `enums.<name>.<value>`). Every id has a label in both languages.
 */
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  CHECK_IDS,
  CHECKLIST_POINTS,
  ChecklistStatus,
  Derogation,
  DpaStatus,
  ProcessorRole,
  ProcessorStatus,
  Safeguard,
  SccModule,
  TiaStatus,
  TransferKind,
} from '@seloste/schema'
import { describe, expect, it } from 'vitest'
import { ALL_EN as en, ALL_FI as fi } from './all-texts'
import { complianceEn } from './compliance.en'
import { complianceFi } from './compliance.fi'

function label(locale: unknown, path: string[]): unknown {
  let node = locale
  for (const part of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined
  return node
}

const cases: (readonly [string, string, unknown, unknown])[] = [
  ...CHECK_IDS.map((id) => ['check', id, label(complianceEn, ['checks', id]), label(complianceFi, ['checks', id])] as const),
  ...AUDIT_ACTIONS.map((id) => ['audit action', id, label(en, ['audit', 'actions', id]), label(fi, ['audit', 'actions', id])] as const),
  ...AUDIT_ENTITY_TYPES.map(
    (id) => ['audit record type', id, label(en, ['audit', 'entities', id]), label(fi, ['audit', 'entities', id])] as const,
  ),
]

/** The locale's enum labels and the schema's values they label. */
const ENUMS: [string, readonly (string | number)[]][] = [
  ['role', ProcessorRole.options],
  ['processorStatus', ProcessorStatus.options],
  ['safeguard', Safeguard.options],
  ['safeguardShort', Safeguard.options],
  ['transferKind', TransferKind.options],
  ['dpaStatus', DpaStatus.options],
  ['tiaStatus', TiaStatus.options],
  ['checklistStatus', ChecklistStatus.options],
  ['sccModule', SccModule.options.map((o) => o.value)],
  ['sccParties', SccModule.options.map((o) => o.value)],
  ['derogation', Derogation.options],
  ['checklistPoint', CHECKLIST_POINTS],
]
for (const [name, values] of ENUMS) {
  for (const value of values) {
    const path = ['enums', name, String(value)]
    cases.push(['enum value', `${name}.${value}`, label(en, path), label(fi, path)])
  }
}

describe('every id in packages/schema has a label in English and Finnish', () => {
  it.each(cases)('%s %s', (_kind, _id, english, finnish) => {
    expect(typeof english === 'string' && english.length > 0).toBe(true)
    expect(typeof finnish === 'string' && finnish.length > 0).toBe(true)
  })

  it('has no check label for an id the API does not know', () => {
    const checks = label(complianceEn, ['checks'])
    const extra = Object.keys(checks && typeof checks === 'object' ? checks : {}).filter(
      (id) => !(CHECK_IDS as readonly string[]).includes(id),
    )
    expect(extra).toEqual([])
  })
})
