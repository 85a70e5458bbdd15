import type { APIRequestContext } from '@playwright/test'
import { createProcessor, expect, test } from './fixtures'

// The demo's own records are shared with the other journeys (which read CapsuleCRM's unverified DPF
// listing, for one): these journeys make their own processors and find their findings by name.

/** Today in the browser's time zone (the journeys run in Europe/Helsinki), as the date input wants it. */
function today(): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Helsinki',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date())
  const get = (type: string) => parts.find((p) => p.type === type)!.value
  return `${get('year')}-${get('month')}-${get('day')}`
}

async function addTransfer(api: APIRequestContext, processorId: number, body: Record<string, unknown>) {
  const res = await api.post(`/api/processors/${processorId}/transfers`, { data: { tiaStatus: 'not_needed', ...body } })
  expect(res.status(), await res.text()).toBe(201)
}

test('open the overview, follow a finding to its record, fix it and see it gone', async ({ page, api, uniqueName }) => {
  const name = uniqueName('Overview CRM')
  const processor = await createProcessor(api, { displayName: name, role: 'sub_processor', service: { fi: 'Asiakashallinta', en: 'CRM' } })
  await addTransfer(api, processor.id, {
    country: 'US',
    kind: 'storage',
    safeguard: 'dpf',
    certifiedEntity: 'Overview CRM Inc.',
    dpfListingUrl: 'https://www.dataprivacyframework.gov/participant/1234',
  })

  // The home page after sign-in is the overview.
  await page.goto('/')
  await expect(page).toHaveURL(/\/overview$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()
  await expect(page.getByRole('link', { name: /^High \d+/ })).toBeVisible()

  const findings = page.getByRole('region', { name: 'Findings', exact: true })
  const message = `${name}: the Data Privacy Framework certification has never been verified.`
  const finding = findings.getByRole('listitem').filter({ hasText: message })
  await expect(finding).toHaveCount(1)
  await expect(finding).toContainText('Medium')
  await expect(finding).toContainText(`Transfer: ${name} – United States`)

  // Filters narrow the list (and are the URL); the finding stays findable through its check.
  await findings.getByLabel('Check', { exact: true }).selectOption({ label: 'DPF certification never verified' })
  await expect(page).toHaveURL(/check=dpf-not-verified/)
  await expect(finding).toBeVisible()
  await findings.getByLabel('Severity', { exact: true }).selectOption({ label: 'High' })
  await expect(finding).toHaveCount(0)
  await expect(findings.getByText('No findings match the filters')).toBeVisible()
  await findings.getByRole('button', { name: 'Clear filters' }).click()
  await expect(finding).toBeVisible()

  await finding.getByRole('link', { name: /^Fix/ }).click()
  await expect(page).toHaveURL(new RegExp(`/processors/${processor.id}$`))
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

  // The fix: record that the DPF listing was checked today.
  await page.getByRole('button', { name: 'Edit transfer to United States' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit transfer to United States' })
  await dialog.getByLabel('Listing verified on').fill(today())
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(
    page.getByRole('region', { name: 'Transfers and data locations' }).getByRole('row', { name: /United States/ }),
  ).toContainText('Verified')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()
  await expect(findings.getByRole('listitem').first()).toBeVisible()
  await expect(findings.getByRole('listitem').filter({ hasText: message })).toHaveCount(0)
})

test('acknowledge a finding with a reason and an end date, then revoke it', async ({ page, api, uniqueName }) => {
  // A processor without a DPA: a high finding of its own.
  const name = uniqueName('Overview Mailer')
  await createProcessor(api, { displayName: name, role: 'processor', service: { fi: 'Uutiskirjeet', en: 'Newsletters' } })

  await page.goto('/overview')
  const findings = page.getByRole('region', { name: 'Findings', exact: true })
  const message = `${name}: the data processing agreement (DPA) is missing.`
  const finding = findings.getByRole('listitem').filter({ hasText: message })
  await expect(finding).toContainText('High')
  await finding.getByRole('button', { name: /^Acknowledge:/ }).click()

  const dialog = page.getByRole('dialog', { name: 'Acknowledge the finding' })
  await expect(dialog).toContainText(message)
  // The end date starts 90 days ahead; the reason is required.
  await expect(dialog.getByLabel('Acknowledged until')).not.toHaveValue('')
  await dialog.getByLabel('Acknowledged until').fill('2099-01-01')
  await dialog.getByRole('button', { name: 'Acknowledge' }).click()
  await expect(dialog.getByText('Give the reason')).toBeVisible()
  await expect(dialog.getByText(/^At most two years ahead:/)).toBeVisible()
  await expect(dialog.getByLabel('Reason')).toBeFocused()

  const until = new Date()
  until.setDate(until.getDate() + 30)
  const untilIso = `${until.getFullYear()}-${String(until.getMonth() + 1).padStart(2, '0')}-${String(until.getDate()).padStart(2, '0')}`
  await dialog.getByLabel('Reason').fill('The agreement is with their lawyers; signing expected this month.')
  await dialog.getByLabel('Acknowledged until').fill(untilIso)
  await dialog.getByRole('button', { name: 'Acknowledge' }).click()
  await expect(dialog).toBeHidden()
  await expect(finding).toHaveCount(0)

  await findings.getByRole('button', { name: /^Acknowledged/ }).click()
  await expect(page).toHaveURL(/list=acknowledged/)
  const acknowledged = findings.getByRole('listitem').filter({ hasText: message })
  await expect(acknowledged).toContainText('The agreement is with their lawyers; signing expected this month.')
  await expect(acknowledged).toContainText('e2e-admin@example.fi')
  await expect(acknowledged).toContainText('Acknowledged until')

  await acknowledged.getByRole('button', { name: /^Revoke:/ }).click()
  const confirm = page.getByRole('dialog', { name: 'Revoke the acknowledgement?' })
  await confirm.getByRole('button', { name: 'Revoke' }).click()
  await expect(confirm).toBeHidden()
  await expect(acknowledged).toHaveCount(0)
  await findings.getByRole('button', { name: /^Open/ }).click()
  await expect(findings.getByRole('listitem').filter({ hasText: message })).toHaveCount(1)
})

test('the map shows where the data goes, with a table alternative and charts', async ({ page }) => {
  await page.goto('/overview')
  const section = page.getByRole('region', { name: 'Where the data goes' })
  await expect(section.getByRole('heading', { level: 2, name: 'Where the data goes' })).toBeVisible()

  // The demo's CapsuleCRM stores data in the United States under the EU–US DPF.
  const map = section.getByTestId('data-map')
  await expect(map).toBeVisible()
  const us = map.locator('path[data-country="US"][data-has-data="true"]')
  await expect(us).toHaveCount(1)
  await expect(us).toHaveAttribute('data-eea', 'false')
  await expect(us).toHaveAttribute('data-safeguards', /dpf/)
  await expect(map).toHaveAttribute('role', 'img')

  const table = section.getByRole('table', { name: 'Countries with data' })
  const row = table.getByRole('row', { name: /United States/ })
  await expect(row).toContainText('Outside the EEA')
  await expect(row).toContainText('EU–US Data Privacy Framework')
  await expect(row.getByRole('link', { name: 'CapsuleCRM Inc' })).toBeVisible()

  // Each chart has its words and a table with links into the processors list.
  const bySafeguard = section.getByRole('region', { name: 'Processors by safeguard' })
  await expect(bySafeguard.getByRole('img')).toHaveAttribute('aria-label', /EU–US Data Privacy Framework: \d+/)
  await bySafeguard.getByText('Show as a table').click()
  await bySafeguard
    .getByRole('row', { name: /EU–US Data Privacy Framework/ })
    .getByRole('link')
    .click()
  await expect(page).toHaveURL(/\/processors\?safeguard=dpf/)
  await expect(page.getByRole('table', { name: 'Processors' }).getByRole('row', { name: /CapsuleCRM Inc/ })).toBeVisible()
})

test('the calendar feed URL is shown once, and works', async ({ page }) => {
  await page.goto('/overview')
  const card = page.getByRole('region', { name: 'Calendar feed' })
  await expect(card.getByText('You have no feed URL yet.')).toBeVisible()
  await card.getByRole('button', { name: 'Create feed URL' }).click()
  const input = card.getByLabel('Your feed URL')
  await expect(input).toHaveValue(/\/api\/calendar\.ics\?token=/)
  const url = await input.inputValue()
  const feed = await page.request.get(url)
  expect(feed.status()).toBe(200)
  expect(feed.headers()['content-type']).toContain('text/calendar')
  expect(await feed.text()).toContain('BEGIN:VCALENDAR')

  // A new URL replaces it, after a warning: calendars on the old one stop getting updates.
  await card.getByRole('button', { name: 'Create a new URL (the old one stops working)' }).click()
  const confirm = page.getByRole('dialog', { name: 'Create a new feed URL?' })
  await confirm.getByRole('button', { name: 'Create a new URL' }).click()
  await expect(input).not.toHaveValue(url)
  expect((await page.request.get(url)).status()).toBe(401)
})

test('an auditor sees the overview without acknowledge or revoke controls', async ({ browser, api, uniqueName }) => {
  const email = `${uniqueName('overview auditor').replace(/\s+/g, '-').toLowerCase()}@example.fi`
  const password = 'reading the overview 2025'
  const created = await api.post('/api/users', { data: { email, name: 'Olli Overview', role: 'auditor', password } })
  expect(created.status(), await created.text()).toBe(201)
  // An acknowledged finding, so that there would be something to revoke.
  const name = uniqueName('Overview Accepted')
  const processor = await createProcessor(api, { displayName: name, role: 'processor', service: { fi: 'Tulostus', en: 'Printing' } })
  const expiresOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)
  const ack = await api.post('/api/findings/acknowledgements', {
    data: { findingKey: `dpa-missing:processor:${processor.id}`, reason: 'Printing stops next week.', expiresOn },
  })
  expect(ack.status(), await ack.text()).toBe(201)

  const context = await browser.newContext()
  const page = await context.newPage()
  const res = await page.request.post('/api/auth/login', { data: { email, password } })
  expect(res.status()).toBe(200)
  await page.goto('/overview')
  const findings = page.getByRole('region', { name: 'Findings', exact: true })
  await expect(findings.getByRole('listitem').first()).toBeVisible()
  await expect(findings.getByRole('link', { name: /^Fix/ }).first()).toBeVisible()
  await expect(findings.getByRole('button', { name: /^Acknowledge:/ })).toHaveCount(0)
  await findings.getByRole('button', { name: /^Acknowledged/ }).click()
  await expect(findings.getByRole('listitem').filter({ hasText: name })).toContainText('Printing stops next week.')
  await expect(findings.getByRole('button', { name: /^Revoke:/ })).toHaveCount(0)
  await context.close()
})

test('edit a DPA: the form sends the version it was loaded at, and the change is saved', async ({ page, api, uniqueName }) => {
  // The shared input schemas are strict; an edit form also holds the record's version.
  const name = uniqueName('Overview DPA edit')
  const processor = await createProcessor(api, { displayName: name, role: 'processor', service: { fi: 'Laskutus', en: 'Billing' } })
  const created = await api.post(`/api/processors/${processor.id}/dpas`, { data: { status: 'signed', signedOn: '2026-01-15' } })
  expect(created.status(), await created.text()).toBe(201)

  await page.goto(`/processors/${processor.id}`)
  const current = page.getByRole('article', { name: 'Current agreement' })
  await current.getByRole('button', { name: 'Edit' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit data processing agreement' })
  await dialog.getByLabel('Reference or version').fill('DPA v2, 2026')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(current).toContainText('DPA v2, 2026')
})
