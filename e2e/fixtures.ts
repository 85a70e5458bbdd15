import { test as base, expect, type APIRequestContext, type ConsoleMessage, type Page } from '@playwright/test'
import { E2E_ADMIN } from './config'

export { expect }

interface Fixtures {
  /**
   * Console errors a journey expects, e.g. the browser's "Failed to load resource: … 409" line
   * when a save deliberately runs into a version conflict. Anything else fails the test.
   */
  allowedConsoleErrors: RegExp[]
  /** Fails the test on any unexpected console.error or uncaught exception in any of its pages. */
  consoleGuard: void
  /** A page whose context is signed in as the administrator. */
  page: Page
  /** An API client with the same session, for setting up data without clicking through forms. */
  api: APIRequestContext
  /** A name no other journey (or earlier run against the same database) uses. */
  uniqueName: (label: string) => string
}

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],

  consoleGuard: [
    async ({ context, allowedConsoleErrors }, use) => {
      const problems: string[] = []
      const watch = (page: Page) => {
        page.on('console', (msg: ConsoleMessage) => {
          if (msg.type() !== 'error') return
          const text = `${msg.text()} (${msg.location().url})`
          if (!allowedConsoleErrors.some((re) => re.test(text))) problems.push(text)
        })
        page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
      }
      context.pages().forEach(watch)
      context.on('page', watch)
      await use()
      expect(problems, 'unexpected console errors').toEqual([])
    },
    { auto: true },
  ],

  page: async ({ page }, use) => {
    // page.request shares the context's cookie jar: the session cookie serves every page of the context.
    const res = await page.request.post('/api/auth/login', { data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password } })
    expect(res.status(), await res.text()).toBe(200)
    await use(page)
  },

  api: async ({ page }, use) => {
    await use(page.request)
  },

  uniqueName: async ({}, use, testInfo) => {
    let n = 0
    await use((label) => `${label} ${testInfo.testId.slice(0, 6)}${Date.now().toString(36)}${n++}`)
  },
})

/** Creates a processor through the API and returns it (id, version, …). */
export async function createProcessor(api: APIRequestContext, body: Record<string, unknown>) {
  const res = await api.post('/api/processors', { data: { role: 'processor', ...body } })
  expect(res.status(), await res.text()).toBe(201)
  return (await res.json()) as { id: number; version: number; displayName: string }
}
