import type { Activity } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { buttonClass, Button } from '../../../components/ui/button'
import { ConfirmDialog } from '../../../components/ui/confirm-dialog'
import { Badge } from '../../../components/ui/badge'
import { paths } from '../../../config/paths'
import { isApiError } from '../../../lib/api-client'
import { useCan, useSession } from '../../../lib/auth'
import { useErrorText } from '../../../lib/error-text'
import { useApproveActivity } from '../api/approve-activity'
import { useDeleteActivity } from '../api/delete-activity'
import { activityFieldLabel } from '../lib/form-values'
import { activityMessage } from '../lib/messages'
import { nameOf, pickText, useLang } from '../lib/text'
import { ActivityStatusBadge, DpiaStatusBadge } from './badges'

interface HeaderProps {
  activity: Activity
  onApproved: () => void
  onDeleted: () => void
  /** The activity's open findings, under its badges (composed by the page). */
  findings?: ReactNode
}

/** Name, badges and the record's actions (edit, approve, delete), each change confirmed first. */
export function ActivityHeader({ activity: a, onApproved, onDeleted, findings }: HeaderProps) {
  const { t } = useTranslation()
  const lang = useLang()
  const canEdit = useCan('edit')
  const session = useSession()
  const errorText = useErrorText()
  const [dialog, setDialog] = useState<'approve' | 'delete' | null>(null)
  const approve = useApproveActivity()
  const remove = useDeleteActivity()
  const name = nameOf(a.name, lang, a.id)
  const title = pickText(a.name, lang)
  const other = lang === 'fi' ? 'en' : 'fi'
  const special = a.dataCategories.some((c) => c.special)

  const close = () => {
    setDialog(null)
    approve.reset()
    remove.reset()
  }

  // A 400 says what is missing, field by field: name each, so the user knows what to fill in.
  const approveError = approve.error
  const approveProblems = isApiError(approveError) && approveError.code === 'validation_failed' ? approveError.fields : []

  return (
    <div className="page-header">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to={paths.activities.list.path}>{t('activities.title')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{name}</span>
      </nav>
      <div className="page-header-row">
        <div>
          <h1 className="page-title" lang={title.fallback ? title.lang : undefined}>
            {name}
          </h1>
          {a.name[other] && a.name[other] !== title.text && (
            <p className="page-subtitle" lang={other}>
              {a.name[other]}
            </p>
          )}
          <div className="badge-row page-badges">
            <ActivityStatusBadge status={a.status} />
            {special && <Badge tone="warning">{t('activities.list.special')}</Badge>}
            {a.thirdCountryTransfers.length > 0 && <Badge tone="warning">{t('activities.list.outsideEea')}</Badge>}
            <span className="badge-label">
              {t('activities.columns.dpia')}: <DpiaStatusBadge status={a.dpiaStatus} />
            </span>
          </div>
          {findings}
        </div>
        {canEdit && (
          <div className="page-actions">
            <Link to={paths.activities.edit.path} params={{ id: String(a.id) }} className={buttonClass('primary')}>
              {t('common.edit')}
            </Link>
            {a.status !== 'approved' && <Button onClick={() => setDialog('approve')}>{t('activities.actions.approve')}</Button>}
            <Button variant="danger" onClick={() => setDialog('delete')}>
              {t('common.delete')}
            </Button>
          </div>
        )}
      </div>

      <ConfirmDialog
        open={dialog === 'approve'}
        title={t('activities.actions.approveTitle', { name })}
        confirmLabel={t('activities.actions.approve')}
        busy={approve.isPending}
        error={
          approveError ? (
            approveProblems.length > 0 ? (
              <>
                <p className="alert-title">{t('activities.actions.approveRefused')}</p>
                <ul className="problem-list">
                  {approveProblems.map((p) => (
                    <li key={p.path + p.message}>
                      <strong>{activityFieldLabel(t, p.path)}:</strong> {activityMessage(t, p.message)}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              activityMessage(t, errorText(approveError))
            )
          ) : null
        }
        onCancel={close}
        onConfirm={() =>
          approve.mutate(
            { id: a.id, version: a.version },
            {
              onSuccess: () => {
                close()
                onApproved()
              },
            },
          )
        }
      >
        <p>{t('activities.actions.approveText', { email: session?.user.email ?? '' })}</p>
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog === 'delete'}
        danger
        title={t('activities.actions.deleteTitle', { name })}
        confirmLabel={t('activities.actions.deleteConfirm')}
        busy={remove.isPending}
        error={remove.error ? errorText(remove.error) : null}
        onCancel={close}
        onConfirm={() => remove.mutate({ id: a.id, version: a.version }, { onSuccess: onDeleted })}
      >
        <p>{t('activities.actions.deleteText')}</p>
      </ConfirmDialog>
    </div>
  )
}
