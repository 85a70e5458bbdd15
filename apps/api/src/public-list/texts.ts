import {
  countryName,
  entriesWithoutLocation,
  GLOSSARY,
  statementHolds,
  type Language,
  type PublicEntry,
  type PublicLocation,
  type PublishedVersion,
  type TransferKind,
} from '@seloste/schema'

/** Dates as the language writes them: 27.6.2025 / 27 June 2025. */
/** Made once: building an Intl formatter costs far more than using one (the findings format thousands of dates). */
const EN_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

export function formatDate(iso: string, lang: Language): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  if (lang === 'fi') return `${d}.${m}.${y}`
  return EN_DATE.format(Date.UTC(y, m - 1, d))
}

const KIND: Record<TransferKind, Record<Language, string>> = {
  storage: { fi: 'tietojen säilytys', en: 'storage' },
  processing: { fi: 'tietojen käsittely', en: 'processing' },
  remote_access: { fi: 'etäkäyttö', en: 'remote access' },
  support: { fi: 'tukipalvelut', en: 'support' },
}

const DEROGATION: Record<string, Record<Language, string>> = {
  a: { fi: 'rekisteröidyn nimenomainen suostumus', en: "the data subject's explicit consent" },
  b: { fi: 'rekisteröidyn kanssa tehdyn sopimuksen täytäntöönpano', en: 'performance of a contract with the data subject' },
  c: { fi: 'rekisteröidyn edun mukaisen sopimuksen täytäntöönpano', en: 'a contract concluded in the interest of the data subject' },
  d: { fi: 'tärkeä yleinen etu', en: 'important reasons of public interest' },
  e: { fi: 'oikeusvaateen laatiminen, esittäminen tai puolustaminen', en: 'the establishment, exercise or defence of legal claims' },
  f: { fi: 'rekisteröidyn tai muiden henkilöiden elintärkeät edut', en: 'the vital interests of the data subject or of other persons' },
  g: { fi: 'julkinen rekisteri', en: 'a public register' },
  compelling_interests: { fi: 'rekisterinpitäjän pakottava oikeutettu etu', en: 'compelling legitimate interests of the controller' },
}

export const T = {
  fi: {
    title: 'Henkilötietojen käsittelijät ja tietojen siirrot',
    processorsHeading: '6. Henkilötietojen käsittelijät',
    processorsIntro: 'Käytämme toimintamme mahdollistamiseen ulkopuolisia palveluita, jotka saattavat käsitellä henkilötietojasi lukuumme:',
    noProcessors: 'Emme käytä ulkopuolisia henkilötietojen käsittelijöitä.',
    use: (purpose: string) => `Käytämme palvelua ${purpose}.`,
    parent: (name: string) => `Emoyhtiö: ${name}.`,
    subProcessor: GLOSSARY.subProcessor.fi,
    upcoming: (date: string) => `Otetaan käyttöön ${date} alkaen.`,
    locations: (list: string) => `Tietojen sijainti: ${list}.`,
    agreements:
      'Kaikkien käsittelijöidemme kanssa on tehty henkilötietojen käsittelysopimukset, jotka varmistavat tietosuojalainsäädännön noudattamisen.',
    transfersHeading: '7. Tietojen siirto ETA-alueen ulkopuolelle tai kolmansille osapuolille',
    transfersSub: 'Siirrot ETA-alueen ulkopuolelle',
    noTransfers: 'Emme siirrä henkilötietojasi Euroopan talousalueen (ETA) ulkopuolelle.',
    otherwiseNoTransfers: 'Tätä lukuun ottamatta emme siirrä henkilötietojasi ETA-alueen ulkopuolelle.',
    disclosuresSub: 'Luovutukset kolmansille osapuolille',
    disclosuresIntro:
      'Emme myy henkilötietojasi emmekä luovuta niitä kaupallisiin tarkoituksiin. Luovutamme henkilötietojasi kolmansille osapuolille ainoastaan seuraavissa tilanteissa:',
    authorities: 'Viranomaiset: mikäli laki tai viranomainen niin vaatii.',
    updated: 'Päivitetty',
    version: 'Versio',
    addedOn: 'Lisätty',
    otherFormats: 'Muut muodot',
    changesTitle: 'Muutoshistoria',
    superseded: (version: number, date: string, newer: number) =>
      `Tämä on luettelon vanha versio ${version} (${date}). Sen on korvannut versio ${newer}.`,
    readCurrent: 'Lue voimassa oleva luettelo',
    added: 'Lisätty',
    removed: 'Poistettu',
    changed: 'Muutettu',
    noChanges: 'Ensimmäinen julkaistu versio.',
    firstVersion: 'Ensimmäinen julkaistu versio.',
    controller: 'Rekisterinpitäjä',
    noVersion: 'Käsittelijäluetteloa ei ole vielä julkaistu.',
    language: 'In English',
    versions: 'Aiemmat versiot',
    subscribeLabel: 'Saat ilmoituksen sähköpostiisi, kun luettelo muuttuu:',
    subscribeButton: 'Tilaa ilmoitukset',
    checkMail: 'Tarkista sähköpostisi',
    checkMailText: 'Lähetimme vahvistuslinkin antamaasi osoitteeseen (jos sitä ei ole jo tilattu). Tilaus alkaa, kun avaat linkin.',
    confirmed: 'Tilaus vahvistettu',
    confirmedText: 'Saat jatkossa ilmoituksen, kun käsittelijäluettelo päivittyy. Jokaisessa viestissä on linkki tilauksen perumiseen.',
    unsubscribeHeading: 'Peru ilmoitukset',
    unsubscribeText: 'Haluatko lopettaa käsittelijäluettelon muutosilmoitukset? Osoitteesi poistetaan.',
    unsubscribeButton: 'Peru ilmoitukset',
    unsubscribed: 'Ilmoitukset peruttu',
    unsubscribedText: 'Osoitteesi on poistettu, emmekä lähetä sinne enää ilmoituksia.',
    badLink: 'Linkki ei kelpaa',
    badLinkText: 'Linkki on vanhentunut tai jo käytetty.',
    badEmail: 'Tarkista sähköpostiosoite.',
    fields: {
      name: 'nimi',
      nameEn: 'nimi englanniksi',
      legalName: 'yhtiö',
      role: 'rooli',
      parentName: 'emoyhtiö',
      parentNameEn: 'emoyhtiö englanniksi',
      service: 'palvelu',
      purpose: 'käyttötarkoitus',
      disclosureCondition: 'luovutuksen edellytys',
      websiteUrl: 'verkkosivu',
      privacyPolicyUrl: 'tietosuojaseloste',
      hqCountry: 'kotimaa',
      effectiveDate: 'käyttöönottopäivä',
      locations: 'tietojen sijainti ja siirtoperusteet',
    } as Record<string, string>,
  },
  en: {
    title: 'Processors and transfers of personal data',
    processorsHeading: '6. Processors of personal data',
    processorsIntro: 'To run our business we use external services that may process your personal data on our behalf:',
    noProcessors: 'We use no external processors of personal data.',
    use: (purpose: string) => `We use it for ${purpose}.`,
    parent: (name: string) => `Parent company: ${name}.`,
    subProcessor: GLOSSARY.subProcessor.en,
    upcoming: (date: string) => `In use from ${date}.`,
    locations: (list: string) => `Where the data is: ${list}.`,
    agreements: 'We have data processing agreements with all our processors that ensure compliance with data protection law.',
    transfersHeading: '7. Transfers outside the EEA and to third parties',
    transfersSub: 'Transfers outside the EEA',
    noTransfers: 'We do not transfer your personal data outside the European Economic Area (EEA).',
    otherwiseNoTransfers: 'Apart from these, we do not transfer your personal data outside the EEA.',
    disclosuresSub: 'Disclosures to third parties',
    disclosuresIntro:
      'We do not sell your personal data or disclose it for commercial purposes. We disclose personal data to third parties only in the following cases:',
    authorities: 'Authorities: when the law or an authority requires it.',
    updated: 'Updated',
    version: 'Version',
    addedOn: 'Added',
    otherFormats: 'Other formats',
    changesTitle: 'Change history',
    superseded: (version: number, date: string, newer: number) =>
      `This is an old version of the list: version ${version} of ${date}. It has been superseded by version ${newer}.`,
    readCurrent: 'Read the current list',
    added: 'Added',
    removed: 'Removed',
    changed: 'Changed',
    noChanges: 'The first published version.',
    firstVersion: 'The first published version.',
    controller: 'Controller',
    noVersion: 'The processor list has not been published yet.',
    language: 'Suomeksi',
    versions: 'Earlier versions',
    subscribeLabel: 'Get an email when the list changes:',
    subscribeButton: 'Subscribe',
    checkMail: 'Check your email',
    checkMailText:
      'We sent a confirmation link to the address you gave (unless it is already subscribed). The subscription starts when you open the link.',
    confirmed: 'Subscription confirmed',
    confirmedText: 'You will get a notice whenever the processor list is updated. Every message has a link to unsubscribe.',
    unsubscribeHeading: 'Unsubscribe',
    unsubscribeText: 'Stop the notices of changes to the processor list? Your address will be deleted.',
    unsubscribeButton: 'Unsubscribe',
    unsubscribed: 'Unsubscribed',
    unsubscribedText: 'Your address has been deleted and gets no more notices.',
    badLink: 'This link does not work',
    badLinkText: 'The link has expired or has already been used.',
    badEmail: 'Check the email address.',
    fields: {
      name: 'name',
      nameEn: 'name in English',
      legalName: 'legal entity',
      role: 'role',
      parentName: 'parent company',
      parentNameEn: 'parent company in English',
      service: 'service',
      purpose: 'purpose',
      disclosureCondition: 'condition of disclosure',
      websiteUrl: 'website',
      privacyPolicyUrl: 'privacy policy',
      hqCountry: 'home country',
      effectiveDate: 'start date',
      locations: 'locations and transfer bases',
    } as Record<string, string>,
  },
} as const

export function kindText(kind: TransferKind, lang: Language): string {
  return KIND[kind][lang]
}

/**
 * Art. 13(1)(f)/14(1)(f): for a transfer on Art. 46 or 47 safeguards the notice says how to obtain a
 * copy of them. The contact is the organisation's recorded privacy contact at publication; `null`
 * when none is recorded (the sentence says so), `undefined` in versions published before the
 * sentence existed (nothing is added to what was published then).
 */
export function copyOfSafeguardsText(contact: string | null | undefined, lang: Language): string {
  if (contact === undefined) return ''
  if (lang === 'fi')
    return contact
      ? ` Jäljennöksen niistä voi pyytää osoitteesta ${contact}.`
      : ' Jäljennöksen niistä voi pyytää rekisterinpitäjältä; yhteystietoa pyyntöjä varten ei ole kirjattu.'
  return contact
    ? ` A copy can be requested from ${contact}.`
    : ' A copy can be requested from the controller; no contact for such requests is recorded.'
}

/**
 * The statement of the basis on which data goes to a third country, as the policy would write it.
 * A DPF statement names the certified legal entity the transfer records (the framework certifies a US
 * legal entity, usually not the contracting one: Google LLC, not Google Cloud EMEA Ltd), never the
 * display name nor the processor's legal name in its place; where none is recorded it says so.
 */
export function safeguardStatement(
  entry: { role?: PublicEntry['role'] },
  l: PublicLocation,
  lang: Language,
  copyContact?: string | null,
): { text: string; link: string | null } {
  const fi = lang === 'fi'
  const copy = copyOfSafeguardsText(copyContact, lang)
  switch (l.safeguard) {
    case 'dpf': {
      const entity = l.certifiedEntity ?? null
      const certified = entity
        ? fi
          ? `${entity} on Data Privacy Framework -sertifioitu yhtiö, minkä voi tarkistaa Yhdysvaltain kauppaministeriön ylläpitämästä verkkopalvelusta`
          : `${entity} is certified under the Data Privacy Framework, which can be checked in the US Department of Commerce's register`
        : fi
          ? 'Sertifioidun yhtiön virallista nimeä ei ole kirjattu; sertifioinnin voi tarkistaa Yhdysvaltain kauppaministeriön ylläpitämästä verkkopalvelusta'
          : "The legal name of the certified company is not recorded; the certification can be checked in the US Department of Commerce's register"
      return {
        text: fi
          ? `Siirtoperuste on Euroopan komission päätös riittävästä tietosuojan tasosta. Siirrossa noudatetaan EU:n ja Yhdysvaltojen välistä tietosuojakehystä (Data Privacy Framework). ${certified}`
          : `The transfer is based on the European Commission's adequacy decision under the EU-US Data Privacy Framework. ${certified}`,
        link: l.dpfListingUrl,
      }
    }
    case 'adequacy': {
      const io = l.internationalOrganisation
        ? fi
          ? `Vastaanottaja on kansainvälinen järjestö (${l.internationalOrganisation.fi}). `
          : `The recipient is an international organisation (${l.internationalOrganisation.en}). `
        : entry.role === 'international_organisation'
          ? `${organisationText({ role: 'international_organisation' }, lang)}. `
          : ''
      // Cited by its number; where no number is recorded (the EPO decision), by its date, never by a guess.
      const dated = !l.adequacyDecision && l.adequacyAdoptedOn ? formatDate(l.adequacyAdoptedOn, lang) : null
      return {
        text: fi
          ? dated
            ? `${io}Siirtoperuste on Euroopan komission ${dated} tekemä päätös riittävästä tietosuojan tasosta.`
            : `${io}Siirtoperuste on Euroopan komission päätös${l.adequacyDecision ? ` ${l.adequacyDecision}` : ''} riittävästä tietosuojan tasosta.`
          : dated
            ? `${io}The transfer is based on the European Commission's adequacy decision of ${dated}.`
            : `${io}The transfer is based on the European Commission's adequacy decision${l.adequacyDecision ? ` ${l.adequacyDecision}` : ''}.`,
        link: null,
      }
    }
    case 'scc':
      return {
        text: fi
          ? `Siirto perustuu vakiosopimuslausekkeisiin, jotka Euroopan komissio on hyväksynyt täytäntöönpanopäätöksellä (EU) 2021/914${l.sccModule ? `; moduuli ${l.sccModule}` : ''}.${copy}`
          : `The transfer is based on the standard contractual clauses adopted by the European Commission in Implementing Decision (EU) 2021/914${l.sccModule ? `; module ${l.sccModule}` : ''}.${copy}`,
        link: null,
      }
    case 'bcr':
      return {
        text: fi
          ? `Siirto perustuu yritystä koskeviin sitoviin sääntöihin (tietosuoja-asetuksen 47 artikla).${copy}`
          : `The transfer is based on binding corporate rules (GDPR Article 47).${copy}`,
        link: null,
      }
    case 'other_art46':
      return {
        text: fi
          ? `Siirto perustuu tietosuoja-asetuksen 46 artiklan mukaiseen suojatoimeen${l.otherSafeguard ? `: ${l.otherSafeguard}` : ''}.${copy}`
          : `The transfer is based on an appropriate safeguard under GDPR Article 46${l.otherSafeguard ? `: ${l.otherSafeguard}` : ''}.${copy}`,
        link: null,
      }
    case 'derogation_art49': {
      const meaning = l.derogation ? DEROGATION[l.derogation]![lang] : ''
      return {
        text: fi
          ? `Siirto perustuu tietosuoja-asetuksen 49 artiklan mukaiseen poikkeukseen${meaning ? ` (${meaning})` : ''}.`
          : `The transfer relies on a derogation under GDPR Article 49${meaning ? ` (${meaning})` : ''}.`,
        link: null,
      }
    }
    case 'unknown':
    case 'none_needed':
      return { text: fi ? 'Siirtoperustetta ei ole vielä kirjattu.' : 'The basis of the transfer has not been recorded yet.', link: null }
  }
}

/** A location the transfers section lists: outside the EEA, or at an international organisation (Chapter V either way). */
export function isChapterV(l: PublicLocation, entry?: Pick<PublicEntry, 'role'>): boolean {
  return l.outsideEea || !!l.internationalOrganisation || entry?.role === 'international_organisation'
}

/**
 * Which international organisation a recipient of that role is (Art. 30(1)(e), Art. 13(1)(e)), as a
 * sentence fragment: "The recipient is an international organisation (X)", or says that which one is
 * not recorded. Empty for every other role.
 */
export function organisationText(entry: Pick<PublicEntry, 'role' | 'internationalOrganisation'>, lang: Language): string {
  if (entry.role !== 'international_organisation') return ''
  const name = entry.internationalOrganisation?.[lang]
  if (lang === 'fi')
    return name
      ? `Vastaanottaja on kansainvälinen järjestö (${name})`
      : 'Vastaanottaja on kansainvälinen järjestö; mikä järjestö, ei ole kirjattu'
  return name
    ? `The recipient is an international organisation (${name})`
    : 'The recipient is an international organisation; which one is not recorded'
}

export function countryList(entry: PublicEntry, lang: Language, outsideEea: boolean): string[] {
  return [...new Set(entry.locations.filter((l) => l.outsideEea === outsideEea).map((l) => countryName(l.country, lang)))]
}

/** Text with a fallback to the other language where a translation is missing. */
export function pick(text: { fi: string; en: string }, lang: Language): string {
  return text[lang] || text[lang === 'fi' ? 'en' : 'fi']
}

/** Entries grouped as the policy presents them: processors with their sub-processors, and recipients. */
export function groupEntries(entries: readonly PublicEntry[]) {
  const isRecipient = (e: PublicEntry) =>
    e.role === 'recipient' || e.role === 'independent_controller' || e.role === 'international_organisation'
  const keys = new Set(entries.map((e) => e.key))
  const processorsList = entries.filter((e) => !isRecipient(e))
  const topLevel = processorsList.filter(
    (e) => e.parentKey === null || !keys.has(e.parentKey) || isRecipient(entries.find((p) => p.key === e.parentKey)!),
  )
  const childrenOf = (key: number) => processorsList.filter((e) => e.parentKey === key)
  return {
    processors: topLevel.map((e) => ({ entry: e, children: childrenOf(e.key) })),
    recipients: entries.filter(isRecipient),
    transfers: entries.flatMap((e) => e.locations.filter((l) => isChapterV(l, e)).map((l) => ({ entry: e, location: l }))),
  }
}

export function isUpcoming(entry: PublicEntry, today: string): boolean {
  return entry.effectiveDate !== null && entry.effectiveDate > today
}

/**
 * What the list says where the records are incomplete. Unknown is a state of its own: an entry with
 * no recorded location is never shown as inside the EEA, and the list never says "no other transfers"
 * while any location is unknown.
 */
export const UNKNOWN_TEXTS = {
  fi: {
    locationNotRecorded: 'Tietojen sijaintia ei ole kirjattu.',
    locationsNotRecorded: (list: string) =>
      `Seuraavien palveluiden tietojen sijaintia ei ole kirjattu, joten emme voi tässä kertoa, siirtyvätkö niiden käsittelemät tiedot ETA-alueen ulkopuolelle: ${list}.`,
    someAgreements: (list: string) => `Henkilötietojen käsittelysopimus on tehty seuraavien käsittelijöiden kanssa: ${list}.`,
    statements: {
      all_processors_dpa: 'lause ”käsittelysopimukset kaikkien käsittelijöiden kanssa”',
      no_other_transfers: 'lause ”emme siirrä tietoja muuten ETA-alueen ulkopuolelle”',
    } as Record<string, string>,
    statementAdded: 'Lisätty',
    statementRemoved: 'Poistettu',
    locationRecorded: 'sijainti kirjattu',
  },
  en: {
    locationNotRecorded: 'Where the data is has not been recorded.',
    locationsNotRecorded: (list: string) =>
      `Where the following services keep the data has not been recorded, so we cannot say here whether the data they process leaves the EEA: ${list}.`,
    someAgreements: (list: string) => `We have data processing agreements with the following processors: ${list}.`,
    statements: {
      all_processors_dpa: 'the sentence "data processing agreements with all our processors"',
      no_other_transfers: 'the sentence "we do not otherwise transfer data outside the EEA"',
    } as Record<string, string>,
    statementAdded: 'Added',
    statementRemoved: 'Removed',
    locationRecorded: 'location recorded',
  },
} as const

/** The DPA sentence the records support, or null when none can be said. */
export function agreementsSentence(content: PublishedVersion['content'], lang: Language): string | null {
  if (statementHolds(content, 'all_processors_dpa')) return T[lang].agreements
  const keys = new Set(content.signedDpaKeys ?? [])
  const names = content.entries.filter((e) => keys.has(e.key)).map((e) => e.name)
  return names.length ? UNKNOWN_TEXTS[lang].someAgreements(names.join(', ')) : null
}

/** The sentence that ends the transfers section: "no other transfers" only when every location is recorded. */
export function otherTransfersSentence(content: PublishedVersion['content'], lang: Language, anyTransfers: boolean): string {
  const unknown = entriesWithoutLocation(content.entries)
  if (unknown.length) return UNKNOWN_TEXTS[lang].locationsNotRecorded(unknown.map((e) => e.name).join(', '))
  return anyTransfers ? T[lang].otherwiseNoTransfers : T[lang].noTransfers
}

/** A list-wide sentence that appeared or disappeared, as the change history writes it. */
export function statementChangeText(change: { name: string; fields: string[] }, lang: Language): string {
  const u = UNKNOWN_TEXTS[lang]
  return `${change.fields[0] === 'added' ? u.statementAdded : u.statementRemoved}: ${u.statements[change.name] ?? change.name}`
}
