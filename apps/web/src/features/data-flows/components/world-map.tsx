import type { Safeguard } from '@seloste/schema'
import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { MAP_HEIGHT as HEIGHT, MAP_WIDTH as WIDTH, shapes } from 'virtual:world-shapes'
import { isInEea } from '@seloste/schema'
import { useFormat } from '../../../lib/format'
import type { CountryData } from '../lib/data-flows'
import { MAP_COLOURS, SAFEGUARD_COLOURS } from '../lib/palette'

/**
 * The countries of Natural Earth's 1:110m map, projected at build time (apps/web/build/world-shapes.ts):
 * this lazy chunk holds only their SVG paths, and nothing is fetched or projected at run time.
 */
const drawn = new Set(shapes.flatMap((s) => (s.code ? [s.code] : [])))

/** The weakest safeguard decides a third country's colour; the tooltip and the table list them all. */
function fillOf(country: CountryData | undefined, code: string | null): string {
  if (!country) return code && isInEea(code) ? MAP_COLOURS.eea : MAP_COLOURS.other
  if (country.inEea) return MAP_COLOURS.eeaData
  if (country.lacksSafeguard) return SAFEGUARD_COLOURS.unknown
  const weakest: Safeguard | undefined = country.safeguards[0]
  return weakest ? SAFEGUARD_COLOURS[weakest] : SAFEGUARD_COLOURS.unknown
}

/** The world map of where processors store, process or access data (decorative detail; the table says it all). */
export default function WorldMap({ countries, summary }: { countries: CountryData[]; summary: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const id = useId()
  const byCode = useMemo(() => new Map(countries.map((c) => [c.code, c])), [countries])
  const hatchId = `${id}-hatch`.replace(/:/g, '')
  // Small countries (Singapore, Malta, Liechtenstein, …) have no shape at this scale: say so under the map.
  const notDrawn = countries.filter((c) => !drawn.has(c.code))

  const tooltip = (c: CountryData) => {
    const lines = [`${format.country(c.code)} (${c.inEea ? t('dataFlows.inEea') : t('dataFlows.thirdCountry')})`]
    for (const p of c.processors) {
      const what = p.kinds.map((k) => t(`enums.transferKind.${k}`)).join(', ')
      const safeguards = c.inEea
        ? ''
        : ` – ${p.safeguards.map((s) => t(`enums.safeguardShort.${s}`)).join(', ') || t('enums.safeguard.unknown')}`
      lines.push(`• ${p.name}: ${what}${safeguards}`)
    }
    if (c.lacksSafeguard) lines.push(t('dataFlows.map.lacksSafeguard'))
    return lines.join('\n')
  }

  return (
    <>
      <svg
        className="world-map"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title`}
        data-testid="data-map"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{summary}</title>
        <defs>
          <pattern id={hatchId} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={SAFEGUARD_COLOURS.unknown} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2.2" />
          </pattern>
        </defs>
        <rect width={WIDTH} height={HEIGHT} fill="none" />
        {shapes.map((s, i) => {
          const c = s.code ? byCode.get(s.code) : undefined
          // Countries with data are drawn last, so their outline is not hidden under a neighbour's.
          return c ? null : (
            <path
              key={`${s.code ?? 'x'}-${i}`}
              d={s.d}
              fill={fillOf(undefined, s.code)}
              className={`map-country ${s.code && isInEea(s.code) ? 'is-eea' : ''}`}
              data-country={s.code ?? undefined}
              data-has-data="false"
            />
          )
        })}
        {shapes.map((s, i) => {
          const c = s.code ? byCode.get(s.code) : undefined
          if (!c) return null
          return (
            <path
              key={`${s.code}-${i}-data`}
              d={s.d}
              fill={c.lacksSafeguard ? `url(#${hatchId})` : fillOf(c, s.code)}
              className="map-country has-data"
              data-country={s.code ?? undefined}
              data-has-data="true"
              data-eea={c.inEea ? 'true' : 'false'}
              data-safeguards={c.safeguards.join(' ') || undefined}
              data-lacks-safeguard={c.lacksSafeguard ? 'true' : undefined}
            >
              <title>{tooltip(c)}</title>
            </path>
          )
        })}
      </svg>
      {notDrawn.length > 0 && (
        <p className="small muted map-note">
          {t('dataFlows.map.notDrawn', { countries: notDrawn.map((c) => format.country(c.code)).join(', ') })}
        </p>
      )}
    </>
  )
}
