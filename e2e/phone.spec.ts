import type { Locator, Page } from '@playwright/test'
import { createProcessor, expect, test } from './fixtures'
import { PHONE } from './pages'

// The main tasks on a phone (390 x 844): the navigation is a menu, tables scroll in their own box.
test.use({ viewport: PHONE })

async function notWiderThanTheScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0)
}

/** Inside the viewport, and at least 24 x 24 CSS px (WCAG 2.2, 2.5.8). */
async function reachable(control: Locator) {
  await control.scrollIntoViewIfNeeded()
  const box = await control.boundingBox()
  expect(box).not.toBeNull()
  expect(box!.x).toBeGreaterThanOrEqual(0)
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width)
  expect(box!.width).toBeGreaterThanOrEqual(24)
  expect(box!.height).toBeGreaterThanOrEqual(24)
}

async function openSection(page: Page, name: string) {
  const menu = page.getByRole('button', { name: 'Menu', exact: true })
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await menu.click()
  await expect(menu).toHaveAttribute('aria-expanded', 'true')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click()
  // Closed again after the navigation, focus back on its button.
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await expect(menu).toBeFocused()
}

test('the menu: keyboard, Escape, and the links hidden while it is closed', async ({ page }) => {
  await page.goto('/overview')
  const menu = page.getByRole('button', { name: 'Menu', exact: true })
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByRole('link', { name: 'Processors' })).toBeHidden()
  await menu.focus()
  await page.keyboard.press('Enter')
  await expect(menu).toHaveAttribute('aria-expanded', 'true')
  await page.keyboard.press('Tab')
  await expect(nav.getByRole('link', { name: 'Overview' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await expect(menu).toBeFocused()
  await expect(nav.getByRole('link', { name: 'Overview' })).toBeHidden()

  await menu.press('Enter')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(nav.getByRole('link', { name: 'Processors' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Processors' })).toBeVisible()
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await notWiderThanTheScreen(page)
})

test('find a processor and read its transfers', async ({ page }) => {
  await page.goto('/overview')
  await openSection(page, 'Processors')
  await expect(page.getByRole('heading', { level: 1, name: 'Processors' })).toBeVisible()
  const search = page.getByRole('searchbox', { name: 'Search' })
  await reachable(search)
  await search.fill('capsule')
  await expect(page).toHaveURL(/[?&]q=capsule/)
  const table = page.getByRole('table', { name: 'Processors' })
  await expect(table.getByRole('row')).toHaveCount(2)
  // The table scrolls in its own box, named after it, that a keyboard can reach.
  await expect(page.getByRole('group', { name: 'Processors' })).toHaveAttribute('tabindex', '0')
  await notWiderThanTheScreen(page)
  const link = table.getByRole('link', { name: 'CapsuleCRM Inc' })
  await reachable(link)
  await link.click()

  await expect(page.getByRole('heading', { level: 1, name: 'CapsuleCRM Inc' })).toBeVisible()
  const transfers = page.getByRole('region', { name: 'Transfers and data locations' })
  await transfers.scrollIntoViewIfNeeded()
  const transfer = transfers.getByRole('row', { name: /United States/ })
  await expect(transfer).toContainText('EU–US Data Privacy Framework')
  await expect(transfer).toContainText('Listing not verified')
  // The first column (the country) stays in view while the row scrolls sideways.
  await reachable(transfer.getByRole('rowheader').or(transfer.getByRole('cell')).first())
  await notWiderThanTheScreen(page)
})

test('approve a change and publish the list', async ({ page, api, uniqueName }) => {
  const name = uniqueName('Puhelin Oy')
  await createProcessor(api, {
    displayName: name,
    isPublic: true,
    status: 'active',
    hqCountry: 'FI',
    service: { fi: 'Mobiilipalvelu', en: 'Mobile service' },
    purpose: { fi: 'puhelintestiin', en: 'the phone test' },
  })
  await page.goto('/overview')
  await openSection(page, 'Public list')
  await expect(page.getByRole('heading', { level: 1, name: 'Public list' })).toBeVisible()
  await expect(page.getByRole('region', { name: /Added/ }).getByRole('link', { name })).toBeVisible()
  await notWiderThanTheScreen(page)

  const publish = page.getByRole('button', { name: 'Publish', exact: true })
  await reachable(publish)
  await publish.click()
  const dialog = page.getByRole('dialog', { name: /^Publish version \d+\?$/ })
  await expect(dialog).toBeVisible()
  // The dialog fits the screen, its confirm button too.
  const box = await dialog.boundingBox()
  expect(box!.width).toBeLessThanOrEqual(PHONE.width)
  // The demo's processors without a recorded location: the owner confirms the list says so.
  await dialog.getByLabel('I have read this and want to publish the list as it is').check()
  const confirm = dialog.getByRole('button', { name: /^Publish version \d+$/ })
  await reachable(confirm)
  await confirm.click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(/Version \d+ published/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled()
  await notWiderThanTheScreen(page)
})

test('acknowledge a finding', async ({ page, api, uniqueName }) => {
  const name = uniqueName('Phone Mailer')
  await createProcessor(api, { displayName: name, role: 'processor', service: { fi: 'Uutiskirjeet', en: 'Newsletters' } })
  await page.goto('/overview')
  const findings = page.getByRole('region', { name: 'Findings', exact: true })
  const finding = findings.getByRole('listitem').filter({ hasText: `${name}: the data processing agreement (DPA) is missing.` })
  const acknowledge = finding.getByRole('button', { name: /^Acknowledge:/ })
  await reachable(acknowledge)
  await notWiderThanTheScreen(page)
  await acknowledge.click()

  const dialog = page.getByRole('dialog', { name: 'Acknowledge the finding' })
  expect((await dialog.boundingBox())!.width).toBeLessThanOrEqual(PHONE.width)
  await dialog.getByLabel('Reason').fill('Signing this week; the lawyers have the draft.')
  const submit = dialog.getByRole('button', { name: 'Acknowledge' })
  await reachable(submit)
  await submit.click()
  await expect(dialog).toBeHidden()
  await expect(finding).toHaveCount(0)
})

test('the severity cards stand one under the other, their labels on one line, in both languages', async ({ page }) => {
  await page.goto('/overview')
  const cards = page.locator('.severity-cards > li')
  await expect(cards).toHaveCount(3)
  for (const language of ['English', 'Finnish']) {
    if (language === 'Finnish') {
      await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Finnish' }).click()
      await expect(page.locator('html')).toHaveAttribute('lang', 'fi')
    }
    let bottom = 0
    for (const card of await cards.all()) {
      const box = (await card.boundingBox())!
      // The screen's width less the page's margins, never a third of it (the Finnish capitals then
      // stood a letter a line).
      expect(box.width, language).toBeGreaterThan(PHONE.width - 80)
      expect(box.y, language).toBeGreaterThanOrEqual(bottom)
      bottom = box.y + box.height
      const label = (await card.locator('.severity-card-label').boundingBox())!
      expect(label.height, language).toBeLessThan(30)
    }
    await notWiderThanTheScreen(page)
  }
})
