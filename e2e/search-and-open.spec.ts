import { expect, test } from './fixtures'

test('search the list and open a processor with its US transfer under the EU–US DPF', async ({ page }) => {
  await page.goto('/processors')
  await expect(page.getByRole('heading', { level: 1, name: 'Processors' })).toBeVisible()

  await page.getByRole('searchbox', { name: 'Search' }).fill('capsule')
  // The search is debounced and lands in the URL, so the link reproduces the view.
  await expect(page).toHaveURL(/[?&]q=capsule/)
  const table = page.getByRole('table', { name: 'Processors' })
  const rows = table.getByRole('row')
  await expect(rows).toHaveCount(2) // header + one match
  const row = rows.nth(1)
  await expect(row).toContainText('United States')
  await expect(row).toContainText('EU–US DPF')
  await expect(page.getByText('1–1 of 1')).toBeVisible()

  await row.getByRole('link', { name: 'CapsuleCRM Inc' }).click()
  await expect(page).toHaveURL(/\/processors\/\d+$/)
  await expect(page.getByRole('heading', { level: 1, name: 'CapsuleCRM Inc' })).toBeVisible()

  // Parent company as a link, and the transfer with its safeguard and the gaps it has.
  await expect(page.getByRole('link', { name: 'Zestia Ltd' })).toBeVisible()
  const transfers = page.getByRole('region', { name: 'Transfers and data locations' })
  const transfer = transfers.getByRole('row', { name: /United States/ })
  await expect(transfer).toContainText('Outside the EEA')
  await expect(transfer).toContainText('EU–US Data Privacy Framework')
  await expect(transfer).toContainText('Listing not verified')
  // The policy links only the programme's list, which is not a participant's listing: none is recorded.
  await expect(transfer).toContainText('Listing not recorded')
  await expect(transfer.getByRole('link', { name: 'DPF listing' })).toHaveCount(0)

  // The filters survive a reload (they are the URL).
  await page.goBack()
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('capsule')
})

test('filters, sort and an empty result with a way back', async ({ page }) => {
  await page.goto('/processors?outsideEea=true')
  await expect(page.getByRole('combobox', { name: 'EEA' })).toHaveValue('true')
  await expect(page.getByRole('table', { name: 'Processors' }).getByRole('row', { name: /CapsuleCRM Inc/ })).toBeVisible()

  const nameHeader = page.getByRole('columnheader', { name: 'Name' })
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending')
  await nameHeader.getByRole('button').click()
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending')
  await expect(page).toHaveURL(/order=desc/)

  await page.getByRole('searchbox', { name: 'Search' }).fill('no such processor anywhere')
  await expect(page.getByText('No processors match')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).first().click()
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('')
  await expect(page.getByRole('table', { name: 'Processors' }).getByRole('row', { name: /Google Workspace/ })).toBeVisible()
})
