/**
 * The reference company, Mikroni Digital, exactly as its privacy policy (tietosuojaseloste, dated
 * 27.6.2025; shared/reference/tietosuojaseloste.md) describes it. Where the policy is silent a field
 * is left empty or unknown, so that the gaps stay visible in the dashboard. English texts are
 * translations of the policy's Finnish.
 */
import type { DpaInput, OrganisationInput, ProcessorInput, TransferInput } from '@seloste/schema'

/** The policy was drawn up and last updated on 27.6.2025: the first published version carries that date. */
export const DEMO_PUBLISHED_ON = '2025-06-27'

export const DEMO_ORGANISATION = {
  name: 'Mikroni Digital',
  businessId: '3235836-5',
  address: 'c/o Askelvirta Offices, Ahjokatu 14-16, 40320 JYVÄSKYLÄ',
  privacyContactName: 'Roni Äikäs',
  privacyContactEmail: 'roni@mikroni.fi',
  defaultLanguage: 'fi',
  // The policy says nothing of a data protection officer (Art. 37) or joint controllers (Art. 26):
  // not recorded, which is not "none". The policy gives a Finnish business ID and address: the company
  // is established in the Union and so needs no Art. 27 representative (recorded as such).
  dpoAppointed: null,
  dpoName: null,
  dpoEmail: null,
  representativeNeeded: false,
  representative: null,
  representativeContact: null,
  hasJointControllers: null,
  jointControllers: null,
} satisfies OrganisationInput

/**
 * Section 6: "appropriate agreements (such as DPAs) have been made with all our partners". The policy
 * gives no signing dates; it only says the agreements existed on the day it was written, so that day
 * is recorded as the latest possible signing date, and the processor's internal note (never exported
 * or published) says the real one is to be checked. The policy gives no reference of any agreement:
 * none is recorded (the reference is printed in every export, in either language).
 */
const SIGNED_PER_POLICY: DpaInput = {
  status: 'signed',
  signedOn: DEMO_PUBLISHED_ON,
  reference: null,
}

/** The internal note of each processor whose DPA is recorded from the policy alone. */
const DPA_DATE_NOTE =
  'DPA signing date recorded as 27.6.2025, the date of the privacy policy that says the agreement exists: the latest possible date. Check the real date and reference.'

export interface DemoProcessor {
  key: string
  parentKey?: string
  processor: ProcessorInput
  transfers?: TransferInput[]
  dpa?: DpaInput
}

export const DEMO_PROCESSORS: DemoProcessor[] = [
  {
    key: 'google',
    processor: {
      displayName: 'Google Workspace',
      legalName: null,
      role: 'processor',
      service: { fi: 'Googlen pilvipalvelut (Google Workspace)', en: "Google's cloud services (Google Workspace)" },
      purpose: { fi: 'rekisterin ylläpitoon ja sähköpostiviestintään', en: 'maintaining the register and email communication' },
      isPublic: true,
      status: 'active',
      internalNotes: DPA_DATE_NOTE,
    },
    dpa: SIGNED_PER_POLICY,
  },
  {
    key: 'zestia',
    processor: {
      displayName: 'Zestia Ltd',
      legalName: 'Zestia Ltd',
      role: 'processor',
      service: { fi: 'CRM-järjestelmä', en: 'CRM system' },
      purpose: { fi: 'asiakastietojen hallintaan', en: 'managing customer data' },
      isPublic: true,
      status: 'active',
      internalNotes: DPA_DATE_NOTE,
    },
    dpa: SIGNED_PER_POLICY,
  },
  {
    key: 'capsulecrm',
    parentKey: 'zestia',
    processor: {
      displayName: 'CapsuleCRM Inc',
      legalName: 'CapsuleCRM Inc',
      role: 'sub_processor',
      service: { fi: 'Asiakkuudenhallintajärjestelmän palvelimet', en: 'Servers of the customer relationship management system' },
      purpose: { fi: 'asiakastietojen hallintaan', en: 'managing customer data' },
      // Section 7: a Data Privacy Framework certified company, which only a US organisation can be.
      hqCountry: 'US',
      isPublic: true,
      status: 'active',
    },
    transfers: [
      {
        country: 'US',
        kind: 'storage',
        safeguard: 'dpf',
        // Section 7: "CapsuleCRM Inc on Data Privacy Framework -sertifioitu yhtiö".
        certifiedEntity: 'CapsuleCRM Inc',
        // The policy links only the Department of Commerce's list, not the participant's own page, which
        // is the only listing accepted: none is recorded (a finding says it was never verified).
        dpfListingUrl: null,
        tiaStatus: 'unknown',
      },
    ],
  },
  {
    key: 'fennoa',
    processor: {
      displayName: 'Fennoa Oy',
      legalName: 'Fennoa Oy',
      role: 'processor',
      service: { fi: 'Kirjanpito- ja laskutusohjelmisto', en: 'Accounting and invoicing software' },
      purpose: { fi: 'laskutukseen ja kirjanpitoaineiston hoitamiseen', en: 'invoicing and keeping the accounting records' },
      isPublic: true,
      status: 'active',
      internalNotes: DPA_DATE_NOTE,
    },
    dpa: SIGNED_PER_POLICY,
  },
  {
    key: 'collection',
    processor: {
      displayName: 'Perintätoimisto',
      // The policy names no company, only what it is: in English outputs, the same in English.
      displayNameEn: 'Debt collection agency',
      legalName: null,
      role: 'recipient',
      service: { fi: 'Perintäpalvelu', en: 'Debt collection' },
      purpose: { fi: 'erääntyneen laskun maksun saamiseksi', en: 'collecting payment of an overdue invoice' },
      disclosureCondition: {
        fi: 'vain jos laskua ei ole maksettu ajallaan',
        en: 'only when an invoice has not been paid on time',
      },
      isPublic: true,
      status: 'active',
      internalNotes: 'The policy names no agency: record the one in use.',
    },
  },
  {
    key: 'slack',
    processor: {
      displayName: 'Slack',
      legalName: null,
      role: 'processor',
      service: { fi: 'Pikaviestipalvelu', en: 'Instant messaging service' },
      purpose: {
        fi: 'toiminnan organisointiin sekä viestintään asiakkaiden ja liikekumppaneiden kanssa',
        en: 'organising our work and communicating with customers and business partners',
      },
      isPublic: true,
      status: 'active',
      internalNotes: DPA_DATE_NOTE,
    },
    dpa: SIGNED_PER_POLICY,
  },
  {
    key: 'posthog',
    processor: {
      displayName: 'PostHog',
      legalName: null,
      role: 'processor',
      service: { fi: 'Tuoteanalytiikkapalvelu', en: 'Product analytics service' },
      purpose: {
        fi: 'palveluidemme kehittämiseen ja käyttäytymisen analysointiin palveluissamme',
        en: 'developing our services and analysing behaviour in them',
      },
      isPublic: true,
      status: 'active',
      internalNotes: DPA_DATE_NOTE,
    },
    dpa: SIGNED_PER_POLICY,
  },
  {
    key: 'stripe',
    processor: {
      displayName: 'Stripe',
      legalName: null,
      role: 'recipient',
      service: { fi: 'Maksupalvelu', en: 'Payment service' },
      purpose: { fi: 'maksutoimeksiantojen suorittamiseen', en: 'carrying out payment orders' },
      disclosureCondition: { fi: 'maksutoimeksiannon suorittamiseksi', en: 'to carry out a payment order' },
      isPublic: true,
      status: 'active',
    },
  },
  {
    key: 'plausible',
    processor: {
      displayName: 'Plausible',
      legalName: null,
      role: 'processor',
      service: { fi: 'Evästeetön ja anonymisoitu verkkosivuanalytiikka', en: 'Cookieless, anonymised website analytics' },
      purpose: {
        fi: 'verkkosivujen käytön ja tehokkuuden seurantaan ja analysointiin',
        en: 'following and analysing the use and effectiveness of the website',
      },
      // What is collected on visitors (section 3.2) is recorded, in both languages, on the website visitors'
      // activity, which links Plausible and the web host; the processor's own labels (one language only,
      // printed as they are in the English exports too) are left empty.
      // Named in section 3.2 but not in the policy's processor list (section 6).
      isPublic: false,
      status: 'active',
    },
  },
  {
    key: 'webhost',
    processor: {
      // Section 3.2: visitors' IP addresses are kept in logs. Someone hosts the website and keeps those logs
      // on the company's behalf, but the policy names no host and says nothing of where it keeps them: the
      // location stays unrecorded (a finding says so) and there is no DPA on record.
      displayName: 'Verkkosivuston palveluntarjoaja',
      // The policy names no company, only what it is: in English outputs, the same in English.
      displayNameEn: 'Website host',
      legalName: null,
      role: 'processor',
      service: { fi: 'Verkkosivuston ylläpitopalvelu', en: 'Website hosting' },
      purpose: {
        fi: 'verkkosivuston lokitietojen (kävijöiden IP-osoitteet) säilyttämiseen',
        en: "keeping the website's logs (visitors' IP addresses)",
      },
      // Not in the policy's processor list (section 6), like Plausible.
      isPublic: false,
      status: 'active',
      internalNotes: 'The policy names no web host: record the one in use, where it keeps the logs, and its DPA.',
    },
  },
]
