import { useRouter } from '@tanstack/react-router'
import { useCallback, useEffect, useRef } from 'react'

/**
 * Schedules a navigation (a search box writing its text into the URL) for when typing pauses.
 *
 * A debounced navigation is stale by the time it fires if anything navigated in between: a click on
 * a search result, Back, a filter. It must never override that newer navigation, so it is dropped
 * when the router starts any other navigation, when the location changed since it was scheduled,
 * and when the component unmounts. (While a lazy page loads after a click, the list is still
 * mounted; a timer firing then used to send the user back to the list.)
 */
export function useDebouncedNavigation(delayMs: number): (navigate: () => void) => void {
  const router = useRouter()
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    const cancel = () => {
      clearTimeout(timer.current)
      timer.current = undefined
    }
    const unsubscribe = router.subscribe('onBeforeNavigate', cancel)
    return () => {
      unsubscribe()
      cancel()
    }
  }, [router])

  return useCallback(
    (navigate: () => void) => {
      clearTimeout(timer.current)
      const scheduledAt = router.latestLocation.href
      timer.current = setTimeout(() => {
        timer.current = undefined
        if (router.latestLocation.href !== scheduledAt) return
        navigate()
      }, delayMs)
    },
    [router, delayMs],
  )
}
