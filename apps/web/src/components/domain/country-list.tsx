import { isInEea } from '@seloste/schema'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../lib/format'

/** Country names, each outside the EEA marked, since those are the transfers GDPR Chapter V is about. */
export function CountryList({ codes }: { codes: readonly string[] }) {
  const format = useFormat()
  const { t } = useTranslation()
  // No country recorded is unknown, not "inside the EEA": it says so in words.
  if (codes.length === 0) return <span className="badge badge-warning">{t('geo.locationNotRecorded')}</span>
  return (
    <ul className="country-list">
      {codes.map((code) => (
        <li key={code}>
          {format.country(code)}
          {!isInEea(code) && (
            <span className="marker-outside" title={t('geo.outsideEea')}>
              <span aria-hidden="true">{t('geo.outsideEeaShort')}</span>
              <span className="visually-hidden">({t('geo.outsideEea')})</span>
            </span>
          )}
        </li>
      ))}
    </ul>
  )
}
