import { processorName, type SearchResults } from '@seloste/schema'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useRouter } from '@tanstack/react-router'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { SearchIcon, SearchInput } from '../../../components/form/search-input'
import { paths } from '../../../config/paths'
import { useDebouncedValue } from '../../../lib/use-debounced-value'
import { searchQueryOptions } from '../api/search'
import { isDashboardPath, isSearchable, SEARCH_MAX_LENGTH } from '../lib/search-params'

/** How many matches of each kind the box suggests (the search page shows more). */
const PER_KIND = 3

type Kind = 'processors' | 'activities' | 'findings'

interface Suggestion {
  key: string
  kind: Kind
  label: string
  /** Where choosing it goes: a dashboard path. */
  to: string
}

/** The top matches of each kind, in the order they are listed (and walked with the arrow keys). */
function suggestionsOf(data: SearchResults, lang: 'fi' | 'en'): Suggestion[] {
  const other = lang === 'fi' ? 'en' : 'fi'
  const pick = (text: { fi: string; en: string }) => text[lang] || text[other]
  return [
    ...data.processors.items.slice(0, PER_KIND).map((p) => ({
      key: `p${p.id}`,
      kind: 'processors' as const,
      label: processorName(p, lang),
      to: `/processors/${p.id}`,
    })),
    ...data.activities.items.slice(0, PER_KIND).map((a) => ({
      key: `a${a.id}`,
      kind: 'activities' as const,
      label: pick(a.name) || `#${a.id}`,
      to: `/activities/${a.id}`,
    })),
    ...data.findings.items
      .filter((f) => isDashboardPath(f.link))
      .slice(0, PER_KIND)
      .map((f) => ({ key: `f${f.key}`, kind: 'findings' as const, label: pick(f.message), to: f.link })),
  ]
}

/**
 * The header's search box, a combobox (WAI-ARIA APG, list autocomplete): as the user types, the top
 * matches of each kind show under the box; Down and Up move through them, Enter opens the one chosen,
 * Escape closes the list (and then empties the box); Enter without a choice opens the search page with
 * every result. A live status says how many matches there are. The request follows the text after a
 * pause, and each term is its own query, so an answer for an older term never replaces the newer
 * one's. On narrow screens it sits inside the navigation menu (`placement="menu"`); where the header
 * is too full for the box (1024-1439 px, see layout.css) a button opens it below the header.
 */
export function HeaderSearch({ placement }: { placement: 'header' | 'menu' }) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const navigate = useNavigate()
  const router = useRouter()
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [expanded, setExpanded] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const toggleRef = useRef<HTMLButtonElement>(null)
  const term = useDebouncedValue(text.trim(), 250)
  const searchable = isSearchable(term) && term === text.trim()
  const query = useQuery({ ...searchQueryOptions(term), enabled: isSearchable(term) })
  // Only the answer for the term now in the box: a placeholder (the previous term's) is not offered.
  const current = query.data && !query.isPlaceholderData && query.data.q === term ? query.data : undefined
  const suggestions = current && searchable ? suggestionsOf(current, i18n.language === 'fi' ? 'fi' : 'en') : []
  const showList = open && searchable && current !== undefined
  const listId = `${id}-list`
  const optionId = (i: number) => `${id}-opt-${i}`

  // Any navigation (a choice, a link, Back) closes the list and the box that opened below the header.
  useEffect(
    () =>
      router.subscribe('onBeforeNavigate', () => {
        setOpen(false)
        setActive(-1)
        setExpanded(false)
      }),
    [router],
  )

  const reset = () => {
    setText('')
    setOpen(false)
    setActive(-1)
  }

  const choose = (s: Suggestion) => {
    reset()
    void navigate({ to: s.to })
  }

  const collapse = () => {
    if (!expanded) return
    setExpanded(false)
    toggleRef.current?.focus()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (!showList) {
        setOpen(true)
        return
      }
      if (suggestions.length === 0) return
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive((i) => (i < 0 ? (step > 0 ? 0 : suggestions.length - 1) : (i + step + suggestions.length) % suggestions.length))
    } else if (e.key === 'Enter' && showList && active >= 0 && suggestions[active]) {
      e.preventDefault()
      choose(suggestions[active])
    } else if (e.key === 'Escape' && (showList || text || expanded)) {
      // The box's own Escape: not also the menu's (app-shell closes the phone menu on Escape).
      e.preventDefault()
      e.stopPropagation()
      if (showList) {
        setOpen(false)
        setActive(-1)
      } else if (text) setText('')
      else collapse()
    }
  }

  const status =
    !open || !searchable
      ? ''
      : !current
        ? t('search.searching')
        : suggestions.length
          ? t('search.suggestions', { count: suggestions.length })
          : t('search.noSuggestions')
  const groups = (['processors', 'activities', 'findings'] as const)
    .map((kind) => ({ kind, items: suggestions.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === kind) }))
    .filter((g) => g.items.length > 0)

  const form = (
    <form
      role="search"
      aria-label={t('search.label')}
      className={`header-search header-search-${placement} ${expanded ? 'is-expanded' : ''}`}
      onSubmit={(e) => {
        e.preventDefault()
        const q = text.trim()
        reset()
        void navigate({ to: paths.search.path, search: q ? { q } : {} })
      }}
      onBlur={(e) => {
        // Focus leaving the box and its list closes them.
        if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return
        setOpen(false)
        setActive(-1)
        if (expanded && e.relatedTarget !== toggleRef.current) setExpanded(false)
      }}
    >
      <SearchInput
        id={`${id}-q`}
        inputRef={inputRef}
        label={t('search.inputLabel')}
        hideLabel
        value={text}
        maxLength={SEARCH_MAX_LENGTH}
        placeholder={t('search.placeholder')}
        onChange={(value) => {
          setText(value)
          setOpen(true)
          setActive(-1)
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList && suggestions.length > 0}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={t('search.suggestionsLabel')}
        className="search-suggestions"
        hidden={!showList || suggestions.length === 0}
      >
        {groups.map((g) => (
          <div key={g.kind} role="group" aria-labelledby={`${id}-${g.kind}`}>
            <div id={`${id}-${g.kind}`} role="presentation" className="search-suggestions-kind">
              {t(`search.groups.${g.kind}`)}
            </div>
            {g.items.map(({ s, i }) => (
              // The keys are the combobox's (focus stays in the box, aria-activedescendant names the option): a click is the pointer's way.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events
              <div
                key={s.key}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                tabIndex={-1}
                className={`search-suggestion ${i === active ? 'is-active' : ''}`}
                // Keeps focus in the box (a mouse press would blur it and close the list first).
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(s)}
              >
                {s.label}
              </div>
            ))}
          </div>
        ))}
      </div>
      {showList && suggestions.length === 0 && (
        <p className="search-suggestions search-suggestions-none" aria-hidden="true">
          {t('search.noSuggestions')}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </form>
  )
  if (placement === 'menu') return form
  return (
    <>
      {form}
      <button
        ref={toggleRef}
        type="button"
        className="header-search-link"
        aria-label={t('search.inputLabel')}
        title={t('search.inputLabel')}
        aria-expanded={expanded}
        onClick={() => {
          const next = !expanded
          setExpanded(next)
          if (next) requestAnimationFrame(() => inputRef.current?.focus())
        }}
      >
        <SearchIcon size={18} />
      </button>
    </>
  )
}
