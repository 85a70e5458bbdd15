import type { Processor } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ProcessorStatusBadge, VisibilityBadge } from '../../../components/domain/status-badges'
import { buttonClass, Button } from '../../../components/ui/button'
import { ConfirmDialog } from '../../../components/ui/confirm-dialog'
import { Badge } from '../../../components/ui/badge'
import { paths } from '../../../config/paths'
import { useCan } from '../../../lib/auth'
import { useFormat } from '../../../lib/format'
import { useErrorText } from '../../../lib/error-text'
import { useDeleteProcessor } from '../api/delete-processor'
import { useRetireProcessor } from '../api/retire-processor'

interface HeaderProps {
  processor: Processor
  onDeleted: () => void
}

function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Name, badges and the record's actions (edit, retire, delete), each change confirmed first. */
export function ProcessorHeader({ processor: p, onDeleted }: HeaderProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const name = format.processor(p)
  const canEdit = useCan('edit')
  const errorText = useErrorText()
  const endDateId = useId()
  const [dialog, setDialog] = useState<'retire' | 'delete' | null>(null)
  const [endDate, setEndDate] = useState(today)
  const retire = useRetireProcessor()
  const remove = useDeleteProcessor()

  const close = () => {
    setDialog(null)
    retire.reset()
    remove.reset()
  }

  return (
    <div className="page-header">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to={paths.processors.list.path}>{t('processors.title')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{name}</span>
      </nav>
      <div className="page-header-row">
        <div>
          <h1 className="page-title">{name}</h1>
          <div className="badge-row page-badges">
            <Badge tone="neutral">{t(`enums.role.${p.role}`)}</Badge>
            <ProcessorStatusBadge status={p.status} />
            <VisibilityBadge isPublic={p.isPublic} />
          </div>
        </div>
        {canEdit && (
          <div className="page-actions">
            <Link to={paths.processors.edit.path} params={{ id: String(p.id) }} className={buttonClass('primary')}>
              {t('common.edit')}
            </Link>
            {p.status !== 'retired' && <Button onClick={() => setDialog('retire')}>{t('processors.actions.retire')}</Button>}
            <Button variant="danger" onClick={() => setDialog('delete')}>
              {t('common.delete')}
            </Button>
          </div>
        )}
      </div>

      <ConfirmDialog
        open={dialog === 'retire'}
        title={t('processors.actions.retireTitle', { name })}
        confirmLabel={t('processors.actions.retire')}
        busy={retire.isPending}
        error={retire.error ? errorText(retire.error) : null}
        onCancel={close}
        onConfirm={() => retire.mutate({ id: p.id, version: p.version, endDate: endDate || null }, { onSuccess: close })}
      >
        <p>{t('processors.actions.retireText')}</p>
        <div className="field">
          <label htmlFor={endDateId} className="field-label">
            {t('processors.fields.endDate')}
          </label>
          <input id={endDateId} type="date" className="input input-date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
        </div>
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog === 'delete'}
        danger
        title={t('processors.actions.deleteTitle', { name })}
        confirmLabel={t('processors.actions.deleteConfirm')}
        busy={remove.isPending}
        error={remove.error ? errorText(remove.error) : null}
        onCancel={close}
        onConfirm={() => remove.mutate({ id: p.id, version: p.version }, { onSuccess: onDeleted })}
      >
        <p>{t('processors.actions.deleteText', { transfers: p.transfers.length, dpas: p.dpas.length })}</p>
        {p.status !== 'retired' && <p>{t('processors.actions.deleteRetireHint')}</p>}
      </ConfirmDialog>
    </div>
  )
}
