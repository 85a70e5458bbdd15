import { E2E_ADMIN } from './config'
import { expect, test } from './fixtures'

test('an auditor sees everything and no control that changes anything', async ({ browser, api, uniqueName }) => {
  const email = `${uniqueName('auditor').replace(/\s+/g, '-').toLowerCase()}@example.fi`
  const password = 'auditing is reading only 2025'
  const created = await api.post('/api/users', { data: { email, name: 'Aino Auditor', role: 'auditor', password } })
  expect(created.status(), await created.text()).toBe(201)

  // A fresh context: not signed in, so the app sends the user to the sign-in page and back.
  const context = await browser.newContext()
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => {
    // The first /api/auth/me before signing in answers 401 by design.
    if (m.type() === 'error' && !/status of 401/.test(m.text())) errors.push(m.text())
  })
  await page.goto('/processors?q=capsule')
  await expect(page).toHaveURL(/\/login\?redirect=/)

  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('not the password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('Wrong email or password')).toBeVisible()

  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/processors\?q=capsule/)
  await expect(page.getByRole('button', { name: /Aino Auditor/ })).toContainText('Auditor')
  await expect(page.getByRole('link', { name: 'New processor' })).toHaveCount(0)

  await page.getByRole('link', { name: 'CapsuleCRM Inc' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'CapsuleCRM Inc' })).toBeVisible()
  for (const name of ['Edit', 'Retire', 'Delete', 'Add transfer', 'Add DPA']) {
    await expect(page.getByRole('button', { name })).toHaveCount(0)
    await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0)
  }

  await page.getByRole('button', { name: /Aino Auditor/ }).click()
  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page).toHaveURL(/\/login/)
  await expect(page.getByText('You have logged out.')).toBeVisible()
  expect(errors).toEqual([])
  await context.close()
  void E2E_ADMIN
})
