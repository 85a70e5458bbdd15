import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { DASHBOARD_PAGES, demoIds, PHONE, publishIfNothingPublished, setLanguage, settle } from './pages'

// WCAG 2.0, 2.1 and 2.2 at levels A and AA.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

interface Violation {
  page: string
  rule: string
  impact: string | null | undefined
  nodes: string[]
}

/** Violations, each with a few of its elements: enough to find and fix them from the test output. */
async function axe(page: Page, label: string): Promise<Violation[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  return result.violations.map((v) => ({
    page: label,
    rule: `${v.id}: ${v.help}`,
    impact: v.impact,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`),
  }))
}

/** No horizontal scroll of the page itself (tables scroll inside their own box). */
async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}

// axe takes seconds a page on a busy machine; a trace of it would take longer still.
test.use({ trace: 'off' })

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: PHONE },
] as const

for (const lang of ['fi', 'en'] as const) {
  for (const size of SIZES) {
    test.describe(`${lang}, ${size.name}`, () => {
      test.use({ viewport: size.viewport })

      for (const { label, url } of DASHBOARD_PAGES) {
        test(`${label}: no WCAG 2.2 A/AA violations, no sideways scroll`, async ({ page, api }) => {
          await setLanguage(page, lang)
          await page.goto(url(await demoIds(api)))
          await settle(page)
          expect(await axe(page, label)).toEqual([])
          expect(await pageOverflow(page), 'page wider than the screen (px)').toBe(0)
        })
      }

      for (const path of ['/public/processors', '/public/processors/changes']) {
        test(`${path}: no WCAG 2.2 A/AA violations, no sideways scroll`, async ({ page, api }) => {
          await publishIfNothingPublished(api)
          await page.goto(`${path}?lang=${lang}`)
          await expect(page.locator('html')).toHaveAttribute('lang', lang)
          expect(await axe(page, path)).toEqual([])
          expect(await pageOverflow(page), 'page wider than the screen (px)').toBe(0)
        })
      }

      test('sign-in page: no WCAG 2.2 A/AA violations, no sideways scroll', async ({ page }) => {
        await setLanguage(page, lang)
        await page.context().clearCookies()
        await page.goto('/login')
        await expect(page.getByRole('button', { name: lang === 'fi' ? 'Kirjaudu' : 'Sign in', exact: true })).toBeVisible()
        expect(await axe(page, '/login')).toEqual([])
        expect(await pageOverflow(page), 'page wider than the screen (px)').toBe(0)
      })
    })
  }
}

test.describe('dialogs and the menu by keyboard', () => {
  test('the change-password dialog opens, keeps focus inside, closes on Escape and gives focus back', async ({ page }) => {
    await page.goto('/overview')
    await settle(page)
    const menuButton = page.getByRole('button', { name: /User menu/ })
    await menuButton.focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab') // into the menu: the first control is "Change password"
    await expect(page.getByRole('button', { name: 'Change password' })).toBeFocused()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Change your password' })
    await expect(dialog).toBeVisible()
    expect(await axe(page, 'change-password dialog')).toEqual([])

    // Twice round the dialog's controls: focus never leaves it.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `focus after ${i + 1} Tab presses`).toBe(true)
    }
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    // The menu closed when the dialog opened: focus goes back to the menu's button.
    await expect(menuButton).toBeFocused()
  })
})
