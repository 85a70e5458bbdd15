import type { TrendPoint } from '@seloste/schema'
import { useTranslation } from 'react-i18next'
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import { useFormat } from '../../../lib/format'
import { SEVERITIES } from '../lib/checks'
import { SEVERITY_COLOURS } from './trend-colours'

export const TREND_CHART_HEIGHT = 160

/**
 * Open findings per day, one line per severity (recharts; its own lazy chunk). The card around it
 * labels it (role="img") and says the same in words. With one or two days there is hardly a line
 * to draw, so the days are dots, padded in from the edges.
 */
export default function TrendChart({ points }: { points: TrendPoint[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const few = points.length < 3
  return (
    <div className="trend-chart" aria-hidden="true">
      <LineChart
        data={points}
        style={{ width: '100%', height: TREND_CHART_HEIGHT }}
        responsive
        accessibilityLayer={false}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#e6e9ed" vertical={false} />
        <XAxis
          dataKey="date"
          tickFormatter={(d: string) => format.date(d)}
          tick={{ fontSize: 12, fill: '#5b6675' }}
          tickLine={false}
          axisLine={{ stroke: '#c5ccd4' }}
          minTickGap={32}
          padding={few ? { left: 48, right: 48 } : { left: 4, right: 4 }}
        />
        <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#5b6675' }} tickLine={false} axisLine={false} width={28} />
        <Tooltip
          labelFormatter={(d) => format.date(String(d))}
          formatter={(value, name) => [format.number(Number(value)), t(`findings.severity.${name as 'high'}`)]}
          contentStyle={{ fontSize: 13, borderRadius: 6, borderColor: '#dfe3e8' }}
        />
        {SEVERITIES.map((s) => (
          <Line
            key={s}
            type="monotone"
            dataKey={s}
            name={s}
            stroke={SEVERITY_COLOURS[s]}
            strokeWidth={2}
            dot={few ? { r: 4, fill: SEVERITY_COLOURS[s], strokeWidth: 0 } : false}
            activeDot={{ r: 4 }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  )
}
