import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { SearchResults } from '../../features/search/components/search-results'
import { useDocumentTitle } from '../../lib/use-document-title'
import '../../features/activities/lib/records-i18n'
import './compliance-i18n'
import '../../features/search/lib/search-i18n'

const route = getRouteApi('/app/search')

export function SearchRoute() {
  const { t } = useTranslation()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  useDocumentTitle(search.q ? t('searchPage.titleFor', { q: search.q }) : t('searchPage.title'))
  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('searchPage.title')}</h1>
        <p className="page-intro">{t('searchPage.intro')}</p>
      </div>
      <SearchResults q={search.q} onSearchChange={(q, options) => void navigate({ search: q ? { q } : {}, replace: options?.replace })} />
    </div>
  )
}
