import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert'
import { VocabularyManager } from '../../features/vocabulary/components/vocabulary-manager'
import { useCan } from '../../lib/auth'
import { useDocumentTitle } from '../../lib/use-document-title'
import { addUiTexts } from '../../lib/i18n'
import { vocabularyEn } from '../../locales/vocabulary.en'
import { vocabularyFi } from '../../locales/vocabulary.fi'
// For the names' field labels and the Art. 9 hint shared with the activity form (vocabulary.*).
import '../../features/activities/lib/records-i18n'

// The page's own strings come with its lazy route, not with every page (the initial JS budget).
addUiTexts(vocabularyEn, vocabularyFi)

/** The shared vocabulary: editors and admins rename, merge and remove entries; auditors read. */
export function VocabularyRoute() {
  const { t } = useTranslation()
  const canEdit = useCan('edit')
  useDocumentTitle(t('vocabularyPage.title'))
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 className="page-title">{t('vocabularyPage.title')}</h1>
        <p className="page-intro">{t('vocabularyPage.intro')}</p>
      </div>
      {!canEdit && (
        <Alert tone="info" title={t('user.readOnlyTitle')}>
          <p>{t('vocabularyPage.readOnly')}</p>
        </Alert>
      )}
      <div className="vocabulary-stack">
        <VocabularyManager canEdit={canEdit} />
      </div>
    </div>
  )
}
