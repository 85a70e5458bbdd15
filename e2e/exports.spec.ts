import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'

test('the exports page downloads the record and the register, in a chosen language and as of a past day', async ({ page }) => {
  await page.goto('/exports')
  await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeVisible()
  await expect(page.getByText('As it is now', { exact: true })).toBeVisible()

  // Every format of the record, each explained; the printable page opens in a new tab instead.
  const record = page.getByRole('region', { name: 'Record of processing activities (GDPR Art. 30)' })
  for (const format of ['XLSX', 'CSV', 'JSON', 'PDF']) {
    await expect(record.getByRole('link', { name: new RegExp(`^Download ${format} — `) })).toHaveAttribute('download', '')
  }
  const html = record.getByRole('link', { name: /^Open HTML/ })
  await expect(html).toHaveAttribute('target', '_blank')
  await expect(html).toHaveAttribute('href', /\/api\/exports\/ropa\.html\?lang=en$/)

  // The processor register as CSV, in Finnish.
  await page.getByRole('radio', { name: 'Finnish' }).check()
  const register = page.getByRole('region', { name: 'Processor register' })
  const [csv] = await Promise.all([page.waitForEvent('download'), register.getByRole('link', { name: /^Download CSV — / }).click()])
  expect(csv.suggestedFilename()).toMatch(/^processor-register-\d{4}-\d{2}-\d{2}\.csv$/)
  const text = (await readFile(await csv.path())).toString('utf8')
  expect(text).toContain('CapsuleCRM Inc')

  // As of yesterday: rebuilt from the audit trail; the file name says which day.
  const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10)
  await page.getByLabel('As of date').fill(yesterday)
  await expect(page.getByText(/As the record stood at the end of/)).toBeVisible()
  const [pdf] = await Promise.all([page.waitForEvent('download'), record.getByRole('link', { name: /^Download PDF — / }).click()])
  expect(pdf.suggestedFilename()).toBe(`record-of-processing-as-of-${yesterday}.pdf`)
  expect((await readFile(await pdf.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-')

  await page.getByRole('button', { name: 'Use today’s record' }).click()
  await expect(page.getByText('As it is now', { exact: true })).toBeVisible()
  await expect(record.getByRole('link', { name: /^Download JSON — / })).toHaveAttribute('href', '/api/exports/ropa.json?lang=fi')
})

test('an auditor can open the exports too', async ({ browser, api, uniqueName }) => {
  const email = `${uniqueName('auditor').replace(/\s+/g, '-').toLowerCase()}@example.fi`
  const password = 'an auditor reads the record 2025'
  const created = await api.post('/api/users', { data: { email, name: 'Exports Auditor', role: 'auditor', password } })
  expect(created.status(), await created.text()).toBe(201)

  const context = await browser.newContext()
  const page = await context.newPage()
  const login = await page.request.post('/api/auth/login', { data: { email, password } })
  expect(login.status()).toBe(200)
  await page.goto('/activities')
  await expect(page.getByRole('link', { name: 'New activity' })).toHaveCount(0)
  await page.getByRole('link', { name: 'Exports' }).click()
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^Download XLSX — Processor register/ }).click(),
  ])
  expect(xlsx.suggestedFilename()).toMatch(/^processor-register-.*\.xlsx$/)
  expect((await readFile(await xlsx.path())).subarray(0, 2).toString('latin1')).toBe('PK')
  await context.close()
})
