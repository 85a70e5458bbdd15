import { createProcessor, expect, test } from './fixtures'

// The second save is refused with 409 on purpose; the browser logs that response as an error.
test.use({ allowedConsoleErrors: [/status of 409/] })

test('two tabs edit the same processor: the second sees the conflict, keeps its typing, and the merge keeps the first one’s change too', async ({
  page,
  api,
  context,
  uniqueName,
}) => {
  const name = uniqueName('Conflict Co')
  const processor = await createProcessor(api, { displayName: name, service: { fi: 'Palvelu', en: 'Original service' } })
  const tabA = page
  const tabB = await context.newPage()
  await tabA.goto(`/processors/${processor.id}/edit`)
  await tabB.goto(`/processors/${processor.id}/edit`)
  // Both forms have loaded version 1 before anyone saves.
  await expect(tabA.getByRole('textbox', { name: /^Name(?! in English)/ })).toHaveValue(name)
  await expect(tabB.getByRole('textbox', { name: /^Name(?! in English)/ })).toHaveValue(name)

  await tabA.getByLabel('Service (English)').fill('Service as saved by A')
  await tabA.getByRole('button', { name: 'Save' }).click()
  await expect(tabA.getByRole('heading', { level: 1, name })).toBeVisible()

  await tabB.getByLabel('Legal entity').fill('Typed by B Ltd')
  await tabB.getByRole('button', { name: 'Save' }).click()

  const banner = tabB.getByRole('alert').filter({ hasText: 'Someone else saved this processor while you were editing' })
  await expect(banner).toBeVisible()
  await expect(banner).toBeFocused()
  // Nothing typed is lost, and the other person's values are there to compare.
  await expect(tabB.getByLabel('Legal entity')).toHaveValue('Typed by B Ltd')
  const service = banner.getByRole('row', { name: /Service \(English\)/ })
  await expect(service.getByRole('cell').nth(0)).toHaveText('Service as saved by A')
  await expect(service.getByRole('cell').nth(1)).toHaveText('Original service')
  await expect(banner.getByRole('row', { name: /Legal entity/ })).toContainText('Typed by B Ltd')

  await expect(service.getByRole('cell').nth(2)).toHaveText('Their change kept')
  await expect(
    banner
      .getByRole('row', { name: /Legal entity/ })
      .getByRole('cell')
      .nth(2),
  ).toHaveText('Your change kept')

  await banner.getByRole('button', { name: 'Merge and save' }).click()
  await expect(tabB.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(tabB.getByRole('region', { name: 'Overview' })).toContainText('Typed by B Ltd')

  const saved = await (await api.get(`/api/processors/${processor.id}`)).json()
  expect(saved.legalName).toBe('Typed by B Ltd')
  // The field only A changed survives B's save.
  expect(saved.service.en).toBe('Service as saved by A')
  expect(saved.service.fi).toBe('Palvelu')
  expect(saved.version).toBe(3)
})

test('a field both people changed is shown side by side and saved as the user chooses, field by field', async ({
  page,
  api,
  uniqueName,
}) => {
  const name = uniqueName('Both Co')
  const processor = await createProcessor(api, { displayName: name, service: { fi: 'Palvelu', en: 'Original service' } })
  await page.goto(`/processors/${processor.id}/edit`)
  await expect(page.getByRole('textbox', { name: /^Name(?! in English)/ })).toHaveValue(name)

  // Someone else changes the English service, the legal entity and the website.
  const res = await api.patch(`/api/processors/${processor.id}`, {
    data: {
      version: processor.version,
      service: { fi: 'Palvelu', en: 'Their service' },
      legalName: 'Their Legal Oy',
      websiteUrl: 'https://theirs.example',
    },
  })
  expect(res.status()).toBe(200)

  // Meanwhile I change the English service and the legal entity too, and the internal notes.
  await page.getByLabel('Service (English)').fill('My service')
  await page.getByLabel('Legal entity').fill('My Legal Oy')
  await page.getByLabel('Internal notes').fill('Only mine')
  await page.getByRole('button', { name: 'Save' }).click()

  const banner = page.getByRole('alert').filter({ hasText: 'Someone else saved this processor' })
  await expect(banner).toBeFocused()
  const serviceRow = banner.getByRole('row', { name: /Service \(English\)/ })
  await expect(serviceRow.getByRole('cell').nth(0)).toHaveText('Their service')
  await expect(serviceRow.getByRole('cell').nth(1)).toHaveText('My service')
  await expect(
    banner
      .getByRole('row', { name: /Website/ })
      .getByRole('cell')
      .nth(2),
  ).toHaveText('Their change kept')

  // Saving without choosing asks for a choice on each field both changed, and saves nothing.
  await banner.getByRole('button', { name: 'Merge and save' }).click()
  await expect(banner.getByText('You both changed 2 fields: choose which value to keep for each.')).toBeVisible()
  expect((await (await api.get(`/api/processors/${processor.id}`)).json()).version).toBe(2)

  await banner.getByRole('group', { name: 'Which value to keep for Service (English)' }).getByLabel('Mine').check()
  await banner.getByRole('group', { name: 'Which value to keep for Legal entity' }).getByLabel('Theirs').check()
  await banner.getByRole('button', { name: 'Merge and save' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

  const saved = await (await api.get(`/api/processors/${processor.id}`)).json()
  expect(saved).toMatchObject({
    service: { fi: 'Palvelu', en: 'My service' },
    legalName: 'Their Legal Oy',
    websiteUrl: 'https://theirs.example',
    internalNotes: 'Only mine',
    version: 3,
  })
})

test('the conflict can be resolved by taking the other version', async ({ page, api, context, uniqueName }) => {
  const name = uniqueName('Reload Co')
  const processor = await createProcessor(api, { displayName: name })
  const tabB = await context.newPage()
  await tabB.goto(`/processors/${processor.id}/edit`)
  await expect(tabB.getByRole('textbox', { name: /^Name(?! in English)/ })).toHaveValue(name)

  // Someone else saves first (here straight through the API).
  const res = await api.patch(`/api/processors/${processor.id}`, { data: { version: processor.version, legalName: 'Their Legal Oy' } })
  expect(res.status()).toBe(200)

  await tabB.getByLabel('Website').fill('https://mine.example')
  await tabB.getByRole('button', { name: 'Save' }).click()
  const banner = tabB.getByRole('alert').filter({ hasText: 'Someone else saved this processor' })
  await expect(banner).toBeVisible()
  await expect(tabB.getByLabel('Website')).toHaveValue('https://mine.example')

  await banner.getByRole('button', { name: 'Reload their version' }).click()
  await expect(banner).toBeHidden()
  await expect(tabB.getByLabel('Legal entity')).toHaveValue('Their Legal Oy')
  await expect(tabB.getByLabel('Website')).toHaveValue('')

  // Saving now builds on their version: no conflict.
  await tabB.getByLabel('Website').fill('https://after-reload.example')
  await tabB.getByRole('button', { name: 'Save' }).click()
  await expect(tabB.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(tabB.getByRole('link', { name: 'after-reload.example' })).toBeVisible()
  void page
})
