import { expect, test } from './fixtures'

test('create an activity with two purposes and a linked processor, see its derived transfer, download the XLSX', async ({
  page,
  uniqueName,
}) => {
  const name = uniqueName('Webinar registrations')
  const category = uniqueName('Webinar attendance')

  await page.goto('/activities')
  await page.getByRole('link', { name: 'New activity' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'New processing activity' })).toBeVisible()

  await page.getByRole('textbox', { name: /^Name \(Finnish\)/ }).fill(`${name} (fi)`)
  await page.getByRole('textbox', { name: /^Name \(English\)/ }).fill(name)

  // Purpose 1 on a contract; purpose 2 on legitimate interests, whose own field is asked only then.
  const first = page.getByRole('group', { name: 'Purpose 1' })
  await first.getByRole('textbox', { name: /^Purpose \(Finnish\)/ }).fill('Webinaarin järjestäminen')
  await first.getByRole('textbox', { name: /^Purpose \(English\)/ }).fill('Running the webinar')
  await first.getByLabel('Legal basis (Art. 6(1))').selectOption({ label: 'Contract (Art. 6(1)(b))' })
  await expect(first.getByText('Legitimate interest pursued')).toHaveCount(0)

  await page.getByRole('button', { name: 'Add purpose' }).click()
  const second = page.getByRole('group', { name: 'Purpose 2' })
  await second.getByRole('textbox', { name: /^Purpose \(English\)/ }).fill('Inviting attendees to later webinars')
  await second.getByLabel('Legal basis (Art. 6(1))').selectOption({ label: 'Legitimate interests (Art. 6(1)(f))' })

  // Saving without the legitimate interest: the shared schema's rule, beside the nested field.
  await page.getByRole('button', { name: 'Create activity' }).click()
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' })
  await expect(summary).toBeFocused()
  await expect(summary).toContainText('Purpose 2: Legitimate interest pursued: Name the legitimate interest pursued')
  const interest = second.getByRole('textbox', { name: /^Legitimate interest pursued \(Finnish\)/ })
  await expect(interest).toHaveAttribute('aria-invalid', 'true')
  await interest.fill('Tiedottaminen tulevista webinaareista')

  await page.getByRole('group', { name: 'Categories of data subjects' }).getByRole('checkbox', { name: 'Customers', exact: true }).check()

  // A category that is not in the vocabulary yet, added without leaving the form.
  await page.getByRole('button', { name: 'New category of personal data' }).click()
  const creator = page.getByRole('group', { name: 'New category of personal data' })
  await creator.getByLabel('Name in English').fill(category)
  await creator.getByRole('button', { name: 'Add to the vocabulary' }).click()
  await expect(page.getByRole('group', { name: 'Categories of personal data' }).getByRole('checkbox', { name: category })).toBeChecked()

  await page.getByLabel('How the period is counted').selectOption({ label: 'A fixed period' })
  await page.getByRole('spinbutton', { name: /^Length/ }).fill('6')
  await page.getByRole('combobox', { name: /^Unit/ }).selectOption({ label: 'months' })
  await expect(page.getByText('Reads as: 6 months')).toBeVisible()

  const processors = page.getByRole('group', { name: 'Processors and recipients in the registry' })
  await processors.getByRole('searchbox', { name: 'Filter' }).fill('Capsule')
  await processors.getByRole('checkbox', { name: /CapsuleCRM Inc/ }).check()
  await expect(page.getByText('Transfers outside the EEA come with: CapsuleCRM Inc (United States)')).toBeVisible()

  await page.getByRole('button', { name: 'Create activity' }).click()
  // The toast first: it is shown when the save answers and goes after a few seconds, while the new
  // page may still be loading on a busy machine.
  await expect(page.getByText(`${name} was created`)).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

  // The page reads back both purposes and the transfer derived from CapsuleCRM's US storage.
  const purposes = page.getByRole('region', { name: 'Purposes and legal bases' })
  await expect(purposes.getByRole('article', { name: 'Purpose 1' })).toContainText('Contract (Art. 6(1)(b))')
  await expect(purposes.getByRole('article', { name: 'Purpose 2' })).toContainText('Legitimate interests (Art. 6(1)(f))')
  await expect(purposes.getByRole('article', { name: 'Purpose 2' })).toContainText('Tiedottaminen tulevista webinaareista')
  await expect(page.getByRole('region', { name: 'Data subjects and personal data' })).toContainText('6 months')
  const transfers = page.getByRole('region', { name: 'Transfers outside the EEA (derived from the processors)' })
  await expect(transfers).toContainText('derived from the transfers recorded on each linked processor')
  const transfer = transfers.getByRole('row', { name: /CapsuleCRM Inc/ })
  await expect(transfer).toContainText('United States')
  await expect(transfer).toContainText('Storage')
  await expect(transfer).toContainText('EU–US Data Privacy Framework')

  // The matrix has the new activity × CapsuleCRM cell.
  await page.getByRole('link', { name: 'Processing activities' }).first().click()
  await page.getByRole('link', { name: 'Activities × processors' }).click()
  const matrix = page.getByRole('table', { name: 'Processing activities and the processors that serve them' })
  await expect(matrix.getByRole('link', { name })).toBeVisible()
  await expect(matrix.getByTitle(`CapsuleCRM Inc serves “${name}”`)).toHaveText(/Yes/)

  // The processor's page lists the activities it serves.
  await matrix.getByRole('link', { name: 'CapsuleCRM Inc' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'CapsuleCRM Inc' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Processing activities' }).getByRole('link', { name })).toBeVisible()

  // The record of processing as XLSX: a ZIP container, named by the API.
  await page.goto('/exports')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^Download XLSX — Record of processing activities/ }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^record-of-processing-\d{4}-\d{2}-\d{2}\.xlsx$/)
  const path = await download.path()
  const { readFile } = await import('node:fs/promises')
  const bytes = await readFile(path)
  expect(bytes.length).toBeGreaterThan(1000)
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')

  // The same record as JSON has the new activity in it.
  const json = await (await page.request.get('/api/exports/ropa.json?lang=en')).text()
  expect(json).toContain(name)
})

test.describe('approval', () => {
  // The first approval is refused with 400 on purpose; the browser logs that response as an error.
  test.use({ allowedConsoleErrors: [/status of 400/] })

  test('an incomplete activity says why it cannot be approved; once complete it is approved', async ({ page, api, uniqueName }) => {
    const name = uniqueName('Visitor statistics')
    const res = await api.post('/api/activities', {
      data: { name: { fi: '', en: name }, purposes: [{ description: { fi: '', en: 'Counting visits' }, legalBasis: null }] },
    })
    expect(res.status(), await res.text()).toBe(201)
    const activity = (await res.json()) as { id: number; version: number }

    await page.goto(`/activities/${activity.id}`)
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    await page.getByRole('button', { name: 'Approve' }).click()
    const dialog = page.getByRole('dialog', { name: `Approve ${name}?` })
    await dialog.getByRole('button', { name: 'Approve' }).click()
    const why = dialog.getByRole('alert')
    await expect(why).toContainText('It cannot be approved yet')
    await expect(why).toContainText('Purpose 1: Legal basis (Art. 6(1)): Choose the legal basis before approving')
    await expect(why).toContainText('Categories of data subjects: Name the categories of data subjects before approving')
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    // Completed through the edit form, then approved.
    await page.getByRole('link', { name: 'Edit' }).click()
    await page
      .getByRole('group', { name: 'Purpose 1' })
      .getByLabel('Legal basis (Art. 6(1))')
      .selectOption({ label: 'Legitimate interests (Art. 6(1)(f))' })
    await page
      .getByRole('group', { name: 'Purpose 1' })
      .getByRole('textbox', { name: /^Legitimate interest pursued \(English\)/ })
      .fill('Knowing which pages are read')
    await page.getByRole('group', { name: 'Categories of data subjects' }).getByRole('checkbox', { name: 'Website visitors' }).check()
    await page.getByRole('group', { name: 'Categories of personal data' }).getByRole('checkbox', { name: 'Pages visited' }).check()
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

    await page.getByRole('button', { name: 'Approve' }).click()
    await page
      .getByRole('dialog', { name: `Approve ${name}?` })
      .getByRole('button', { name: 'Approve' })
      .click()
    await expect(page.getByText(`${name} was approved`)).toBeVisible()
    await expect(page.getByRole('region', { name: 'Overview' })).toContainText('Approved by e2e-admin@example.fi')
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0)
  })
})

test.describe('conflict', () => {
  // The save is refused with 409 on purpose; the browser logs that response as an error.
  test.use({ allowedConsoleErrors: [/status of 409/] })

  test('someone else saves the activity meanwhile: the form keeps the typing and saves over on request', async ({
    page,
    api,
    uniqueName,
  }) => {
    const name = uniqueName('Job applicants')
    const res = await api.post('/api/activities', {
      data: {
        name: { fi: 'Työnhakijat', en: name },
        purposes: [{ description: { fi: 'Rekrytointi', en: 'Recruiting' }, legalBasis: 'b' }],
      },
    })
    expect(res.status(), await res.text()).toBe(201)
    const activity = (await res.json()) as { id: number; version: number }

    await page.goto(`/activities/${activity.id}/edit`)
    await expect(page.getByRole('textbox', { name: /^Name \(English\)/ })).toHaveValue(name)

    const other = await api.patch(`/api/activities/${activity.id}`, { data: { version: activity.version, owner: 'HR manager' } })
    expect(other.status()).toBe(200)

    await page.getByRole('textbox', { name: /^Description \(English\)/ }).fill('Typed here meanwhile')
    await page.getByRole('button', { name: 'Save' }).click()
    const banner = page.getByRole('alert').filter({ hasText: 'Someone else saved this activity while you were editing' })
    await expect(banner).toBeFocused()
    await expect(banner.getByRole('row', { name: /Owner/ })).toContainText('HR manager')
    await expect(page.getByRole('textbox', { name: /^Description \(English\)/ })).toHaveValue('Typed here meanwhile')

    await expect(banner.getByRole('row', { name: /Owner/ })).toContainText('Their change kept')

    await banner.getByRole('button', { name: 'Merge and save' }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    const saved = await (await api.get(`/api/activities/${activity.id}`)).json()
    expect(saved.description.en).toBe('Typed here meanwhile')
    // The owner only the other person changed survives the merge.
    expect(saved.owner).toBe('HR manager')
    expect(saved.version).toBe(3)
  })
})
