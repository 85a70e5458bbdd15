import { useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../../components/form/field'
import { translateMessage } from '../../../lib/translate-message'

export interface Choice<K extends string | number> {
  value: K
  label: string
  /** Shown after the label, smaller: a role, a marker. */
  extra?: ReactNode
  /** The label's language, when it is not the UI's (a fallback name). */
  lang?: string
}

interface ChoiceListProps<K extends string | number> {
  /** The form path; the fieldset gets its id, so the error summary can link to it. */
  name: string
  legend: ReactNode
  hint?: ReactNode
  error?: string | undefined
  choices: Choice<K>[]
  value: K[]
  onChange: (value: K[]) => void
  /** A filter box above a long list. */
  searchable?: boolean
  /** Shown under the list, e.g. "New category" for editors. */
  footer?: ReactNode
  loading?: boolean
  columns?: 1 | 2
  /** The legend is read by screen readers but not shown (the section's legend already says it). */
  legendHidden?: boolean
}

/**
 * A list of checkboxes in a fieldset, optionally with a filter box: the accessible way to pick
 * several from many. The checked ones are named above the list, so the choice stays visible
 * while filtering.
 */
export function ChoiceList<K extends string | number>({
  name,
  legend,
  hint,
  error,
  choices,
  value,
  onChange,
  searchable,
  footer,
  loading,
  columns = 1,
  legendHidden,
}: ChoiceListProps<K>) {
  const { t } = useTranslation()
  const id = fieldId(name)
  const uid = useId()
  const [filter, setFilter] = useState('')
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const selected = new Set(value)
  const term = filter.trim().toLocaleLowerCase()
  const shown = term ? choices.filter((c) => c.label.toLocaleLowerCase().includes(term)) : choices
  const toggle = (k: K, on: boolean) => onChange(on ? [...value, k] : value.filter((v) => v !== k))
  const chosen = choices.filter((c) => selected.has(c.value))

  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`choice-list span-2 ${error ? 'field-invalid' : ''}`}
      aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
    >
      <legend className={legendHidden ? 'visually-hidden' : 'field-label'}>{legend}</legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {choices.length > 12 && chosen.length > 0 && (
        <ul className="tag-list choice-chosen" aria-label={t('activities.form.selected', { count: chosen.length })}>
          {chosen.map((c) => (
            <li key={c.value} className="tag">
              <span lang={c.lang}>{c.label}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={t('common.removeItem', { item: c.label })}
                onClick={() => toggle(c.value, false)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {searchable && choices.length > 6 && (
        <div className="choice-filter">
          <label htmlFor={`${uid}-filter`} className="visually-hidden">
            {t('activities.form.filter')}
          </label>
          <input
            id={`${uid}-filter`}
            type="search"
            className="input input-sm"
            value={filter}
            placeholder={t('activities.form.filterPlaceholder')}
            onChange={(e) => setFilter(e.target.value)}
            // Enter in the filter must not submit the whole form.
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
            autoComplete="off"
          />
        </div>
      )}
      {loading ? (
        <p className="muted small">{t('activities.form.loadingChoices')}</p>
      ) : choices.length === 0 ? (
        <p className="muted small">{t('activities.form.noOptions')}</p>
      ) : shown.length === 0 ? (
        <p className="muted small">{t('activities.form.noMatches')}</p>
      ) : (
        <ul className={`choice-items ${columns === 2 ? 'choice-items-2' : ''} ${choices.length > 12 ? 'choice-items-scroll' : ''}`}>
          {shown.map((c) => {
            const cid = `${uid}-${c.value}`
            return (
              <li key={c.value}>
                <input
                  id={cid}
                  type="checkbox"
                  className="checkbox"
                  checked={selected.has(c.value)}
                  onChange={(e) => toggle(c.value, e.target.checked)}
                />
                <label htmlFor={cid}>
                  <span lang={c.lang}>{c.label}</span>
                  {c.extra && <span className="choice-extra"> {c.extra}</span>}
                </label>
              </li>
            )
          })}
        </ul>
      )}
      {footer}
      {error && (
        <p id={errorId} className="field-error">
          {translateMessage(error)}
        </p>
      )}
    </fieldset>
  )
}
