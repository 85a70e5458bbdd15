import { useIsFetching } from '@tanstack/react-query'
import { startTransition, useEffect, useState, type RefObject } from 'react'

/**
 * True once the element is near the screen (within a screen's height of it), or else once the page
 * has nothing left to load and the browser is idle: for content below the fold that need not be
 * drawn before the rest of the page is usable (the overview's map and charts). The switch is a
 * transition, so React draws what it reveals in small slices between the browser's other work.
 */
export function useNearViewport(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(false)
  const loading = useIsFetching() > 0

  useEffect(() => {
    const el = ref.current
    // Without IntersectionObserver the idle path below still shows it.
    if (near || !el || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) startTransition(() => setNear(true))
      },
      { rootMargin: '100% 0px' },
    )
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref, near])

  useEffect(() => {
    if (near || loading) return
    // Safari has no requestIdleCallback: there the next task after the page's data is in.
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(() => startTransition(() => setNear(true)))
      return () => cancelIdleCallback(handle)
    }
    const timer = setTimeout(() => startTransition(() => setNear(true)), 0)
    return () => clearTimeout(timer)
  }, [near, loading])

  return near
}
