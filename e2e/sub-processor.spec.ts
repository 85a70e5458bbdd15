import { createProcessor, expect, test } from './fixtures'

/*
 * Issue 11: no false positives. A sub-processor whose terms come through its parent's agreement shows
 * no red "No DPA" badge anywhere: not in the processors table, not on its page, not in the findings.
 * One with no parent recorded does need its own, and says so.
 */
test('a sub-processor covered by its parent shows the parent’s DPA, never “No DPA”; one with no parent shows “No DPA”', async ({
  page,
  api,
  uniqueName,
}) => {
  const parent = await createProcessor(api, { displayName: uniqueName('Parent group'), status: 'active' })
  const covered = await createProcessor(api, {
    displayName: uniqueName('Covered sub'),
    role: 'sub_processor',
    parentId: parent.id,
    status: 'active',
  })
  const orphan = await createProcessor(api, { displayName: uniqueName('Orphan sub'), role: 'sub_processor', status: 'active' })

  await page.goto(`/processors?q=${encodeURIComponent(covered.displayName)}`)
  const row = page.getByRole('row', { name: new RegExp(covered.displayName) })
  await expect(row).toContainText("Parent's DPA")
  await expect(row).not.toContainText('No DPA')

  await page.goto(`/processors?q=${encodeURIComponent(orphan.displayName)}`)
  await expect(page.getByRole('row', { name: new RegExp(orphan.displayName) })).toContainText('No DPA')

  await page.goto(`/processors/${covered.id}`)
  await expect(page.getByRole('heading', { level: 1, name: covered.displayName })).toBeVisible()
  await expect(page.getByText(parent.displayName).first()).toBeVisible()
  await expect(page.getByText('No DPA', { exact: true })).toHaveCount(0)

  const findings = (await (await api.get('/api/findings?checkId=dpa-missing')).json()) as { open: { entity: { id: number } }[] }
  const ids = findings.open.map((f) => f.entity.id)
  expect(ids).toContain(orphan.id)
  expect(ids).not.toContain(covered.id)
})
