import type { APIRequestContext } from '@playwright/test'
import { expect, test } from './fixtures'

/** Records, through the API, what the demo's notice is missing (the gaps the page lists). */
async function fillGaps(api: APIRequestContext) {
  const org = await (await api.get('/api/organisation')).json()
  if (org.dpoAppointed === null || org.hasJointControllers === null) {
    expect(
      (await api.patch('/api/organisation', { data: { version: org.version, dpoAppointed: false, hasJointControllers: false } })).status(),
    ).toBe(200)
  }
  const list = (await (await api.get('/api/activities')).json()).items as { id: number; name: { fi: string } }[]
  // Other journeys share the database (the import journey adds an activity without categories).
  const [subjectCategory] = (await (await api.get('/api/vocabulary/data-subject-categories')).json()) as { id: number }[]
  const [dataCategory] = (await (await api.get('/api/vocabulary/data-categories')).json()) as { id: number }[]
  for (const item of list) {
    const a = await (await api.get(`/api/activities/${item.id}`)).json()
    const patch: Record<string, unknown> = {}
    if (a.purposes.some((p: { legalBasis: string | null }) => p.legalBasis === null)) {
      patch.purposes = a.purposes.map((p: { legalBasis: string | null }) =>
        p.legalBasis === null
          ? {
              ...p,
              legalBasis: 'a',
              consentCollection: { fi: 'Evästebannerissa', en: 'In the cookie banner' },
              consentWithdrawal: { fi: 'Evästeasetuksista', en: 'In the cookie settings' },
            }
          : p,
      )
    }
    if (a.dataSubjectCategories.length === 0) patch.dataSubjectCategoryIds = [subjectCategory!.id]
    if (a.dataCategories.length === 0) patch.dataCategories = [{ id: dataCategory!.id }]
    if (a.retention === null) patch.retention = { kind: 'duration', amount: 12, unit: 'months' }
    if (a.sources.length === 0 && !a.sourcesOther.fi && !a.sourcesOther.en) patch.sources = ['data_subject']
    if (a.automatedDecisionMaking === null) patch.automatedDecisionMaking = false
    if (a.profiling === null) patch.profiling = false
    if (Object.keys(patch).length) {
      const res = await api.patch(`/api/activities/${a.id}`, { data: { version: a.version, ...patch } })
      expect(res.status(), await res.text()).toBe(200)
    }
  }
  // Sections 6-7 are the published processor list: publish it when other journeys changed the registry.
  const list6 = await (await api.get('/api/public-list/preview')).json()
  if (list6.changes.length > 0) {
    const res = await api.post('/api/public-list/publish', {
      data: { basedOnVersion: list6.latest?.version ?? 0, confirmUnknownLocations: true },
    })
    expect(res.status(), await res.text()).toBe(201)
  }
}

test('the privacy notice: blocked by the records’ gaps, published, and read on the public page in Finnish and English', async ({
  page,
  api,
}) => {
  // Filling the demo's gaps takes a dozen API calls, and the journey reads two public pages after publishing.
  test.setTimeout(120_000)
  await page.goto('/notice')
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible()
  // The demo's gaps block publishing, each linked to its record.
  const before = await (await api.get('/api/notice/preview')).json()
  if (before.problems.some((p: { severity: string }) => p.severity === 'blocking')) {
    await expect(page.getByTestId('notice-problems')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Publish the notice' })).toBeDisabled()
    const firstActivity = before.problems.find(
      (p: { severity: string; link: { kind: string; id: number | null } }) =>
        p.severity === 'blocking' && p.link.kind === 'activity' && p.link.id !== null,
    )
    if (firstActivity)
      await expect(
        page
          .getByTestId('notice-problems')
          // The English page names the activity in English.
          .getByRole('link', { name: `Open “${firstActivity.link.name.en}”` })
          .first(),
      ).toHaveAttribute('href', `/activities/${firstActivity.link.id}`)
  }

  await fillGaps(api)
  await page.reload()
  await expect(page.getByText('Nothing blocks publishing.')).toBeVisible()
  // The preview in both languages.
  await page.getByRole('tab', { name: 'Finnish' }).click()
  await expect(page.getByRole('tabpanel', { name: 'Preview of the notice, Finnish' })).toContainText('1. Rekisterinpitäjä')
  await page.getByRole('tab', { name: 'English' }).click()
  await expect(page.getByRole('tabpanel', { name: 'Preview of the notice, English' })).toContainText('1. Controller')

  const publish = page.getByRole('button', { name: 'Publish the notice' })
  await expect(publish).toBeEnabled()
  await publish.click()
  await expect(page.getByText(/Version \d+ published/)).toBeVisible()
  await expect(page.getByTestId('notice-latest')).toContainText(/Version \d+, dated \d{4}-\d{2}-\d{2}\./)
  await expect(page.getByLabel('Embed snippet, Finnish')).toContainText('/public/notice?lang=fi')

  // The public page, without an account, in both languages.
  const visitor = await page.context().browser()!.newContext()
  const pub = await visitor.newPage()
  await pub.goto('/public/notice?lang=fi')
  await expect(pub.locator('html')).toHaveAttribute('lang', 'fi')
  await expect(pub.getByRole('heading', { level: 1, name: 'Tietosuojaseloste' })).toBeVisible()
  await expect(pub.getByText('Mikroni Digital (Y-tunnus 3235836-5)')).toBeVisible()
  await expect(pub.getByRole('heading', { name: '6. Henkilötietojen käsittelijät' })).toBeVisible()
  await expect(pub.getByText('Tietosuojavaltuutetun toimisto', { exact: false }).first()).toBeVisible()
  await pub.getByRole('link', { name: 'In English' }).click()
  await expect(pub.locator('html')).toHaveAttribute('lang', 'en')
  await expect(pub.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible()
  await expect(pub.getByRole('heading', { name: '10. Your rights' })).toBeVisible()
  await expect(pub.getByText(/Restriction of processing/)).toBeVisible()
  await pub.screenshot({ path: 'test-results/notice-public-en.png', fullPage: false })
  await visitor.close()
})
