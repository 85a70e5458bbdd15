import { Link, useNavigate } from '@tanstack/react-router'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SearchIcon, SearchInput } from '../../../components/form/search-input'
import { paths } from '../../../config/paths'
import { SEARCH_MAX_LENGTH } from '../lib/search-params'

/**
 * The header's search box: Enter opens the search page with the results grouped by kind. On narrow
 * screens it sits inside the navigation menu (`placement="menu"`); where the header is too full for
 * the box (1024-1439 px, see layout.css), the header shows a search link to the page (its own box) instead.
 */
export function HeaderSearch({ placement }: { placement: 'header' | 'menu' }) {
  const { t } = useTranslation()
  const id = useId()
  const navigate = useNavigate()
  const [text, setText] = useState('')
  const form = (
    <form
      role="search"
      aria-label={t('search.label')}
      className={`header-search header-search-${placement}`}
      onSubmit={(e) => {
        e.preventDefault()
        const q = text.trim()
        void navigate({ to: paths.search.path, search: q ? { q } : {} })
      }}
    >
      <SearchInput
        id={`${id}-q`}
        label={t('search.inputLabel')}
        hideLabel
        value={text}
        maxLength={SEARCH_MAX_LENGTH}
        placeholder={t('search.placeholder')}
        onChange={setText}
      />
    </form>
  )
  if (placement === 'menu') return form
  return (
    <>
      {form}
      <Link to={paths.search.path} className="header-search-link" aria-label={t('search.inputLabel')} title={t('search.inputLabel')}>
        <SearchIcon size={18} />
      </Link>
    </>
  )
}
