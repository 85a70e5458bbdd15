import type { Finding, FindingsResponse } from '@seloste/schema'
import { useDeferredValue, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FilterSelect } from '../../../components/form/filter-select'
import { Button } from '../../../components/ui/button'
import { ConfirmDialog } from '../../../components/ui/confirm-dialog'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorState } from '../../../components/ui/error-state'
import { Skeleton } from '../../../components/ui/skeleton'
import { useToast } from '../../../components/ui/toast'
import { useCan } from '../../../lib/auth'
import { useErrorText } from '../../../lib/error-text'
import { useFormat } from '../../../lib/format'
import { useRevokeAcknowledgement } from '../api/revoke-acknowledgement'
import { categoryOf, CHECK_CATEGORIES, isKnownCheck, matchesFilter, SEVERITIES } from '../lib/checks'
import { ENTITY_TYPES, hasFindingFilters, type FindingsSearch } from '../lib/findings-search'
import { AcknowledgeDialog } from './acknowledge-dialog'
import { FindingItem } from './finding-item'

interface Props {
  query: { data: FindingsResponse | undefined; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown }
  search: FindingsSearch
  onSearchChange: (patch: Partial<FindingsSearch>) => void
}

/** The findings, open or acknowledged, filtered by severity, check and kind of record. */
export function FindingsSection({ query, search, onSearchChange }: Props) {
  const { t, i18n } = useTranslation()
  // The list (most of the page's elements) is drawn in a second, interruptible render after the
  // page's first paint, so drawing 40-odd findings does not hold the main thread in one long task;
  // skeletons stand in for it meanwhile. Only on mount: filtering afterwards draws at once.
  const listReady = useDeferredValue(true, false)
  const format = useFormat()
  const canEdit = useCan('edit')
  const toast = useToast()
  const errorText = useErrorText()
  const id = useId()
  const lang = i18n.language === 'fi' ? 'fi' : 'en'
  const [acknowledging, setAcknowledging] = useState<Finding | null>(null)
  const [revoking, setRevoking] = useState<Finding | null>(null)
  const revoke = useRevokeAcknowledgement()
  const resultRef = useRef<HTMLParagraphElement>(null)

  const list = search.list ?? 'open'
  const data = query.data
  const all = useMemo(() => (data ? [...data.open, ...data.acknowledged] : []), [data])
  const source = (list === 'open' ? data?.open : data?.acknowledged) ?? []
  const shown = source.filter((f) => matchesFilter(f, search))

  // The check filter offers the checks that have findings now (and the one chosen, if it has none).
  const checksPresent = useMemo(() => {
    const ids = new Set(all.map((f) => f.checkId))
    if (search.check) ids.add(search.check)
    return ids
  }, [all, search.check])
  const checkLabel = (checkId: string) => (isKnownCheck(checkId) ? t(`checks.${checkId}`) : checkId)

  const focusResult = () => requestAnimationFrame(() => resultRef.current?.focus())

  return (
    <div className="findings">
      <div className="findings-toolbar">
        <div className="segmented" role="group" aria-label={t('findings.whichList')}>
          {(['open', 'acknowledged'] as const).map((which) => (
            <button
              key={which}
              type="button"
              className="segmented-button"
              aria-pressed={list === which}
              onClick={() => onSearchChange({ list: which === 'open' ? undefined : which })}
            >
              {t(`findings.lists.${which}`)}{' '}
              <span className="segmented-count">
                {data ? format.number(which === 'open' ? data.open.length : data.acknowledged.length) : '–'}
              </span>
            </button>
          ))}
        </div>
        <div className="findings-filters">
          <FilterSelect
            id={`${id}-severity`}
            label={t('findings.filters.severity')}
            value={search.severity ?? ''}
            onChange={(v) => onSearchChange({ severity: (v || undefined) as FindingsSearch['severity'] })}
          >
            <option value="">{t('findings.filters.any')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`findings.severity.${s}`)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            id={`${id}-check`}
            label={t('findings.filters.check')}
            value={search.check ?? ''}
            onChange={(v) => onSearchChange({ check: v || undefined })}
          >
            <option value="">{t('findings.filters.anyCheck')}</option>
            {CHECK_CATEGORIES.map((category) => {
              const ids = [...checksPresent].filter((c) => categoryOf(c) === category)
              if (!ids.length) return null
              return (
                <optgroup key={category} label={t(`findings.categories.${category}`)}>
                  {ids
                    .sort((a, b) => format.compare(checkLabel(a), checkLabel(b)))
                    .map((c) => (
                      <option key={c} value={c}>
                        {checkLabel(c)}
                      </option>
                    ))}
                </optgroup>
              )
            })}
            {[...checksPresent]
              .filter((c) => categoryOf(c) === null)
              .map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
          </FilterSelect>
          <FilterSelect
            id={`${id}-entity`}
            label={t('findings.filters.entity')}
            value={search.entity ?? ''}
            onChange={(v) => onSearchChange({ entity: (v || undefined) as FindingsSearch['entity'] })}
          >
            <option value="">{t('findings.filters.any')}</option>
            {ENTITY_TYPES.map((e) => (
              <option key={e} value={e}>
                {t(`findings.entity.${e}`)}
              </option>
            ))}
          </FilterSelect>
          {hasFindingFilters(search) && (
            <Button
              variant="ghost"
              size="sm"
              className="findings-clear"
              onClick={() => onSearchChange({ severity: undefined, check: undefined, entity: undefined })}
            >
              {t('common.clearFilters')}
            </Button>
          )}
        </div>
      </div>

      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending || !data || !listReady ? (
        <div className="pending-lines">
          <Skeleton height="4rem" />
          <Skeleton height="4rem" />
          <Skeleton height="4rem" />
        </div>
      ) : (
        <>
          <p ref={resultRef} className="findings-result small muted" tabIndex={-1} role="status">
            {hasFindingFilters(search)
              ? t(`findings.result.${list}Filtered`, { count: shown.length, total: source.length })
              : t(`findings.result.${list}`, { count: source.length })}
          </p>
          {shown.length === 0 ? (
            hasFindingFilters(search) && source.length > 0 ? (
              <EmptyState title={t('findings.empty.filtered')}>{t('findings.empty.filteredHint')}</EmptyState>
            ) : list === 'open' ? (
              <EmptyState title={t('findings.empty.open')}>{t('findings.empty.openHint')}</EmptyState>
            ) : (
              <EmptyState title={t('findings.empty.acknowledged')}>{t('findings.empty.acknowledgedHint')}</EmptyState>
            )
          ) : (
            <ul className="finding-list" aria-label={t(`findings.lists.${list}`)}>
              {shown.map((f) => (
                <FindingItem key={f.key} finding={f} canEdit={canEdit} onAcknowledge={setAcknowledging} onRevoke={setRevoking} />
              ))}
            </ul>
          )}
        </>
      )}

      <AcknowledgeDialog
        finding={acknowledging}
        onClose={() => setAcknowledging(null)}
        onDone={(_f, expiresOn) => {
          setAcknowledging(null)
          toast(t('findings.ack.done', { date: format.date(expiresOn) }))
          focusResult()
        }}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={t('findings.revokeTitle')}
        confirmLabel={t('findings.revoke')}
        onConfirm={() =>
          revoking?.acknowledgement &&
          revoke.mutate(revoking.acknowledgement.id, {
            onSuccess: () => {
              setRevoking(null)
              toast(t('findings.revoked'))
              focusResult()
            },
          })
        }
        onCancel={() => {
          setRevoking(null)
          revoke.reset()
        }}
        busy={revoke.isPending}
        error={revoke.isError ? errorText(revoke.error) : undefined}
      >
        {revoking && <p className="revoke-message">{revoking.message[lang]}</p>}
        <p>{t('findings.revokeText')}</p>
      </ConfirmDialog>
    </div>
  )
}
