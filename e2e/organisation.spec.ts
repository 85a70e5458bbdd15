import type { APIRequestContext } from '@playwright/test'
import { expect, test } from './fixtures'

const DPO_FINDING = /Whether the organisation has a data protection officer \(Art\. 37\) is not recorded/
// Each journey loads the overview (every check) and the export; on a machine shared with other work that takes a while.
test.describe.configure({ timeout: 120_000 })

/** A first load's wait on a machine shared with other work (not a timing assertion: it passes as soon as the element is there). */
const LOAD = 30_000
const JOINT_FINDING =
  /Whether the organisation determines purposes and means jointly with others \(joint controllers, Art\. 26\) is not recorded/

/** The demo's organisation with the DPO and joint-controller questions unanswered again, whatever an earlier journey did. */
async function unrecord(api: APIRequestContext) {
  const now = (await (await api.get('/api/organisation')).json()) as { version: number }
  const res = await api.patch('/api/organisation', {
    data: { dpoAppointed: null, dpoName: null, dpoEmail: null, hasJointControllers: null, jointControllers: null, version: now.version },
  })
  expect(res.status(), await res.text()).toBe(200)
}

test('an admin records the DPO: the finding goes away and the record of processing names the DPO', async ({ page, api }) => {
  await unrecord(api)

  // The finding, and its link to the settings page.
  await page.goto('/overview?entity=organisation')
  // The overview runs every check; on a busy machine the list can take longer than the default wait.
  await expect(page.getByText(DPO_FINDING)).toBeVisible({ timeout: LOAD })
  await page.getByRole('link', { name: /^Fix: Whether the organisation has a data protection officer/ }).click()
  await expect(page).toHaveURL(/\/organisation$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible()

  // "Not recorded" is an answer of its own, chosen now; "No" is another.
  const dpo = page.getByRole('group', { name: 'Is a data protection officer designated?' })
  await expect(dpo.getByRole('radio', { name: 'Not recorded yet' })).toBeChecked()
  await expect(dpo.getByRole('radio', { name: 'No DPO is designated' })).not.toBeChecked()

  // "Yes" without a name is refused, beside the field, by the same rule as the API.
  await dpo.getByRole('radio', { name: 'Yes, a DPO is designated' }).check()
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Name the data protection officer or give their e-mail').first()).toBeVisible()

  await page.getByLabel('DPO’s name or function').fill('Tietosuojavastaava Liisa Laine')
  await page.getByLabel('DPO’s e-mail').fill('dpo@mikroni.fi')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Organisation details saved')).toBeVisible()

  // The finding is gone; the joint-controller question, still unanswered, shows the list has loaded.
  await page.goto('/overview?entity=organisation')
  await expect(page.getByText(JOINT_FINDING)).toBeVisible({ timeout: LOAD })
  await expect(page.getByText(DPO_FINDING)).toHaveCount(0)

  // The printable record of processing names the DPO in the controller box.
  await page.goto('/api/exports/ropa.html?lang=en')
  await expect(page.locator('.controller')).toContainText(
    'Data protection officer (Art. 37): Tietosuojavastaava Liisa Laine, dpo@mikroni.fi',
  )
  await expect(page.locator('.controller')).toContainText('Joint controllers (Art. 26)')
})

test('an admin records the representative in the Union: each of the three states is said in words in the record of processing', async ({
  page,
  api,
}) => {
  // The demo company is Finnish: recorded as needing no representative.
  const now = (await (await api.get('/api/organisation')).json()) as { version: number }
  const reset = await api.patch('/api/organisation', {
    data: { representativeNeeded: false, representative: null, representativeContact: null, version: now.version },
  })
  expect(reset.status(), await reset.text()).toBe(200)
  const box = () => page.locator('.controller')
  await page.goto('/api/exports/ropa.html?lang=en')
  await expect(box()).toContainText('Representative in the Union (Art. 27): none needed (the controller is established in the Union)')

  await page.goto('/organisation')
  const rep = page.getByRole('group', { name: 'Does the organisation need a representative in the Union?' })
  await expect(rep.getByRole('radio', { name: 'No, none needed: established in the Union' })).toBeChecked({ timeout: LOAD })
  await expect(page.getByLabel('Representative’s name')).toHaveCount(0)

  // "Yes" without a name and contact is refused beside each field, by the same rule as the API.
  await rep.getByRole('radio', { name: 'Yes, a representative is designated' }).check()
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Name the representative in the Union').first()).toBeVisible()
  await expect(page.getByText("Give the representative's contact details").first()).toBeVisible()
  await page.getByLabel('Representative’s name').fill('EU Rep GmbH')
  await page.getByLabel('Representative’s contact details').fill('Unter den Linden 1, Berlin, rep@example.eu')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Organisation details saved')).toBeVisible()
  await page.goto('/api/exports/ropa.html?lang=en')
  await expect(box()).toContainText('Representative in the Union (Art. 27): EU Rep GmbH, Unter den Linden 1, Berlin, rep@example.eu')

  // Back to "not recorded": the record says so, never "none", and the overview asks for the answer.
  await page.goto('/organisation')
  await rep.getByRole('radio', { name: 'Not recorded yet' }).check({ timeout: LOAD })
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Organisation details saved')).toBeVisible()
  await page.goto('/api/exports/ropa.html?lang=en')
  await expect(box()).toContainText('Representative in the Union (Art. 27): not recorded')
  await page.goto('/overview?entity=organisation')
  await expect(page.getByText(/Whether the organisation needs a representative in the Union \(Art\. 27\) is not recorded/)).toBeVisible({
    timeout: LOAD,
  })

  // Left as the demo has it, for the journeys that share the database.
  const after = (await (await api.get('/api/organisation')).json()) as { version: number }
  const restored = await api.patch('/api/organisation', { data: { representativeNeeded: false, version: after.version } })
  expect(restored.status(), await restored.text()).toBe(200)
})

test('an auditor reads the organisation page and can change nothing', async ({ browser, api, uniqueName }) => {
  const email = `${uniqueName('org-auditor').replace(/\s+/g, '-').toLowerCase()}@example.fi`
  const password = 'reading the controller 2026'
  const created = await api.post('/api/users', { data: { email, name: 'Outi Auditor', role: 'auditor', password } })
  expect(created.status(), await created.text()).toBe(201)
  await unrecord(api)

  const context = await browser.newContext()
  const page = await context.newPage()
  const login = await page.request.post('/api/auth/login', { data: { email, password } })
  expect(login.status(), await login.text()).toBe(200)

  await page.goto('/organisation')
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible({ timeout: LOAD })
  await expect(page.getByText('Auditors can read the organisation’s details')).toBeVisible()
  await expect(page.getByRole('main').getByText('Mikroni Digital')).toBeVisible()
  // Unanswered reads "Not recorded", not "No".
  const dpoSection = page.getByRole('region', { name: 'Data protection officer (Art. 37)' })
  await expect(dpoSection).toContainText('Not recorded')
  await expect(dpoSection).not.toContainText('No DPO')
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0)
  await expect(page.getByRole('textbox')).toHaveCount(0)
  await expect(page.getByRole('radio')).toHaveCount(0)
  await context.close()
})

test.describe('two people edit the organisation', () => {
  // The second save is refused with 409 on purpose; the browser logs that response as an error.
  test.use({ allowedConsoleErrors: [/status of 409/] })

  test('the second sees the conflict with the other values beside theirs, keeps their typing and decides', async ({ page, api }) => {
    await unrecord(api)
    await page.goto('/organisation')
    await expect(page.getByLabel(/^Name/)).toHaveValue('Mikroni Digital', { timeout: LOAD })

    // Someone else records the joint-controller answer meanwhile.
    const now = (await (await api.get('/api/organisation')).json()) as { version: number }
    const other = await api.patch('/api/organisation', { data: { hasJointControllers: false, version: now.version } })
    expect(other.status(), await other.text()).toBe(200)

    await page
      .getByRole('group', { name: 'Is a data protection officer designated?' })
      .getByRole('radio', { name: 'No DPO is designated' })
      .check()
    await page.getByRole('button', { name: 'Save' }).click()
    const banner = page.getByRole('alert').filter({ hasText: 'Someone else saved the organisation’s details while you were editing' })
    await expect(banner).toBeVisible()
    await expect(banner).toBeFocused()
    const joint = banner.getByRole('row', { name: /Are there joint controllers/ })
    await expect(joint.getByRole('cell').nth(0)).toHaveText('No')
    await expect(joint.getByRole('cell').nth(1)).toHaveText('Not recorded')

    await banner.getByRole('button', { name: 'Reload their version' }).click()
    await expect(
      page.getByRole('group', { name: 'Are there joint controllers?' }).getByRole('radio', { name: 'No joint controllers' }),
    ).toBeChecked()
    await page
      .getByRole('group', { name: 'Is a data protection officer designated?' })
      .getByRole('radio', { name: 'No DPO is designated' })
      .check()
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByText('Organisation details saved')).toBeVisible()
    const saved = (await (await api.get('/api/organisation')).json()) as {
      dpoAppointed: boolean | null
      hasJointControllers: boolean | null
    }
    expect(saved).toMatchObject({ dpoAppointed: false, hasJointControllers: false })
  })
})
