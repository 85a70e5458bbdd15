import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ErrorState } from '../../components/ui/error-state'
import { useToast } from '../../components/ui/toast'
import { paths } from '../../config/paths'
import { useFormat } from '../../lib/format'
import { ProcessorHistory } from '../../features/audit/components/processor-history'
import { ProcessorActivities } from '../../features/activities/components/processor-activities'
import { CataloguePanel } from '../../features/catalogue/components/catalogue-panel'
import { DpasSection } from '../../features/dpas/components/dpas-section'
import { RecordFindings } from '../../features/findings/components/record-findings'
import { useProcessor } from '../../features/processors/api/get-processor'
import { ProcessorHeader } from '../../features/processors/components/processor-header'
import { ProcessorDescriptions, ProcessorNotes, ProcessorOverview } from '../../features/processors/components/processor-overview'
import { TransfersSection } from '../../features/transfers/components/transfers-section'
import { isApiError } from '../../lib/api-client'
import { useDocumentTitle } from '../../lib/use-document-title'
import { NotFound, RoutePending } from './fallbacks'
import './compliance-i18n'
import { parseProcessorId, processorDetailRoute } from './use-processor-param'
import '../../locales/governance-texts'
import '../../locales/catalogue-texts'

export function ProcessorDetailRoute() {
  const { id: raw } = processorDetailRoute.useParams()
  const id = parseProcessorId(raw)
  return id === null ? <NotFound /> : <ProcessorDetailPage id={id} />
}

/** One processor: its own fields, its transfers and its agreements, composed from three features. */
function ProcessorDetailPage({ id }: { id: number }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const toast = useToast()
  const format = useFormat()
  const query = useProcessor(id)
  useDocumentTitle(query.data ? format.processor(query.data) : t('processors.title'))

  if (query.isPending) return <RoutePending />
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFound />
    return (
      <div className="page">
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </div>
    )
  }
  const processor = query.data
  return (
    <div className="page">
      <ProcessorHeader
        processor={processor}
        onDeleted={() => {
          toast(t('processors.toast.deleted', { name: format.processor(processor) }))
          void navigate({ to: paths.processors.list.path })
        }}
      />
      <RecordFindings type="processor" id={processor.id} sayWhenUnknown className="record-findings-page" />
      <div className="detail-grid">
        <ProcessorOverview processor={processor} />
        <ProcessorDescriptions processor={processor} />
      </div>
      <CataloguePanel processor={processor} />
      <TransfersSection
        processorId={processor.id}
        transfers={processor.transfers}
        recipientRole={processor.role}
        findingsFor={(transferId) => <RecordFindings type="transfer" id={transferId} />}
      />
      <DpasSection
        processorId={processor.id}
        dpas={processor.dpas}
        role={processor.role}
        parentName={processor.parent ? format.processor(processor.parent) : null}
        findingsFor={(dpaId) => <RecordFindings type="dpa" id={dpaId} />}
      />
      <ProcessorActivities processorId={processor.id} />
      <ProcessorNotes processor={processor} />
      <ProcessorHistory processorId={processor.id} />
    </div>
  )
}
