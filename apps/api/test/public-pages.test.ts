import { describe, expect, it } from 'vitest'
import { SubscribeThrottle } from '../src/services/public-pages'

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

const HOUR = 3600_000

describe('SubscribeThrottle', () => {
  it('allows the limit per address within the window, refuses the next, and allows again once the oldest attempt leaves the window', () => {
    const time = clock()
    const throttle = new SubscribeThrottle(3, HOUR, time.now)
    expect([throttle.allow('203.0.113.1'), throttle.allow('203.0.113.1'), throttle.allow('203.0.113.1')]).toEqual([true, true, true])
    expect(throttle.allow('203.0.113.1')).toBe(false)
    // Another address has its own count; an unknown address is one shared key.
    expect(throttle.allow('198.51.100.7')).toBe(true)
    expect(throttle.allow(null)).toBe(true)
    time.advance(HOUR - 1)
    expect(throttle.allow('203.0.113.1')).toBe(false)
    time.advance(1)
    expect(throttle.allow('203.0.113.1')).toBe(true)
  })

  it('does not count refused attempts: a client that keeps knocking is let in when its window passes', () => {
    const time = clock()
    const throttle = new SubscribeThrottle(2, HOUR, time.now)
    throttle.allow('a')
    throttle.allow('a')
    // A refused knock every minute for the rest of the hour: none of them extends the wait.
    for (let minute = 1; minute < 60; minute++) {
      time.advance(60_000)
      expect(throttle.allow('a')).toBe(false)
    }
    time.advance(60_000)
    expect(throttle.allow('a')).toBe(true)
  })

  it('forgets addresses whose attempts are all older than the window, so its map does not grow for ever', () => {
    const time = clock()
    const throttle = new SubscribeThrottle(10, HOUR, time.now, 60_000)
    for (let i = 0; i < 1000; i++) throttle.allow(`10.0.${Math.floor(i / 256)}.${i % 256}`)
    expect(throttle.size).toBe(1000)
    // Within the window nothing is forgotten (a sweep is due, but every address is still recent).
    time.advance(HOUR - 1)
    throttle.allow('192.0.2.1')
    expect(throttle.size).toBe(1001)
    // Past the window the next request sweeps the old addresses away; the recent one stays.
    time.advance(60_000)
    throttle.allow('192.0.2.2')
    expect(throttle.size).toBe(2)
    // And a forgotten address starts afresh.
    expect(throttle.allow('10.0.0.0')).toBe(true)
  })

  it('sweeps at most once per sweep interval', () => {
    const time = clock()
    const throttle = new SubscribeThrottle(10, 1000, time.now, 60_000)
    throttle.allow('a')
    time.advance(2000)
    // The window has passed for 'a', but the sweep interval has not: it is still held.
    throttle.allow('b')
    expect(throttle.size).toBe(2)
    time.advance(60_000)
    throttle.allow('c')
    expect(throttle.size).toBe(1)
  })
})
