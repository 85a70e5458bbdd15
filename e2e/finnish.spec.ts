import { createProcessor, expect, test } from './fixtures'

test('switching to Finnish shows Finnish labels, dates and country names, and is remembered', async ({ page, api, uniqueName }) => {
  const name = uniqueName('Suomi Oy')
  const processor = await createProcessor(api, {
    displayName: name,
    hqCountry: 'US',
    service: { fi: 'Kirjanpitopalvelu', en: 'Bookkeeping service' },
  })
  const dpa = await api.post(`/api/processors/${processor.id}/dpas`, {
    data: { status: 'signed', signedOn: '2025-06-27', reference: 'DPA 2025' },
  })
  expect(dpa.status()).toBe(201)

  await page.goto('/processors')
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Finnish' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Käsittelijät' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'fi')
  await expect(page.getByRole('columnheader', { name: 'Suojatoimi' })).toBeVisible()
  await expect(page.getByRole('searchbox', { name: 'Hae' })).toBeVisible()
  const capsule = page.getByRole('row', { name: /CapsuleCRM Inc/ })
  await expect(capsule).toContainText('Yhdysvallat')
  await expect(capsule).toContainText('Alikäsittelijä')

  await page.getByRole('searchbox', { name: 'Hae' }).fill(name)
  await page.getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  const overview = page.getByRole('region', { name: 'Yleiset tiedot' })
  await expect(overview).toContainText('Kotipaikan maa')
  await expect(overview).toContainText('Yhdysvallat')
  const dpas = page.getByRole('region', { name: 'Henkilötietojen käsittelysopimus (DPA)' })
  await expect(dpas).toContainText('Allekirjoitettu')
  await expect(dpas).toContainText('27.6.2025')
  await expect(dpas).toContainText('28 artiklan 3 kohdan tarkistuslista')
  await expect(page.getByRole('link', { name: 'Muokkaa' })).toBeVisible()

  // Remembered across a reload (localStorage), and the form speaks Finnish too.
  await page.reload()
  await expect(page.getByRole('region', { name: 'Yleiset tiedot' })).toBeVisible()
  await page.getByRole('link', { name: 'Muokkaa' }).click()
  await page.getByRole('textbox', { name: /^Nimi(?! englanniksi)/ }).fill('')
  await page.getByRole('button', { name: 'Tallenna' }).click()
  await expect(page.getByText('Pakollinen tieto').first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Peruuta' })).toBeVisible()
})
