import { Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useToast } from '../../components/ui/toast'
import { paths } from '../../config/paths'
import { ActivityForm } from '../../features/activities/components/activity-form'
import { emptyActivityValues } from '../../features/activities/lib/form-values'
import { nameOf, useLang } from '../../features/activities/lib/text'
import { useCan } from '../../lib/auth'
import { useDocumentTitle } from '../../lib/use-document-title'
import { ReadOnlyNotice } from './read-only-notice'
import { useVocabularyForForm } from './use-vocabulary-for-form'
import '../../features/activities/lib/records-i18n'

export function ActivityNewRoute() {
  const { t } = useTranslation()
  const lang = useLang()
  const navigate = useNavigate()
  const toast = useToast()
  const canEdit = useCan('edit')
  const [initialValues] = useState(emptyActivityValues)
  const vocabulary = useVocabularyForForm()
  useDocumentTitle(t('activities.form.newTitle'))

  return (
    <div className="page page-narrow">
      <div className="page-header">
        <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
          <Link to={paths.activities.list.path}>{t('activities.title')}</Link>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{t('activities.form.newTitle')}</span>
        </nav>
        <h1 className="page-title">{t('activities.form.newTitle')}</h1>
        <p className="page-intro">{t('activities.form.newIntro')}</p>
      </div>
      {canEdit ? (
        <ActivityForm
          initialValues={initialValues}
          vocabulary={vocabulary.data}
          newCategory={vocabulary.newCategory}
          onSaved={(a) => {
            toast(t('activities.toast.created', { name: nameOf(a.name, lang, a.id) }))
            void navigate({ to: paths.activities.detail.path, params: { id: String(a.id) } })
          }}
          onCancel={() => void navigate({ to: paths.activities.list.path })}
        />
      ) : (
        <ReadOnlyNotice />
      )}
    </div>
  )
}
