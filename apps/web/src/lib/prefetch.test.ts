import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { prefetchForFirstMount, refetchOnMountUnlessPrefetched } from './prefetch'

/** A query like the findings: fresh on every visit, counted by how often it asks the server. */
function setup(key: string) {
  const queryClient = new QueryClient()
  let calls = 0
  let release: () => void = () => {}
  const options = {
    queryKey: ['test', key],
    queryFn: () =>
      new Promise<number>((resolve) => {
        calls += 1
        release = () => resolve(calls)
      }),
    staleTime: 0,
    refetchOnMount: refetchOnMountUnlessPrefetched,
  }
  const mount = () => {
    const observer = new QueryObserver(queryClient, options)
    return observer.subscribe(() => {})
  }
  const settle = async () => {
    release()
    await new Promise((r) => setTimeout(r, 0))
  }
  return { queryClient, options, mount, settle, calls: () => calls }
}

describe('prefetching a page’s data at start-up', () => {
  it('asks once when the page mounts after the prefetched data came in, and again on the next visit', async () => {
    const t = setup('after')
    prefetchForFirstMount(t.queryClient, t.options)
    await t.settle()
    expect(t.calls()).toBe(1)

    const leave = t.mount()
    expect(t.calls()).toBe(1)
    leave()

    t.mount()
    expect(t.calls()).toBe(2)
  })

  it('shares the request when the page mounts while it is in flight, and asks again on the next visit', async () => {
    const t = setup('during')
    prefetchForFirstMount(t.queryClient, t.options)
    const leave = t.mount()
    await t.settle()
    expect(t.calls()).toBe(1)
    leave()

    t.mount()
    expect(t.calls()).toBe(2)
  })

  it('keeps refetching on every mount when nothing was prefetched', async () => {
    const t = setup('none')
    const leave = t.mount()
    await t.settle()
    leave()
    t.mount()
    expect(t.calls()).toBe(2)
  })
})
