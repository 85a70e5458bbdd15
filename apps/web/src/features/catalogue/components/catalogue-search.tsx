import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/ui/button'
import { useErrorText } from '../../../lib/error-text'
import { useDebouncedValue } from '../../../lib/use-debounced-value'
import { useCatalogueSearch } from '../api/catalogue'

/** A search box over the vendor catalogue and its matches, each with a button to choose it. */
export function CatalogueSearch({
  onChoose,
  buttonText,
  actionLabel,
}: {
  onChoose: (id: string, name: string) => void
  buttonText: string
  actionLabel: (name: string) => string
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const errorText = useErrorText()
  const [term, setTerm] = useState('')
  const q = useDebouncedValue(term.trim(), 250)
  const search = useCatalogueSearch(q)
  const lang = i18n.language === 'fi' ? 'fi' : 'en'
  return (
    <div className="catalogue-search">
      <div className="field">
        <label htmlFor={id} className="field-label">
          {t('catalogue.searchLabel')}
        </label>
        <input
          id={id}
          type="search"
          className="input"
          value={term}
          placeholder={t('catalogue.searchPlaceholder')}
          onChange={(e) => setTerm(e.target.value)}
          maxLength={200}
        />
      </div>
      {search.isError && (
        <p role="alert" className="field-error">
          {errorText(search.error)}
        </p>
      )}
      {search.data && (
        <>
          <p className="muted" role="status">
            {search.data.total === 0
              ? q
                ? t('catalogue.noResults')
                : t('catalogue.empty')
              : t('catalogue.version', { version: search.data.version })}
          </p>
          {search.data.items.length > 0 && (
            <ul className="catalogue-results">
              {search.data.items.map((e) => (
                <li key={e.id} className="catalogue-result">
                  <div>
                    <span className="cell-strong">{e.name}</span> <span className="muted">· {t(`catalogue.category.${e.category}`)}</span>
                    <span className="cell-sub">{(lang === 'fi' ? e.services.fi : null) ?? e.services.en}</span>
                    {e.contractingEntity && <span className="cell-sub">{e.contractingEntity}</span>}
                  </div>
                  <Button size="sm" onClick={() => onChoose(e.id, e.name)} aria-label={actionLabel(e.name)}>
                    {buttonText}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  )
}
