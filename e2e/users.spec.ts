import type { APIRequestContext, Browser } from '@playwright/test'
import { E2E_ADMIN } from './config'
import { expect, test } from './fixtures'

// Refused saves (400 field errors, 401 before signing in, 409 conflicts) are logged by the browser as failed loads.
test.use({ allowedConsoleErrors: [/status of (400|401|409)/] })

function emailFor(label: string): string {
  return `${label.replace(/\s+/g, '-').toLowerCase()}@example.fi`
}

/** A fresh browser context signed in through the sign-in page. */
async function signIn(browser: Browser, email: string, password: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  return { context, page }
}

async function userByEmail(api: APIRequestContext, email: string) {
  const list = (await (await api.get('/api/users')).json()) as {
    id: number
    email: string
    role: string
    disabled: boolean
    version: number
  }[]
  const user = list.find((u) => u.email === email)
  expect(user, email).toBeTruthy()
  return user!
}

test('an admin creates a user (server refusals shown beside the fields) who then signs in', async ({ page, browser, uniqueName }) => {
  const email = emailFor(uniqueName('new editor'))
  const password = 'registry keeper since 2025'
  await page.goto('/users')
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
  await page.getByRole('button', { name: 'Add user' }).click()

  const dialog = page.getByRole('dialog', { name: 'Add user' })
  await dialog.getByLabel('Email').fill(email)
  await dialog.getByLabel('Name').fill('Noora Newcomer')
  await dialog.getByRole('radio', { name: /Editor/ }).check()
  await expect(dialog.getByText('At least 12 characters; common passwords are refused.')).toBeVisible()
  // Long enough for the form, but the server knows it as a common password.
  await dialog.getByLabel('Initial password').fill('password1234')
  await dialog.getByRole('button', { name: 'Add user' }).click()
  await expect(dialog.getByText('This password is among the most common ones; choose another.')).toBeVisible()
  await expect(dialog.getByLabel('Initial password')).toHaveAttribute('aria-invalid', 'true')

  await dialog.getByLabel('Initial password').fill(password)
  await dialog.getByRole('button', { name: 'Add user' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(`${email} was added`)).toBeVisible()
  const row = page.getByRole('row', { name: new RegExp(email) })
  await expect(row).toContainText('Noora Newcomer')
  await expect(row).toContainText('Editor')
  await expect(row).toContainText('Active')

  // The same email again is refused beside the email field.
  await page.getByRole('button', { name: 'Add user' }).click()
  await dialog.getByLabel('Email').fill(email)
  await dialog.getByLabel('Name').fill('Someone Else')
  await dialog.getByLabel('Initial password').fill('another long password 2025')
  await dialog.getByRole('button', { name: 'Add user' }).click()
  await expect(dialog.getByText('A user with this email already exists.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  const newcomer = await signIn(browser, email, password)
  await expect(newcomer.page).toHaveURL(/\/overview/)
  await expect(newcomer.page.getByRole('button', { name: /Noora Newcomer/ })).toContainText('Editor')
  // Not an administrator: no Users section, and a clear refusal if opened by address.
  await expect(newcomer.page.getByRole('link', { name: 'Users' })).toHaveCount(0)
  await newcomer.page.goto('/users')
  await expect(newcomer.page.getByText('Only administrators can manage users')).toBeVisible()
  await newcomer.context.close()
})

test('an admin changes a role, resets a password and disables an account; a stale version is a conflict', async ({
  page,
  api,
  browser,
  uniqueName,
}) => {
  const email = emailFor(uniqueName('role change'))
  const created = await api.post('/api/users', {
    data: { email, name: 'Rolf Rolechange', role: 'editor', password: 'first password of rolf' },
  })
  expect(created.status(), await created.text()).toBe(201)

  await page.goto('/users')
  const row = page.getByRole('row', { name: new RegExp(email) })
  await expect(row).toContainText('Editor')

  // Someone else changes the user after the list was loaded.
  const before = await userByEmail(api, email)
  const other = await api.patch(`/api/users/${before.id}`, { data: { version: before.version, name: 'Rolf R. Rolechange' } })
  expect(other.status()).toBe(200)

  await page.getByRole('button', { name: `Change role of ${email}` }).click()
  const roleDialog = page.getByRole('dialog', { name: `Change the role of ${email}` })
  await roleDialog.getByRole('radio', { name: /Auditor/ }).check()
  await roleDialog.getByRole('button', { name: 'Change role' }).click()
  await expect(roleDialog.getByRole('alert')).toContainText('Someone else changed this user meanwhile')
  await expect(row).toContainText('Rolf R. Rolechange')
  // The dialog now holds the current version: trying again succeeds.
  await roleDialog.getByRole('button', { name: 'Change role' }).click()
  await expect(roleDialog).toBeHidden()
  await expect(page.getByText(`New role of ${email}: Auditor`)).toBeVisible()
  await expect(row).toContainText('Auditor')

  await page.getByRole('button', { name: `Reset password of ${email}` }).click()
  const resetDialog = page.getByRole('dialog', { name: `Reset the password of ${email}` })
  await resetDialog.getByLabel('New password').fill('short')
  await resetDialog.getByRole('button', { name: 'Set new password' }).click()
  await expect(resetDialog.getByText('Use at least 12 characters.')).toBeVisible()
  await resetDialog.getByLabel('New password').fill('password1234')
  await resetDialog.getByRole('button', { name: 'Set new password' }).click()
  await expect(resetDialog.getByText('This password is among the most common ones; choose another.')).toBeVisible()
  await resetDialog.getByLabel('New password').fill('second password of rolf')
  await resetDialog.getByRole('button', { name: 'Set new password' }).click()
  await expect(resetDialog).toBeHidden()
  await expect(page.getByText(`The password of ${email} was reset`)).toBeVisible()

  await page.getByRole('button', { name: `Disable ${email}` }).click()
  const disableDialog = page.getByRole('dialog', { name: `Disable ${email}?` })
  await expect(disableDialog).toContainText('They can no longer sign in')
  await disableDialog.getByRole('button', { name: 'Disable account' }).click()
  await expect(disableDialog).toBeHidden()
  await expect(row).toContainText('Disabled')
  await expect(page.getByRole('button', { name: `Enable ${email}` })).toBeVisible()

  const refused = await signIn(browser, email, 'second password of rolf')
  await expect(refused.page.getByText('Wrong email or password')).toBeVisible()
  await refused.context.close()
})

test('the last active administrator cannot be disabled, and says so', async ({ page, api }) => {
  const users = (await (await api.get('/api/users')).json()) as { email: string; role: string; disabled: boolean }[]
  const activeAdmins = users.filter((u) => u.role === 'admin' && !u.disabled)
  test.skip(activeAdmins.length !== 1, 'another journey has made a second administrator')

  await page.goto('/users')
  const row = page.getByRole('row', { name: new RegExp(E2E_ADMIN.email) })
  await expect(row).toContainText('Last active administrator')
  await page.getByRole('button', { name: `Disable ${E2E_ADMIN.email}` }).click()
  const dialog = page.getByRole('dialog', { name: `Disable ${E2E_ADMIN.email}?` })
  await dialog.getByRole('button', { name: 'Disable account' }).click()
  await expect(dialog.getByRole('alert')).toContainText('This is the last active administrator. Make another user an administrator first.')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(row).toContainText('Active')
})

test('a user changes their own password from the user menu', async ({ api, browser, uniqueName }) => {
  const email = emailFor(uniqueName('own password'))
  const created = await api.post('/api/users', {
    data: { email, name: 'Olli Ownpassword', role: 'auditor', password: 'my first password 2025' },
  })
  expect(created.status(), await created.text()).toBe(201)

  const { context, page } = await signIn(browser, email, 'my first password 2025')
  await expect(page).toHaveURL(/\/overview/)
  await page.getByRole('button', { name: /Olli Ownpassword/ }).click()
  await page.getByRole('button', { name: 'Change password' }).click()
  const dialog = page.getByRole('dialog', { name: 'Change your password' })
  await dialog.getByLabel('Current password').fill('not my password at all')
  await dialog.getByLabel('New password').fill('my second password 2025')
  await dialog.getByRole('button', { name: 'Change password' }).click()
  await expect(dialog.getByText('The current password is not right.')).toBeVisible()

  await dialog.getByLabel('Current password').fill('my first password 2025')
  await dialog.getByRole('button', { name: 'Change password' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Your password was changed')).toBeVisible()
  // This session stays signed in.
  await page.reload()
  await expect(page.getByRole('button', { name: /Olli Ownpassword/ })).toBeVisible()
  await context.close()

  const again = await signIn(browser, email, 'my second password 2025')
  await expect(again.page).toHaveURL(/\/overview/)
  await again.context.close()
})
