import { expect, test } from './fixtures'

test('a processor known by a Finnish description gets a name in English: the English dashboard and outputs use it, the Finnish ones the display name', async ({
  page,
  api,
  uniqueName,
}) => {
  const fi = uniqueName('Tilitoimisto')
  const en = uniqueName('Accounting firm')
  await page.goto('/processors/new')
  await page.getByRole('textbox', { name: /^Name(?! in English)/ }).fill(fi)
  await page.getByRole('textbox', { name: 'Name in English' }).fill(en)
  await page.getByRole('button', { name: 'Create processor' }).click()

  // The English dashboard names it in English, and shows both names in its overview.
  await expect(page.getByRole('heading', { level: 1, name: en })).toBeVisible()
  const overview = page.getByRole('region', { name: 'Overview' })
  await expect(overview).toContainText(fi)
  await expect(overview).toContainText(en)
  const id = /\/processors\/(\d+)/.exec(page.url())![1]
  const saved = await (await api.get(`/api/processors/${id}`)).json()
  expect(saved).toMatchObject({ displayName: fi, displayNameEn: en })

  // The English register names it in English; the Finnish one by its display name, the English name beside it.
  const csvEn = await (await api.get('/api/exports/processors.csv?lang=en')).text()
  expect(csvEn).toContain(en)
  expect(csvEn).not.toContain(fi)
  const csvFi = await (await api.get('/api/exports/processors.csv?lang=fi')).text()
  expect(csvFi).toContain(fi)

  // Edited back to no English name: the display name serves both languages.
  await page.getByRole('link', { name: 'Edit' }).click()
  await page.getByRole('textbox', { name: 'Name in English' }).fill('')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('heading', { level: 1, name: fi })).toBeVisible()
  expect((await (await api.get(`/api/processors/${id}`)).json()).displayNameEn).toBeNull()
})
