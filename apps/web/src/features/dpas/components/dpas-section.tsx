import type { Dpa, ProcessorRole } from '@seloste/schema'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { DpaStatusBadge } from '../../../components/domain/status-badges'
import { Badge } from '../../../components/ui/badge'
import { Button } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { ConfirmDialog } from '../../../components/ui/confirm-dialog'
import { Dialog } from '../../../components/ui/dialog'
import { EmptyState } from '../../../components/ui/empty-state'
import { useCan } from '../../../lib/auth'
import { useErrorText } from '../../../lib/error-text'
import { useFormat } from '../../../lib/format'
import { useDeleteDpa } from '../api/delete-dpa'
import { dpaToFormValues, emptyDpaValues } from '../lib/form-values'
import { ChecklistTable } from './checklist-table'
import { DpaDocument } from './dpa-document'
import { DpaForm } from './dpa-form'

type Editing = { mode: 'create' } | { mode: 'edit'; dpa: Dpa } | null

/** The processor's agreements, newest first: the first is the one in force, earlier ones are kept as history. */
export function DpasSection({
  processorId,
  dpas,
  role,
  parentName = null,
  findingsFor,
}: {
  processorId: number
  dpas: Dpa[]
  role: ProcessorRole
  parentName?: string | null
  /** The open findings of an agreement, shown on its card (composed by the page). */
  findingsFor?: (dpaId: number) => ReactNode
}) {
  const { t } = useTranslation()
  const canEdit = useCan('edit')
  const errorText = useErrorText()
  const [editing, setEditing] = useState<Editing>(null)
  const [deleting, setDeleting] = useState<Dpa | null>(null)
  const remove = useDeleteDpa()
  const [current, ...earlier] = dpas
  // A sub-processor with its parent recorded gets its terms through the parent's agreement (Art. 28(4)).
  const needsDpa = role === 'processor' || (role === 'sub_processor' && parentName === null)

  const card = (dpa: Dpa, isCurrent: boolean) => (
    <DpaCard
      key={dpa.id}
      dpa={dpa}
      isCurrent={isCurrent}
      canEdit={canEdit}
      onEdit={() => setEditing({ mode: 'edit', dpa })}
      onDelete={() => setDeleting(dpa)}
      findings={findingsFor?.(dpa.id)}
    />
  )

  return (
    <Card
      title={t('dpas.title')}
      description={t('dpas.description')}
      actions={
        canEdit && (
          <Button size="sm" onClick={() => setEditing({ mode: 'create' })}>
            {dpas.length ? t('dpas.addNewVersion') : t('dpas.add')}
          </Button>
        )
      }
    >
      {!current ? (
        <EmptyState title={t('dpas.noneRecorded')}>
          {needsDpa
            ? t('dpas.emptyProcessorHint')
            : role === 'sub_processor' && parentName
              ? t('dpas.viaParentHint', { parent: parentName })
              : t('dpas.emptyRecipientHint')}
        </EmptyState>
      ) : (
        <>
          {card(current, true)}
          {earlier.length > 0 && (
            <details className="earlier">
              <summary>{t('dpas.earlier', { count: earlier.length })}</summary>
              {earlier.map((d) => card(d, false))}
            </details>
          )}
        </>
      )}

      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'edit' ? t('dpas.editTitle') : t('dpas.addTitle')}
        size="lg"
      >
        {editing && (
          <DpaForm
            key={editing.mode === 'edit' ? `edit-${editing.dpa.id}` : 'create'}
            processorId={processorId}
            dpa={editing.mode === 'edit' ? editing.dpa : undefined}
            initialValues={editing.mode === 'edit' ? dpaToFormValues(editing.dpa) : emptyDpaValues()}
            onSaved={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>

      <ConfirmDialog
        open={deleting !== null}
        danger
        title={t('dpas.deleteTitle')}
        confirmLabel={t('common.delete')}
        busy={remove.isPending}
        error={remove.error ? errorText(remove.error) : null}
        onCancel={() => {
          setDeleting(null)
          remove.reset()
        }}
        onConfirm={() =>
          deleting &&
          remove.mutate(
            { id: deleting.id, version: dpas.find((d) => d.id === deleting.id)?.version ?? deleting.version },
            {
              onSuccess: () => {
                setDeleting(null)
                remove.reset()
              },
            },
          )
        }
      >
        <p>{t('dpas.deleteText')}</p>
      </ConfirmDialog>
    </Card>
  )
}

function DpaCard({
  dpa,
  isCurrent,
  canEdit,
  onEdit,
  onDelete,
  findings,
}: {
  dpa: Dpa
  isCurrent: boolean
  canEdit: boolean
  onEdit: () => void
  onDelete: () => void
  findings?: ReactNode
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const hasContract = dpa.status === 'signed' || dpa.status === 'in_negotiation'
  const item = (label: string, value: ReactNode) => (
    <div className="dl-row">
      <dt>{label}</dt>
      <dd>{value || <span className="muted">{t('common.notRecorded')}</span>}</dd>
    </div>
  )
  return (
    <article
      className={`dpa ${isCurrent ? 'dpa-current' : ''}`}
      aria-label={isCurrent ? t('dpas.current') : t('dpas.earlierOne', { date: format.dateTime(dpa.createdAt) })}
    >
      <header className="dpa-header">
        <div className="badge-row">
          {isCurrent && <Badge tone="info">{t('dpas.current')}</Badge>}
          <DpaStatusBadge status={dpa.status} />
          {dpa.reference && <span className="dpa-reference">{dpa.reference}</span>}
        </div>
        {canEdit && (
          <div className="dpa-actions">
            <Button size="sm" variant="ghost" onClick={onEdit}>
              {t('common.edit')}
            </Button>
            <Button size="sm" variant="ghost" className="text-danger" onClick={onDelete}>
              {t('common.delete')}
            </Button>
          </div>
        )}
      </header>
      {findings}
      <dl className="dl dl-columns">
        {dpa.status === 'not_required' && item(t('dpas.fields.notRequiredReason'), dpa.notRequiredReason)}
        {item(t('dpas.fields.signedOn'), format.date(dpa.signedOn))}
        {item(t('dpas.fields.validUntil'), format.date(dpa.validUntil))}
        {item(t('dpas.fields.nextReviewOn'), format.date(dpa.nextReviewOn))}
        {item(
          t('dpas.fields.documentUrl'),
          dpa.documentUrl && (
            <a href={dpa.documentUrl} target="_blank" rel="noreferrer noopener" className="external-link">
              {dpa.documentUrl.replace(/^https?:\/\//, '')}
            </a>
          ),
        )}
      </dl>
      <DpaDocument dpa={dpa} />
      {hasContract && <ChecklistTable checklist={dpa.checklist} />}
    </article>
  )
}
