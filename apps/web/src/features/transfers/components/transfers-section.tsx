import type { ProcessorRole, Transfer } from '@seloste/schema'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { TiaStatusBadge } from '../../../components/domain/status-badges'
import { Badge } from '../../../components/ui/badge'
import { Button } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { ConfirmDialog } from '../../../components/ui/confirm-dialog'
import { Dialog } from '../../../components/ui/dialog'
import { EmptyState } from '../../../components/ui/empty-state'
import { useCan } from '../../../lib/auth'
import { useErrorText } from '../../../lib/error-text'
import { useFormat } from '../../../lib/format'
import { useDeleteTransfer } from '../api/delete-transfer'
import { emptyTransferValues, transferToFormValues } from '../lib/form-values'
import { SafeguardDetails } from './safeguard-details'
import { TransferForm } from './transfer-form'
import { TableScroll } from '../../../components/ui/table-scroll'

type Editing = { mode: 'create' } | { mode: 'edit'; transfer: Transfer } | null

/** Where the processor's data goes (GDPR Chapter V), with add, edit and delete. */
export function TransfersSection({
  processorId,
  transfers,
  recipientRole,
  findingsFor,
}: {
  processorId: number
  transfers: Transfer[]
  recipientRole?: ProcessorRole
  /** The open findings of a transfer, shown in its row (composed by the page: features do not import each other). */
  findingsFor?: (transferId: number) => ReactNode
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const canEdit = useCan('edit')
  const errorText = useErrorText()
  const [editing, setEditing] = useState<Editing>(null)
  const [deleting, setDeleting] = useState<Transfer | null>(null)
  const remove = useDeleteTransfer()

  const outside = transfers.filter((tr) => tr.outsideEea).length

  return (
    <Card
      title={t('transfers.title')}
      description={transfers.length ? t('transfers.summary', { count: transfers.length, outside }) : undefined}
      actions={
        canEdit && (
          <Button variant="secondary" size="sm" onClick={() => setEditing({ mode: 'create' })}>
            {t('transfers.add')}
          </Button>
        )
      }
    >
      {transfers.length === 0 ? (
        <EmptyState title={t('transfers.empty')}>{t('transfers.emptyHint')}</EmptyState>
      ) : (
        <TableScroll>
          <table className="table transfers-table">
            <caption className="visually-hidden">{t('transfers.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('transfers.fields.country')}</th>
                <th scope="col">{t('transfers.fields.location')}</th>
                <th scope="col">{t('transfers.fields.kind')}</th>
                <th scope="col">{t('transfers.fields.safeguard')}</th>
                <th scope="col">{t('transfers.fields.tia')}</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {transfers.map((tr) => (
                <tr key={tr.id}>
                  <th scope="row" className="cell-strong">
                    {format.country(tr.country)}
                    {tr.notes && <span className="cell-sub prewrap">{tr.notes}</span>}
                  </th>
                  <td>
                    {tr.outsideEea ? (
                      <Badge tone="warning">{t('geo.outsideEea')}</Badge>
                    ) : (
                      <Badge tone="neutral">{t('geo.insideEea')}</Badge>
                    )}
                  </td>
                  <td>{t(`enums.transferKind.${tr.kind}`)}</td>
                  <td className="cell-safeguard">
                    <SafeguardDetails transfer={tr} />
                    {findingsFor?.(tr.id)}
                  </td>
                  <td>
                    <TiaStatusBadge status={tr.tiaStatus} />
                    {tr.tiaUrl && (
                      <a href={tr.tiaUrl} target="_blank" rel="noreferrer noopener" className="cell-sub external-link">
                        {t('transfers.details.openTia')}
                      </a>
                    )}
                  </td>
                  {canEdit && (
                    <td className="cell-actions">
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => setEditing({ mode: 'edit', transfer: tr })}
                        aria-label={t('transfers.editLabel', { country: format.country(tr.country) })}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        className="text-danger"
                        onClick={() => setDeleting(tr)}
                        aria-label={t('transfers.deleteLabel', { country: format.country(tr.country) })}
                      >
                        {t('common.delete')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing?.mode === 'edit'
            ? t('transfers.editTitle', { country: format.country(editing.transfer.country) })
            : t('transfers.addTitle')
        }
        size="lg"
      >
        {editing && (
          <TransferForm
            key={editing.mode === 'edit' ? `edit-${editing.transfer.id}` : 'create'}
            processorId={processorId}
            recipientRole={recipientRole}
            transfer={editing.mode === 'edit' ? editing.transfer : undefined}
            initialValues={editing.mode === 'edit' ? transferToFormValues(editing.transfer) : emptyTransferValues()}
            onSaved={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>

      <ConfirmDialog
        open={deleting !== null}
        danger
        title={t('transfers.deleteTitle', { country: deleting ? format.country(deleting.country) : '' })}
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
            // The freshest version we have: after a conflict the page reloads and a retry uses it.
            { id: deleting.id, version: transfers.find((x) => x.id === deleting.id)?.version ?? deleting.version },
            {
              onSuccess: () => {
                setDeleting(null)
                remove.reset()
              },
            },
          )
        }
      >
        <p>{t('transfers.deleteText')}</p>
      </ConfirmDialog>
    </Card>
  )
}
