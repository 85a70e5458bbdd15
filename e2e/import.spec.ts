import { expect, test } from './fixtures'

test('an admin imports a vendor list: columns mapped, an unmatched role given its meaning, the preview checked, then confirmed', async ({
  page,
  uniqueName,
}) => {
  const first = uniqueName('Import Vendor')
  const second = uniqueName('Import Partner')
  const csv = `Name,Role,Country,Shoe size\r\n${first},processor,Finland,42\r\n${second},IT partner,Yhdysvallat,41\r\n`

  await page.goto('/overview')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible()
  await page
    .getByLabel('Spreadsheet file (.xlsx or .csv)')
    .setInputFiles({ name: 'vendors.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
  await page.getByRole('button', { name: 'Upload the file' }).click()

  // Mapping: the known headings are matched, the unknown one is left out, the unknown role is listed.
  await expect(page.getByRole('heading', { name: '2. Check the columns' })).toBeVisible()
  await expect(page.getByLabel('Field for the column Name')).toHaveValue('displayName')
  await expect(page.getByLabel('Field for the column Country')).toHaveValue('hqCountry')
  await expect(page.getByLabel('Field for the column Shoe size')).toHaveValue('')

  // Preview: the row with the unknown role is an error naming row and column; nothing can be confirmed yet.
  const preview = page.getByRole('table', { name: 'What the import would do, row by row' })
  await expect(preview.getByRole('row', { name: new RegExp(second) })).toContainText(
    'Row 3, Role: "IT partner" is not one of the values of Role',
  )
  await expect(page.getByRole('button', { name: 'Import 1 record' })).toBeDisabled()

  await page.getByLabel('Meaning of “IT partner”').selectOption({ label: 'sub-processor' })
  await page.getByRole('button', { name: 'Apply the mapping' }).click()
  await expect(preview.getByRole('row', { name: new RegExp(second) })).toContainText('New')
  await expect(preview.getByRole('row', { name: new RegExp(first) })).toContainText('New')

  await page.getByRole('button', { name: 'Import 2 records' }).click()
  await expect(page.getByText('2 new, 0 updated, 0 unchanged.')).toBeVisible()
  await page.getByRole('link', { name: 'Open the processors' }).click()
  await page.getByRole('searchbox', { name: 'Search' }).fill(second)
  await expect(page.getByRole('link', { name: second })).toBeVisible()
})
