import { COUNTRY_CODES, isInEea } from '@seloste/schema'
import { forwardRef, useMemo, type SelectHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../lib/format'

interface CountrySelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  /** The label of the empty choice, e.g. "Not recorded" or "Any country". */
  emptyLabel: string
  /** Limit the choices, e.g. to countries in use. */
  codes?: readonly string[]
}

/** Every ISO country by its name in the UI language, sorted as a reader of that language expects. */
export const CountrySelect = forwardRef<HTMLSelectElement, CountrySelectProps>(function CountrySelect(
  { emptyLabel, codes, className, ...rest },
  ref,
) {
  const format = useFormat()
  const { t } = useTranslation()
  const options = useMemo(
    () => (codes ?? COUNTRY_CODES).map((code) => ({ code, name: format.country(code) })).sort((a, b) => format.compare(a.name, b.name)),
    [codes, format],
  )
  return (
    <select ref={ref} className={`select ${className ?? ''}`} {...rest}>
      <option value="">{emptyLabel}</option>
      <optgroup label={t('geo.eeaCountries')}>
        {options
          .filter((o) => isInEea(o.code))
          .map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
      </optgroup>
      <optgroup label={t('geo.otherCountries')}>
        {options
          .filter((o) => !isInEea(o.code))
          .map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
      </optgroup>
    </select>
  )
})
