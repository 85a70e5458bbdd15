import { describe, expect, it } from 'vitest'
import { countTicks, dateTickIndexes } from './trend-scale'

describe('countTicks', () => {
  it('steps of 1, 2 or 5 times a power of ten up to the largest count', () => {
    expect(countTicks(27)).toEqual([0, 10, 20, 30])
    expect(countTicks(41)).toEqual([0, 20, 40, 60])
    expect(countTicks(8)).toEqual([0, 2, 4, 6, 8])
    expect(countTicks(3)).toEqual([0, 1, 2, 3])
  })

  it('no findings at all still has an axis of whole numbers', () => {
    expect(countTicks(0)).toEqual([0, 1])
  })
})

describe('dateTickIndexes', () => {
  it('labels every day when they fit, and always the last', () => {
    expect(dateTickIndexes(1, 700, 80)).toEqual([0])
    expect(dateTickIndexes(3, 700, 80)).toEqual([0, 1, 2])
  })

  it('skips days counted back from the last so that labels do not overlap', () => {
    // 700 px hold six labels of 80 px with 32 px between them: every 15th of 90 days.
    const ticks = dateTickIndexes(90, 700, 80)
    expect(ticks.at(-1)).toBe(89)
    expect(ticks).toEqual([14, 29, 44, 59, 74, 89])
  })

  it('no days, no labels', () => {
    expect(dateTickIndexes(0, 700, 80)).toEqual([])
  })
})
