import { forwardRef, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../ui/button'
import type { ConflictField, Side } from './three-way-merge'

export type { ConflictField } from './three-way-merge'

interface ConflictBannerProps {
  title: string
  savedAt: string
  /** The fields where their save and the form differ, each with who changed it (`conflictFields`). */
  fields: ConflictField[]
  onReload: () => void
  /** Merge and save: their changes kept, mine kept, and for each field both changed the side picked. */
  onMerge: (picks: Record<string, Side>) => void
  busy?: boolean
}

/**
 * Shown when a save hits a version conflict. Nothing is lost or overwritten silently: the user's
 * form stays as typed, the other person's values are shown beside it, and a merge keeps what each
 * changed; where both changed the same field, the user picks one side for it.
 */
export const ConflictBanner = forwardRef<HTMLDivElement, ConflictBannerProps>(function ConflictBanner(
  { title, savedAt, fields, onReload, onMerge, busy },
  ref,
) {
  const { t } = useTranslation()
  const id = useId()
  const empty = t('common.empty')
  const [picks, setPicks] = useState<Record<string, Side>>({})
  const [missing, setMissing] = useState(false)
  const both = fields.filter((f) => f.kind === 'both')
  const unpicked = both.filter((f) => !picks[f.key])

  const merge = () => {
    if (unpicked.length > 0) {
      setMissing(true)
      document.getElementById(`${id}-${unpicked[0]!.key}-mine`)?.focus()
      return
    }
    onMerge(picks)
  }

  return (
    <div className="conflict" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${id}-title`}>
      <p className="conflict-title" id={`${id}-title`}>
        {title}
      </p>
      <p>{t('conflict.explanation', { savedAt })}</p>
      {fields.length > 0 ? (
        <div className="table-scroll">
          <table className="table table-compact conflict-table">
            <caption className="visually-hidden">{t('conflict.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('conflict.field')}</th>
                <th scope="col">{t('conflict.theirs')}</th>
                <th scope="col">{t('conflict.yours')}</th>
                <th scope="col">{t('conflict.result')}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f.key} className={f.kind === 'both' ? 'conflict-both' : undefined}>
                  <th scope="row">{f.label}</th>
                  <td className="conflict-theirs">{f.theirs || empty}</td>
                  <td className="conflict-yours">{f.yours || empty}</td>
                  <td className="conflict-result">
                    {f.kind === 'both' ? (
                      <fieldset className="conflict-pick" aria-invalid={missing && !picks[f.key] ? true : undefined}>
                        <legend className="visually-hidden">{t('conflict.pickFor', { field: f.label })}</legend>
                        {(['theirs', 'mine'] as const).map((side) => (
                          <label key={side} className="conflict-pick-option">
                            <input
                              type="radio"
                              id={`${id}-${f.key}-${side}`}
                              name={`${id}-${f.key}`}
                              checked={picks[f.key] === side}
                              onChange={() => setPicks((p) => ({ ...p, [f.key]: side }))}
                            />
                            {side === 'mine' ? t('conflict.pickMine') : t('conflict.pickTheirs')}
                          </label>
                        ))}
                      </fieldset>
                    ) : f.kind === 'theirs' ? (
                      t('conflict.keptTheirs')
                    ) : (
                      t('conflict.keptMine')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('conflict.noDifferences')}</p>
      )}
      {missing && unpicked.length > 0 && (
        <p className="field-error" role="alert">
          {t('conflict.pickEach', { count: unpicked.length })}
        </p>
      )}
      <div className="conflict-actions">
        <Button onClick={onReload} disabled={busy}>
          {t('conflict.reload')}
        </Button>
        <Button variant="primary" onClick={merge} busy={busy}>
          {t('conflict.merge')}
        </Button>
      </div>
      <p className="conflict-help">{t('conflict.help')}</p>
    </div>
  )
})
