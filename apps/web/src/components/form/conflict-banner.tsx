import { forwardRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../ui/button'

export interface Difference {
  key: string
  label: string
  theirs: string
  yours: string
}

/** The fields where the saved record and the form disagree, from two display snapshots. */
export function differences(theirs: Record<string, string>, yours: Record<string, string>, labels: Record<string, string>): Difference[] {
  return Object.keys(labels)
    .filter((key) => (theirs[key] ?? '') !== (yours[key] ?? ''))
    .map((key) => ({ key, label: labels[key] ?? key, theirs: theirs[key] ?? '', yours: yours[key] ?? '' }))
}

interface ConflictBannerProps {
  title: string
  savedAt: string
  differences: Difference[]
  onReload: () => void
  onKeepMine: () => void
  busy?: boolean
}

/**
 * Shown when a save hits a version conflict. Nothing is lost or overwritten silently: the user's
 * form stays as typed, the other person's values are shown beside it, and the user decides.
 */
export const ConflictBanner = forwardRef<HTMLDivElement, ConflictBannerProps>(function ConflictBanner(
  { title, savedAt, differences: diffs, onReload, onKeepMine, busy },
  ref,
) {
  const { t } = useTranslation()
  const empty = t('common.empty')
  return (
    <div className="conflict" role="alert" tabIndex={-1} ref={ref} aria-labelledby="conflict-title">
      <p className="conflict-title" id="conflict-title">
        {title}
      </p>
      <p>{t('conflict.explanation', { savedAt })}</p>
      {diffs.length > 0 ? (
        <div className="table-scroll">
          <table className="table table-compact conflict-table">
            <caption className="visually-hidden">{t('conflict.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('conflict.field')}</th>
                <th scope="col">{t('conflict.theirs')}</th>
                <th scope="col">{t('conflict.yours')}</th>
              </tr>
            </thead>
            <tbody>
              {diffs.map((d) => (
                <tr key={d.key}>
                  <th scope="row">{d.label}</th>
                  <td className="conflict-theirs">{d.theirs || empty}</td>
                  <td className="conflict-yours">{d.yours || empty}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('conflict.noDifferences')}</p>
      )}
      <div className="conflict-actions">
        <Button onClick={onReload} disabled={busy}>
          {t('conflict.reload')}
        </Button>
        <Button variant="primary" onClick={onKeepMine} busy={busy}>
          {t('conflict.keepMine')}
        </Button>
      </div>
      <p className="conflict-help">{t('conflict.help')}</p>
    </div>
  )
})
