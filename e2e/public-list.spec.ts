import type { APIRequestContext } from '@playwright/test'
import { createProcessor, expect, test } from './fixtures'

// The deliberately stale publish is refused with 409; the browser logs that response as an error.
test.use({ allowedConsoleErrors: [/status of 409/] })

async function latestVersion(api: APIRequestContext): Promise<number> {
  const preview = (await (await api.get('/api/public-list/preview')).json()) as { latest: { version: number } | null }
  return preview.latest?.version ?? 0
}

function publicProcessor(name: string) {
  return {
    displayName: name,
    isPublic: true,
    status: 'active',
    hqCountry: 'FI',
    service: { fi: 'Julkaisupalvelu', en: 'Publishing service' },
    purpose: { fi: 'luettelon testaamiseen', en: 'testing the list' },
  }
}

test('preview, see the difference, publish, open the public page in Finnish and in English', async ({ page, api, uniqueName }) => {
  const name = uniqueName('Julkinen Oy')
  await createProcessor(api, publicProcessor(name))
  const before = await latestVersion(api)

  await page.goto('/public-list')
  await expect(page.getByRole('heading', { level: 1, name: 'Public list' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Publishing status' })).toContainText(/since version \d+ .* not published yet/)

  const changes = page.getByRole('region', { name: 'Changes to publish' })
  const added = changes.getByRole('region', { name: /Added/ })
  await expect(added.getByRole('link', { name })).toBeVisible()

  // The preview in both languages, and its Markdown source.
  const preview = page.getByRole('region', { name: 'Preview', exact: true })
  await preview.getByRole('tab', { name: /Finnish/ }).click()
  await expect(preview.getByRole('region', { name: 'Preview of the public page in Finnish' })).toContainText(`${name} – Julkaisupalvelu`)
  await preview.getByRole('tab', { name: /English/ }).click()
  await expect(preview.getByRole('tab', { name: /English/ })).toHaveAttribute('aria-selected', 'true')
  await expect(preview.getByRole('region', { name: 'Preview of the public page in English' })).toContainText(`${name} – Publishing service`)
  await preview.getByRole('button', { name: 'Markdown source' }).click()
  await expect(preview.getByLabel('Markdown source in English')).toContainText(`**${name}**`)
  await expect(preview.getByRole('button', { name: 'Copy' })).toBeVisible()

  await page.getByRole('button', { name: 'Publish', exact: true }).click()
  const next = before + 1
  const dialog = page.getByRole('dialog', { name: `Publish version ${next}?` })
  await expect(dialog.getByLabel('Date of the version')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/)
  // The new processor has no location recorded: publishing is blocked until the editor confirms.
  await expect(dialog.getByRole('alert')).toContainText(name)
  // Named in the UI's language: the demo's “Perintätoimisto” by its English name.
  await expect(dialog.getByRole('alert')).toContainText('Debt collection agency')
  await expect(dialog.getByRole('alert')).not.toContainText('Perintätoimisto')
  await dialog.getByRole('button', { name: `Publish version ${next}` }).click()
  await expect(dialog.getByText('Confirm that you have read the warning')).toBeVisible()
  await dialog.getByLabel('I have read this and want to publish the list as it is').check()
  await dialog.getByRole('button', { name: `Publish version ${next}` }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(`Version ${next} published`)).toBeVisible()

  // Nothing left to publish: the page says so, and Publish is off.
  await expect(page.getByText(`The public list is up to date with the registry (version ${next},`)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled()
  await expect(
    page.getByRole('region', { name: 'Published versions' }).getByRole('row', { name: new RegExp(`^${next} Current`) }),
  ).toBeVisible()

  await page.getByRole('link', { name: 'Open the public page in Finnish' }).click()
  await expect(page).toHaveURL(/\/public\/processors\?lang=fi/)
  await expect(page.getByText(name).first()).toBeVisible()
  await expect(page.getByText(/Päivitetty/).first()).toBeVisible()
  await page.goto('/public/processors?lang=en')
  await expect(page.getByText(name).first()).toBeVisible()
  await expect(page.getByText(/Updated/).first()).toBeVisible()
})

test('publishing over someone else’s newer version is refused and the preview refreshes', async ({ page, api, uniqueName }) => {
  await createProcessor(api, publicProcessor(uniqueName('Ensimmäinen Oy')))
  await page.goto('/public-list')
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeEnabled()
  const seen = await latestVersion(api)

  // Someone else publishes meanwhile (here through the API).
  const other = await api.post('/api/public-list/publish', { data: { basedOnVersion: seen, confirmUnknownLocations: true } })
  expect(other.status(), await other.text()).toBe(201)
  const second = uniqueName('Toinen Oy')
  await createProcessor(api, publicProcessor(second))

  await page.getByRole('button', { name: 'Publish', exact: true }).click()
  await page.getByRole('dialog').getByLabel('I have read this and want to publish the list as it is').check()
  await page
    .getByRole('dialog')
    .getByRole('button', { name: `Publish version ${seen + 1}` })
    .click()
  await expect(page.getByRole('alert').filter({ hasText: 'Someone published a new version after you opened this preview' })).toBeVisible()
  // The refreshed preview compares with their version: only the newer processor is left to publish.
  await expect(page.getByRole('region', { name: 'Publishing status' })).toContainText(`since version ${seen + 1} (`)
  await expect(page.getByRole('region', { name: /Added/ }).getByRole('link', { name: second })).toBeVisible()
})

test('the difference shows the old and new value of each changed field, and the whole preview reads without an inner scroll box', async ({
  page,
  api,
  uniqueName,
}) => {
  const name = uniqueName('Vanha Arvo Oy')
  const processor = await createProcessor(api, publicProcessor(name))
  const published = await api.post('/api/public-list/publish', {
    data: { basedOnVersion: await latestVersion(api), confirmUnknownLocations: true },
  })
  expect(published.status(), await published.text()).toBe(201)
  const edited = await api.patch(`/api/processors/${processor.id}`, {
    data: { version: processor.version, hqCountry: 'SE', service: { fi: 'Julkaisupalvelu', en: 'Archive service' } },
  })
  expect(edited.status(), await edited.text()).toBe(200)

  await page.goto('/public-list')
  const changed = page.getByRole('region', { name: 'Changes to publish' }).getByRole('region', { name: /Changed/ })
  const values = changed.getByRole('table', { name: `What changes for ${name}` })
  // The published version is read after the preview: on a busy machine that takes a while.
  await expect(values.getByRole('columnheader')).toHaveText(['Field', 'Published now', 'After publishing'], { timeout: 20_000 })
  const country = values.getByRole('row', { name: /Headquarters country/ })
  await expect(country.getByRole('cell')).toHaveText(['Finland', 'Sweden'])
  const service = values.getByRole('row', { name: /^Service/ })
  await expect(service.getByRole('cell').nth(0)).toContainText('EN: Publishing service')
  await expect(service.getByRole('cell').nth(1)).toContainText('EN: Archive service')

  // The preview is not a scroll box of its own: everything in it is on the page.
  const preview = page.getByRole('region', { name: /^Preview of the public page in / })
  await expect(preview).toContainText(name)
  const inner = await preview.evaluate((el) => ({
    scroll: el.scrollHeight,
    client: el.clientHeight,
    overflow: getComputedStyle(el).overflowY,
  }))
  expect(inner.overflow).toBe('visible')
  expect(inner.scroll).toBeLessThanOrEqual(inner.client + 1)
})
