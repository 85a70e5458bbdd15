import { Link } from '@tanstack/react-router'
import { lazy, Suspense, useId, useMemo, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Card } from '../../../components/ui/card'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorState } from '../../../components/ui/error-state'
import { Skeleton } from '../../../components/ui/skeleton'
import { paths } from '../../../config/paths'
import { useFormat } from '../../../lib/format'
import { useNearViewport } from '../../../lib/use-near-viewport'
import { useDataFlows } from '../api/get-data-flows'
import {
  countriesWithData,
  inUse,
  processorsByDpaStatus,
  processorsBySafeguard,
  withoutLocation,
  type CountryData,
  type DpaBucket,
  type SafeguardBucket,
} from '../lib/data-flows'
import { DPA_COLOURS, MAP_COLOURS, SAFEGUARD_COLOURS } from '../lib/palette'
import { HorizontalBars } from './bar-chart'
import { CountriesTable } from './countries-table'

const WorldMap = lazy(() => import('./world-map'))

/**
 * Where the company's personal data goes: the world map (EEA set apart, third countries by safeguard)
 * with its table alternative, and processors by safeguard and by DPA status.
 */
export function DataFlowsSection() {
  const { t } = useTranslation()
  const format = useFormat()
  const headingId = useId()
  const tableCaptionId = useId()
  const query = useDataFlows()
  // Below the fold: the map, table and charts are drawn when the section comes near the screen or when
  // the page's data is in and the browser is idle, not in the page's first tasks.
  const sectionRef = useRef<HTMLElement>(null)
  const near = useNearViewport(sectionRef)
  const data = near ? query.data : undefined

  const countries = useMemo(
    () => (data ? countriesWithData(data.details, format.country, format.compare, format.processor) : []),
    [data, format],
  )
  const summary = useMapSummary(countries)

  return (
    <section className="data-flows" aria-labelledby={headingId} ref={sectionRef}>
      <div className="section-header">
        <h2 id={headingId} className="section-title">
          {t('dataFlows.title')}
        </h2>
        <p className="section-intro">{t('dataFlows.intro')}</p>
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={query.refetch} />
      ) : !data ? (
        <div className="card card-pad">
          <Skeleton width="100%" height="320px" />
        </div>
      ) : (
        <>
          <Card
            title={t('dataFlows.map.title')}
            description={t('dataFlows.map.description', { count: countries.length, third: countries.filter((c) => !c.inEea).length })}
            headingLevel={3}
            className="map-card"
          >
            {countries.length === 0 ? (
              <EmptyState title={t('dataFlows.map.empty')}>{t('dataFlows.map.emptyHint')}</EmptyState>
            ) : (
              <>
                <div className="map-layout">
                  <div className="map-figure">
                    <Suspense fallback={<Skeleton width="100%" height="300px" />}>
                      <WorldMap countries={countries} summary={summary} />
                    </Suspense>
                  </div>
                  <MapLegend countries={countries} />
                </div>
                <h4 id={tableCaptionId} className="subheading map-table-title">
                  {t('dataFlows.table.caption')}
                </h4>
                <CountriesTable countries={countries} captionId={tableCaptionId} />
              </>
            )}
            <UnlocatedNote items={withoutLocation(data.items)} />
          </Card>
          <div className="chart-grid">
            <SafeguardChart bars={processorsBySafeguard(data.items)} total={inUse(data.items).length} />
            <DpaChart bars={processorsByDpaStatus(data.items)} total={inUse(data.items).length} />
          </div>
        </>
      )}
    </section>
  )
}

/** The map's text: its countries in words, outside the EEA first. */
function useMapSummary(countries: CountryData[]): string {
  const { t } = useTranslation()
  const format = useFormat()
  const none: string = t('dataFlows.map.noneList')
  const list = (cs: CountryData[]): string => (cs.length ? cs.map((c) => format.country(c.code)).join(', ') : none)
  const third = list(countries.filter((c) => !c.inEea))
  const eea = list(countries.filter((c) => c.inEea))
  return t('dataFlows.map.summary', { third, eea })
}

function MapLegend({ countries }: { countries: CountryData[] }) {
  const { t } = useTranslation()
  const safeguards = [...new Set(countries.filter((c) => !c.inEea).flatMap((c) => c.safeguards))].filter(
    (s) => s !== 'unknown' && s !== 'none_needed',
  )
  const lacks = countries.some((c) => c.lacksSafeguard)
  const items: { key: string; swatch: ReactNode; label: string }[] = [
    ...(countries.some((c) => c.inEea)
      ? [{ key: 'eeaData', swatch: <Swatch colour={MAP_COLOURS.eeaData} />, label: t('dataFlows.legend.eeaData') }]
      : []),
    { key: 'eea', swatch: <Swatch colour={MAP_COLOURS.eea} />, label: t('dataFlows.legend.eea') },
    ...safeguards.map((s) => ({
      key: s,
      swatch: <Swatch colour={SAFEGUARD_COLOURS[s]} />,
      label: t('dataFlows.legend.thirdWith', { safeguard: t(`enums.safeguard.${s}`) }),
    })),
    ...(lacks ? [{ key: 'lacks', swatch: <Swatch colour={SAFEGUARD_COLOURS.unknown} hatched />, label: t('dataFlows.legend.lacks') }] : []),
    { key: 'other', swatch: <Swatch colour={MAP_COLOURS.other} />, label: t('dataFlows.legend.other') },
  ]
  return (
    <ul className="map-legend" aria-label={t('dataFlows.legend.label')}>
      {items.map((i) => (
        <li key={i.key}>
          {i.swatch}
          {i.label}
        </li>
      ))}
    </ul>
  )
}

function Swatch({ colour, hatched }: { colour: string; hatched?: boolean }) {
  return <span className={`legend-swatch ${hatched ? 'is-hatched' : ''}`} style={{ backgroundColor: colour }} aria-hidden="true" />
}

interface ChartRow<K extends string> {
  key: K
  count: number
}

function ChartCard<K extends string>({
  title,
  description,
  rows,
  label,
  colour,
  link,
  summary,
}: {
  title: string
  description: string
  rows: ChartRow<K>[]
  label: (k: K) => string
  colour: (k: K) => string
  link: (k: K) => ReactNode
  summary: string
}) {
  const { t } = useTranslation()
  const bars = rows.map((r) => ({ key: r.key, label: label(r.key), count: r.count, colour: colour(r.key) }))
  return (
    <Card title={title} description={description} headingLevel={3} className="chart-card">
      <div role="img" aria-label={summary} className="bar-chart">
        <HorizontalBars bars={bars} />
      </div>
      <details className="chart-table">
        <summary>{t('dataFlows.charts.showTable')}</summary>
        <table className="table table-compact">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dataFlows.charts.group')}</th>
              <th scope="col" className="num">
                {t('dataFlows.charts.processors')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{label(r.key)}</th>
                <td className="num">{link(r.key)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Card>
  )
}

function SafeguardChart({ bars, total }: { bars: ChartRow<SafeguardBucket>[]; total: number }) {
  const { t } = useTranslation()
  const format = useFormat()
  const label = (k: SafeguardBucket) =>
    k === 'none'
      ? t('dataFlows.charts.noThirdCountry')
      : k === 'not_recorded'
        ? t('dataFlows.charts.locationNotRecorded')
        : k === 'unknown' || k === 'none_needed'
          ? t('dataFlows.lacksSafeguard')
          : t(`enums.safeguard.${k}`)
  const count = (k: SafeguardBucket) => bars.find((b) => b.key === k)?.count ?? 0
  return (
    <ChartCard
      title={t('dataFlows.charts.bySafeguard')}
      description={t('dataFlows.charts.bySafeguardHint')}
      rows={bars}
      label={label}
      colour={(k) => SAFEGUARD_COLOURS[k]}
      summary={t('dataFlows.charts.summary', { total, parts: bars.map((b) => `${label(b.key)}: ${format.number(b.count)}`).join('; ') })}
      link={(k) =>
        k === 'not_recorded' ? (
          format.number(count(k))
        ) : k === 'none' ? (
          <Link to={paths.processors.list.path} search={{ outsideEea: false }}>
            {format.number(count(k))}
          </Link>
        ) : (
          <Link to={paths.processors.list.path} search={{ safeguard: k }}>
            {format.number(count(k))}
          </Link>
        )
      }
    />
  )
}

function DpaChart({ bars, total }: { bars: ChartRow<DpaBucket>[]; total: number }) {
  const { t } = useTranslation()
  const format = useFormat()
  const label = (k: DpaBucket) => (k === 'none_recorded' ? t('dataFlows.charts.noneRecorded') : t(`enums.dpaStatus.${k}`))
  const count = (k: DpaBucket) => bars.find((b) => b.key === k)?.count ?? 0
  return (
    <ChartCard
      title={t('dataFlows.charts.byDpa')}
      description={t('dataFlows.charts.byDpaHint')}
      rows={bars}
      label={label}
      colour={(k) => DPA_COLOURS[k]}
      summary={t('dataFlows.charts.summary', { total, parts: bars.map((b) => `${label(b.key)}: ${format.number(b.count)}`).join('; ') })}
      link={(k) =>
        count(k) === 0 || k === 'none_recorded' ? (
          format.number(count(k))
        ) : (
          <Link to={paths.processors.list.path} search={{ dpaStatus: k }}>
            {format.number(count(k))}
          </Link>
        )
      }
    />
  )
}

/** Processors in use with no location recorded: not on the map, and not "inside the EEA" either. */
function UnlocatedNote({ items }: { items: readonly { id: number; displayName: string; displayNameEn?: string | null }[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  if (items.length === 0) return null
  return (
    <div className="alert alert-warning unlocated-note" role="note">
      <p>
        <strong>{t('dataFlows.map.notRecordedTitle', { count: items.length })}</strong> {t('dataFlows.map.notRecordedText')}
      </p>
      <ul className="inline-list">
        {items.map((p) => (
          <li key={p.id}>
            <Link to={paths.processors.detail.path} params={{ id: String(p.id) }}>
              {format.processor(p)}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
