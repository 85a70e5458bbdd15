import type { AuditEvent } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import { Fragment, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Badge, type Tone } from '../../../components/ui/badge'
import { paths } from '../../../config/paths'
import { useFormat } from '../../../lib/format'
import { useAuditText } from '../lib/describe'
import { processorIdOf } from '../lib/diff'
import { AuditDiff } from './audit-diff'
import { TableScroll } from '../../../components/ui/table-scroll'

const ACTION_TONE: Record<string, Tone> = {
  create: 'success',
  update: 'info',
  delete: 'danger',
  retire: 'warning',
  publish: 'success',
  login_failed: 'warning',
  change_password_failed: 'warning',
  remove_document: 'warning',
}

/** Date and time to the second, in the UI language: the order of events within a minute matters here. */
function useTimeFormat() {
  const format = useFormat()
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(format.lang === 'fi' ? 'fi-FI' : 'en-GB', {
      dateStyle: format.lang === 'fi' ? 'short' : 'medium',
      timeStyle: 'medium',
    })
    return (iso: string) => {
      const d = new Date(iso)
      return Number.isNaN(d.getTime()) ? iso : f.format(d)
    }
  }, [format.lang])
}

function side(event: AuditEvent): Record<string, unknown> | null {
  const value = event.after ?? event.before
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}

/** A human name for the record, where the event carries one (a processor's name, a user's email, …). */
function useRecordName() {
  const { i18n } = useTranslation()
  const format = useFormat()
  const lang = i18n.language === 'fi' ? 'fi' : 'en'
  return (event: AuditEvent): string | null => {
    const v = side(event)
    if (!v) return null
    const text = (x: unknown) => (typeof x === 'string' && x ? x : null)
    const localized = (x: unknown) =>
      x && typeof x === 'object'
        ? (text((x as Record<string, unknown>)[lang]) ?? text((x as Record<string, unknown>)[lang === 'fi' ? 'en' : 'fi']))
        : null
    switch (event.entityType) {
      case 'processor':
        return typeof v.displayName === 'string' && v.displayName
          ? format.processor({ displayName: v.displayName, displayNameEn: text(v.displayNameEn) })
          : null
      case 'user':
        return text(v.email)
      case 'transfer':
        return typeof v.country === 'string' ? format.country(v.country) : null
      case 'dpa':
        return text(v.reference) ?? text(v.fileName)
      case 'activity':
      case 'data_category':
      case 'data_subject_category':
        return localized(v.name)
      default:
        return null
    }
  }
}

interface TableProps {
  events: AuditEvent[]
  caption: string
  /** False on a processor's own page, where the record column only names transfers and DPAs. */
  linkRecords?: boolean
  stale?: boolean
}

/** Events with an expandable difference under each; the record links to its page where there is one. */
export function AuditEventsTable({ events, caption, linkRecords = true, stale }: TableProps) {
  const { t } = useTranslation()
  const text = useAuditText()
  const time = useTimeFormat()
  const recordName = useRecordName()
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set())
  const toggle = (seq: number) =>
    setOpen((prev) => {
      const next = new Set(prev)
      if (next.has(seq)) next.delete(seq)
      else next.add(seq)
      return next
    })

  return (
    <TableScroll>
      <table className={`table audit-table ${stale ? 'is-stale' : ''}`} aria-busy={stale || undefined}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-time">
              {t('audit.table.time')}
            </th>
            <th scope="col">{t('audit.table.actor')}</th>
            <th scope="col">{t('audit.table.action')}</th>
            <th scope="col">{t('audit.table.entity')}</th>
            <th scope="col" className="col-details">
              <span className="visually-hidden">{t('audit.table.details')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const expanded = open.has(event.seq)
            const detailsId = `audit-event-${event.seq}`
            const processorId = processorIdOf(event)
            const name = recordName(event)
            const entity = text.entity(event.entityType)
            const gone = event.action === 'delete' && event.entityType === 'processor'
            const label = (
              <>
                <span className="audit-entity-type">{entity}</span> {name ? <span className="audit-entity-name">{name}</span> : null}
                {event.entityId && <span className="audit-entity-id"> {t('audit.entityId', { id: event.entityId })}</span>}
              </>
            )
            let record = <span>{label}</span>
            if (linkRecords && processorId && !gone) {
              record = (
                <Link to={paths.processors.detail.path} params={{ id: String(processorId) }} className="audit-entity-link">
                  {label}
                </Link>
              )
            } else if (linkRecords && event.entityType === 'activity' && event.entityId && event.action !== 'delete') {
              record = (
                <Link to={paths.activities.detail.path} params={{ id: event.entityId }} className="audit-entity-link">
                  {label}
                </Link>
              )
            }
            const actor =
              event.actorEmail === 'system' || (event.actorId === null && event.actorEmail === null && event.action !== 'login_failed')
                ? t('audit.system')
                : event.actorEmail
            return (
              <Fragment key={event.seq}>
                <tr className={expanded ? 'is-expanded' : undefined}>
                  <td className="col-time">
                    <time dateTime={event.at}>{time(event.at)}</time>
                    <span className="cell-sub">{t('audit.entityId', { id: event.seq })}</span>
                  </td>
                  <td className="audit-actor">{actor ?? <span className="muted">{t('audit.diff.empty')}</span>}</td>
                  <td>
                    <Badge tone={ACTION_TONE[event.action] ?? 'neutral'}>{text.action(event.action)}</Badge>
                  </td>
                  <td className="audit-entity">{record}</td>
                  <td className="col-details">
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm disclosure"
                      aria-expanded={expanded}
                      aria-controls={detailsId}
                      onClick={() => toggle(event.seq)}
                    >
                      <span className="disclosure-icon" aria-hidden="true">
                        {expanded ? '▾' : '▸'}
                      </span>
                      {expanded ? t('audit.hideDiff') : t('audit.showDiff')}
                      <span className="visually-hidden"> ({t('audit.showDiffOf', { seq: event.seq })})</span>
                    </button>
                  </td>
                </tr>
                <tr id={detailsId} className="audit-details-row" hidden={!expanded}>
                  <td colSpan={5}>{expanded && <AuditDiff event={event} />}</td>
                </tr>
              </Fragment>
            )
          })}
        </tbody>
      </table>
    </TableScroll>
  )
}
