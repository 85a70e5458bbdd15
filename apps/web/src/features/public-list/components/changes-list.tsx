import type { EntryChange } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Badge, type Tone } from '../../../components/ui/badge'
import { paths } from '../../../config/paths'
import { i18n } from '../../../lib/i18n'

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

/** The entries publishing would add, remove or change, in three groups. */
export function ChangesList({ changes }: { changes: EntryChange[] }) {
  const { t } = useTranslation()
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
                    <span className="change-name">{c.name}</span>
                  ) : (
                    <Link to={paths.processors.detail.path} params={{ id: String(c.key) }} className="change-name" title={t('publicList.changes.openProcessor', { name: c.name })}>
                      {c.name}
                    </Link>
                  )}
                  {kind === 'changed' && c.fields.length > 0 && (
                    <span className="change-fields">{t('publicList.changes.changedFields', { fields: c.fields.map(fieldName).join(', ') })}</span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
}
