import { expect, test } from './fixtures'

test('create a processor with a United States transfer under SCC module 2 and find it in the list', async ({ page, uniqueName }) => {
  const name = uniqueName('Acme Analytics')

  await page.goto('/processors')
  await page.getByRole('link', { name: 'New processor' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'New processor' })).toBeVisible()

  await page.getByLabel('Name', { exact: false }).first().fill(name)
  await page.getByLabel('Legal entity').fill(`${name} Inc.`)
  await page.getByLabel('Role').selectOption({ label: 'Processor' })
  await page.getByLabel('Headquarters country').selectOption({ label: 'United States' })
  await page.getByLabel('Service (Finnish)').fill('Verkkoanalytiikka')
  await page.getByLabel('Service (English)').fill('Web analytics')
  const categories = page.getByLabel('Personal data categories')
  await categories.fill('usage data')
  await categories.press('Enter')
  await page.getByLabel('Website').fill('https://acme.example')
  await page.getByRole('button', { name: 'Create processor' }).click()

  // The toast first: it is shown when the save answers and goes after a few seconds, while the new
  // page may still be loading on a busy machine.
  await expect(page.getByText(`${name} was created`)).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

  // The transfer: inside/outside the EEA comes from the country; only the SCC fields are asked.
  await page.getByRole('button', { name: 'Add transfer' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add transfer' })
  await dialog.getByLabel('Country').selectOption({ label: 'United States' })
  await expect(dialog.getByText('Outside the EEA: a transfer safeguard is needed')).toBeVisible()
  await expect(dialog.getByLabel('SCC module')).toHaveCount(0)
  await dialog.getByLabel('Safeguard').selectOption({ label: 'Standard contractual clauses' })
  await expect(dialog.getByLabel('DPF listing')).toHaveCount(0)
  await dialog.getByLabel('SCC module').selectOption({ label: 'Standard contractual clauses, module 2 (controller to processor)' })
  await dialog.getByLabel('Transfer impact assessment (TIA)').selectOption({ label: 'Done' })
  await dialog.getByRole('button', { name: 'Add transfer' }).click()
  await expect(dialog).toBeHidden()

  const transfer = page.getByRole('region', { name: 'Transfers and data locations' }).getByRole('row', { name: /United States/ })
  await expect(transfer).toContainText('Standard contractual clauses, module 2')
  await expect(transfer).toContainText('Outside the EEA')

  await page.getByRole('link', { name: 'Processors' }).first().click()
  await page.getByRole('searchbox', { name: 'Search' }).fill(name)
  const row = page.getByRole('table', { name: 'Processors' }).getByRole('row', { name: new RegExp(name) })
  await expect(row).toBeVisible()
  await expect(row.getByText('SCC', { exact: true })).toBeVisible()
  await expect(row).toContainText('United States')
})
