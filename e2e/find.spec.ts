import AxeBuilder from '@axe-core/playwright'
import type { Page, Route } from '@playwright/test'
import { expect, test } from './fixtures'
import { PHONE, settle } from './pages'

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

/** WCAG 2.0-2.2 A and AA violations on the page as it is now (with the suggestions open), by rule. */
async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

interface ActivityItem {
  id: number
  name: { fi: string; en: string }
  openFindings: number
}

/** The activities table's rows (the header row left out). */
const activityRows = (page: Page) => page.getByRole('table', { name: 'Processing activities' }).locator('tbody tr')

test.describe('activities: filters and sorting in the URL', () => {
  test('filters, sorts, survives a reload and goes back with the Back button', async ({ page, api }) => {
    const expected = async (query: string) =>
      ((await (await api.get(`/api/activities${query}`)).json()) as { items: ActivityItem[] }).items.map((i) => i.name.en)
    await page.goto('/activities')
    await settle(page)
    const all = await expected('')
    await expect(activityRows(page)).toHaveCount(all.length)

    // Legitimate interests: the rows are the API's for that filter, fewer than all.
    await page.getByRole('combobox', { name: 'Legal basis' }).selectOption('f')
    await expect(page).toHaveURL(/[?&]legalBasis=f/)
    const withF = await expected('?legalBasis=f')
    expect(withF.length).toBeLessThan(all.length)
    await expect(activityRows(page)).toHaveCount(withF.length)

    // Retention missing: narrower still (or the same), straight from the findings.
    await page.getByRole('combobox', { name: 'Gaps' }).selectOption('noRetention')
    await expect(page).toHaveURL(/[?&]gap=noRetention/)
    await expect(activityRows(page)).toHaveCount((await expected('?legalBasis=f&gap=noRetention')).length)

    // Clear the filters, then sort by open findings, most first.
    await page.getByRole('button', { name: 'Clear filters' }).first().click()
    await expect(page).not.toHaveURL(/legalBasis|gap=/)
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('findings:desc')
    await expect(page).toHaveURL(/[?&]sort=findings/)
    await expect(page).toHaveURL(/[?&]order=desc/)
    const byFindings = await expected('?sort=findings&order=desc')
    await expect(activityRows(page).first().getByRole('link').first()).toHaveText(byFindings[0]!)
    await expect(page.getByRole('columnheader', { name: 'Open findings' })).toHaveAttribute('aria-sort', 'descending')

    // The link is the view: a reload keeps it.
    await page.reload()
    await settle(page)
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('findings:desc')
    await expect(activityRows(page).first().getByRole('link').first()).toHaveText(byFindings[0]!)

    // A column header sorts too: by name, A to Z (the default, so the URL loses its sort).
    await page.getByRole('button', { name: 'Name', exact: true }).click()
    await expect(page).not.toHaveURL(/sort=/)
    await expect(activityRows(page).first().getByRole('link').first()).toHaveText(all[0]!)

    // Back returns to the view sorted by findings.
    await page.goBack()
    await expect(page).toHaveURL(/[?&]sort=findings/)
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('findings:desc')
    await expect(activityRows(page).first().getByRole('link').first()).toHaveText(byFindings[0]!)
  })

  test('filters by a processor used, and at phone width without sideways scroll', async ({ page, api }) => {
    await page.setViewportSize(PHONE)
    const capsule = ((await (await api.get('/api/processors?q=capsule')).json()) as { items: { id: number }[] }).items[0]!
    const served = (await (await api.get(`/api/activities?processor=${capsule.id}`)).json()) as { items: ActivityItem[] }
    expect(served.items.length).toBeGreaterThan(0)
    await page.goto('/activities')
    await settle(page)
    await page.getByRole('combobox', { name: 'Processor used' }).selectOption({ label: 'CapsuleCRM Inc' })
    await expect(page).toHaveURL(new RegExp(`[?&]processor=${capsule.id}`))
    await expect(activityRows(page)).toHaveCount(served.items.length)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0)
  })
})

test.describe('one search over processors, activities and findings', () => {
  test('from the header: results grouped by kind, reached by keyboard, open the record', async ({ page }) => {
    // A wide screen has the box in the header.
    await page.setViewportSize({ width: 1536, height: 900 })
    await page.goto('/processors')
    await settle(page)
    const box = page.getByRole('search', { name: 'Quick search' }).getByRole('combobox')
    await box.fill('capsule')
    await box.press('Enter') // before any suggestion is chosen: the search page
    await expect(page).toHaveURL(/\/search\?q=capsule$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible()
    const processors = page.getByRole('region', { name: /^Processors/ })
    await expect(processors.getByRole('link', { name: /CapsuleCRM Inc/ })).toBeVisible()
    await expect(
      page
        .getByRole('region', { name: /^Findings/ })
        .getByRole('listitem')
        .first(),
    ).toBeVisible()
    await expect(page.getByRole('region', { name: /^Processing activities/ })).toContainText('None match.')

    // Keyboard: from the page's search box, Tab reaches the first result; Enter opens it.
    await page.getByRole('search', { name: 'Search the registry' }).getByRole('searchbox').focus()
    await page.keyboard.press('Tab')
    await expect(processors.getByRole('link', { name: /CapsuleCRM Inc/ })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: 'CapsuleCRM Inc' })).toBeVisible()

    // Back: the results again, with the term in the box.
    await page.goBack()
    await expect(page.getByRole('search', { name: 'Search the registry' }).getByRole('searchbox')).toHaveValue('capsule')
  })

  test('at 1280 px the header button opens the box; Enter without a choice opens the search page', async ({ page }) => {
    await page.goto('/processors')
    await settle(page)
    await expect(page.getByRole('search', { name: 'Quick search' })).toBeHidden()
    const toggle = page.getByRole('button', { name: 'Search processors, activities and findings' })
    await toggle.click()
    const box = page.getByRole('search', { name: 'Quick search' }).getByRole('combobox')
    await expect(box).toBeFocused()
    await box.fill('newsletter')
    await expect(
      page.getByRole('listbox', { name: 'Top matches' }).getByRole('option', { name: 'Newsletter subscribers', exact: true }),
    ).toBeVisible()
    await box.press('Enter')
    await expect(page).toHaveURL(/\/search\?q=newsletter$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible()
    await expect(
      page.getByRole('region', { name: /^Processing activities/ }).getByRole('link', { name: /Newsletter subscribers/ }),
    ).toBeVisible()
    // The search page's own box types into the URL.
    const pageBox = page.getByRole('search', { name: 'Search the registry' }).getByRole('searchbox')
    await pageBox.fill('capsule')
    await expect(page).toHaveURL(/\/search\?q=capsule$/)
  })

  for (const [label, size] of [
    ['1280 px', { width: 1280, height: 900 }],
    ['390 px', PHONE],
  ] as const) {
    test(`suggestions as you type at ${label}: arrows, Enter, Escape, a live count, axe clean`, async ({ page }) => {
      await page.setViewportSize(size)
      await page.goto('/processors')
      await settle(page)
      if (label === '390 px') await page.getByRole('button', { name: 'Menu', exact: true }).click()
      else await page.getByRole('button', { name: 'Search processors, activities and findings' }).click()
      const box = page.getByRole('search', { name: 'Quick search' }).getByRole('combobox')
      await expect(box).toBeVisible()
      await box.fill('capsule')
      const list = page.getByRole('listbox', { name: 'Top matches' })
      const capsule = list.getByRole('option', { name: 'CapsuleCRM Inc', exact: true })
      await expect(capsule).toBeVisible()
      await expect(box).toHaveAttribute('aria-expanded', 'true')
      await expect(list.getByRole('group', { name: 'Processors' })).toBeVisible()
      // The count is said for screen readers.
      await expect(page.getByRole('search', { name: 'Quick search' }).getByRole('status')).toHaveText(/^\d+ match/)

      const results = await axe(page)
      expect(results).toEqual([])
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0)

      // Down chooses the first suggestion (the processor), named by aria-activedescendant; Escape closes the list.
      await box.press('ArrowDown')
      await expect(capsule).toHaveAttribute('aria-selected', 'true')
      await expect(box).toHaveAttribute('aria-activedescendant', (await capsule.getAttribute('id'))!)
      await box.press('Escape')
      await expect(list).toBeHidden()
      await expect(box).toHaveAttribute('aria-expanded', 'false')
      await expect(box).toHaveValue('capsule')
      // Down opens it again, and Down once more chooses the first suggestion; Enter opens it.
      await box.press('ArrowDown')
      await expect(capsule).toBeVisible()
      await box.press('ArrowDown')
      await expect(capsule).toHaveAttribute('aria-selected', 'true')
      await box.press('Enter')
      await expect(page.getByRole('heading', { level: 1, name: 'CapsuleCRM Inc' })).toBeVisible()
      await expect(page).toHaveURL(/\/processors\/\d+$/)
      await expect(list).toBeHidden()
    })
  }

  test('Escape closes the list, then empties the box; a click on a suggestion opens it', async ({ page }) => {
    await page.setViewportSize({ width: 1536, height: 900 })
    await page.goto('/processors')
    await settle(page)
    const box = page.getByRole('search', { name: 'Quick search' }).getByRole('combobox')
    await box.fill('newsletter')
    const option = page.getByRole('listbox', { name: 'Top matches' }).getByRole('option', { name: 'Newsletter subscribers', exact: true })
    await expect(option).toBeVisible()
    await box.press('Escape')
    await expect(option).toBeHidden()
    await box.press('Escape')
    await expect(box).toHaveValue('')
    await box.fill('newsletter')
    await option.click()
    await expect(page.getByRole('heading', { level: 1, name: /Newsletter subscribers/ })).toBeVisible()
  })

  /*
   * An answer for an older term arriving after the newer one's must not replace the suggestions:
   * the request for "caps" is held until "newsletter" has been answered and shown, then released.
   */
  test('a late answer for an older term never replaces the newer suggestions', async ({ page }) => {
    await page.setViewportSize({ width: 1536, height: 900 })
    await page.goto('/processors')
    await settle(page)
    const held: Route[] = []
    await page.route(/\/api\/search\?q=caps&/, (route) => void held.push(route))
    const box = page.getByRole('search', { name: 'Quick search' }).getByRole('combobox')
    await box.fill('caps')
    await expect.poll(() => held.length, { message: 'the request for "caps" was sent' }).toBeGreaterThan(0)
    await box.fill('newsletter')
    const list = page.getByRole('listbox', { name: 'Top matches' })
    await expect(list.getByRole('option', { name: 'Newsletter subscribers', exact: true })).toBeVisible()
    const answered = page.waitForResponse(/\/api\/search\?q=caps&/)
    for (const route of held.splice(0)) await route.continue()
    await answered
    await drainPageTasks(page)
    await expect(list.getByRole('option', { name: 'Newsletter subscribers', exact: true })).toBeVisible()
    await expect(list.getByRole('option', { name: 'CapsuleCRM Inc', exact: true })).toHaveCount(0)
    await expect(box).toHaveValue('newsletter')
  })

  test('finds an activity in Finnish and opens it; hostile text is only text', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('seloste.language', 'fi'))
    await page.goto(`/search?q=${encodeURIComponent('kävijät')}`)
    const activities = page.getByRole('region', { name: /^Käsittelytoimet/ })
    await expect(activities.getByRole('link', { name: /Verkkosivuston kävijät/ })).toBeVisible()
    await activities.getByRole('link', { name: /Verkkosivuston kävijät/ }).click()
    await expect(page.getByRole('heading', { level: 1, name: /Verkkosivuston kävijät/ })).toBeVisible()

    await page.goto(`/search?q=${encodeURIComponent('<img src=x onerror=alert(1)> "%_')}`)
    await expect(page.getByText('Haulla ”<img src=x onerror=alert(1)> "%_” ei löytynyt mitään')).toBeVisible()
  })

  test('on a phone: the search box is inside the menu', async ({ page }) => {
    await page.setViewportSize(PHONE)
    await page.goto('/processors')
    await settle(page)
    await expect(page.getByRole('search', { name: 'Quick search' })).toBeHidden()
    await page.getByRole('button', { name: 'Menu', exact: true }).click()
    const box = page.getByRole('navigation', { name: 'Main' }).getByRole('combobox')
    await expect(box).toBeVisible()
    await box.fill('newsletter')
    await box.press('Enter')
    await expect(page).toHaveURL(/\/search\?q=newsletter$/)
    const result = page.getByRole('region', { name: /^Processing activities/ }).getByRole('link', { name: /Newsletter subscribers/ })
    await expect(result).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0)
    await result.click()
    await expect(page.getByRole('heading', { level: 1, name: /Newsletter subscribers/ })).toBeVisible()
  })

  /*
   * The race the processor list had (e2e/search-race.spec.ts), on the search page: type a new term
   * and open a result before the 300 ms debounce fires. The stale debounced "write q into the URL"
   * must never send the user back from the record. Deterministic: the clock is paused and the
   * record's code chunk held while the debounce comes due.
   */
  test('a result clicked while the search is still debouncing stays open', async ({ page }) => {
    await page.clock.install()
    await page.goto('/search?q=caps')
    const link = page.getByRole('region', { name: /^Processors/ }).getByRole('link', { name: /CapsuleCRM Inc/ })
    await expect(link).toBeVisible()

    const held: Route[] = []
    let release = false
    await page.route(/\/assets\/processor-detail-[^/]+\.js$/, (route) => (release ? route.continue() : void held.push(route)))

    await page.clock.pauseAt(Date.now() + 60_000)
    await page.getByRole('search', { name: 'Search the registry' }).getByRole('searchbox').fill('capsule') // debounce due at +300 ms
    await page.clock.runFor(200)
    await link.click()
    await expect.poll(() => held.length, { message: 'the processor page chunk was requested' }).toBeGreaterThan(0)

    await page.clock.runFor(150) // the debounce comes due
    await drainPageTasks(page)
    await expect(page).toHaveURL(/\/processors\/\d+$/)

    release = true
    for (const route of held.splice(0)) await route.continue()
    await page.clock.resume()
    await expect(page.getByRole('heading', { level: 1, name: 'CapsuleCRM Inc' })).toBeVisible()
    await expect(page).toHaveURL(/\/processors\/\d+$/)
  })
})

test('the public-list page tells an administrator how many follow it, or that subscriptions are off', async ({ page, api }) => {
  const followers = (await (await api.get('/api/public-list/followers')).json()) as {
    subscriptions: 'on' | 'off'
    confirmed: number | null
  }
  await page.goto('/public-list')
  await settle(page)
  const card = page.getByRole('region', { name: 'Followers' })
  if (followers.subscriptions === 'off') await expect(card).toContainText('Subscriptions are off')
  else await expect(card).toContainText(`${followers.confirmed} confirmed follower`)
})
