/** Headings and labels of the exports, in both languages of the outputs. */
import {
  countryName,
  GLOSSARY,
  type DpaStatus,
  type Language,
  type ProcessorRole,
  type ProcessorStatus,
  type Safeguard,
  type TiaStatus,
  type TransferKind,
} from '@seloste/schema'

const DATE_TIME: Record<Language, Intl.DateTimeFormat> = {
  fi: new Intl.DateTimeFormat('fi-FI', {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'UTC',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'UTC',
  }),
}

/**
 * An instant as a person reads it in the export's language, in UTC and saying so (the file may be
 * read anywhere): "5.12.2026 klo 12.03.27 UTC" / "5 December 2026 at 12:03:27 UTC". For the cells and
 * lines people read (approval, generated at); the cells a machine reads back (updatedAt, which an
 * import compares) stay ISO 8601.
 */
export function humanDateTime(iso: string, lang: Language): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${DATE_TIME[lang].format(d)} UTC`
}

type Localized = Record<Language, string>

/** Text with a fallback to the other language where a translation is missing. */
export function pick(text: { fi: string; en: string } | null | undefined, lang: Language): string {
  if (!text) return ''
  return text[lang] || text[lang === 'fi' ? 'en' : 'fi']
}

const countryNames = new Map<string, string>()

/** The country's name in the language; remembered, as the runtime builds it afresh on every call (a large export asks thousands of times). */
export function country(code: string, lang: Language): string {
  const key = `${lang}:${code}`
  let name = countryNames.get(key)
  if (name === undefined) countryNames.set(key, (name = countryName(code, lang)))
  return name
}

export const ROLE: Record<ProcessorRole, Localized> = {
  processor: { fi: 'henkilötietojen käsittelijä', en: 'processor' },
  sub_processor: { fi: GLOSSARY.subProcessor.fi, en: GLOSSARY.subProcessor.en },
  independent_controller: { fi: 'itsenäinen rekisterinpitäjä', en: 'independent controller' },
  recipient: { fi: 'vastaanottaja', en: 'recipient' },
  international_organisation: { fi: 'kansainvälinen järjestö', en: 'international organisation' },
}

export const PROCESSOR_STATUS: Record<ProcessorStatus, Localized> = {
  planned: { fi: 'suunniteltu', en: 'planned' },
  active: { fi: 'käytössä', en: 'active' },
  retired: GLOSSARY.retire.done,
}

export const KIND: Record<TransferKind, Localized> = {
  storage: { fi: 'säilytys', en: 'storage' },
  processing: { fi: 'käsittely', en: 'processing' },
  remote_access: { fi: 'etäkäyttö', en: 'remote access' },
  support: { fi: 'tukipalvelut', en: 'support' },
}

export const SAFEGUARD: Record<Safeguard, Localized> = {
  none_needed: { fi: 'ei tarvita (ETA)', en: 'none needed (EEA)' },
  adequacy: { fi: 'komission tietosuojan riittävyyttä koskeva päätös (45 art.)', en: 'adequacy decision (Art. 45)' },
  dpf: { fi: 'EU:n ja Yhdysvaltojen tietosuojakehys (Data Privacy Framework)', en: 'EU-US Data Privacy Framework' },
  scc: { fi: 'vakiosopimuslausekkeet (46 art. 2 c)', en: 'standard contractual clauses (Art. 46(2)(c))' },
  bcr: { fi: 'yritystä koskevat sitovat säännöt (47 art.)', en: 'binding corporate rules (Art. 47)' },
  other_art46: { fi: 'muu 46 artiklan suojatoimi', en: 'other Art. 46 safeguard' },
  derogation_art49: { fi: '49 artiklan poikkeus', en: 'Art. 49 derogation' },
  unknown: { fi: 'ei kirjattu', en: 'not recorded' },
}

export const TIA_STATUS: Record<TiaStatus, Localized> = {
  not_needed: { fi: 'ei tarvita', en: 'not needed' },
  required: { fi: 'tarvitaan', en: 'required' },
  in_progress: { fi: 'kesken', en: 'in progress' },
  done: { fi: 'tehty', en: 'done' },
  unknown: { fi: 'ei arvioitu', en: 'not assessed' },
}

export const DPA_STATUS: Record<DpaStatus, Localized> = {
  signed: { fi: 'allekirjoitettu', en: 'signed' },
  in_negotiation: { fi: 'neuvotteluissa', en: 'in negotiation' },
  missing: { fi: 'puuttuu', en: 'missing' },
  not_required: { fi: 'ei tarvita', en: 'not required' },
}

export const WORDS = {
  fi: {
    ropaTitle: 'Seloste käsittelytoimista (tietosuoja-asetuksen 30 artiklan 1 kohta)',
    ropaSheet: 'Seloste käsittelytoimista',
    processorsTitle: 'Henkilötietojen käsittelijät ja vastaanottajat',
    processorsSheet: 'Käsittelijät',
    transfersSheet: 'Siirrot',
    controllerSheet: 'Rekisterinpitäjä',
    controller: 'Rekisterinpitäjä',
    businessId: 'Y-tunnus',
    address: 'Osoite',
    privacyContact: 'Yhteyshenkilö tietosuoja-asioissa',
    asOf: 'Tilanne',
    asOfPast: (at: string) => `Seloste sellaisena kuin se oli ${at} (koottu muutoshistoriasta)`,
    asOfNow: 'Nykyinen tilanne',
    generatedAt: 'Muodostettu',
    activities: 'Käsittelytoimet',
    noActivities: 'Käsittelytoimia ei ole kirjattu.',
    notRecorded: 'ei kirjattu',
    yes: 'kyllä',
    no: 'ei',
    notAssessed: 'ei arvioitu',
    draft: 'luonnos',
    approved: 'hyväksytty',
    activityRetention: 'Käsittelytoimi',
    collected: 'Kerätään',
    withdrawn: 'Peruutetaan',
    adm: 'Automaattinen päätöksenteko',
    profiling: 'Profilointi',
    noDpa: 'ei kirjattua sopimusta',
    dpa: 'käsittelysopimus',
    module: 'moduuli',
    certifiedCompany: 'sertifioitu yhtiö',
    certifiedCompanyNotRecorded: 'sertifioitua yhtiötä ei ole kirjattu',
    purposes: 'Käsittelyn tarkoitukset ja perusteet',
    description: 'Kuvaus',
    details: 'Lisätiedot',
    none: '—',
  },
  en: {
    ropaTitle: 'Record of processing activities (GDPR Article 30(1))',
    ropaSheet: 'Record of processing',
    processorsTitle: 'Processors and recipients of personal data',
    processorsSheet: 'Processors',
    transfersSheet: 'Transfers',
    controllerSheet: 'Controller',
    controller: 'Controller',
    businessId: 'Business ID',
    address: 'Address',
    privacyContact: 'Contact for data protection',
    asOf: 'As of',
    asOfPast: (at: string) => `The record as it stood at ${at} (rebuilt from the audit trail)`,
    asOfNow: 'Current',
    generatedAt: 'Generated',
    activities: 'Processing activities',
    noActivities: 'No processing activities are recorded.',
    notRecorded: 'not recorded',
    yes: 'yes',
    no: 'no',
    notAssessed: 'not assessed',
    draft: 'draft',
    approved: 'approved',
    activityRetention: 'Activity',
    collected: 'Collected',
    withdrawn: 'Withdrawn',
    adm: 'Automated decision-making',
    profiling: 'Profiling',
    noDpa: 'no agreement recorded',
    dpa: 'DPA',
    module: 'module',
    certifiedCompany: 'certified company',
    certifiedCompanyNotRecorded: 'the certified company is not recorded',
    purposes: 'Purposes and legal bases',
    description: 'Description',
    details: 'Details',
    none: '—',
  },
} as const

/**
 * The columns of the record of processing, in the order of the UK ICO's documentation template
 * for controllers, then this registry's own. `art30` names the point of GDPR Art. 30(1) a column
 * answers: all of (a)-(g) are present.
 */
export const ROPA_COLUMNS = [
  {
    key: 'controller',
    art30: 'a',
    width: 34,
    fi: 'Rekisterinpitäjän nimi ja yhteystiedot',
    en: 'Name and contact details of the controller',
  },
  { key: 'activity', width: 30, fi: 'Käsittelytoimi (toiminto)', en: 'Business function (processing activity)' },
  { key: 'purpose', art30: 'b', width: 40, fi: 'Käsittelyn tarkoitus', en: 'Purpose of processing' },
  { key: 'dataSubjects', art30: 'c', width: 28, fi: 'Rekisteröityjen ryhmät', en: 'Categories of individuals' },
  { key: 'dataCategories', art30: 'c', width: 40, fi: 'Henkilötietoryhmät', en: 'Categories of personal data' },
  { key: 'recipients', art30: 'd', width: 40, fi: 'Vastaanottajien ryhmät', en: 'Categories of recipients' },
  { key: 'processorContracts', width: 34, fi: 'Käsittelijöiden sopimukset', en: 'Link to contract with processor' },
  {
    key: 'thirdCountries',
    art30: 'e',
    width: 28,
    fi: 'Kolmannet maat, joihin tietoja siirretään',
    en: 'Names of third countries or international organisations that personal data are transferred to',
  },
  {
    key: 'safeguards',
    art30: 'e',
    width: 40,
    fi: 'Siirtojen suojatoimet',
    en: 'Safeguards for transfers of personal data to third countries or international organisations',
  },
  { key: 'retention', art30: 'f', width: 36, fi: 'Säilytysajat', en: 'Retention schedule' },
  {
    key: 'security',
    art30: 'g',
    width: 48,
    fi: 'Teknisten ja organisatoristen turvatoimien yleinen kuvaus',
    en: 'General description of technical and organisational security measures',
  },
  { key: 'legalBasis', width: 30, fi: 'Käsittelyperuste (6 artikla)', en: 'Article 6 lawful basis for processing personal data' },
  {
    key: 'art9',
    width: 26,
    fi: 'Erityisten henkilötietoryhmien käsittelyperuste (9 artikla)',
    en: 'Article 9 basis for processing special category data',
  },
  { key: 'legitimateInterest', width: 34, fi: 'Oikeutettu etu', en: 'Legitimate interests for the processing' },
  { key: 'liaLink', width: 26, fi: 'Linkki oikeutetun edun arviointiin', en: 'Link to record of legitimate interests assessment' },
  { key: 'rights', width: 34, fi: 'Rekisteröidyn oikeudet', en: 'Rights available to individuals' },
  {
    key: 'automated',
    width: 28,
    fi: 'Automaattinen päätöksenteko ja profilointi',
    en: 'Existence of automated decision-making, including profiling',
  },
  { key: 'sources', width: 36, fi: 'Tietolähteet', en: 'The source of the personal data' },
  {
    key: 'consent',
    width: 34,
    fi: 'Suostumuksen kerääminen ja peruuttaminen',
    en: 'Record of consent (how it is collected and withdrawn)',
  },
  { key: 'location', width: 24, fi: 'Tietojen sijainti', en: 'Location of personal data' },
  { key: 'dpiaRequired', width: 14, fi: 'Tarvitaanko vaikutustenarviointi (DPIA)?', en: 'Data Protection Impact Assessment required?' },
  { key: 'dpiaProgress', width: 16, fi: 'Vaikutustenarvioinnin tila', en: 'DPIA progress' },
  { key: 'dpiaLink', width: 26, fi: 'Linkki vaikutustenarviointiin', en: 'Link to DPIA' },
  { key: 'activityId', width: 10, fi: 'Käsittelytoimen tunniste', en: 'Activity ID' },
  { key: 'status', width: 12, fi: 'Tila', en: 'Status' },
  { key: 'approved', width: 28, fi: 'Hyväksytty (kuka, milloin)', en: 'Approved (by, at)' },
  { key: 'owner', width: 20, fi: 'Vastuuhenkilö', en: 'Owner' },
  { key: 'nextReview', width: 14, fi: 'Seuraava katselmointi', en: 'Next review' },
  { key: 'updatedAt', width: 22, fi: 'Viimeksi muutettu', en: 'Last changed' },
  // With the ID, what lets an edited copy be imported back onto the same record (and refused if it changed since).
  { key: 'version', width: 8, fi: 'Versio', en: 'Version' },
] as const satisfies readonly { key: string; art30?: string; width: number; fi: string; en: string }[]

export type RopaColumnKey = (typeof ROPA_COLUMNS)[number]['key']

export const PROCESSOR_COLUMNS = [
  { key: 'id', width: 8, fi: 'Tunniste', en: 'ID' },
  { key: 'name', width: 28, fi: 'Nimi', en: 'Name' },
  { key: 'nameEn', width: 24, fi: 'Nimi englanniksi', en: 'Name in English' },
  { key: 'legalName', width: 24, fi: 'Yhtiö', en: 'Legal entity' },
  { key: 'parentCompany', width: 24, fi: 'Emoyhtiö', en: 'Parent company' },
  { key: 'role', width: 20, fi: 'Rooli', en: 'Role' },
  { key: 'internationalOrganisation', width: 28, fi: 'Kansainvälinen järjestö', en: 'International organisation' },
  { key: 'status', width: 14, fi: 'Tila', en: 'Status' },
  { key: 'service', width: 30, fi: 'Palvelu', en: 'Service' },
  { key: 'purpose', width: 34, fi: 'Käyttötarkoitus', en: 'Purpose' },
  { key: 'disclosureCondition', width: 28, fi: 'Luovutuksen edellytys', en: 'Disclosure condition' },
  { key: 'hqCountry', width: 16, fi: 'Kotimaa', en: 'Headquarters' },
  { key: 'startDate', width: 12, fi: 'Alkaen', en: 'Start date' },
  { key: 'endDate', width: 12, fi: 'Päättynyt', en: 'End date' },
  { key: 'public', width: 10, fi: 'Julkinen', en: 'Public' },
  { key: 'dataCategories', width: 30, fi: 'Henkilötietoryhmät', en: 'Data categories' },
  { key: 'dataSubjectCategories', width: 24, fi: 'Rekisteröityjen ryhmät', en: 'Data subject categories' },
  { key: 'countries', width: 24, fi: 'Maat', en: 'Countries' },
  { key: 'outsideEea', width: 12, fi: 'ETA:n ulkopuolelle', en: 'Outside the EEA' },
  {
    key: 'transfers',
    width: 48,
    fi: 'Siirrot (maa, toiminto, suojatoimi, siirtovaikutusten arviointi)',
    en: 'Transfers (country, kind, safeguard, transfer impact assessment)',
  },
  { key: 'dpaStatus', width: 16, fi: 'Käsittelysopimuksen tila', en: 'DPA status' },
  { key: 'dpaSignedOn', width: 12, fi: 'Allekirjoitettu', en: 'DPA signed on' },
  { key: 'dpaValidUntil', width: 12, fi: 'Voimassa asti', en: 'DPA valid until' },
  { key: 'dpaNextReview', width: 12, fi: 'Seuraava katselmointi', en: 'DPA next review' },
  { key: 'dpaReference', width: 20, fi: 'Sopimuksen viite', en: 'DPA reference' },
  { key: 'dpaDocument', width: 30, fi: 'Sopimusasiakirja', en: 'DPA document' },
  { key: 'dpaDocumentSha256', width: 66, fi: 'Sopimusasiakirjan SHA-256', en: 'DPA document SHA-256' },
  { key: 'dpaDocumentBytes', width: 14, fi: 'Sopimusasiakirjan koko (tavua)', en: 'DPA document size (bytes)' },
  { key: 'activities', width: 34, fi: 'Käsittelytoimet', en: 'Processing activities' },
  { key: 'updatedAt', width: 22, fi: 'Viimeksi muutettu', en: 'Last changed' },
  { key: 'version', width: 8, fi: 'Versio', en: 'Version' },
] as const satisfies readonly { key: string; width: number; fi: string; en: string }[]

export type ProcessorColumnKey = (typeof PROCESSOR_COLUMNS)[number]['key']

export const TRANSFER_COLUMNS = [
  { key: 'processorId', width: 10, fi: 'Käsittelijän tunniste', en: 'Processor ID' },
  { key: 'processor', width: 28, fi: 'Käsittelijä', en: 'Processor' },
  { key: 'country', width: 8, fi: 'Maakoodi', en: 'Country code' },
  { key: 'countryName', width: 20, fi: 'Maa', en: 'Country' },
  { key: 'outsideEea', width: 12, fi: 'ETA:n ulkopuolella', en: 'Outside the EEA' },
  { key: 'kind', width: 14, fi: 'Toiminto', en: 'Kind' },
  { key: 'safeguard', width: 36, fi: 'Suojatoimi', en: 'Safeguard' },
  { key: 'safeguardDetails', width: 36, fi: 'Suojatoimen tiedot', en: 'Safeguard details' },
  { key: 'tiaStatus', width: 14, fi: 'Siirtovaikutusten arviointi', en: 'Transfer impact assessment' },
  { key: 'tiaUrl', width: 26, fi: 'Linkki arviointiin', en: 'Link to the assessment' },
  { key: 'notes', width: 30, fi: 'Huomautukset', en: 'Notes' },
] as const satisfies readonly { key: string; width: number; fi: string; en: string }[]

export type TransferColumnKey = (typeof TRANSFER_COLUMNS)[number]['key']

/** The record's columns that describe the whole activity (not one purpose), in the order the HTML and PDF views list them. */
export const ACTIVITY_LEVEL_COLUMNS = [
  'dataSubjects',
  'dataCategories',
  'recipients',
  'processorContracts',
  'thirdCountries',
  'safeguards',
  'retention',
  'security',
  'rights',
  'automated',
  'sources',
  'location',
  'dpiaRequired',
  'dpiaProgress',
  'dpiaLink',
  'status',
  'approved',
  'owner',
  'nextReview',
  'updatedAt',
] as const satisfies readonly (typeof ROPA_COLUMNS)[number]['key'][]

/** Where the records are silent, the exports say so: a processor with no recorded location is not "inside the EEA". */
/** Which international organisation a recipient of that role is, where nobody recorded it (Art. 30(1)(e)). */
export const ORGANISATION_UNRECORDED = {
  fi: 'mikä järjestö, ei kirjattu',
  en: 'which organisation is not recorded',
} as const

export const UNKNOWN_WORDS = {
  fi: { locationNotRecorded: 'sijaintia ei ole kirjattu', unknown: 'ei tiedossa (sijaintia ei ole kirjattu)' },
  en: { locationNotRecorded: 'location not recorded', unknown: 'unknown (location not recorded)' },
} as const

/**
 * The controller's Art. 30(1)(a) details beyond name and contact. A question nobody answered is
 * "not recorded" in words, never left blank (which would read as "none").
 */
export const ART30A_WORDS = {
  fi: {
    dpo: 'Tietosuojavastaava (37 artikla)',
    representative: 'Edustaja unionissa (27 artikla)',
    jointControllers: 'Yhteisrekisterinpitäjät (26 artikla)',
    notRecorded: 'ei kirjattu',
    noDpo: 'ei nimetty',
    dpoUnnamed: 'nimetty (nimeä ei ole kirjattu)',
    noRepresentative: 'ei tarvita (rekisterinpitäjä on sijoittautunut unioniin)',
    representativeUnnamed: 'nimetty (nimeä ei ole kirjattu)',
    noJointControllers: 'ei yhteisrekisterinpitäjiä',
    jointControllersUnnamed: 'on (nimiä ei ole kirjattu)',
  },
  en: {
    dpo: 'Data protection officer (Art. 37)',
    representative: 'Representative in the Union (Art. 27)',
    jointControllers: 'Joint controllers (Art. 26)',
    notRecorded: 'not recorded',
    noDpo: 'none designated',
    dpoUnnamed: 'designated (name not recorded)',
    noRepresentative: 'none needed (the controller is established in the Union)',
    representativeUnnamed: 'designated (name not recorded)',
    noJointControllers: 'none',
    jointControllersUnnamed: 'yes (names not recorded)',
  },
} as const
