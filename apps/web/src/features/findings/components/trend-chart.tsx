import type { TrendPoint } from '@seloste/schema'
import { useLayoutEffect, useRef, useState, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'
import { SEVERITIES } from '../lib/checks'
import { countTicks, dateTickIndexes } from '../lib/trend-scale'
import { SEVERITY_COLOURS } from './trend-colours'

export const TREND_CHART_HEIGHT = 160

// The plot inside the chart's box: room for the y labels at the left and the dates below.
const TOP = 8
const RIGHT = 12
const LEFT = 28
const AXIS_HEIGHT = 30
const BOTTOM = TREND_CHART_HEIGHT - AXIS_HEIGHT
/** About how wide a character of the 12 px date labels is. */
const CHAR_WIDTH = 7
/**
 * Open findings per day, one line per severity: a plain SVG drawn at the width it is given (no chart
 * library on the overview's first load). The card around it labels it (role="img") and says the same in
 * words; this drawing is hidden from assistive technology. With one or two days there is hardly a
 * line to draw, so the days are dots, padded in from the edges. Pointing at a day shows its counts.
 */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const boxRef = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)
  const [active, setActive] = useState<number | null>(null)

  // Measured before the first paint, so the drawing never jumps from a guessed width.
  useLayoutEffect(() => {
    const box = boxRef.current
    if (!box) return
    setWidth(box.clientWidth)
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => setWidth(box.clientWidth))
    observer.observe(box)
    return () => observer.disconnect()
  }, [])

  const few = points.length < 3
  const pad = few ? 48 : 4
  const right = Math.max(LEFT + 2 * pad + 1, width - RIGHT)
  const span = right - LEFT - 2 * pad
  const x = (i: number) => (points.length === 1 ? (LEFT + right) / 2 : LEFT + pad + (i * span) / (points.length - 1))
  const ticks = countTicks(Math.max(0, ...points.map((p) => Math.max(p.high, p.medium, p.low))))
  const top = ticks.at(-1) ?? 1
  const y = (v: number) => BOTTOM - ((BOTTOM - TOP) * v) / top
  const labels = points.map((p) => format.date(p.date))
  const labelWidth = Math.max(0, ...labels.map((l) => l.length)) * CHAR_WIDTH
  const dateTicks = dateTickIndexes(points.length, right - LEFT, labelWidth)

  const onPointer = (e: PointerEvent<SVGSVGElement>) => {
    const left = e.currentTarget.getBoundingClientRect().left
    const px = e.clientX - left
    let nearest = 0
    points.forEach((_, i) => {
      if (Math.abs(x(i) - px) < Math.abs(x(nearest) - px)) nearest = i
    })
    setActive(nearest)
  }
  const shown = active === null ? undefined : points[active]

  return (
    <div className="trend-chart" aria-hidden="true" ref={boxRef} style={{ height: TREND_CHART_HEIGHT }}>
      {width > 0 && (
        <svg width={width} height={TREND_CHART_HEIGHT} onPointerMove={onPointer} onPointerLeave={() => setActive(null)}>
          {ticks.map((v) => (
            <g key={v}>
              {v > 0 && <line x1={LEFT} x2={right} y1={y(v)} y2={y(v)} stroke="#e6e9ed" />}
              <text x={LEFT - 6} y={y(v)} textAnchor="end" dominantBaseline="central" fontSize={12} fill="#5b6675">
                {v}
              </text>
            </g>
          ))}
          <line x1={LEFT} x2={right} y1={BOTTOM} y2={BOTTOM} stroke="#c5ccd4" />
          {dateTicks.map((i) => (
            <text key={i} x={x(i)} y={BOTTOM + 16} textAnchor="middle" dominantBaseline="central" fontSize={12} fill="#5b6675">
              {labels[i]}
            </text>
          ))}
          {shown && <line x1={x(active!)} x2={x(active!)} y1={TOP} y2={BOTTOM} stroke="#ccc" />}
          {SEVERITIES.map((s) => (
            <g key={s} fill={SEVERITY_COLOURS[s]}>
              {points.length > 1 && (
                <polyline
                  points={points.map((p, i) => `${x(i)},${y(p[s])}`).join(' ')}
                  fill="none"
                  stroke={SEVERITY_COLOURS[s]}
                  strokeWidth={2}
                  strokeLinejoin="round"
                />
              )}
              {few && points.map((p, i) => <circle key={p.date} cx={x(i)} cy={y(p[s])} r={4} />)}
              {shown && <circle cx={x(active!)} cy={y(shown[s])} r={4} stroke="#fff" strokeWidth={2} />}
            </g>
          ))}
        </svg>
      )}
      {shown && (
        <div className="trend-tooltip" style={{ left: Math.min(x(active!) + 10, Math.max(0, width - 150)) }}>
          <p>{format.date(shown.date)}</p>
          {SEVERITIES.map((s) => (
            <p key={s}>
              <span className="legend-swatch" style={{ background: SEVERITY_COLOURS[s] }} /> {t(`findings.severity.${s}`)}:{' '}
              {format.number(shown[s])}
            </p>
          ))}
        </div>
      )}
    </div>
  )
}
