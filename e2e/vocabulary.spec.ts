import type { APIRequestContext } from '@playwright/test'
import { expect, test } from './fixtures'

// Removing a category in use is refused with 409 on purpose; the browser logs that response as an error.
test.use({ allowedConsoleErrors: [/status of 409/] })

async function post<T>(api: APIRequestContext, url: string, data: unknown): Promise<T> {
  const res = await api.post(url, { data })
  expect(res.status(), await res.text()).toBe(201)
  return (await res.json()) as T
}

/** A row whose name starts with the text. */
const exact = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)

/** Two data categories of one's own, and an activity that uses the first. */
async function setUp(api: APIRequestContext, uniqueName: (label: string) => string) {
  const a = await post<{ id: number }>(api, '/api/vocabulary/data-categories', {
    name: { fi: uniqueName('Asiakasnumero'), en: uniqueName('Customer number') },
  })
  const b = await post<{ id: number }>(api, '/api/vocabulary/data-categories', {
    name: { fi: uniqueName('Asiakastunniste'), en: uniqueName('Customer identifier') },
  })
  const activityName = uniqueName('Loyalty programme')
  const activity = await post<{ id: number }>(api, '/api/activities', {
    name: { fi: activityName, en: activityName },
    purposes: [{ description: { fi: 'Kanta-asiakkuus', en: 'Loyalty' }, legalBasis: 'b' }],
    dataCategories: [{ id: a.id, retention: null }],
  })
  const names = async (id: number) =>
    ((await (await api.get(`/api/vocabulary/data-categories/${id}`)).json()) as { name: { fi: string; en: string } }).name
  return { a, b, activity, activityName, aName: await names(a.id), bName: await names(b.id) }
}

test('removing a category in use is refused with the activities listed as links; merging moves the use and removes it', async ({
  page,
  api,
  uniqueName,
}) => {
  const { a, activity, activityName, aName, bName } = await setUp(api, uniqueName)
  await page.goto('/vocabulary')
  const data = page.getByRole('region', { name: 'Categories of personal data' })
  const row = data.getByRole('row', { name: exact(aName.fi) })
  await expect(row).toContainText('1 activity')

  await row.getByRole('button', { name: `Remove “${aName.en}”` }).click()
  const dialog = page.getByRole('dialog', { name: `Remove “${aName.en}”?` })
  await dialog.getByRole('button', { name: 'Remove' }).click()
  const inUse = dialog.getByRole('alert').filter({ hasText: 'Still in use' })
  await expect(inUse).toContainText('cannot be removed while this activity uses it')
  await expect(inUse.getByRole('link', { name: activityName })).toHaveAttribute('href', `/activities/${activity.id}`)
  expect((await api.get(`/api/vocabulary/data-categories/${a.id}`)).status()).toBe(200)
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await row.getByRole('button', { name: `Merge “${aName.en}” into another category` }).click()
  const merge = page.getByRole('dialog', { name: `Merge “${aName.en}” into another category` })
  await expect(merge).toContainText('The 1 activity that uses')
  await merge.getByLabel('Merge into').selectOption({ label: bName.en })
  await merge.getByRole('button', { name: 'Merge' }).click()
  await expect(merge).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: `“${aName.en}” was merged into “${bName.en}”` })).toBeVisible()
  await expect(data.getByRole('row', { name: exact(aName.fi) })).toHaveCount(0)
  await expect(data.getByRole('row', { name: exact(bName.fi) })).toContainText('1 activity')

  const saved = (await (await api.get(`/api/activities/${activity.id}`)).json()) as { dataCategories: { name: { en: string } }[] }
  expect(saved.dataCategories.map((c) => c.name.en)).toEqual([bName.en])
  expect((await api.get(`/api/vocabulary/data-categories/${a.id}`)).status()).toBe(404)
})

test('renaming a category in Finnish shows the new name on its activity; a stale rename is refused and shows the current name', async ({
  page,
  api,
  uniqueName,
}) => {
  const { a, activity, aName } = await setUp(api, uniqueName)
  await page.goto('/vocabulary')
  await page.getByRole('button', { name: 'Finnish' }).click()
  const data = page.getByRole('region', { name: 'Henkilötietoryhmät' })
  const row = data.getByRole('row', { name: exact(aName.fi) })
  await row.getByRole('button', { name: `Nimeä ”${aName.fi}” uudelleen` }).click()
  // The dialog's title follows the name as it is now (it changes after the conflict).
  const dialog = page.getByRole('dialog')
  await expect(dialog).toHaveAccessibleName(`Nimeä ”${aName.fi}” uudelleen`)

  // Someone else renames it first.
  const theirs = await api.patch(`/api/vocabulary/data-categories/${a.id}`, {
    data: { name: { fi: `${aName.fi} (heidän)`, en: aName.en }, version: 1 },
  })
  expect(theirs.status()).toBe(200)
  await dialog.getByLabel('Nimi suomeksi').fill(`${aName.fi} (minun)`)
  await dialog.getByRole('button', { name: 'Tallenna' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Joku muu muutti ryhmää sillä välin')
  await expect(dialog.getByLabel('Nimi suomeksi')).toHaveValue(`${aName.fi} (heidän)`)

  await dialog.getByLabel('Nimi suomeksi').fill(`${aName.fi} (minun)`)
  await dialog.getByRole('button', { name: 'Tallenna' }).click()
  await expect(dialog).toBeHidden()
  await expect(data.getByRole('row', { name: exact(`${aName.fi} (minun)`) })).toBeVisible()
  const saved = (await (await api.get(`/api/activities/${activity.id}`)).json()) as { dataCategories: { name: { fi: string } }[] }
  expect(saved.dataCategories.map((c) => c.name.fi)).toEqual([`${aName.fi} (minun)`])
})
