import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Badge } from '../../../components/ui/badge'
import { paths } from '../../../config/paths'
import { useFormat } from '../../../lib/format'
import type { CountryData } from '../lib/data-flows'
import { TableScroll } from '../../../components/ui/table-scroll'

/** The map's table alternative: every country with data, third countries first, each with its safeguards. */
export function CountriesTable({ countries, captionId }: { countries: CountryData[]; captionId?: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const third = countries.filter((c) => !c.inEea)
  const eea = countries.filter((c) => c.inEea)

  const row = (c: CountryData) => (
    <tr key={c.code} data-country={c.code}>
      <th scope="row" className="cell-strong">
        {format.country(c.code)}
      </th>
      <td>{c.inEea ? <Badge tone="neutral">{t('geo.insideEea')}</Badge> : <Badge tone="warning">{t('geo.outsideEea')}</Badge>}</td>
      <td>
        <ul className="plain-list">
          {c.processors.map((p) => (
            <li key={p.id}>
              <Link to={paths.processors.detail.path} params={{ id: String(p.id) }}>
                {p.name}
              </Link>
            </li>
          ))}
        </ul>
      </td>
      <td>{c.kinds.map((k) => t(`enums.transferKind.${k}`)).join(', ')}</td>
      <td>
        {c.inEea ? (
          <span className="muted">{t('dataFlows.table.noneNeeded')}</span>
        ) : (
          <ul className="plain-list">
            {c.safeguards
              .filter((s) => s !== 'unknown' && s !== 'none_needed')
              .map((s) => (
                <li key={s}>{t(`enums.safeguard.${s}`)}</li>
              ))}
            {c.lacksSafeguard && (
              <li>
                <Badge tone="danger">{t('dataFlows.lacksSafeguard')}</Badge>
              </li>
            )}
          </ul>
        )}
      </td>
    </tr>
  )

  return (
    <TableScroll>
      <table className="table table-compact countries-table" aria-labelledby={captionId}>
        <thead>
          <tr>
            <th scope="col">{t('dataFlows.table.country')}</th>
            <th scope="col">{t('dataFlows.table.eea')}</th>
            <th scope="col">{t('dataFlows.table.processors')}</th>
            <th scope="col">{t('dataFlows.table.kinds')}</th>
            <th scope="col">{t('dataFlows.table.safeguards')}</th>
          </tr>
        </thead>
        {third.length > 0 && (
          <tbody>
            <tr className="group-row">
              <th scope="colgroup" colSpan={5}>
                {t('dataFlows.thirdCountries')} ({third.length})
              </th>
            </tr>
            {third.map(row)}
          </tbody>
        )}
        {eea.length > 0 && (
          <tbody>
            <tr className="group-row">
              <th scope="colgroup" colSpan={5}>
                {t('dataFlows.eeaArea')} ({eea.length})
              </th>
            </tr>
            {eea.map(row)}
          </tbody>
        )}
      </table>
    </TableScroll>
  )
}
