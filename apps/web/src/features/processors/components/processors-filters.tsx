import { DpaStatus, ProcessorRole, ProcessorStatus, Safeguard } from '@seloste/schema'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { CountrySelect } from '../../../components/form/country-select'
import { FilterSelect } from '../../../components/form/filter-select'
import { SearchInput } from '../../../components/form/search-input'
import { Button } from '../../../components/ui/button'
import { useSearchText } from '../../../lib/use-search-text'
import { hasFilters, type ProcessorListSearch } from '../lib/list-search'

export type SearchPatch = Partial<ProcessorListSearch>

interface FiltersProps {
  search: ProcessorListSearch
  onChange: (patch: SearchPatch, options?: { replace?: boolean }) => void
  onClear: () => void
}

export function ProcessorsFilters({ search, onChange, onClear }: FiltersProps) {
  const { t } = useTranslation()
  const id = useId()
  // Typing goes back to page 1.
  const { text, type, term } = useSearchText(search.q, (q) => onChange({ q, page: undefined }, { replace: true }))

  // A filter change starts again from page 1, and takes the text typed so far with it (it cancels
  // the pending search update).
  const set = (patch: SearchPatch) => onChange({ q: term, ...patch, page: undefined })

  return (
    <div className="filters">
      <div className="filters-top">
        <form
          role="search"
          className="filters-search"
          onSubmit={(e) => {
            e.preventDefault()
            onChange({ q: term, page: undefined })
          }}
        >
          <SearchInput
            id={`${id}-q`}
            label={t('processors.list.searchLabel')}
            value={text}
            placeholder={t('processors.list.searchPlaceholder')}
            onChange={type}
          />
        </form>
        {hasFilters(search) && (
          <Button variant="ghost" size="sm" onClick={onClear}>
            {t('common.clearFilters')}
          </Button>
        )}
      </div>
      <div className="filters-grid">
        <FilterSelect
          id={`${id}-status`}
          label={t('processors.columns.status')}
          value={search.status ?? ''}
          onChange={(v) => set({ status: (v || undefined) as ProcessorListSearch['status'] })}
        >
          <option value="">{t('processors.list.any')}</option>
          {ProcessorStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`enums.processorStatus.${s}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id={`${id}-role`}
          label={t('processors.columns.role')}
          value={search.role ?? ''}
          onChange={(v) => set({ role: (v || undefined) as ProcessorListSearch['role'] })}
        >
          <option value="">{t('processors.list.any')}</option>
          {ProcessorRole.options.map((r) => (
            <option key={r} value={r}>
              {t(`enums.role.${r}`)}
            </option>
          ))}
        </FilterSelect>
        <div className="filter">
          <label htmlFor={`${id}-country`} className="field-label">
            {t('processors.list.transferCountry')}
          </label>
          <CountrySelect
            id={`${id}-country`}
            emptyLabel={t('processors.list.any')}
            value={search.country ?? ''}
            onChange={(e) => set({ country: (e.target.value || undefined) as ProcessorListSearch['country'] })}
          />
        </div>
        <FilterSelect
          id={`${id}-safeguard`}
          label={t('processors.columns.safeguards')}
          value={search.safeguard ?? ''}
          onChange={(v) => set({ safeguard: (v || undefined) as ProcessorListSearch['safeguard'] })}
        >
          <option value="">{t('processors.list.any')}</option>
          {Safeguard.options.map((s) => (
            <option key={s} value={s}>
              {t(`enums.safeguard.${s}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id={`${id}-dpa`}
          label={t('processors.columns.dpa')}
          value={search.dpaStatus ?? ''}
          onChange={(v) => set({ dpaStatus: (v || undefined) as ProcessorListSearch['dpaStatus'] })}
        >
          <option value="">{t('processors.list.any')}</option>
          {DpaStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`enums.dpaStatus.${s}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id={`${id}-eea`}
          label={t('processors.list.location')}
          value={search.outsideEea === undefined ? '' : String(search.outsideEea)}
          onChange={(v) => set({ outsideEea: v === '' ? undefined : v === 'true' })}
        >
          <option value="">{t('processors.list.any')}</option>
          <option value="true">{t('processors.list.outsideEeaYes')}</option>
          <option value="false">{t('processors.list.outsideEeaNo')}</option>
        </FilterSelect>
      </div>
    </div>
  )
}
