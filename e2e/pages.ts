import type { APIRequestContext, Page } from '@playwright/test'
import { expect } from './fixtures'

/** The phone the issue was found on. */
export const PHONE = { width: 390, height: 844 } as const

/** The dashboard's language, before any of its code runs (the choice lives in localStorage). */
export async function setLanguage(page: Page, lang: 'fi' | 'en') {
  await page.addInitScript((l) => localStorage.setItem('seloste.language', l), lang)
}

/** The page has its heading and nothing is still loading. */
export async function settle(page: Page) {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
  await expect(page.locator('.skeleton')).toHaveCount(0)
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
}

async function json<T>(api: APIRequestContext, url: string): Promise<T> {
  const res = await api.get(url)
  expect(res.status(), await res.text()).toBe(200)
  return (await res.json()) as T
}

/** The public list has at least one version (a fresh database has none). */
export async function publishIfNothingPublished(api: APIRequestContext) {
  const preview = await json<{ latest: { version: number } | null }>(api, '/api/public-list/preview')
  if (preview.latest) return
  const res = await api.post('/api/public-list/publish', { data: { basedOnVersion: 0, confirmUnknownLocations: true } })
  expect(res.status(), await res.text()).toBe(201)
}

interface Ids {
  capsule: number
  signed: number
  activity: number
}

async function firstId(api: APIRequestContext, url: string): Promise<number> {
  const list = await json<{ items: { id: number }[] }>(api, url)
  expect(list.items.length, `${url} has no records`).toBeGreaterThan(0)
  return list.items[0]!.id
}

/** Real records of the demo data for the detail pages. */
export async function demoIds(api: APIRequestContext): Promise<Ids> {
  return {
    capsule: await firstId(api, '/api/processors?q=capsule'),
    signed: await firstId(api, '/api/processors?dpaStatus=signed&pageSize=1'),
    activity: await firstId(api, '/api/activities'),
  }
}

/** Every page of the signed-in dashboard. */
export const DASHBOARD_PAGES: { label: string; url: (ids: Ids) => string }[] = [
  { label: 'overview', url: () => '/overview' },
  { label: 'processors', url: () => '/processors' },
  { label: 'processor with transfers', url: (ids) => `/processors/${ids.capsule}` },
  { label: 'processor with a signed DPA', url: (ids) => `/processors/${ids.signed}` },
  { label: 'new processor', url: () => '/processors/new' },
  { label: 'processor edit', url: (ids) => `/processors/${ids.capsule}/edit` },
  { label: 'activities', url: () => '/activities' },
  { label: 'activities filtered and sorted', url: () => '/activities?legalBasis=f&gap=findings&sort=findings&order=desc' },
  { label: 'activities, nothing matches', url: () => '/activities?legalBasis=e' },
  { label: 'activity', url: (ids) => `/activities/${ids.activity}` },
  { label: 'activities matrix', url: () => '/activities/matrix' },
  { label: 'new activity', url: () => '/activities/new' },
  { label: 'exports', url: () => '/exports' },
  { label: 'public list', url: () => '/public-list' },
  { label: 'audit trail', url: () => '/audit' },
  { label: 'users', url: () => '/users' },
  { label: 'organisation', url: () => '/organisation' },
  { label: 'categories', url: () => '/vocabulary' },
  { label: 'privacy notice', url: () => '/notice' },
  { label: 'import', url: () => '/imports' },
  { label: 'search', url: () => '/search' },
  { label: 'search results', url: () => '/search?q=capsule' },
  { label: 'search, nothing found', url: () => '/search?q=zzzz-nothing' },
]
