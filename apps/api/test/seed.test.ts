import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../src/db/client'
import { openDatabase } from '../src/db/client'
import { resetDemoData, seedDemoData } from '../src/seed/seed'
import { verifyAuditChain } from '../src/services/audit'
import { count, createTestContext, requireFileOutsideRepo, type JsonBody, type TestContext } from './helpers'

const POLICY_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/reference/tietosuojaseloste.md')

function tableCounts(db: Db) {
  return {
    organisation: count(db, 'SELECT count(*) FROM organisation'),
    processors: count(db, 'SELECT count(*) FROM processors'),
    transfers: count(db, 'SELECT count(*) FROM transfers'),
    dpas: count(db, 'SELECT count(*) FROM dpas'),
    audit: count(db, 'SELECT count(*) FROM audit_events'),
  }
}

let ctx: TestContext
/** Every demo processor in full, by display name. */
let byName: Record<string, JsonBody>

beforeAll(async () => {
  ctx = await createTestContext({ demo: true })
  const list = await ctx.api.get('/api/processors?pageSize=100')
  byName = {}
  for (const item of list.body.items) byName[item.displayName] = (await ctx.api.get(`/api/processors/${item.id}`)).body
})

describe('demo data', () => {
  it('has the ten processors and recipients of the reference policy (the nine it names and the web host of section 3.2)', () => {
    expect(Object.keys(byName).sort()).toEqual(
      [
        'CapsuleCRM Inc',
        'Fennoa Oy',
        'Google Workspace',
        'Perintätoimisto',
        'Plausible',
        'PostHog',
        'Slack',
        'Stripe',
        'Verkkosivuston palveluntarjoaja',
        'Zestia Ltd',
      ].sort(),
    )
  })

  it("has the web host that keeps the visitors' IP logs (3.2) as a processor with no location, no DPA and no name the policy does not give", () => {
    const host = byName['Verkkosivuston palveluntarjoaja']
    expect(host).toMatchObject({ role: 'processor', legalName: null, hqCountry: null, isPublic: false, status: 'active' })
    expect(host.transfers).toEqual([])
    expect(host.dpas).toEqual([])
    // The IP address is "in logs, not combinable with other data": the host keeps it, not the cookieless analytics.
    expect(host.purpose.en).toMatch(/IP addresses/)
    expect(byName['Plausible'].purpose.en).not.toMatch(/IP/)
  })

  it('has the organisation Mikroni Digital with its business ID and privacy contact', async () => {
    const org = (await ctx.api.get('/api/organisation')).body
    expect(org).toMatchObject({
      name: 'Mikroni Digital',
      businessId: '3235836-5',
      privacyContactName: 'Roni Äikäs',
      privacyContactEmail: 'roni@mikroni.fi',
      defaultLanguage: 'fi',
    })
  })

  it('has CapsuleCRM Inc as a sub-processor under Zestia Ltd', () => {
    const capsule = byName['CapsuleCRM Inc']
    const zestia = byName['Zestia Ltd']
    expect(capsule.role).toBe('sub_processor')
    expect(capsule.parent).toEqual({ id: zestia.id, displayName: 'Zestia Ltd', displayNameEn: null })
    expect(zestia.subsidiaries).toEqual([{ id: capsule.id, displayName: 'CapsuleCRM Inc', displayNameEn: null }])
  })

  it('has CapsuleCRM storing data in the United States under the Data Privacy Framework', () => {
    expect(byName['CapsuleCRM Inc'].transfers).toEqual([
      expect.objectContaining({ country: 'US', kind: 'storage', safeguard: 'dpf', outsideEea: true, dpfListingUrl: null }),
    ])
  })

  it('records no other transfer outside the EEA (section 7: "otherwise not")', async () => {
    const outside = (await ctx.api.get('/api/processors?outsideEea=true')).body.items.map((i: { displayName: string }) => i.displayName)
    expect(outside).toEqual(['CapsuleCRM Inc'])
  })

  it('has the debt collection agency as a recipient with its disclosure condition', () => {
    const agency = byName['Perintätoimisto']
    expect(agency.role).toBe('recipient')
    expect(agency.disclosureCondition.fi).toBe('vain jos laskua ei ole maksettu ajallaan')
    expect(agency.disclosureCondition.en).toMatch(/not been paid on time/)
  })

  it('has Stripe as a recipient for payment orders', () => {
    expect(byName['Stripe'].role).toBe('recipient')
    expect(byName['Stripe'].disclosureCondition.fi).toMatch(/maksutoimeksiannon/)
  })

  it('keeps Plausible and the web host (not in section 6 of the policy) out of the public list, and every other one in it', () => {
    expect(byName['Plausible'].isPublic).toBe(false)
    expect(byName['Verkkosivuston palveluntarjoaja'].isPublic).toBe(false)
    const publicOnes = Object.values(byName)
      .filter((p) => p.isPublic)
      .map((p) => p.displayName)
    expect(publicOnes).toHaveLength(8)
    expect(publicOnes).not.toContain('Plausible')
  })

  it('records the signed DPAs that section 6 claims for the processors it lists', () => {
    for (const name of ['Google Workspace', 'Zestia Ltd', 'Fennoa Oy', 'Slack', 'PostHog']) {
      expect(
        byName[name].dpas.map((d: { status: string }) => d.status),
        name,
      ).toEqual(['signed'])
    }
  })

  it('is all active', () => {
    expect(Object.values(byName).every((p) => p.status === 'active')).toBe(true)
  })

  it('was written through the services, with an intact audit trail', () => {
    const report = verifyAuditChain(ctx.db)
    expect(report.intact).toBe(true)
    expect(count(ctx.db, "SELECT count(*) FROM audit_events WHERE entity_type = 'processor' AND action = 'create'")).toBe(10)
    expect(count(ctx.db, "SELECT count(*) FROM audit_events WHERE entity_type = 'organisation' AND action = 'create'")).toBe(1)
  })
})

describe('seeding', () => {
  it('loads the organisation and ten processors into an empty database', () => {
    const db = openDatabase(':memory:')
    expect(seedDemoData(db)).toEqual({ organisation: true, processors: 10 })
    expect(tableCounts(db)).toMatchObject({ organisation: 1, processors: 10, transfers: 1, dpas: 5 })
  })

  it('adds nothing when run a second time', () => {
    const db = openDatabase(':memory:')
    seedDemoData(db)
    const before = tableCounts(db)
    expect(seedDemoData(db)).toEqual({ organisation: false, processors: 0 })
    expect(tableCounts(db)).toEqual(before)
  })

  it('adds no processors to a registry that already has some, and keeps an existing organisation', async () => {
    const own = await createTestContext()
    await own.api.post('/api/processors', { displayName: 'Our Own Oy', role: 'processor' })
    expect(seedDemoData(own.db)).toEqual({ organisation: true, processors: 0 })
    expect(count(own.db, 'SELECT count(*) FROM processors')).toBe(1)
  })

  it('reset deletes every processor, leaves first, and loads the demo data again with the trail intact', async () => {
    const own = await createTestContext({ demo: true })
    await own.api.post('/api/processors', { displayName: 'Extra Oy', role: 'processor' })
    const zestia = (await own.api.get('/api/processors?q=zestia')).body.items[0]
    await own.api.patch(`/api/processors/${zestia.id}`, { displayName: 'Renamed', version: zestia.version })

    expect(resetDemoData(own.db)).toEqual({ organisation: false, processors: 10 })
    const names = (await own.api.get('/api/processors?pageSize=100')).body.items.map((i: { displayName: string }) => i.displayName)
    expect(names).toContain('Zestia Ltd')
    expect(names).not.toContain('Extra Oy')
    expect(names).not.toContain('Renamed')
    expect(names).toHaveLength(10)
    expect(verifyAuditChain(own.db).intact).toBe(true)
  })
})

describe('the reference privacy policy (tietosuojaseloste)', () => {
  it('names in sections 6-7 only processors that the demo data has, with its business ID and contact email', async (test) => {
    requireFileOutsideRepo(POLICY_PATH, test, "the reference company's privacy policy")
    const policy = readFileSync(POLICY_PATH, 'utf8')

    const start = policy.indexOf('## 6.')
    const end = policy.indexOf('## 8.')
    expect(start).toBeGreaterThan(-1)
    expect(end).toBeGreaterThan(start)
    const sections6to7 = policy.slice(start, end).toLowerCase()

    // Each name as the policy writes it, and where the demo data has it.
    const named: [inPolicy: string, demoName: string][] = [
      ['google workspace', 'Google Workspace'],
      ['zestia', 'Zestia Ltd'],
      ['capsulecrm', 'CapsuleCRM Inc'],
      ['fennoa', 'Fennoa Oy'],
      ['perintätoimisto', 'Perintätoimisto'],
      ['slack', 'Slack'],
      ['posthog', 'PostHog'],
      ['stripe', 'Stripe'],
    ]
    for (const [inPolicy, demoName] of named) {
      expect(sections6to7, `the policy's sections 6-7 name ${inPolicy}`).toContain(inPolicy)
      const found = (await ctx.api.get(`/api/processors?q=${encodeURIComponent(inPolicy)}`)).body.items
      expect(
        found.map((i: { displayName: string }) => i.displayName),
        inPolicy,
      ).toContain(demoName)
    }

    const org = (await ctx.api.get('/api/organisation')).body
    const businessId = /Y-tunnus (\d{7}-\d)/.exec(policy)?.[1]
    expect(businessId).toBeDefined()
    expect(org.businessId).toBe(businessId)
    const contact = /Yhteyshenkilö tietosuoja-asioissa: ([^,]+), (\S+@\S+)/.exec(policy)
    expect(contact).not.toBeNull()
    expect(org.privacyContactName).toBe(contact![1]!.trim())
    expect(org.privacyContactEmail).toBe(contact![2]!.trim())
  })
})
