import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures'

// The server runs on the invented catalogue apps/api/test/fixtures/catalogue-v1.json (playwright.config.ts).

/** A save creates several records in one transaction; on a loaded machine the page may take longer than the default to follow. */
const AFTER_SAVE = { timeout: 30_000 }
// Each journey makes several multi-record saves; on a shared 2-core machine they outlast the default 45 s.
test.describe.configure({ timeout: 120_000 })

test('add a processor from the vendor catalogue: review each fact with its source and date, then save', async ({ page }) => {
  await page.goto('/processors/new')
  const start = page.getByRole('region', { name: 'Start from the vendor catalogue' })
  await start.getByLabel('Search the catalogue').fill('crm')
  await start.getByRole('button', { name: 'Review Example CRM' }).click()

  await expect(start.getByRole('heading', { name: 'From the catalogue: Example CRM' })).toBeVisible()
  // A fact, its source (a link to the page) and the date that page showed.
  const legal = start.getByRole('listitem').filter({ hasText: 'Legal entity' })
  await expect(legal).toContainText('Example CRM Inc.')
  await expect(legal.getByRole('link', { name: 'Source of Legal entity' })).toHaveAttribute('href', 'https://example.com/crm/terms')
  await expect(legal).toContainText('as of 2 Nov 2026')
  // DPF is proposed where the contracting entity is the listed participant; the UK rests on its adequacy decision.
  await expect(start.getByLabel('Mechanism for United States, Storage')).toHaveValue('0')
  await expect(start.getByLabel('Mechanism for United States, Storage').locator('option:checked')).toHaveText(
    /EU–US Data Privacy Framework/,
  )
  // The DPF certifies a US legal entity: the one the catalogue names (as the DPF list spells it) is pre-filled.
  await expect(start).toContainText('Certified company, as the catalogue states: Example CRM, Inc.')
  await expect(start.getByLabel('Mechanism for United Kingdom, Remote access').locator('option:checked')).toHaveText(/Adequacy decision/)
  await expect(start).toContainText('Not known to the catalogue, left empty: Parent group, Standard contractual clauses')
  // Leave the DPA link out.
  await start.getByRole('checkbox', { name: 'Use DPA terms' }).uncheck()
  await start.getByRole('button', { name: 'Create processor' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Example CRM' })).toBeVisible(AFTER_SAVE)
  const panel = page.getByRole('region', { name: 'Vendor catalogue' })
  await expect(panel).toContainText('Linked to Example CRM; facts seen at catalogue version 2026-12-01.')
  // The DPA link left out shows as the one difference from the catalogue.
  await expect(panel.getByRole('row', { name: /DPA terms/ })).toContainText('Not recorded')
  const transfers = page.getByRole('region', { name: 'Transfers and data locations' })
  await expect(transfers.getByRole('row', { name: /United States/ })).toContainText('Data Privacy Framework')
  await expect(transfers.getByRole('row', { name: /United States/ })).toContainText('Certified: Example CRM, Inc.')
  await expect(transfers.getByRole('row', { name: /United Kingdom/ })).toBeVisible()

  // The transfer form asks for the certified company while the DPF is the safeguard, and saves a correction.
  await transfers.getByRole('button', { name: 'Edit transfer to United States' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit transfer to United States' })
  const certified = dialog.getByLabel('Certified company')
  await expect(certified).toHaveValue('Example CRM, Inc.')
  await certified.fill('')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByText('Name the US company that is certified under the Data Privacy Framework').first()).toBeVisible()
  await expect(certified).toHaveAttribute('aria-invalid', 'true')
  // The form with its error passes axe (WCAG 2.2 A/AA).
  const axe = await new AxeBuilder({ page })
    .include('dialog[open]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  await certified.fill('Example CRM Holdings, Inc.')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden(AFTER_SAVE)
  await expect(transfers.getByRole('row', { name: /United States/ })).toContainText('Certified: Example CRM Holdings, Inc.')
})

test("link the demo's Google Workspace to a catalogue entry and accept its facts: its locations are recorded", async ({ page }) => {
  await page.goto('/processors')
  await page.getByRole('searchbox', { name: 'Search' }).fill('Google Workspace')
  await page.getByRole('table', { name: 'Processors' }).getByRole('link', { name: 'Google Workspace' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Google Workspace' })).toBeVisible()

  const panel = page.getByRole('region', { name: 'Vendor catalogue' })
  await expect(panel).toContainText('Not linked to the vendor catalogue.')
  await panel.getByRole('button', { name: 'Link to catalogue' }).click()
  const dialog = page.getByRole('dialog', { name: 'Link Google Workspace to a catalogue entry' })
  await dialog.getByLabel('Search the catalogue').fill('office')
  await dialog.getByRole('button', { name: 'Link to Example Office' }).click()
  await expect(dialog).toBeHidden()

  const differences = panel.getByRole('table', { name: 'Differences from the catalogue' })
  await expect(differences.getByRole('row', { name: /Legal entity/ })).toContainText('Example Office Ltd')
  await expect(differences.getByRole('row', { name: /Location: United States, Storage/ })).toContainText('Standard contractual clauses (2)')
  // Keep the record's own headquarters (not recorded): untick it, accept the rest.
  await differences.getByRole('checkbox', { name: 'Headquarters' }).uncheck()
  await panel.getByRole('button', { name: 'Accept selected' }).click()

  await expect(differences.getByRole('row')).toHaveCount(2, AFTER_SAVE) // the header and the headquarters left out
  await expect(differences.getByRole('row', { name: /Headquarters/ })).toBeVisible()
  const transfers = page.getByRole('region', { name: 'Transfers and data locations' })
  await expect(transfers.getByRole('row', { name: /Ireland/ })).toBeVisible()
  await expect(transfers.getByRole('row', { name: /United States/ })).toHaveCount(2)
})
