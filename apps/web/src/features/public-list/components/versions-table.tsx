import type { PublishedVersionSummary } from '@seloste/schema'
import { useTranslation } from 'react-i18next'
import { Badge } from '../../../components/ui/badge'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorState } from '../../../components/ui/error-state'
import { Skeleton } from '../../../components/ui/skeleton'
import { useFormat } from '../../../lib/format'
import { useVersions } from '../api/get-versions'
import { TableScroll } from '../../../components/ui/table-scroll'

/** The public address of a published version (a server page, outside the dashboard). */
export function versionUrl(version: number, lang: 'fi' | 'en'): string {
  return `/public/processors/versions/${version}?lang=${lang}`
}

function ChangeCounts({ version }: { version: PublishedVersionSummary }) {
  const { t } = useTranslation()
  const count = (kind: 'added' | 'removed' | 'changed') => version.changes.filter((c) => c.kind === kind).length
  const [added, removed, changed] = [count('added'), count('removed'), count('changed')]
  if (added + removed + changed === 0) return <span className="muted">{t('publicList.versions.noChanges')}</span>
  return (
    <span className="badge-row">
      {added > 0 && <Badge tone="success">{t('publicList.versions.summaryAdded', { count: added })}</Badge>}
      {removed > 0 && <Badge tone="danger">{t('publicList.versions.summaryRemoved', { count: removed })}</Badge>}
      {changed > 0 && <Badge tone="warning">{t('publicList.versions.summaryChanged', { count: changed })}</Badge>}
    </span>
  )
}

export function VersionsTable() {
  const { t } = useTranslation()
  const format = useFormat()
  const versions = useVersions()

  if (versions.isPending) {
    return (
      <div className="pending-lines" role="status" aria-label={t('common.loading')}>
        <Skeleton width="100%" height="1.2rem" />
        <Skeleton width="100%" height="1.2rem" />
      </div>
    )
  }
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
  if (versions.data.length === 0) return <EmptyState title={t('publicList.versions.empty')} />

  return (
    <TableScroll>
      <table className="table table-compact versions-table">
        <caption className="visually-hidden">{t('publicList.versions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('publicList.versions.version')}</th>
            <th scope="col">{t('publicList.versions.date')}</th>
            <th scope="col">{t('publicList.versions.publishedAt')}</th>
            <th scope="col" className="col-changes">
              {t('publicList.versions.changes')}
            </th>
            <th scope="col">{t('publicList.versions.open')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.data.map((v, i) => (
            <tr key={v.version}>
              <th scope="row" className="nowrap">
                {v.version} {i === 0 && <Badge tone="info">{t('publicList.versions.current')}</Badge>}
              </th>
              <td className="nowrap">{format.date(v.date)}</td>
              <td className="nowrap muted">{format.dateTime(v.publishedAt)}</td>
              <td>
                <ChangeCounts version={v} />
              </td>
              <td className="nowrap">
                <span className="version-links">
                  {(['fi', 'en'] as const).map((lang) => (
                    // The name starts with the visible code (WCAG 2.5.3), then says what it opens.
                    <a
                      key={lang}
                      href={versionUrl(v.version, lang)}
                      aria-label={`${lang.toUpperCase()}: ${t('publicList.versions.openIn', { version: v.version, language: t(`publicList.preview.${lang}`) })}`}
                    >
                      {lang.toUpperCase()}
                    </a>
                  ))}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}
