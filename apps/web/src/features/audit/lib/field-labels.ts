/**
 * The one table of labels for the fields the API writes into audit events (their `before` and
 * `after`), by record type: each field is looked up first among the labels of that record's own form
 * (so the trail says what the form says), then in a few aliases, then in the audit trail's own
 * labels (`audit.fields`). Pure: the caller passes how a locale key is read, so the dashboard
 * (i18next) and the test that checks every field the API writes (apps/api/test/audit-labels.test.ts,
 * over ALL_EN and ALL_FI) use the same table.
 */

/** A locale key's text (with `{{name}}` options filled in), or null where the key names no text. */
export type LabelLookup = (key: string, options?: Record<string, string>) => string | null

/** Where each record type's own labels are, in the order they are tried. */
const SOURCES: Record<string, string[]> = {
  processor: ['processors.fields'],
  transfer: ['transfers.fields'],
  dpa: ['dpas.fields'],
  activity: ['activities.fields'],
  organisation: ['organisation.fields'],
  user: ['users.fields'],
  data_category: [],
  data_subject_category: [],
  public_list: ['publicList.fields'],
  notice_texts: ['notice.texts'],
  export: ['audit.filters'],
}

/** Fields whose label has another key than their name, by record type and path (indices left out). */
const ALIASES: Record<string, Record<string, string>> = {
  activity: {
    'purposes.description': 'activities.fields.purposeDescription',
    'retention.kind': 'activities.fields.retentionKind',
    'retention.legalReference': 'activities.fields.retentionLegalReference',
    'dataCategories.retention.kind': 'activities.fields.retentionKind',
    'dataCategories.retention.legalReference': 'activities.fields.retentionLegalReference',
    'otherRecipients.name': 'activities.fields.recipientName',
    'otherRecipients.condition': 'activities.fields.recipientCondition',
    'processors.displayName': 'processors.fields.displayName',
    'processors.displayNameEn': 'processors.fields.displayNameEn',
    'processors.role': 'processors.fields.role',
    'processors.status': 'processors.fields.status',
  },
  user: { role: 'users.fields.role' },
  data_category: { special: 'vocabulary.special' },
}

const LANGUAGE_SUFFIX = /^(fi|en)$/
const INDEXED = /^(.+)\[(\d+)\]$/

/**
 * A path's label ("purposes[2].description.fi" -> "Purposes 2: Purpose (FI)"), or null when a part of
 * it has no label (the dashboard then shows the raw path, and the test fails).
 */
export function auditFieldLabel(entityType: string, path: string, lookup: LabelLookup): string | null {
  if (!path) return null
  const segments = path.split('.')
  // The Art. 28(3) checklist: "checklist.d.status" is point (d).
  if (entityType === 'dpa' && segments[0] === 'checklist' && segments.length === 3) {
    const [, point, part] = segments as [string, string, string]
    if (part === 'status') return lookup('dpas.checklist.statusOf', { point })
    if (part === 'clause') return lookup('dpas.checklist.clauseOf', { point })
  }
  let language = ''
  if (segments.length > 1 && LANGUAGE_SUFFIX.test(segments[segments.length - 1]!)) {
    language = ` (${segments.pop()!.toUpperCase()})`
  }
  const parts: string[] = []
  const names: string[] = []
  for (const segment of segments) {
    const indexed = INDEXED.exec(segment)
    const name = indexed ? indexed[1]! : segment
    names.push(name)
    const label = segmentLabel(entityType, names.join('.'), name, lookup)
    if (!label) return null
    parts.push(indexed ? `${label} ${indexed[2]}` : label)
  }
  return parts.join(': ') + language
}

function segmentLabel(entityType: string, path: string, name: string, lookup: LabelLookup): string | null {
  const alias = ALIASES[entityType]?.[path]
  if (alias) return lookup(alias)
  for (const source of SOURCES[entityType] ?? []) {
    const label = lookup(`${source}.${name}`)
    if (label) return label
  }
  return lookup(`audit.fields.${name}`)
}

/**
 * Values that are codes, shown by their label: the locale prefix of their labels by record type and
 * path (indices left out). `*` applies to every record type.
 */
const ENUM_PREFIXES: Record<string, Record<string, string>> = {
  processor: { role: 'enums.role', status: 'enums.processorStatus' },
  transfer: {
    kind: 'enums.transferKind',
    safeguard: 'enums.safeguard',
    tiaStatus: 'enums.tiaStatus',
    derogation: 'enums.derogation',
    sccModule: 'enums.sccModule',
  },
  dpa: { status: 'enums.dpaStatus' },
  activity: {
    status: 'activities.status',
    'processors.role': 'enums.role',
    'processors.status': 'enums.processorStatus',
  },
  user: { role: 'user.roles' },
  public_list: { 'changes.kind': 'publicList.changes' },
  organisation: { defaultLanguage: 'audit.values.language' },
  export: { lang: 'audit.values.language' },
  '*': { reason: 'audit.values.reason' },
}

/** The locale key of a code's label, or null where the value is not a code (or has no label). */
export function auditValueKey(entityType: string, path: string, value: string, lookup: LabelLookup): string | null {
  const bare = path
    .split('.')
    .map((s) => INDEXED.exec(s)?.[1] ?? s)
    .join('.')
  if (entityType === 'dpa' && /^checklist\.[a-h]\.status$/.test(bare)) return keyIfKnown(`enums.checklistStatus.${value}`, lookup)
  const prefix = ENUM_PREFIXES[entityType]?.[bare] ?? ENUM_PREFIXES['*']![bare]
  return prefix ? keyIfKnown(`${prefix}.${value}`, lookup) : null
}

function keyIfKnown(key: string, lookup: LabelLookup): string | null {
  return lookup(key) ? key : null
}
