import { Bar, BarChart, Cell, LabelList, XAxis, YAxis } from 'recharts'

export interface Bar {
  key: string
  label: string
  count: number
  colour: string
}

/** A small horizontal bar chart (recharts; its own lazy chunk). Labelled by its container, role="img". */
export default function HorizontalBars({ bars, labelWidth = 230 }: { bars: Bar[]; labelWidth?: number }) {
  const max = Math.max(1, ...bars.map((b) => b.count))
  // Hidden from assistive technology: the container (role="img") carries the summary.
  return (
    <div aria-hidden="true">
      <BarChart
        data={bars}
        layout="vertical"
        style={{ width: '100%', height: bars.length * 34 + 12 }}
        responsive
        accessibilityLayer={false}
        margin={{ top: 4, right: 36, bottom: 4, left: 4 }}
        barCategoryGap={6}
      >
        <XAxis type="number" hide domain={[0, max]} allowDecimals={false} />
        <YAxis
          type="category"
          dataKey="label"
          width={labelWidth}
          tickLine={false}
          axisLine={false}
          tick={{ fontSize: 13, fill: '#1b2430' }}
          interval={0}
        />
        <Bar dataKey="count" radius={[0, 4, 4, 0]} isAnimationActive={false}>
          {bars.map((b) => (
            <Cell key={b.key} fill={b.colour} />
          ))}
          {/* Drawn by hand so that a zero is written too (recharts skips the label of an empty bar). */}
          <LabelList
            dataKey="count"
            content={(props) => {
              const x = Number(props.x ?? 0) + Number(props.width ?? 0) + 6
              const y = Number(props.y ?? 0) + Number(props.height ?? 0) / 2
              return (
                <text x={x} y={y} dominantBaseline="central" fontSize={13} fontWeight={600} fill="#1b2430">
                  {props.value}
                </text>
              )
            }}
          />
        </Bar>
      </BarChart>
    </div>
  )
}
