import { Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorState } from '../../components/ui/error-state'
import { useToast } from '../../components/ui/toast'
import { paths } from '../../config/paths'
import { useProcessor } from '../../features/processors/api/get-processor'
import { ProcessorForm } from '../../features/processors/components/processor-form'
import { processorToFormValues } from '../../features/processors/lib/form-values'
import { isApiError } from '../../lib/api-client'
import { useCan } from '../../lib/auth'
import { useFormat } from '../../lib/format'
import { useDocumentTitle } from '../../lib/use-document-title'
import { NotFound, RoutePending } from './fallbacks'
import { ReadOnlyNotice } from './read-only-notice'
import { parseProcessorId, processorEditRoute } from './use-processor-param'
import type { Processor } from '@seloste/schema'

export function ProcessorEditRoute() {
  const { id: raw } = processorEditRoute.useParams()
  const id = parseProcessorId(raw)
  return id === null ? <NotFound /> : <ProcessorEditPage id={id} />
}

function ProcessorEditPage({ id }: { id: number }) {
  const { t } = useTranslation()
  const format = useFormat()
  const query = useProcessor(id)
  const canEdit = useCan('edit')
  useDocumentTitle(query.data ? t('processors.form.editTitle', { name: format.processor(query.data) }) : t('processors.title'))

  if (query.isPending) return <RoutePending />
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFound />
    return (
      <div className="page">
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </div>
    )
  }
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
          <Link to={paths.processors.list.path}>{t('processors.title')}</Link>
          <span aria-hidden="true"> / </span>
          <Link to={paths.processors.detail.path} params={{ id: String(id) }}>
            {format.processor(query.data)}
          </Link>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{t('common.edit')}</span>
        </nav>
        <h1 className="page-title">{t('processors.form.editTitle', { name: format.processor(query.data) })}</h1>
      </div>
      {canEdit ? <EditForm processor={query.data} /> : <ReadOnlyNotice />}
    </div>
  )
}

/**
 * The form starts from the processor as first loaded and is never reset by a background refetch:
 * what the user types stays, and a newer version on the server surfaces as a conflict on save.
 */
function EditForm({ processor }: { processor: Processor }) {
  const { t } = useTranslation()
  const format = useFormat()
  const navigate = useNavigate()
  const toast = useToast()
  const [loaded] = useState(processor)
  const [initialValues] = useState(() => processorToFormValues(processor))
  const toDetail = () => void navigate({ to: paths.processors.detail.path, params: { id: String(loaded.id) } })
  return (
    <ProcessorForm
      processor={loaded}
      initialValues={initialValues}
      onSaved={(p) => {
        toast(t('processors.toast.saved', { name: format.processor(p) }))
        toDetail()
      }}
      onCancel={toDetail}
    />
  )
}
