import { countryName, versionInLanguage, type Language, type PublishedVersion } from '@seloste/schema'
import { Feed } from 'feed'
import { neutraliseFormulas, toCsv } from '../lib/csv'
import { changeText, esc, publicLinks } from './render-html'
import {
  agreementsSentence,
  UNKNOWN_TEXTS,
  isChapterV,
  isUpcoming,
  kindText,
  otherTransfersSentence,
  pick,
  safeguardStatement,
  T,
} from './texts'

/** The list as JSON in one language: the public fields and the basis statements, as on the page. */
export function renderJson(given: PublishedVersion, lang: Language, today: string): string {
  const version = versionInLanguage(given, lang)
  return JSON.stringify(
    {
      version: version.version,
      date: version.date,
      publishedAt: version.publishedAt,
      language: lang,
      controller: version.content.controller,
      entries: version.content.entries.map((e) => ({
        name: e.name,
        legalName: e.legalName,
        role: e.role,
        parentName: e.parentName,
        service: pick(e.service, lang),
        purpose: pick(e.purpose, lang),
        disclosureCondition: pick(e.disclosureCondition, lang) || null,
        websiteUrl: e.websiteUrl,
        privacyPolicyUrl: e.privacyPolicyUrl,
        hqCountry: e.hqCountry,
        // Role international_organisation only: which one (null: not recorded).
        ...(e.role === 'international_organisation' && { internationalOrganisation: e.internationalOrganisation?.[lang] ?? null }),
        status: isUpcoming(e, today) ? 'upcoming' : 'active',
        effectiveDate: e.effectiveDate,
        addedOn: e.addedOn,
        // Unknown is not none: an empty list of locations means nothing is recorded, not "inside the EEA".
        locationRecorded: e.locations.length > 0,
        locations: e.locations.map((l) => ({
          country: l.country,
          countryName: countryName(l.country, lang),
          outsideEea: l.outsideEea,
          kind: l.kind,
          safeguard: l.safeguard,
          adequacyDecision: l.adequacyDecision,
          dpfListingUrl: l.dpfListingUrl,
          certifiedEntity: l.certifiedEntity ?? null,
          sccModule: l.sccModule,
          derogation: l.derogation,
          internationalOrganisation: l.internationalOrganisation?.[lang] ?? null,
          basis: isChapterV(l, e) ? safeguardStatement(e, l, lang, version.content.safeguardCopyContact).text : null,
        })),
      })),
      statements: {
        agreements: agreementsSentence(version.content, lang),
        transfers: otherTransfersSentence(
          version.content,
          lang,
          version.content.entries.some((e) => e.locations.some((l) => l.outsideEea)),
        ),
      },
      changes: version.changes,
      links: publicLinks(lang, version.version),
    },
    null,
    2,
  )
}

/** A spreadsheet can run a cell that starts with = + - @ as a formula: such text (and such a line of it) is prefixed with '. */
export function safeCell(value: string | number | boolean | null): string {
  return value === null ? '' : neutraliseFormulas(String(value))
}

/** One row per entry and location (an entry with no recorded location has one row). */
export function renderCsv(given: PublishedVersion, lang: Language, today: string): string {
  const version = versionInLanguage(given, lang)
  // location_recorded last: a row with an empty country is "not recorded", which a blank alone would not say.
  const header = [
    'name',
    'legal_name',
    'role',
    'parent',
    'service',
    'purpose',
    'disclosure_condition',
    'status',
    'effective_date',
    'added_on',
    'country',
    'country_name',
    'outside_eea',
    'kind',
    'safeguard',
    'basis',
    'location_recorded',
  ]
  const rows: (string | number | boolean | null)[][] = []
  for (const e of version.content.entries) {
    const common = [
      e.name,
      e.legalName,
      e.role,
      e.parentName,
      pick(e.service, lang),
      pick(e.purpose, lang),
      pick(e.disclosureCondition, lang),
      isUpcoming(e, today) ? 'upcoming' : 'active',
      e.effectiveDate,
      e.addedOn,
    ]
    if (e.locations.length === 0) rows.push([...common, null, null, null, null, null, UNKNOWN_TEXTS[lang].locationNotRecorded, false])
    for (const l of e.locations) {
      rows.push([
        ...common,
        l.country,
        countryName(l.country, lang),
        l.outsideEea,
        kindText(l.kind, lang),
        l.safeguard,
        isChapterV(l, e) ? safeguardStatement(e, l, lang, version.content.safeguardCopyContact).text : null,
        true,
      ])
    }
  }
  // With a byte order mark: people open this file in Excel, which reads UTF-8 without one as a legacy code page.
  return toCsv([header, ...rows], { bom: true })
}

/** An Atom feed with one entry per published version, its changes in the entry. */
export function renderAtom(versions: readonly PublishedVersion[], lang: Language, origin: string): string {
  const t = T[lang]
  const latest = versions[0]
  const controller = latest?.content.controller.name ?? ''
  const feed = new Feed({
    title: `${t.title} – ${controller}`,
    id: `${origin}/public/processors?lang=${lang}`,
    link: `${origin}/public/processors?lang=${lang}`,
    language: lang,
    updated: latest ? new Date(latest.publishedAt) : new Date(0),
    copyright: controller,
    // RFC 4287 wants an author on the feed (or on every entry): the controller, who publishes the list.
    author: { name: controller || 'Seloste', link: `${origin}/public/processors?lang=${lang}` },
    feedLinks: { atom: `${origin}/public/processors/feed.atom?lang=${lang}` },
  })
  for (const v of versions) {
    // Every line is escaped: feed readers render the summary and content as HTML.
    const lines = (v.changes.length ? v.changes.map((c) => changeText(c, lang)) : [t.firstVersion]).map(esc)
    feed.addItem({
      title: `${t.version} ${v.version} (${v.date})`,
      id: `${origin}/public/processors/versions/${v.version}`,
      link: `${origin}${publicLinks(lang, v.version).page}`,
      date: new Date(v.publishedAt),
      description: lines.join('; '),
      content: `<ul>${lines.map((l) => `<li>${l}</li>`).join('')}</ul>`,
    })
  }
  return feed.atom1()
}
