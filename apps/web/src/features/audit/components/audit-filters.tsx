import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { FilterSelect } from '../../../components/form/filter-select'
import { Button } from '../../../components/ui/button'
import { useActors } from '../api/get-actors'
import { useAuditText } from '../lib/describe'
import { ACTIONS, ENTITY_TYPES, hasAuditFilters, type AuditSearch } from '../lib/audit-search'

interface FiltersProps {
  search: AuditSearch
  /** Only administrators may list users, so only they get the user filter. */
  canFilterByUser: boolean
  onChange: (patch: Partial<AuditSearch>) => void
  onClear: () => void
}

export function AuditFilters({ search, canFilterByUser, onChange, onClear }: FiltersProps) {
  const { t } = useTranslation()
  const text = useAuditText()
  const id = useId()
  const actors = useActors(canFilterByUser)
  // A filter change starts again from the newest events.
  const set = (patch: Partial<AuditSearch>) => onChange({ ...patch, page: undefined })
  const sortedEntities = [...ENTITY_TYPES].sort((a, b) => text.entity(a).localeCompare(text.entity(b)))

  return (
    <section className="filters audit-filters" aria-label={t('audit.filters.label')}>
      <div className={`filters-grid audit-filters-grid ${canFilterByUser ? 'with-user' : ''}`}>
        <FilterSelect
          id={`${id}-type`}
          label={t('audit.filters.entityType')}
          value={search.entityType ?? ''}
          // A record type change drops a single-record filter of another type.
          onChange={(v) => set({ entityType: v || undefined, entityId: undefined })}
        >
          <option value="">{t('audit.filters.any')}</option>
          {sortedEntities.map((type) => (
            <option key={type} value={type}>
              {text.entity(type)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id={`${id}-action`}
          label={t('audit.filters.action')}
          value={search.action ?? ''}
          onChange={(v) => set({ action: v || undefined })}
        >
          <option value="">{t('audit.filters.any')}</option>
          {ACTIONS.map((action) => (
            <option key={action} value={action}>
              {text.action(action)}
            </option>
          ))}
        </FilterSelect>
        {canFilterByUser && (
          <FilterSelect
            id={`${id}-actor`}
            label={t('audit.filters.actor')}
            value={search.actorId ? String(search.actorId) : ''}
            onChange={(v) => set({ actorId: v ? Number(v) : undefined })}
          >
            <option value="">{t('audit.filters.anyone')}</option>
            {(actors.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.email}
              </option>
            ))}
          </FilterSelect>
        )}
        <div className="filter">
          <label htmlFor={`${id}-from`} className="field-label">
            {t('audit.filters.from')}
          </label>
          <input
            id={`${id}-from`}
            type="date"
            className={`input input-filter ${search.from ? 'is-active' : ''}`}
            value={search.from ?? ''}
            max={search.to}
            onChange={(e) => set({ from: e.target.value || undefined })}
          />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-to`} className="field-label">
            {t('audit.filters.to')}
          </label>
          <input
            id={`${id}-to`}
            type="date"
            className={`input input-filter ${search.to ? 'is-active' : ''}`}
            value={search.to ?? ''}
            min={search.from}
            onChange={(e) => set({ to: e.target.value || undefined })}
          />
        </div>
      </div>
      {hasAuditFilters(search) && (
        <div className="audit-filters-footer">
          {search.entityId && (
            <span className="filter-chip">
              {t('audit.filters.entityChip', { entity: search.entityType ? text.entity(search.entityType) : '', id: search.entityId })}
              <button
                type="button"
                className="tag-remove"
                aria-label={t('audit.filters.removeEntityChip')}
                onClick={() => set({ entityId: undefined })}
              >
                <span aria-hidden="true">×</span>
              </button>
            </span>
          )}
          <Button variant="ghost" size="sm" onClick={onClear}>
            {t('common.clearFilters')}
          </Button>
        </div>
      )}
    </section>
  )
}
