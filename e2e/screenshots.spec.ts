import { expect, test } from './fixtures'
import { DASHBOARD_PAGES, demoIds, PHONE, publishIfNothingPublished, setLanguage, settle } from './pages'

/*
 * PNGs of every page at 1280 px and 390 px in both languages, into screenshots/ (gitignored), for
 * a person to look at. Not a test of anything: runs only with SCREENSHOTS=1.
 *   SCREENSHOTS=1 E2E_PORT=3214 pnpm exec playwright test e2e/screenshots.spec.ts
 */
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to take the screenshots')
test.use({ trace: 'off' })

const SIZES = [
  { name: '1280', viewport: { width: 1280, height: 900 } },
  { name: '390', viewport: PHONE },
] as const

for (const lang of ['fi', 'en'] as const) {
  for (const size of SIZES) {
    test.describe(`${lang} ${size.name}`, () => {
      test.use({ viewport: size.viewport })

      test('every page', async ({ page, api }) => {
        test.setTimeout(300_000)
        await publishIfNothingPublished(api)
        await setLanguage(page, lang)
        const ids = await demoIds(api)
        const file = (label: string) => `screenshots/${lang}-${size.name}-${label.replace(/[^a-z0-9]+/gi, '-')}.png`
        for (const { label, url } of DASHBOARD_PAGES) {
          await page.goto(url(ids))
          await settle(page)
          await page.screenshot({ path: file(label), fullPage: true })
        }
        if (size.name === '390') {
          await page.goto('/processors')
          await settle(page)
          await page.getByRole('button', { name: lang === 'fi' ? 'Valikko' : 'Menu', exact: true }).click()
          await page.screenshot({ path: file('menu-open') })
        }
        for (const path of ['/public/processors', '/public/processors/changes']) {
          await page.goto(`${path}?lang=${lang}`)
          await page.screenshot({ path: file(`public-${path.split('/').pop()}`), fullPage: true })
        }
        await page.context().clearCookies()
        await page.goto('/login')
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        await page.screenshot({ path: file('login'), fullPage: true })
      })
    })
  }
}
