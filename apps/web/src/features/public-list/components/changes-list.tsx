import type { EntryChange, PublicEntry, PublicListContent } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Badge, type Tone } from '../../../components/ui/badge'
import { paths } from '../../../config/paths'
import { useFormat } from '../../../lib/format'
import { i18n } from '../../../lib/i18n'
import { entryFieldLines } from '../lib/entry-values'

const KINDS = [
  ['added', 'success'],
  ['removed', 'danger'],
  ['changed', 'warning'],
  ['statement', 'info'],
] as const satisfies readonly (readonly [EntryChange['kind'], Tone])[]

/** A changed public field by its name; an unknown one (a newer API) as it is. */
function fieldName(field: string): string {
  const key = `publicList.fields.${field}`
  return i18n.exists(key) ? (i18n.t as (k: string) => string)(key) : field
}

interface Props {
  changes: EntryChange[]
  /** The draft publishing would freeze: the new values. */
  draft?: PublicListContent
  /** The latest published content (the old values); undefined while it loads or when it could not be read. */
  previous?: PublicListContent
}

/** Old and new values of a changed entry's fields, side by side. */
function ValuesTable({ change, before, after }: { change: EntryChange; before: PublicEntry; after: PublicEntry }) {
  const { t } = useTranslation()
  const format = useFormat()
  const cell = (lines: string[] | null) =>
    lines ? (
      lines.map((l, i) => (
        <span key={i} className="change-value-line">
          {l}
        </span>
      ))
    ) : (
      <span className="muted">{t('common.notRecorded')}</span>
    )
  return (
    <table className="change-values">
      <caption className="visually-hidden">
        {t('publicList.values.caption', { name: format.processor({ displayName: change.name, displayNameEn: change.nameEn }) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('publicList.values.field')}</th>
          <th scope="col">{t('publicList.values.before')}</th>
          <th scope="col">{t('publicList.values.after')}</th>
        </tr>
      </thead>
      <tbody>
        {change.fields.map((f) => (
          <tr key={f}>
            <th scope="row">{fieldName(f)}</th>
            <td className="change-before">{cell(entryFieldLines(before, f, t, format))}</td>
            <td className="change-after">{cell(entryFieldLines(after, f, t, format))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The entries publishing would add, remove or change, in groups; a changed entry with its old and new values when both are at hand. */
export function ChangesList({ changes, draft, previous }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const nameOf = (c: EntryChange) => format.processor({ displayName: c.name, displayNameEn: c.nameEn })
  const oldEntries = new Map(previous?.entries.map((e) => [e.key, e]))
  const newEntries = new Map(draft?.entries.map((e) => [e.key, e]))
  return (
    <div className="change-groups">
      {KINDS.map(([kind, tone]) => {
        const items = changes.filter((c) => c.kind === kind)
        if (items.length === 0) return null
        return (
          <section key={kind} className={`change-group change-${kind}`} aria-labelledby={`changes-${kind}`}>
            <h3 id={`changes-${kind}`} className="change-group-title">
              <Badge tone={tone}>{t(`publicList.changes.${kind}`)}</Badge>
              <span className="change-count">{items.length}</span>
            </h3>
            <ul className="change-items">
              {items.map((c) => (
                <li key={`${c.key}-${c.name}`}>
                  {kind === 'statement' ? (
                    // A list-wide sentence that appears or disappears (the DPA sentence, "no other transfers").
                    <span className="change-name">
                      {t(c.fields[0] === 'added' ? 'publicList.changes.statementAdded' : 'publicList.changes.statementRemoved', {
                        statement: t(`publicList.changes.statements.${c.name}` as 'publicList.changes.statements.all_processors_dpa'),
                      })}
                    </span>
                  ) : kind === 'removed' ? (
                    <span className="change-name">{nameOf(c)}</span>
                  ) : (
                    <Link
                      to={paths.processors.detail.path}
                      params={{ id: String(c.key) }}
                      className="change-name"
                      title={t('publicList.changes.openProcessor', { name: nameOf(c) })}
                    >
                      {nameOf(c)}
                    </Link>
                  )}
                  {kind === 'changed' &&
                    c.fields.length > 0 &&
                    (oldEntries.has(c.key) && newEntries.has(c.key) ? (
                      <ValuesTable change={c} before={oldEntries.get(c.key)!} after={newEntries.get(c.key)!} />
                    ) : (
                      <span className="change-fields">
                        {t('publicList.changes.changedFields', { fields: c.fields.map(fieldName).join(', ') })}
                      </span>
                    ))}
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
}
