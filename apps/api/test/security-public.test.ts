/**
 * Issue 13: public outputs come from an allow-list of public fields of public records. A processor
 * marked not public is never named, not even as its child's parent (the child shows only its own
 * facts), in any public format or language, in the latest list or any stored version.
 */
import { describe, expect, it } from 'vitest'
import { DpaInput, PUBLIC_PROCESSOR_FIELDS, PUBLIC_TRANSFER_FIELDS, ProcessorInput, TransferInput, canonicalJson } from '@seloste/schema'
import { count, createTestContext, type TestContext } from './helpers'

/** Every public format, latest and versioned. */
function publicUrls(version: number): string[] {
  return [
    '/public/processors',
    '/public/processors.json',
    '/public/processors.md',
    '/public/processors.csv',
    '/public/processors/changes',
    '/public/processors/feed.atom',
    `/public/processors/versions/${version}`,
    `/public/processors/versions/${version}.json`,
    `/public/processors/versions/${version}.md`,
    `/public/processors/versions/${version}.csv`,
  ]
}

async function publishNow(ctx: TestContext) {
  const preview = (await ctx.api.get('/api/public-list/preview')).body
  const res = await ctx.api.post('/api/public-list/publish', {
    confirmUnknownLocations: true,
    basedOnVersion: preview.latest?.version ?? 0,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.version as number
}

/** One marker per internal field: each must never appear in public. */
const PROCESSOR_SECRETS = {
  internalNotes: 'SECRET-NOTE-4f1a',
  dataCategories: ['SECRET-CATEGORY-77c2'],
  dataSubjectCategories: ['SECRET-SUBJECTS-0b9e'],
  dpaUrl: 'https://intranet.example/SECRET-DPA-URL-91d3',
  endDate: '2099-12-31',
}
/** Internal fields whose value is not a distinctive text; what keeps each out is said here. */
const PROCESSOR_NON_TEXT = {
  parentId: 'the parent is named only when it is listed itself: checked through the hidden parent below',
  status: 'shown only as active/upcoming, derived',
  isPublic: 'decides the record, not shown',
}
const TRANSFER_SECRETS = {
  tiaUrl: 'https://intranet.example/SECRET-TIA-5e6f',
  notes: 'SECRET-TRANSFER-NOTE-c3d4',
  dpfVerifiedOn: '2001-02-03',
}
const TRANSFER_NON_TEXT = { tiaStatus: 'an enum; no public format has a TIA column' }
const DPA_SECRETS = {
  reference: 'SECRET-DPA-REF-aa11',
  notRequiredReason: 'SECRET-REASON-bb22',
  documentUrl: 'https://intranet.example/SECRET-DPA-DOC-cc33',
  signedOn: '2002-03-04',
  validUntil: '2098-05-06',
  nextReviewOn: '2097-07-08',
}
const DPA_NON_TEXT = { status: 'only the list-wide "all have a DPA" sentence', checklist: 'booleans' }

const HIDDEN_NAMES = ['Hidden Parent Group SECRET-9a8b', 'Hidden Parent Legal SECRET-7c6d Oy', 'Hidden Sibling SECRET-5e4f']

describe('public outputs from an allow-list', () => {
  it('covers every internal field of processors, transfers and DPAs with a marker or a reason', () => {
    const internal = (shape: Record<string, unknown>, pub: readonly string[]) =>
      Object.keys(shape)
        .filter((k) => !pub.includes(k))
        .sort()
    expect(internal(ProcessorInput.shape, PUBLIC_PROCESSOR_FIELDS)).toEqual(
      Object.keys({ ...PROCESSOR_SECRETS, ...PROCESSOR_NON_TEXT }).sort(),
    )
    expect(internal(TransferInput.shape, PUBLIC_TRANSFER_FIELDS)).toEqual(Object.keys({ ...TRANSFER_SECRETS, ...TRANSFER_NON_TEXT }).sort())
    expect(Object.keys(DpaInput.shape).sort()).toEqual(Object.keys({ ...DPA_SECRETS, ...DPA_NON_TEXT }).sort())
  })

  it('never shows a non-public record or field in any public format or language, nor a hidden parent through its child', async () => {
    const ctx = await createTestContext({ demo: true })
    const hiddenParent = await ctx.api.post('/api/processors', {
      displayName: HIDDEN_NAMES[0],
      legalName: HIDDEN_NAMES[1],
      role: 'processor',
      status: 'active',
      isPublic: false,
    })
    expect(hiddenParent.status).toBe(201)
    await ctx.api.post('/api/processors', {
      displayName: HIDDEN_NAMES[2],
      role: 'processor',
      status: 'active',
      isPublic: false,
      parentId: hiddenParent.body.id,
    })
    const child = await ctx.api.post('/api/processors', {
      displayName: 'Visible Child Oy',
      role: 'sub_processor',
      status: 'active',
      isPublic: true,
      parentId: hiddenParent.body.id,
      ...PROCESSOR_SECRETS,
    })
    expect(child.status, JSON.stringify(child.body)).toBe(201)
    const transfer = await ctx.api.post(`/api/processors/${child.body.id}/transfers`, {
      country: 'US',
      kind: 'storage',
      safeguard: 'scc',
      sccModule: 2,
      tiaStatus: 'done',
      ...TRANSFER_SECRETS,
    })
    expect(transfer.status, JSON.stringify(transfer.body)).toBe(201)
    const dpa = await ctx.api.post(`/api/processors/${child.body.id}/dpas`, { status: 'signed', ...DPA_SECRETS })
    expect(dpa.status, JSON.stringify(dpa.body)).toBe(201)
    const version = await publishNow(ctx)

    const org = (await ctx.api.get('/api/organisation')).body
    const forbidden = [
      ...HIDDEN_NAMES,
      ...Object.values(PROCESSOR_SECRETS).flat(),
      ...Object.values(TRANSFER_SECRETS),
      ...Object.values(DPA_SECRETS),
      // The privacy contact's e-mail is published on purpose, as where a copy of the SCCs can be asked
      // for (Art. 13(1)(b) and (f)); the person's name is not.
      org.privacyContactName,
    ].filter(Boolean) as string[]
    for (const url of publicUrls(version)) {
      for (const lang of ['fi', 'en']) {
        const res = await ctx.anonymous.get(`${url}?lang=${lang}`)
        expect(res.status, `${url}?lang=${lang}`).toBe(200)
        expect(res.text, `${url} shows the child`).toContain('Visible Child Oy')
        for (const secret of forbidden) expect(res.text, `${url}?lang=${lang} shows ${secret}`).not.toContain(secret)
      }
    }
    // The child shows its own facts only: no parent, not even the hidden parent's key.
    const entry = (await ctx.anonymous.get('/public/processors.json?lang=en')).body.entries.find(
      (e: { name: string }) => e.name === 'Visible Child Oy',
    )
    expect(entry.parentName).toBeNull()
    expect(JSON.stringify(entry)).not.toContain(`"parentKey":${hiddenParent.body.id}`)
  })

  it('stops naming a hidden parent stored in a version published before the rule', async () => {
    const ctx = await createTestContext({ demo: true })
    const version = count(ctx.db, 'SELECT max(version) FROM published_versions')
    expect(version).toBeGreaterThan(0)
    const stored = ctx.db.$client.prepare('SELECT content FROM published_versions WHERE version = ?').pluck().get(version) as string
    const content = JSON.parse(stored)
    const entry = content.entries[0]
    // As the old code stored it: the child named a parent that is not on the list.
    entry.parentKey = 999_999
    entry.parentName = HIDDEN_NAMES[0]
    ctx.db.$client
      .prepare('INSERT INTO published_versions (version, date, published_at, content, changes, content_hash) VALUES (?, ?, ?, ?, ?, ?)')
      .run(version + 1, '2026-12-04', new Date().toISOString(), canonicalJson(content), '[]', 'x'.repeat(64))
    for (const url of publicUrls(version + 1)) {
      for (const lang of ['fi', 'en']) {
        const res = await ctx.anonymous.get(`${url}?lang=${lang}`)
        expect(res.status, url).toBe(200)
        expect(res.text, `${url}?lang=${lang}`).not.toContain(HIDDEN_NAMES[0])
      }
    }
  })
})
