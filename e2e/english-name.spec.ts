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

test('the pickers that name processors use the English name in English: the demo’s “Perintätoimisto” is “Debt collection agency”', async ({
  page,
}) => {
  await page.goto('/activities/new')
  const processors = page.getByRole('group', { name: 'Processors and recipients in the registry' })
  await processors.getByRole('searchbox', { name: 'Filter' }).fill('Debt collection')
  await expect(processors.getByRole('checkbox', { name: /^Debt collection agency/ })).toHaveCount(1)
  await processors.getByRole('searchbox', { name: 'Filter' }).fill('Perintätoimisto')
  await expect(processors.getByRole('checkbox', { name: /Perintätoimisto/ })).toHaveCount(0)

  // The activities list's processor filter and the parent-company picker name it the same way.
  await page.goto('/activities')
  const filter = page.getByLabel('Processor used', { exact: true })
  await expect(filter.getByRole('option', { name: 'Debt collection agency' })).toHaveCount(1)
  await expect(filter.getByRole('option', { name: 'Perintätoimisto' })).toHaveCount(0)
  await page.goto('/processors/new')
  const parent = page.getByLabel(/^Parent company/)
  await expect(parent.getByRole('option', { name: 'Debt collection agency' })).toHaveCount(1)
})

test('a recipient that is an international organisation says which one: chosen from the reference data, shown in the overview', async ({
  page,
  api,
  uniqueName,
}) => {
  const name = uniqueName('Patent office link')
  await page.goto('/processors/new')
  await page.getByRole('textbox', { name: /^Name(?! in English)/ }).fill(name)
  // Asked only of that role.
  await expect(page.getByLabel('Which international organisation')).toHaveCount(0)
  await page.getByRole('combobox', { name: /^Role/ }).selectOption({ label: 'International organisation' })
  await page.getByLabel('Which international organisation').selectOption({ label: 'European Patent Organisation' })
  await page.getByRole('button', { name: 'Create processor' }).click()

  const overview = page.getByRole('region', { name: 'Overview' })
  await expect(overview).toContainText('European Patent Organisation')
  const id = /\/processors\/(\d+)/.exec(page.url())![1]
  const saved = await (await api.get(`/api/processors/${id}`)).json()
  expect(saved).toMatchObject({
    role: 'international_organisation',
    internationalOrganisationId: 'epo',
    internationalOrganisationName: null,
  })
})
