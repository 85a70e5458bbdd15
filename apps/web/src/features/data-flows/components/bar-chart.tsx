import { Fragment, type CSSProperties } from 'react'

export interface Bar {
  key: string
  label: string
  count: number
  colour: string
}

/**
 * A small horizontal bar chart drawn with CSS (no chart library on the overview's first load): each
 * label, its bar in proportion to the largest count, and the count written out, a zero too. Labelled
 * by its container (role="img"), so hidden from assistive technology itself.
 */
export function HorizontalBars({ bars, labelWidth = 230 }: { bars: Bar[]; labelWidth?: number }) {
  const max = Math.max(1, ...bars.map((b) => b.count))
  return (
    <div aria-hidden="true" className="hbars" style={{ '--label-width': `${labelWidth}px` } as CSSProperties}>
      {bars.map((b) => (
        <Fragment key={b.key}>
          <span className="hbar-label">{b.label}</span>
          <span className="hbar-track">
            {/* 36 px at the end keep room for the largest count beside its bar. */}
            <span className="hbar" style={{ width: `calc((100% - 36px) * ${b.count / max})`, backgroundColor: b.colour }} />
            <span className="hbar-count">{b.count}</span>
          </span>
        </Fragment>
      ))}
    </div>
  )
}
