import { entriesWithoutLocation, type PublishedVersion } from '@seloste/schema'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../../components/ui/alert'
import { Button } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorState } from '../../../components/ui/error-state'
import { Skeleton } from '../../../components/ui/skeleton'
import { isApiError } from '../../../lib/api-client'
import { useCan, useSession } from '../../../lib/auth'
import { useErrorText } from '../../../lib/error-text'
import { useFormat } from '../../../lib/format'
import { translateMessage } from '../../../lib/translate-message'
import { usePreview } from '../api/get-preview'
import { useVersion } from '../api/get-version'
import { usePublish } from '../api/publish'
import { ChangesList } from './changes-list'
import { FollowersCard } from './followers-card'
import { PreviewPanel } from './preview-panel'
import { PublishDialog } from './publish-dialog'
import { VersionsTable } from './versions-table'

const DATE_TOO_EARLY = /^Cannot be before the latest version's date \((\d{4}-\d{2}-\d{2})\)$/

/** Where the public list stands, what publishing would change, the preview, publishing and the versions. */
export function PublicListManager() {
  const { t } = useTranslation()
  const format = useFormat()
  const errorText = useErrorText()
  const canPublish = useCan('edit')
  const isAdmin = useSession()?.user.role === 'admin'
  const preview = usePreview()
  const previous = useVersion(preview.data?.latest?.version ?? null)
  const publish = usePublish()
  const [confirming, setConfirming] = useState(false)
  const [published, setPublished] = useState<PublishedVersion | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [dialogError, setDialogError] = useState<{ date: string | null; general: string | null }>({ date: null, general: null })
  const noticeRef = useRef<HTMLDivElement>(null)
  const resultRef = useRef<HTMLDivElement>(null)

  if (preview.isPending) {
    return (
      <div className="card card-pad pending-lines" role="status" aria-label={t('common.loading')}>
        <Skeleton width="60%" height="1.3rem" />
        <Skeleton width="40%" height="1rem" />
      </div>
    )
  }
  if (preview.isError) return <ErrorState error={preview.error} onRetry={() => void preview.refetch()} title={t('publicList.loadFailed')} />

  const { latest, changes } = preview.data
  const nextVersion = (latest?.version ?? 0) + 1
  // The very first version may be published with no entries; after that, only a change is worth a version.
  const nothingToPublish = latest !== null && changes.length === 0
  const latestDate = latest ? format.date(latest.date) : ''

  const closeDialog = () => {
    setConfirming(false)
    setDialogError({ date: null, general: null })
    publish.reset()
  }

  const onPublish = (date: string, confirmUnknownLocations: boolean) => {
    setDialogError({ date: null, general: null })
    publish.mutate(
      { basedOnVersion: latest?.version ?? 0, date, ...(confirmUnknownLocations ? { confirmUnknownLocations: true } : {}) },
      {
        onSuccess: (version) => {
          closeDialog()
          setNotice(null)
          setPublished(version)
          requestAnimationFrame(() => resultRef.current?.focus())
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            // Someone published meanwhile, or nothing changed: the preview is refreshed (onSettled) and says why.
            closeDialog()
            setPublished(null)
            setNotice(error.code === 'version_conflict' ? t('publicList.publish.conflictStale') : t('publicList.publish.conflictNothing'))
            requestAnimationFrame(() => noticeRef.current?.focus())
            return
          }
          const dateField = isApiError(error) ? error.fields.find((f) => f.path === 'date') : undefined
          if (isApiError(error) && error.unlocated.length > 0) {
            // Locations went missing after the preview was loaded: the refreshed preview asks for the
            // confirmation; the refusal names the services in the UI's language.
            setDialogError({
              date: null,
              general: t('publicList.publish.unlocatedRefused', { names: error.unlocated.map((u) => u.name[format.lang]).join(', ') }),
            })
          } else if (dateField) {
            const early = DATE_TOO_EARLY.exec(dateField.message)
            setDialogError({
              date: early ? t('publicList.publish.dateTooEarly', { date: format.date(early[1]) }) : translateMessage(dateField.message),
              general: null,
            })
          } else setDialogError({ date: null, general: errorText(error) })
        },
      },
    )
  }

  let status: string
  if (!latest) status = t('publicList.status.neverPublished')
  else if (nothingToPublish) status = t('publicList.status.upToDate', { version: latest.version, date: latestDate })
  else status = t('publicList.status.pending', { count: changes.length, version: latest.version, date: latestDate })

  return (
    <>
      {published && (
        <Alert
          ref={resultRef}
          tabIndex={-1}
          tone="success"
          title={t('publicList.publish.published', { version: published.version })}
          className="publish-result"
        >
          <p>{t('publicList.publish.publishedText', { version: published.version, date: format.date(published.date) })}</p>
          <p className="publish-links">
            <a href="/public/processors?lang=fi">{t('publicList.publish.openFi')}</a>
            <a href="/public/processors?lang=en">{t('publicList.publish.openEn')}</a>
          </p>
        </Alert>
      )}
      {notice && (
        <Alert ref={noticeRef} tabIndex={-1} tone="warning" role="alert">
          <p>{notice}</p>
        </Alert>
      )}

      <section className={`publish-status ${nothingToPublish ? 'is-up-to-date' : 'has-changes'}`} aria-label={t('publicList.status.label')}>
        <div className="publish-status-text">
          <span className="publish-status-icon" aria-hidden="true">
            {nothingToPublish ? '✓' : '●'}
          </span>
          <p>{status}</p>
        </div>
        {canPublish ? (
          <Button
            variant="primary"
            disabled={nothingToPublish}
            onClick={() => setConfirming(true)}
            title={nothingToPublish ? t('publicList.publish.nothingToPublish') : undefined}
          >
            {t('publicList.publish.button')}
          </Button>
        ) : (
          <p className="muted small">{t('publicList.publish.readOnly')}</p>
        )}
      </section>

      <div className="public-list-grid">
        <Card
          title={t('publicList.changes.title')}
          description={
            latest
              ? t('publicList.changes.sinceVersion', { version: latest.version, date: latestDate })
              : t('publicList.changes.firstVersion')
          }
        >
          {changes.length === 0 ? (
            <EmptyState title={t('publicList.changes.none')} />
          ) : (
            <>
              {previous.isError && <p className="muted small">{t('publicList.values.loadFailed')}</p>}
              <ChangesList changes={changes} draft={preview.data.draft} previous={previous.data?.content} />
            </>
          )}
        </Card>
        <Card title={t('publicList.preview.title')} description={t('publicList.preview.description')} className="preview-card">
          <PreviewPanel />
        </Card>
      </div>
      <Card title={t('publicList.versions.title')} description={t('publicList.versions.description')}>
        <VersionsTable />
      </Card>
      {isAdmin && <FollowersCard />}

      {canPublish && (
        <PublishDialog
          open={confirming}
          nextVersion={nextVersion}
          minDate={latest?.date}
          busy={publish.isPending}
          dateError={dialogError.date}
          error={dialogError.general}
          unlocated={entriesWithoutLocation(preview.data.draft.entries).map((e) =>
            format.processor({ displayName: e.name, displayNameEn: e.nameEn }),
          )}
          onConfirm={onPublish}
          onCancel={closeDialog}
        />
      )}
    </>
  )
}
