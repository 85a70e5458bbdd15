import { LEGAL_REFERENCE } from '@seloste/schema'
import { getRouteApi } from '@tanstack/react-router'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { DataFlowsSection } from '../../features/data-flows/components/data-flows-section'
import { useFindings } from '../../features/findings/api/get-findings'
import { CalendarFeedCard } from '../../features/findings/components/calendar-feed-card'
import { DeadlinesCard } from '../../features/findings/components/deadlines-card'
import { FindingsSection } from '../../features/findings/components/findings-section'
import { SeveritySummary } from '../../features/findings/components/severity-summary'
import { TrendCard } from '../../features/findings/components/trend-card'
import { useCan } from '../../lib/auth'
import { i18n } from '../../lib/i18n'
import { useFormat } from '../../lib/format'
import { useDocumentTitle } from '../../lib/use-document-title'
import { complianceEn } from '../../locales/compliance.en'
import { complianceFi } from '../../locales/compliance.fi'

// The overview's strings come with its lazy route instead of with every page (the initial JS budget).
// Both languages at once, so switching language needs nothing more; typed through lib/i18n-types.d.ts.
i18n.addResourceBundle('en', 'translation', complianceEn, true, false)
i18n.addResourceBundle('fi', 'translation', complianceFi, true, false)

const route = getRouteApi('/app/overview')

/**
 * The home page: what is wrong (findings by severity, their trend and the list with its fixes),
 * what falls due soon (deadlines, with a calendar feed) and where the personal data goes (map and charts).
 * Composes the findings and data-flows features; auditors see the same without the acknowledge controls.
 */
export function OverviewRoute() {
  const { t } = useTranslation()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const findings = useFindings()
  const canEdit = useCan('edit')
  const findingsHeadingId = useId()
  const format = useFormat()
  useDocumentTitle(t('overview.title'))
  // The same date the API's reference-data-stale finding reads; over 6 months old it is flagged here too.
  const checkedOn = LEGAL_REFERENCE.checkedOn
  const staleFrom = new Date(`${checkedOn}T00:00:00Z`)
  staleFrom.setUTCMonth(staleFrom.getUTCMonth() + 6)
  const referenceStale = new Date().toISOString().slice(0, 10) > staleFrom.toISOString().slice(0, 10)

  return (
    <div className="page page-wide overview">
      <div className="page-header">
        <h1 className="page-title">{t('overview.title')}</h1>
        <p className="page-intro">{canEdit ? t('overview.intro') : t('overview.introReadOnly')}</p>
        <p className={`page-intro reference-checked ${referenceStale ? 'text-warning' : ''}`} data-testid="reference-checked-on">
          {t(referenceStale ? 'overview.referenceCheckedStale' : 'overview.referenceChecked', { date: format.date(checkedOn) })}
        </p>
      </div>

      <div className="overview-top">
        <section className="overview-counts" aria-labelledby={`${findingsHeadingId}-counts`}>
          <h2 id={`${findingsHeadingId}-counts`} className="visually-hidden">
            {t('findings.openBySeverity')}
          </h2>
          <SeveritySummary counts={findings.data?.counts} />
        </section>
        <TrendCard />
      </div>

      <div className="overview-main">
        <section id="findings" className="card findings-card" aria-labelledby={findingsHeadingId}>
          <header className="card-header">
            <div>
              <h2 id={findingsHeadingId} className="card-title">
                {t('findings.title')}
              </h2>
              <p className="card-description">{t('findings.description')}</p>
            </div>
          </header>
          <div className="card-body">
            <FindingsSection
              query={findings}
              search={search}
              onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), resetScroll: false })}
            />
          </div>
        </section>
        <div className="overview-side">
          <DeadlinesCard />
          <CalendarFeedCard />
        </div>
      </div>

      <DataFlowsSection />
    </div>
  )
}
