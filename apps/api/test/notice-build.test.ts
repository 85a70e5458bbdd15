/**
 * The privacy notice builder on the demo data: each Art. 13/14 item is checked against the records
 * it comes from (read back through the registry's own snapshot), and unknowns stay unknown.
 */
import { describe, expect, it } from 'vitest'
import {
  DATA_SOURCE_LABELS,
  LEGAL_BASIS_LABELS,
  SUPERVISORY_AUTHORITY,
  describeRetention,
  processorName,
  type Language,
  type NoticeDocument,
} from '@seloste/schema'
import { buildNotice, checkNotice } from '../src/notice/build'
import type { NoticeSnapshot } from '../src/notice/snapshot'
import { loadCurrentSnapshot } from '../src/services/as-of'
import { loadNoticeSnapshot } from '../src/services/notice'
import { createTestContext } from './helpers'

const ctx = await createTestContext({ demo: true })
const snapshot = loadNoticeSnapshot(ctx.db)
const registry = loadCurrentSnapshot(ctx.db)
const stamp = { version: 3, date: '2026-12-05' }

/** A section's text: headings, paragraphs and list items, one per line. */
function sectionText(doc: NoticeDocument, id: string): string {
  const section = doc.sections.find((s) => s.id === id)
  if (!section) throw new Error(`no section ${id}`)
  return [
    section.heading,
    ...section.blocks.flatMap((b) =>
      b.kind === 'list' ? b.items : b.kind === 'processor_list' ? [] : b.kind === 'link' ? [`${b.text} ${b.href}`] : [b.text],
    ),
  ].join('\n')
}
const lines = (doc: NoticeDocument, id: string) => sectionText(doc, id).split('\n')
const variant = (change: (s: NoticeSnapshot) => void): NoticeSnapshot => {
  const copy = structuredClone(snapshot)
  change(copy)
  return copy
}
const activity = (s: NoticeSnapshot, fi: string) => s.activities.find((a) => a.name.fi === fi)!

describe.each(['fi', 'en'] as Language[])('the %s notice from the demo records', (lang) => {
  const doc = buildNotice(snapshot, lang, stamp)

  it('names the controller with business ID, address and contact person, and says the DPO is not recorded (not that there is none)', () => {
    const o = registry.organisation!
    const text = sectionText(doc, 'controller')
    for (const fact of [o.name, o.businessId, o.address!, o.privacyContactName!, o.privacyContactEmail!]) expect(text).toContain(fact)
    expect(text).toContain(
      lang === 'fi'
        ? 'Tietosuojavastaavan nimittämisestä ei ole kirjattu tietoa.'
        : 'Whether a data protection officer is appointed is not recorded.',
    )
    expect(text).not.toMatch(lang === 'fi' ? /ei ole tietosuojavastaavaa/ : /has no data protection officer/)
    expect(doc.controller).toEqual({ name: o.name, businessId: o.businessId })
  })

  it('groups the activities by the categories of data subjects they share', () => {
    const headings = doc.sections
      .find((s) => s.id === 'processing')!
      .blocks.filter((b) => b.kind === 'heading')
      .map((b) => (b as { text: string }).text)
    expect(headings).toEqual(
      lang === 'fi'
        ? [
            '2.1. Asiakkaat ja liikekumppanit',
            '2.2. Asiakasprospektit',
            '2.3. Verkkosivuston kävijät',
            '2.4. Uutiskirjeen tilaajat',
            '2.5. Palveluidemme käyttäjät',
          ]
        : [
            '2.1. Customers and business partners',
            '2.2. Prospective customers',
            '2.3. Website visitors',
            '2.4. Newsletter subscribers',
            '2.5. Users of our platforms',
          ],
    )
  })

  it('states every purpose with its own legal basis, the legitimate interest where that is the basis, every data category and every recipient by name', () => {
    const text = lines(doc, 'processing')
    for (const a of registry.activities) {
      for (const p of a.purposes) {
        const item = text.find((l) => l.startsWith(p.description[lang]))
        expect(item, p.description[lang]).toBeDefined()
        if (p.legalBasis) expect(item).toContain(LEGAL_BASIS_LABELS[p.legalBasis][lang])
        else expect(item).toContain(lang === 'fi' ? 'Oikeusperustetta ei ole kirjattu' : 'The legal basis is not recorded')
        if (p.legalBasis === 'f') expect(item).toContain(p.legitimateInterest[lang])
      }
      for (const c of a.dataCategories) expect(text).toContain(c.name[lang])
      for (const p of a.processors) expect(text).toContain(processorName(p, lang))
      for (const r of a.otherRecipients) expect(text.join('\n')).toContain(r.name[lang])
    }
  })

  it('gives each retention period as recorded (5 years after the customer relationship, until unsubscribing, 6 months, the Accounting Act) and an unrecorded one as not recorded', () => {
    const text = sectionText(doc, 'retention')
    for (const a of registry.activities) {
      if (a.retention) expect(text).toContain(`${a.name[lang]}: ${describeRetention(a.retention, lang)}.`)
      else
        expect(text).toContain(
          `${a.name[lang]}: ${lang === 'fi' ? 'säilytysaikaa ei ole kirjattu' : 'the retention period is not recorded'}.`,
        )
      for (const c of a.dataCategories) if (c.retention) expect(text).toContain(describeRetention(c.retention, lang))
    }
    expect(text).toContain(
      lang === 'fi' ? '5 vuotta sen jälkeen, kun asiakassuhde päättyy' : '5 years after the customer relationship ends',
    )
    expect(text).toContain('Kirjanpitolaki 1336/1997, 2 luku 10 §')
  })

  it('lists the sources (the person, the employer, YTJ, Virre, LinkedIn) and says where none are recorded', () => {
    const text = lines(doc, 'sources')
    const customers = text.find((l) => l.startsWith(registry.activities.find((a) => a.name.fi.startsWith('Asiakkaat'))!.name[lang]))!
    for (const word of ['YTJ', 'Virre', 'LinkedIn']) expect(customers).toContain(word)
    expect(customers.toLowerCase()).toContain(DATA_SOURCE_LABELS.employer[lang].toLowerCase())
    expect(text.find((l) => l.startsWith(lang === 'fi' ? 'Kirjanpito' : 'Bookkeeping'))).toMatch(
      lang === 'fi' ? /tietolähteitä ei ole kirjattu/ : /sources are not recorded/,
    )
  })

  it('derives the rights from the bases: restriction always, portability for contract and consent, objection for legitimate interests, withdrawal for consent', () => {
    const text = lines(doc, 'rights')
    const right = (re: RegExp) => text.find((l) => re.test(l)) ?? ''
    expect(right(/\(18 artikla\)|\(Article 18\)/)).not.toBe('')
    const customers = lang === 'fi' ? 'Asiakkaat ja liikekumppanit' : 'Customers and business partners'
    const prospects = lang === 'fi' ? 'Asiakasprospektit' : 'Prospective customers'
    const newsletter = lang === 'fi' ? 'Uutiskirjeen tilaajat' : 'Newsletter subscribers'
    const visitors = lang === 'fi' ? 'Verkkosivuston kävijät' : 'Website visitors'
    const portability = right(/\(20 artikla\)|\(Article 20\)/)
    expect(portability).toContain(customers)
    expect(portability).toContain(newsletter)
    expect(portability).not.toContain(visitors)
    const objection = right(/21 artiklan 1 kohta|Article 21\(1\)/)
    expect(objection).toContain(visitors)
    expect(objection).toContain(prospects)
    expect(objection).not.toContain(newsletter)
    const withdrawal = right(/7 artiklan 3 kohta|Article 7\(3\)/)
    expect(withdrawal).toContain(newsletter)
    expect(withdrawal).not.toContain(customers)
  })

  it('names the complaint authority with its contact details and their source', () => {
    const text = sectionText(doc, 'rights')
    const a = SUPERVISORY_AUTHORITY
    for (const fact of [a.name[lang], a.email, a.phone, a.postalAddress[lang], a.visitingAddress[lang], a.source])
      expect(text).toContain(fact)
    expect(text).toContain('Tietosuojavaltuutetun toimisto')
  })

  it('says there are no automated decisions only because every activity records none, and dates the version', () => {
    expect(sectionText(doc, 'automated')).toContain(
      lang === 'fi'
        ? 'Tietoja ei käytetä automaattiseen päätöksentekoon eikä profilointiin.'
        : 'The data is not used for automated decision-making or profiling.',
    )
    expect(sectionText(doc, 'basics')).toContain(
      lang === 'fi' ? 'Päivitetty 5.12.2026 (versio 3).' : 'Updated 5 December 2026 (version 3).',
    )
    expect(doc.date).toBe('2026-12-05')
  })

  it('states cookies and tracking per purpose, the bundled newsletter tracking as bundled, and unassessed ones as not assessed', () => {
    const text = sectionText(doc, 'cookies')
    expect(text).toContain(lang === 'fi' ? 'Välttämättömät evästeet' : 'Strictly necessary cookies')
    expect(text).toContain(lang === 'fi' ? 'seuranta sisältyy palvelun tilaukseen' : 'the tracking is part of the subscription')
    expect(text).toContain(lang === 'fi' ? 'ei ole arvioitu' : 'has not been assessed')
    expect(text).not.toMatch(lang === 'fi' ? /Emme käytä evästeitä/ : /We use no cookies/)
  })

  it('is the published processor list for its recipients and transfers, once', () => {
    const blocks = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'processor_list')
    expect(blocks).toEqual([{ kind: 'processor_list', version: snapshot.processorList!.version, date: snapshot.processorList!.date }])
  })

  it('carries the owner-written blocks in this language', () => {
    expect(sectionText(doc, 'basics')).toContain(snapshot.texts.summary[lang].split('\n')[0]!)
    expect(sectionText(doc, 'security')).toContain(snapshot.texts.security[lang].split('\n')[0]!)
    expect(sectionText(doc, 'rights')).toContain(snapshot.texts.exercisingRights[lang])
  })
})

describe('unknowns in the notice', () => {
  it('says an unassessed activity is not assessed, and no longer claims no automated decisions at all', () => {
    const s = variant((v) => {
      activity(v, 'Verkkosivuston kävijät').profiling = null
    })
    const text = sectionText(buildNotice(s, 'fi'), 'automated')
    expect(text).not.toContain('Tietoja ei käytetä automaattiseen päätöksentekoon eikä profilointiin.')
    expect(text).toContain('ei ole arvioitu seuraavissa käsittelyissä: Verkkosivuston kävijät')
    expect(checkNotice(s).filter((p) => p.code === 'activity_profiling')).toHaveLength(1)
  })

  it('says when no processors are recorded for an activity instead of claiming none', () => {
    const s = variant((v) => {
      const a = activity(v, 'Uutiskirjeen tilaajat')
      a.otherRecipients = []
    })
    expect(sectionText(buildNotice(s, 'en'), 'processing')).toContain('No processors or other recipients are recorded for this processing.')
  })

  it('marks a draft as a draft', () => {
    expect(sectionText(buildNotice(snapshot, 'en'), 'basics')).toContain('Draft: this version has not been published.')
  })
})

describe('completeness checks', () => {
  it("find exactly the demo records' gaps, each linked to its record", () => {
    const blocking = checkNotice(snapshot).filter((p) => p.severity === 'blocking')
    const platforms = activity(snapshot, 'Palveluidemme tunnistautuminen ja tuoteanalytiikka')
    const bookkeeping = activity(snapshot, 'Kirjanpito')
    // The policy gives the prospects no retention period (section 4 names customers only).
    const prospects = activity(snapshot, 'Asiakasprospektit')
    expect(blocking.map((p) => [p.code, p.link.kind, p.link.id, p.field])).toEqual([
      ['dpo_unrecorded', 'organisation', null, 'dpoAppointed'],
      ['joint_controllers_unrecorded', 'organisation', null, 'hasJointControllers'],
      ['activity_retention', 'activity', prospects.id, 'retention'],
      ['activity_sources', 'activity', bookkeeping.id, 'sources'],
      ['purpose_basis', 'activity', platforms.id, 'purposes.0.legalBasis'],
      ['purpose_basis', 'activity', platforms.id, 'purposes.1.legalBasis'],
      ['activity_retention', 'activity', platforms.id, 'retention'],
    ])
    for (const p of blocking) expect(p.message.fi && p.message.en).toBeTruthy()
  })

  it('block a legitimate interest not named, a missing retention, unwritten texts and an outdated processor list, and clear once fixed', () => {
    const broken = variant((v) => {
      const visitors = activity(v, 'Verkkosivuston kävijät')
      visitors.purposes[0]!.legitimateInterest = { fi: '', en: '' }
      visitors.retention = null
      v.texts.security = { fi: 'Palomuurit', en: '' }
      v.processorListCurrent = false
    })
    const codes = checkNotice(broken).map((p) => p.code)
    for (const code of ['purpose_interest', 'activity_retention', 'text_security', 'processor_list_outdated']) expect(codes).toContain(code)
    expect(sectionText(buildNotice(broken, 'fi'), 'processing')).toContain('oikeutettua etua ei ole nimetty')

    const fixed = variant((v) => {
      Object.assign(v.organisation!, { dpoAppointed: false, hasJointControllers: false })
      const platforms = activity(v, 'Palveluidemme tunnistautuminen ja tuoteanalytiikka')
      platforms.purposes.forEach((p) => (p.legalBasis = 'a'))
      platforms.purposes.forEach((p) => (p.consentWithdrawal = { fi: 'Asetuksista', en: 'In the settings' }))
      platforms.retention = { kind: 'duration', amount: 1, unit: 'years', minimum: false, event: { fi: '', en: '' }, legalReference: null }
      activity(v, 'Kirjanpito').sources = ['data_subject']
      activity(v, 'Asiakasprospektit').retention = {
        kind: 'duration',
        amount: 2,
        unit: 'years',
        minimum: false,
        event: { fi: '', en: '' },
        legalReference: null,
      }
    })
    expect(checkNotice(fixed).filter((p) => p.severity === 'blocking')).toEqual([])
    expect(sectionText(buildNotice(fixed, 'fi'), 'controller')).toContain('Rekisterinpitäjällä ei ole tietosuojavastaavaa.')
  })
})
