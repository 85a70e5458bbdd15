import { createProcessor, expect, test } from './fixtures'

// Findings are shown where their record is: the transfer's row, the DPA's card, the processor's header.
test('a processor page shows the overdue DPF check on its transfer row and the expired DPA on its card', async ({
  page,
  api,
  uniqueName,
}) => {
  const name = uniqueName('Findings Here Inc')
  const processor = await createProcessor(api, { displayName: name, legalName: `${name} LLC`, hqCountry: 'US', role: 'processor' })
  const transfer = await api.post(`/api/processors/${processor.id}/transfers`, {
    data: {
      country: 'US',
      kind: 'storage',
      safeguard: 'dpf',
      certifiedEntity: `${name} LLC`,
      tiaStatus: 'not_needed',
      dpfListingUrl: 'https://www.dataprivacyframework.gov/participant/4321',
      dpfVerifiedOn: '2023-01-15',
    },
  })
  expect(transfer.status(), await transfer.text()).toBe(201)
  const dpa = await api.post(`/api/processors/${processor.id}/dpas`, {
    data: { status: 'signed', signedOn: '2020-01-01', validUntil: '2024-12-31' },
  })
  expect(dpa.status(), await dpa.text()).toBe(201)

  await page.goto(`/processors/${processor.id}`)
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

  const transfers = page.getByRole('region', { name: 'Transfers' })
  const row = transfers.getByRole('row', { name: /United States/ })
  const onRow = row.getByRole('list', { name: /open finding/ })
  await expect(onRow).toContainText('was last verified on 15 January 2023, over 12 months ago')
  await expect(onRow).toContainText('Medium')

  const card = page.getByRole('article', { name: 'Current agreement' })
  const onCard = card.getByRole('list', { name: /open finding/ })
  await expect(onCard).toContainText('the DPA expired on 31 December 2024')
  await expect(onCard).toContainText('High')
})
