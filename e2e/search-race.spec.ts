import type { Page, Route } from '@playwright/test'
import { expect, test } from './fixtures'

/** Lets the page run the tasks already queued (React renders and runs effects from its own task queue). */
async function drainPageTasks(page: Page) {
  for (let i = 0; i < 5; i++) {
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => resolve(null)
          channel.port2.postMessage(null)
        }),
    )
  }
}

/*
 * Type in the processor search and open a result before the 300 ms debounce has fired. The
 * processor page's code is a lazy chunk: while it loads, the list is still mounted, and the stale
 * debounced "write q into the URL" used to fire then and navigate back to the list, winning over
 * the click.
 *
 * Deterministic: the clock is paused, the chunk is held, and the clock is advanced so that the
 * debounce (and only it, not the router's own pending timer) comes due while the click's
 * navigation is still loading.
 */
test('a result clicked while the search is still debouncing stays open', async ({ page }) => {
  await page.clock.install()
  await page.goto('/processors?q=caps')
  const link = page.getByRole('table', { name: 'Processors' }).getByRole('link', { name: 'CapsuleCRM Inc' })
  await expect(link).toBeVisible()

  const held: Route[] = []
  let release = false
  await page.route(/\/assets\/processor-detail-[^/]+\.js$/, (route) => (release ? route.continue() : void held.push(route)))

  // From here on, the page's timers only fire when the test advances the clock.
  await page.clock.pauseAt(Date.now() + 60_000)
  await page.getByRole('searchbox', { name: 'Search' }).fill('capsule') // debounce due at +300 ms
  await page.clock.runFor(200)
  await link.click() // the router's pending timer due at +500 ms
  await expect.poll(() => held.length, { message: 'the processor page chunk was requested' }).toBeGreaterThan(0)
  await expect(page.getByRole('heading', { level: 1, name: 'Processors' })).toBeVisible() // the list is still mounted

  await page.clock.runFor(150) // the debounce comes due
  await drainPageTasks(page)
  await expect(page).toHaveURL(/\/processors\/\d+$/)

  release = true
  for (const route of held.splice(0)) await route.continue()
  await page.clock.resume()
  await expect(page.getByRole('heading', { level: 1, name: 'CapsuleCRM Inc' })).toBeVisible()
  await expect(page).toHaveURL(/\/processors\/\d+$/)
})

test('a filter chosen while the search is still debouncing keeps the typed text', async ({ page }) => {
  await page.clock.install()
  await page.goto('/processors')
  await expect(page.getByRole('table', { name: 'Processors' })).toBeVisible()
  await page.clock.pauseAt(Date.now() + 60_000)
  await page.getByRole('searchbox', { name: 'Search' }).fill('capsule')
  await page.getByRole('combobox', { name: 'EEA' }).selectOption('true')
  await expect(page).toHaveURL(/outsideEea=true/)
  await expect(page).toHaveURL(/[?&]q=capsule/)
  await page.clock.resume()
  await expect(page.getByRole('table', { name: 'Processors' }).getByRole('row')).toHaveCount(2)
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('capsule')
})
