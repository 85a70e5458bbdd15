/** The trend chart's scales: which counts and which days get a label. */

/** Least room between two date labels. */
const TICK_GAP = 32

/** The count axis: 0 and integer steps of 1, 2 or 5 times a power of ten (about four) up to the largest count. */
export function countTicks(max: number): number[] {
  const rough = Math.max(1, max / 4)
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power)
  const top = Math.max(step, Math.ceil(max / step) * step)
  return Array.from({ length: top / step + 1 }, (_, i) => i * step)
}

/** Which days get a date label: every so many, counted back from the last, so that none overlap. */
export function dateTickIndexes(count: number, plotWidth: number, labelWidth: number): number[] {
  if (count === 0) return []
  const fit = Math.max(1, Math.floor(plotWidth / (labelWidth + TICK_GAP)))
  const every = Math.max(1, Math.ceil(count / fit))
  const out: number[] = []
  for (let i = count - 1; i >= 0; i -= every) out.unshift(i)
  return out
}
