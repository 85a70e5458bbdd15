import { expect, test } from './fixtures'

test('an invalid form shows each problem beside its field and in a summary, and saves nothing', async ({ page, api, uniqueName }) => {
  await page.goto('/processors/new')
  await page.getByLabel('Website').fill('not a web address')
  await page.getByLabel('In use from').fill('2025-06-27')
  await page.getByLabel('In use until').fill('2025-01-01')
  await page.getByRole('button', { name: 'Create processor' }).click()

  const summary = page.getByRole('alert').filter({ hasText: 'problems' })
  await expect(summary).toBeVisible()
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('listitem')).toHaveCount(3)

  const name = page.getByRole('textbox', { name: /^Name(?! in English)/ })
  await expect(name).toHaveAttribute('aria-invalid', 'true')
  const nameError = page.locator(`#${await name.getAttribute('id')}-error`)
  await expect(nameError).toHaveText('Required')
  await expect(name).toHaveAttribute('aria-describedby', new RegExp(`${await name.getAttribute('id')}-error`))

  const website = page.getByLabel('Website')
  await expect(website).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('Must be an http(s) address', { exact: true })).toBeVisible()
  await expect(page.getByText('End date cannot be before the start date', { exact: true })).toBeVisible()

  // The summary's links take the keyboard to the field.
  await summary.getByRole('link', { name: /Name/ }).click()
  await expect(name).toBeFocused()

  // Fixing the fields clears the errors and the save goes through.
  const fixed = uniqueName('Valid Oy')
  await name.fill(fixed)
  await website.fill('https://valid.example')
  await page.getByLabel('In use until').fill('')
  await page.getByRole('button', { name: 'Create processor' }).click()
  await expect(page.getByRole('heading', { level: 1, name: fixed })).toBeVisible()

  const list = await (await api.get(`/api/processors?q=${encodeURIComponent('not a web address')}`)).json()
  expect(list.total).toBe(0)
})

test('the transfer form asks only what the safeguard needs and checks it', async ({ page, uniqueName }) => {
  await page.goto('/processors/new')
  const name = uniqueName('Transfer Rules Oy')
  await page.getByRole('textbox', { name: /^Name(?! in English)/ }).fill(name)
  await page.getByRole('button', { name: 'Create processor' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

  await page.getByRole('button', { name: 'Add transfer' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add transfer' })
  await dialog.getByLabel('Country').selectOption({ label: 'Japan' })
  await dialog.getByLabel('Safeguard').selectOption({ label: 'Adequacy decision (Art. 45)' })
  // Japan has exactly one decision: it is chosen for the user.
  await expect(dialog.getByLabel('Adequacy decision')).toHaveValue('jp-2019')
  await dialog.getByLabel('Safeguard').selectOption({ label: 'Standard contractual clauses' })
  await dialog.getByRole('button', { name: 'Add transfer' }).click()
  await expect(dialog.getByText('Standard contractual clauses need a module (1-4)').first()).toBeVisible()

  await dialog.getByLabel('Country').selectOption({ label: 'Germany' })
  await expect(dialog.getByText('Inside the EEA: GDPR applies directly')).toBeVisible()
  await expect(dialog.getByLabel('Safeguard')).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Add transfer' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('region', { name: 'Transfers and data locations' }).getByRole('row', { name: /Germany/ })).toContainText(
    'Inside the EEA',
  )
})
