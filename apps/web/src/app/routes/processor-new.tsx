import { Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useToast } from '../../components/ui/toast'
import { paths } from '../../config/paths'
import { CatalogueStart } from '../../features/catalogue/components/catalogue-start'
import { ProcessorForm } from '../../features/processors/components/processor-form'
import { emptyProcessorValues } from '../../features/processors/lib/form-values'
import { useCan } from '../../lib/auth'
import { useFormat } from '../../lib/format'
import { useDocumentTitle } from '../../lib/use-document-title'
import { ReadOnlyNotice } from './read-only-notice'
import '../../locales/catalogue-texts'

export function ProcessorNewRoute() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const toast = useToast()
  const format = useFormat()
  const canEdit = useCan('edit')
  const [initialValues] = useState(emptyProcessorValues)
  useDocumentTitle(t('processors.form.newTitle'))

  return (
    <div className="page page-narrow">
      <div className="page-header">
        <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
          <Link to={paths.processors.list.path}>{t('processors.title')}</Link>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{t('processors.form.newTitle')}</span>
        </nav>
        <h1 className="page-title">{t('processors.form.newTitle')}</h1>
        <p className="page-intro">{t('processors.form.newIntro')}</p>
      </div>
      {canEdit && (
        <CatalogueStart
          onSaved={(p) => {
            toast(t('catalogue.proposal.created', { name: format.processor(p) }))
            void navigate({ to: paths.processors.detail.path, params: { id: String(p.id) } })
          }}
        />
      )}
      {canEdit ? (
        <ProcessorForm
          initialValues={initialValues}
          onSaved={(p) => {
            toast(t('processors.toast.created', { name: format.processor(p) }))
            void navigate({ to: paths.processors.detail.path, params: { id: String(p.id) } })
          }}
          onCancel={() => void navigate({ to: paths.processors.list.path })}
        />
      ) : (
        <ReadOnlyNotice />
      )}
    </div>
  )
}
