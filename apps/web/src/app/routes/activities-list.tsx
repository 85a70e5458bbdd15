import { getRouteApi, Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { buttonClass } from '../../components/ui/button'
import { paths } from '../../config/paths'
import { ActivitiesList } from '../../features/activities/components/activities-list'
import { useDataSubjectCategories } from '../../features/vocabulary/api/get-data-subject-categories'
import { useCan } from '../../lib/auth'
import { useDocumentTitle } from '../../lib/use-document-title'
import '../../features/activities/lib/records-i18n'

const route = getRouteApi('/app/activities')

export function ActivitiesListRoute() {
  const { t } = useTranslation()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const canEdit = useCan('edit')
  const subjects = useDataSubjectCategories()
  useDocumentTitle(t('activities.title'))

  return (
    <div className="page page-wide">
      <div className="page-header">
        <div className="page-header-row">
          <div>
            <h1 className="page-title">{t('activities.title')}</h1>
            <p className="page-intro">{t('activities.intro')}</p>
          </div>
          <div className="page-actions">
            <Link to={paths.activities.matrix.path} className={buttonClass('secondary')}>
              {t('activities.matrixLink')}
            </Link>
            <Link to={paths.exports.path} className={buttonClass('secondary')}>
              {t('activities.exportsLink')}
            </Link>
            <Link to={paths.vocabulary.path} className={buttonClass('secondary')}>
              {t('nav.vocabulary')}
            </Link>
            {canEdit && (
              <Link to={paths.activities.new.path} className={buttonClass('primary')}>
                <span aria-hidden="true">+ </span>
                {t('activities.new')}
              </Link>
            )}
          </div>
        </div>
      </div>
      <ActivitiesList
        search={search}
        onSearchChange={(patch, options) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: options?.replace })}
        // Clearing filters keeps how the user sorts.
        onClearFilters={() => void navigate({ search: (prev) => ({ sort: prev.sort, order: prev.order }) })}
        subjects={subjects.data}
      />
    </div>
  )
}
