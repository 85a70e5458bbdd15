import { getRouteApi, Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { buttonClass } from '../../components/ui/button'
import { paths } from '../../config/paths'
import { ProcessorsList } from '../../features/processors/components/processors-list'
import { useCan } from '../../lib/auth'
import { useDocumentTitle } from '../../lib/use-document-title'

const route = getRouteApi('/app/processors')

export function ProcessorsListRoute() {
  const { t } = useTranslation()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const canEdit = useCan('edit')
  useDocumentTitle(t('processors.title'))

  return (
    <div className="page page-wide">
      <div className="page-header">
        <div className="page-header-row">
          <div>
            <h1 className="page-title">{t('processors.title')}</h1>
            <p className="page-intro">{t('processors.intro')}</p>
          </div>
          {canEdit && (
            <div className="page-actions">
              <Link to={paths.processors.new.path} className={buttonClass('primary')}>
                <span aria-hidden="true">+ </span>
                {t('processors.new')}
              </Link>
            </div>
          )}
        </div>
      </div>
      <ProcessorsList
        search={search}
        onSearchChange={(patch, options) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: options?.replace })}
        // Clearing filters keeps how the user sorts and pages.
        onClearFilters={() => void navigate({ search: (prev) => ({ sort: prev.sort, order: prev.order, pageSize: prev.pageSize }) })}
      />
    </div>
  )
}
