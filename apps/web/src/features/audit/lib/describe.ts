import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat, type Formatters } from '../../../lib/format'
import { i18n } from '../../../lib/i18n'
import type { Leaf } from './diff'

/** A translation when the key names a string in the UI texts, else null (keys here come from data). */
function known(key: string, options?: Record<string, unknown>): string | null {
  if (!i18n.exists(key)) return null
  const value = (i18n.t as (k: string, o?: object) => unknown)(key, { ...options, returnObjects: true })
  return typeof value === 'string' ? value : null
}

/** Each record type's field labels, by the path's first segment. */
const FIELD_KEYS: Record<string, string> = {
  processor: 'processors.fields',
  transfer: 'transfers.fields',
  dpa: 'dpas.fields',
}

/** Values that are codes, shown by their name: [record type or '*', path, translation prefix]. */
const ENUMS: [string, string, string][] = [
  ['processor', 'role', 'enums.role'],
  ['processor', 'status', 'enums.processorStatus'],
  ['transfer', 'kind', 'enums.transferKind'],
  ['transfer', 'safeguard', 'enums.safeguard'],
  ['transfer', 'tiaStatus', 'enums.tiaStatus'],
  ['transfer', 'derogation', 'enums.derogation'],
  ['dpa', 'status', 'enums.dpaStatus'],
  ['user', 'role', 'user.roles'],
]
const COUNTRY_PATHS = new Set(['country', 'hqCountry'])
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

function fieldLabel(entityType: string, path: string): string | null {
  // "service.fi" -> service (FI); "checklist.d.status" -> the Art. 28(3)(d) point; "document.fileName" -> file name.
  const parts = path.split('.')
  const [head, second, third] = parts as [string, string | undefined, string | undefined]
  if (entityType === 'dpa' && head === 'checklist' && second && parts.length === 3) {
    if (third === 'status') return known('dpas.checklist.statusOf', { point: second })
    if (third === 'clause') return known('dpas.checklist.clauseOf', { point: second })
  }
  const base = (FIELD_KEYS[entityType] && known(`${FIELD_KEYS[entityType]}.${head}`)) || known(`audit.fields.${head}`)
  if (!base) return null
  if (parts.length === 1) return base
  if (parts.length === 2 && (second === 'fi' || second === 'en')) return `${base} (${second.toUpperCase()})`
  if (parts.length === 2 && second) {
    const sub = known(`audit.fields.${second}`)
    if (sub) return `${base}: ${sub}`
  }
  return null
}

function valueText(entityType: string, path: string, value: Leaf, format: Formatters): string {
  if (value === null || value === '') return ''
  if (typeof value === 'boolean') return i18n.t(value ? 'audit.diff.yes' : 'audit.diff.no')
  if (typeof value === 'number') return String(value)
  const last = path.split('.').pop() ?? path
  if (COUNTRY_PATHS.has(last) && /^[A-Z]{2}$/.test(value)) return `${format.country(value)} (${value})`
  const enumKey = ENUMS.find(([type, p]) => type === entityType && p === path)?.[2]
  if (enumKey) return known(`${enumKey}.${value}`) ?? value
  if (entityType === 'dpa' && /^checklist\.[a-h]\.status$/.test(path)) return known(`enums.checklistStatus.${value}`) ?? value
  if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return format.dateTime(value)
  if (ISO_DAY.test(value)) return format.date(value)
  return value
}

/** Labels for actions, record types, fields and values, in the UI language. */
export function useAuditText() {
  const { i18n: instance } = useTranslation()
  const format = useFormat()
  const lang = instance.language
  return useMemo(
    () => ({
      action: (action: string) => known(`audit.actions.${action}`) ?? action,
      entity: (type: string) => known(`audit.entities.${type}`) ?? type,
      field: (entityType: string, path: string) => fieldLabel(entityType, path),
      value: (entityType: string, path: string, value: Leaf) => valueText(entityType, path, value, format),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the texts change with the language
    [format, lang],
  )
}
