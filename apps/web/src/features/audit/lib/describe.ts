import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat, type Formatters } from '../../../lib/format'
import { i18n } from '../../../lib/i18n'
import {
  ART9_CONDITION_LABELS,
  DATA_SOURCE_LABELS,
  DATA_SUBJECT_RIGHT_LABELS,
  DEVICE_TRACKING_LABELS,
  DPIA_STATUS_LABELS,
  LEGAL_BASIS_LABELS,
  TRACKING_CONSENT_LABELS,
} from '@seloste/schema'
import type { Leaf } from './diff'
import { auditFieldLabel, auditValueKey, type LabelLookup } from './field-labels'

/** A translation when the key names a string in the UI texts, else null (keys here come from data). */
function known(key: string, options?: Record<string, unknown>): string | null {
  if (!i18n.exists(key)) return null
  const value = (i18n.t as (k: string, o?: object) => unknown)(key, { ...options, returnObjects: true })
  return typeof value === 'string' ? value : null
}

const lookup: LabelLookup = (key, options) => known(key, options)

/** Activity codes labelled by the schema itself (both languages), by path (indices left out). */
const SCHEMA_LABELS: Record<string, Record<string, { fi: string; en: string }>> = {
  dpiaStatus: DPIA_STATUS_LABELS,
  'purposes.legalBasis': LEGAL_BASIS_LABELS,
  'purposes.art9Condition': ART9_CONDITION_LABELS,
  'purposes.deviceTracking': DEVICE_TRACKING_LABELS,
  'purposes.trackingConsent': TRACKING_CONSENT_LABELS,
  sources: DATA_SOURCE_LABELS,
  rights: DATA_SUBJECT_RIGHT_LABELS,
}
const ACTIVITY_KEYS: Record<string, string> = {
  'retention.kind': 'activities.retention.kind',
  'retention.unit': 'activities.retention.unit',
  'dataCategories.retention.kind': 'activities.retention.kind',
  'dataCategories.retention.unit': 'activities.retention.unit',
}
const COUNTRY_PATHS = new Set(['country', 'hqCountry'])
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/** The path without list positions ("purposes[2].legalBasis" -> "purposes.legalBasis"). */
function barePath(path: string): string {
  return path.replace(/\[\d+\]/g, '')
}

function activityCode(path: string, value: string, lang: 'fi' | 'en'): string | null {
  const bare = barePath(path)
  const labels = SCHEMA_LABELS[bare]
  // Lists of plain values arrive joined ("access, rectification"): each is labelled.
  if (labels)
    return value
      .split(', ')
      .map((v) => labels[v]?.[lang] ?? v)
      .join(', ')
  const prefix = ACTIVITY_KEYS[bare]
  return prefix ? known(`${prefix}.${value}`) : null
}

function valueText(entityType: string, path: string, value: Leaf, format: Formatters): string {
  if (value === null || value === '') return ''
  if (typeof value === 'boolean') return i18n.t(value ? 'audit.diff.yes' : 'audit.diff.no')
  if (typeof value === 'number') return String(value)
  const last = path.split('.').pop() ?? path
  if (COUNTRY_PATHS.has(last) && /^[A-Z]{2}$/.test(value)) return `${format.country(value)} (${value})`
  const key = auditValueKey(entityType, path, value, lookup)
  if (key) return known(key) ?? value
  if (entityType === 'activity') {
    const label = activityCode(path, value, i18n.language === 'fi' ? 'fi' : 'en')
    if (label) return label
  }
  // The public list's changed fields arrive joined ("service, purpose"): each by its label.
  if (entityType === 'public_list' && barePath(path) === 'changes.fields')
    return value
      .split(', ')
      .map((f) => known(`publicList.fields.${f}`) ?? f)
      .join(', ')
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
      field: (entityType: string, path: string) => auditFieldLabel(entityType, path, lookup),
      value: (entityType: string, path: string, value: Leaf) => valueText(entityType, path, value, format),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the texts change with the language
    [format, lang],
  )
}
