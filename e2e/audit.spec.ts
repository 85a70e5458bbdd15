import { readFile } from 'node:fs/promises'
import { createProcessor, expect, test } from './fixtures'

test('an edit appears in the processor’s history with its difference', async ({ page, api, uniqueName }) => {
  const name = uniqueName('History Oy')
  const processor = await createProcessor(api, {
    displayName: name,
    legalName: 'History Holdings Oy',
    service: { fi: 'Arkistointi', en: 'Archiving' },
  })
  const transfer = await api.post(`/api/processors/${processor.id}/transfers`, {
    data: { country: 'SE', kind: 'storage', safeguard: 'none_needed' },
  })
  expect(transfer.status(), await transfer.text()).toBe(201)

  await page.goto(`/processors/${processor.id}/edit`)
  await expect(page.getByRole('textbox', { name: /^Name(?! in English)/ })).toHaveValue(name)
  await page.getByLabel('Legal entity').fill('History Group Oy')
  await page.getByLabel('Service (English)').fill('Long-term archiving')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

  const history = page.getByRole('region', { name: 'History' })
  await expect(history).toBeVisible()
  // Newest first: the edit, then the transfer's creation, then the processor's.
  const rows = history.getByRole('row').filter({ has: page.getByRole('button', { name: /details/ }) })
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText('Changed')
  await expect(rows.nth(0)).toContainText('e2e-admin@example.fi')
  await expect(rows.nth(1)).toContainText('Transfer')
  await expect(rows.nth(1)).toContainText('Sweden')
  await expect(rows.nth(2)).toContainText('Created')

  await rows
    .nth(0)
    .getByRole('button', { name: /Show details/ })
    .click()
  const diff = history.getByRole('table', { name: /What changed in event/ })
  await expect(diff).toBeVisible()
  const legal = diff.getByRole('row', { name: /Legal entity/ })
  await expect(legal.getByRole('cell').nth(0)).toHaveText('History Holdings Oy')
  await expect(legal.getByRole('cell').nth(1)).toHaveText('History Group Oy')
  const service = diff.getByRole('row', { name: /Service \(EN\)/ })
  await expect(service.getByRole('cell').nth(0)).toHaveText('Archiving')
  await expect(service.getByRole('cell').nth(1)).toHaveText('Long-term archiving')
  // Unchanged fields are not listed.
  await expect(diff.getByRole('row', { name: /Service \(FI\)/ })).toHaveCount(0)

  // The creation shows the values it was created with.
  await rows
    .nth(2)
    .getByRole('button', { name: /Show details/ })
    .click()
  const created = history.getByRole('table', { name: /What changed in event/ }).nth(1)
  await expect(created.getByRole('columnheader', { name: 'Value when created' })).toBeVisible()
  await expect(created.getByRole('row', { name: /Legal entity/ })).toContainText('History Holdings Oy')

  // From the history to the same processor's events in the audit trail.
  await history.getByRole('link', { name: 'Open in the audit trail' }).click()
  await expect(page).toHaveURL(new RegExp(`/audit\\?.*entityId=%22?${processor.id}`))
  await expect(page.getByText(`Processor #${processor.id} only`)).toBeVisible()
  await expect(page.getByRole('table', { name: 'Audit events, newest first' }).getByRole('row', { name: /Changed/ })).toHaveCount(1)
})

test('the audit trail verifies its chain and filters by record type and action', async ({ page, api, uniqueName }) => {
  const name = uniqueName('Trail Oy')
  const processor = await createProcessor(api, { displayName: name })
  const retired = await api.post(`/api/processors/${processor.id}/retire`, { data: { version: processor.version, endDate: '2025-06-30' } })
  expect(retired.status(), await retired.text()).toBe(200)

  await page.goto('/audit')
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible()
  await expect(page.getByText(/Chain intact: \d+ events, head hash [0-9a-f]{12}…/)).toBeVisible()

  const filters = page.getByRole('region', { name: 'Filter the audit trail' })
  await filters.getByLabel('Record type').selectOption({ label: 'Processor' })
  await filters.getByLabel('Action').selectOption({ label: 'Retired' })
  await expect(page).toHaveURL(/entityType=processor/)
  await expect(page).toHaveURL(/action=retire/)
  const table = page.getByRole('table', { name: 'Audit events, newest first' })
  const row = table.getByRole('row', { name: new RegExp(name) })
  await expect(row).toContainText('Retired')
  await expect(row).toContainText('e2e-admin@example.fi')

  // The filtered events download as CSV with the chain's head on the file.
  await expect(page.getByText('Export the events these filters select, with the head hash:')).toBeVisible()
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()])
  expect(csv.suggestedFilename()).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}T\d{6}Z\.csv$/)
  const text = (await readFile(await csv.path())).toString('utf8')
  expect(text.startsWith('\uFEFFAudit trail\r\n')).toBe(true)
  expect(text).toMatch(/Chain head \(events:SHA-256 of the newest event\),\d+:[0-9a-f]{64}\r\n/)
  expect(text).toContain('Filters,entityType=processor; action=retire')
  expect(text).toContain(name)

  await row.getByRole('button', { name: /Show details/ }).click()
  const diff = table.getByRole('table', { name: /What changed in event/ })
  const status = diff.getByRole('row', { name: /^Status/ })
  await expect(status.getByRole('cell').nth(0)).toHaveText('Active')
  await expect(status.getByRole('cell').nth(1)).toHaveText('Retired')

  // The record links to the processor's page.
  await row.getByRole('link', { name: new RegExp(name) }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

  // A time range with nothing in it says so, and clearing the filters brings everything back.
  await page.goto('/audit?entityType=processor&from=2001-01-01&to=2001-01-31')
  await expect(page.getByText('No events match')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).first().click()
  await expect(page.getByRole('table', { name: 'Audit events, newest first' })).toBeVisible()
  await expect(page.getByText(/^1–\d+ of [\d,]+$/)).toBeVisible()
})
