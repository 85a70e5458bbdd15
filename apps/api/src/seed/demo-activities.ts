/**
 * The reference company's records of processing activities, exactly as its privacy policy
 * (tietosuojaseloste of 27.6.2025, shared/reference/tietosuojaseloste.md) describes them: sections
 * 3.1-3.3 and 4 (what, why, on what basis, how long), 5 (sources), 6-7 (processors, recipients),
 * 8 (no automated decisions or profiling), 9 (security), 10 (rights) and 11 (cookies).
 *
 * Where the policy is silent the field is left empty or unknown (owner, review date, DPIA, the
 * legal basis of the platforms' processing, legitimate interests assessments), so that the gaps
 * show. English texts are translations of the policy's Finnish.
 */
import type {
  ActivityInput,
  RetentionInput,
  DataCategoryInput,
  DataSubjectCategoryInput,
  DataSubjectRight,
  OtherRecipient,
} from '@seloste/schema'

type Localized = { fi: string; en: string }

/** The vocabulary, keyed for the activities below. */
export const DEMO_DATA_SUBJECT_CATEGORIES = {
  customers: { name: { fi: 'Asiakkaat', en: 'Customers' } },
  partners: { name: { fi: 'Liikekumppanit', en: 'Business partners' } },
  prospects: { name: { fi: 'Asiakasprospektit', en: 'Prospective customers' } },
  visitors: { name: { fi: 'Verkkosivuston kävijät', en: 'Website visitors' } },
  subscribers: { name: { fi: 'Uutiskirjeen tilaajat', en: 'Newsletter subscribers' } },
  platformUsers: { name: { fi: 'Palveluidemme käyttäjät', en: 'Users of our platforms' } },
} satisfies Record<string, DataSubjectCategoryInput>

export const DEMO_DATA_CATEGORIES = {
  // Section 3.1.
  contact: {
    name: {
      fi: 'Nimi ja yhteystiedot (etu- ja sukunimi, sähköpostiosoite, puhelinnumero, postiosoite)',
      en: 'Name and contact details (first and last name, email address, phone number, postal address)',
    },
  },
  social: { name: { fi: 'Sosiaalisen median profiilit, erityisesti LinkedIn', en: 'Social media profiles, especially LinkedIn' } },
  company: { name: { fi: 'Yrityksen nimi ja asema siinä (tehtävänimike)', en: 'Company name and position in it (job title)' } },
  communications: {
    name: { fi: 'Yhteydenpito rekisteröidyn ja yrityksemme välillä', en: 'Communications between the data subject and our company' },
  },
  orders: { name: { fi: 'Tiedot tilauksista', en: 'Order details' } },
  billing: { name: { fi: 'Laskutustiedot', en: 'Billing details' } },
  // Section 3.2.
  ip: {
    name: {
      fi: 'IP-osoite (lokitiedoissa, ei yhdistettävissä muihin tietoihin)',
      en: 'IP address (in logs, not combinable with other data)',
    },
  },
  country: { name: { fi: 'Maa, josta otetaan yhteyttä', en: 'Country the visit comes from' } },
  pages: { name: { fi: 'Sivut, joilla vieraillaan', en: 'Pages visited' } },
  referrer: { name: { fi: 'Liikenteen lähde (referrer)', en: 'Source of the traffic (referrer)' } },
  device: {
    name: {
      fi: 'Selain sekä laitteen käyttöjärjestelmä ja koko (työpöytä / mobiili)',
      en: 'Browser, and the device’s operating system and size (desktop / mobile)',
    },
  },
  duration: { name: { fi: 'Sivustolla vietetty aika', en: 'Time spent on the website' } },
  // Section 3.3 (and 11).
  emailTracking: { name: { fi: 'Sähköpostien avaamiset ja linkkien klikkaukset', en: 'Email opens and link clicks' } },
  // Section 3.3 names no categories; delivering a newsletter by e-mail needs the address, and nothing more is said.
  email: { name: { fi: 'Sähköpostiosoite', en: 'Email address' } },
  // Section 4, split as kirjanpitolaki (1336/1997) 2:10 keeps them for different periods.
  accounting: {
    name: {
      fi: 'Tositteisiin ja muuhun kirjanpitoaineistoon sisältyvät henkilötiedot',
      en: 'Personal data in the vouchers and other accounting material',
    },
  },
  ledgers: {
    name: {
      fi: 'Tilinpäätökseen, tasekirjaan sekä päivä- ja pääkirjanpitoon sisältyvät henkilötiedot',
      en: 'Personal data in the financial statements, the balance book, the journals and the ledgers',
    },
  },
  // Section 11.
  authentication: { name: { fi: 'Tunnistautumiseen käytettävät evästeet', en: 'Cookies used for authentication' } },
  usage: { name: { fi: 'Käyttäytyminen palveluissamme (tuoteanalytiikka)', en: 'Behaviour in our services (product analytics)' } },
} satisfies Record<string, DataCategoryInput>

export type DemoSubjectKey = keyof typeof DEMO_DATA_SUBJECT_CATEGORIES
export type DemoCategoryKey = keyof typeof DEMO_DATA_CATEGORIES

/** Section 9, recorded as every activity's security measures. */
export const SECURITY: Localized = {
  fi: [
    'Käsittelemme henkilötietojasi huolellisesti ja noudatamme hyvää tietosuojakäytäntöä. Henkilötiedot on suojattu asianmukaisin teknisin ja organisatorisin toimenpitein.',
    'Tietojärjestelmät ja palvelut, joissa henkilötietoja käsitellään, on suojattu palomuureilla, salasanoin ja muilla teknisillä keinoilla. Pääsy henkilötietoihin on rajattu vain niille Mikroni Digitalin työntekijöille ja alihankkijoille, jotka tarvitsevat tietoja työtehtäviensä suorittamiseen. Jokaisella käyttäjällä on henkilökohtaiset käyttäjätunnukset ja salasanat. Työntekijät ja alihankkijat ovat sitoutuneet noudattamaan salassapitovelvollisuutta.',
    'Fyysisten aineistojen osalta pääsy on rajattu.',
  ].join('\n'),
  en: [
    'We handle your personal data with care and follow good data protection practice. Personal data is protected by appropriate technical and organisational measures.',
    'The information systems and services in which personal data is processed are protected by firewalls, passwords and other technical means. Access to personal data is limited to those Mikroni Digital employees and subcontractors who need the data to perform their duties. Every user has personal user names and passwords. Employees and subcontractors are bound by a duty of confidentiality.',
    'Access to physical material is restricted.',
  ].join('\n'),
}

/** Section 7: data is disclosed to third parties when the law or an authority requires it. */
const AUTHORITIES: OtherRecipient = {
  name: { fi: 'Viranomaiset', en: 'Authorities' },
  condition: { fi: 'mikäli laki tai viranomainen niin vaatii', en: 'when the law or an authority requires it' },
}

/** Section 8: "the data is not used for automated decision-making or for profiling the data subjects". */
const NO_AUTOMATED_DECISIONS = { automatedDecisionMaking: false, profiling: false } as const

/** Section 10: access and rectification (10.1), erasure (10.2), objection (10.3, 10.4), complaint (10.5). */
const POLICY_RIGHTS: DataSubjectRight[] = ['access', 'rectification', 'erasure', 'objection', 'complaint']

export interface DemoActivity {
  key: string
  /** The activity without its references; those are given by key below. */
  activity: Omit<ActivityInput, 'dataSubjectCategoryIds' | 'dataCategories' | 'processorIds'>
  dataSubjects: DemoSubjectKey[]
  dataCategories: DemoCategoryKey[]
  /** Processors by their display name in the demo registry (seed/demo-data.ts). */
  processors: string[]
  /** A data category's own retention where it differs from the activity's. */
  categoryRetention?: Partial<Record<DemoCategoryKey, RetentionInput>>
}

export const DEMO_ACTIVITIES: DemoActivity[] = [
  {
    key: 'customers',
    activity: {
      name: { fi: 'Asiakkaat ja liikekumppanit', en: 'Customers and business partners' },
      description: {
        fi: 'Keräämme tietoja asiakkaistamme, jotta voimme toimittaa palveluitamme ja olla heihin yhteydessä, sekä liikekumppaneistamme, jotta voimme hoitaa liikesuhteita ja olla heihin yhteydessä.',
        en: 'We collect data on our customers, so that we can deliver our services and stay in contact with them, and on our business partners, so that we can manage our business relationships and stay in contact with them.',
      },
      purposes: [
        {
          description: {
            fi: 'Tilausten ja palveluiden toimittaminen, ylläpito, asiakasviestintä ja laskuttaminen',
            en: 'Delivering orders and services, maintenance, customer communication and invoicing',
          },
          legalBasis: 'b',
        },
        {
          description: {
            fi: 'Asiakassuhteiden hoitaminen, kehittäminen, markkinointi ja väärinkäytösten estäminen',
            en: 'Managing and developing customer relationships, marketing and preventing misuse',
          },
          legalBasis: 'f',
          // The policy names the controller's legitimate interest as the basis of this purpose, and no other interest.
          legitimateInterest: {
            fi: 'Asiakassuhteiden hoitaminen ja kehittäminen, markkinointi ja väärinkäytösten estäminen',
            en: 'Managing and developing customer relationships, marketing and preventing misuse',
          },
        },
      ],
      // Section 4: "for the duration of the customer relationship and 5 years after it ends" (customer data;
      // the policy gives business partners no period of their own).
      retention: {
        kind: 'duration_after_event',
        amount: 5,
        unit: 'years',
        event: { fi: 'asiakassuhde päättyy', en: 'the customer relationship ends' },
      },
      // Section 5.
      sources: ['data_subject', 'employer', 'public_registers', 'public_web', 'purchased', 'third_party'],
      sourcesOther: {
        fi: 'Patentti- ja rekisterihallituksen Virre-järjestelmä, YTJ, verkkosivut, sosiaalisen median palvelut (esim. LinkedIn) ja kolmannen osapuolen palvelut; tietoja voidaan myös ostaa.',
        en: 'The Finnish Patent and Registration Office’s Virre service, YTJ, websites, social media services (e.g. LinkedIn) and third-party services; data may also be purchased.',
      },
      otherRecipients: [AUTHORITIES],
      securityMeasures: SECURITY,
      ...NO_AUTOMATED_DECISIONS,
      // Section 10.6: portability where the processing is based on a contract.
      rights: [...POLICY_RIGHTS, 'portability'],
    },
    dataSubjects: ['customers', 'partners'],
    dataCategories: ['contact', 'social', 'company', 'communications', 'orders', 'billing'],
    // Sections 6 and 7: email and the register (Google), the CRM (Zestia, servers at CapsuleCRM in the US),
    // messaging with customers and partners (Slack), invoicing (Fennoa), overdue invoices (the collection
    // agency) and payments (Stripe).
    processors: ['Google Workspace', 'Zestia Ltd', 'CapsuleCRM Inc', 'Slack', 'Fennoa Oy', 'Perintätoimisto', 'Stripe'],
  },
  {
    // Section 3.1 groups prospects with customers and partners, but their purpose is their own (the third,
    // sales and marketing) and section 4 gives them no retention period: the customers' period counts from
    // the end of a customer relationship, which a prospect does not have. Kept apart so that the retention
    // stays unrecorded (a finding says so) instead of borrowing the customers'.
    key: 'prospects',
    activity: {
      name: { fi: 'Asiakasprospektit', en: 'Prospective customers' },
      description: {
        fi: 'Keräämme tietoja asiakasprospekteista, jotta voimme toteuttaa myyntiä ja markkinointia osana liiketoimintaamme.',
        en: 'We collect data on prospective customers, so that we can carry out sales and marketing as part of our business.',
      },
      purposes: [
        {
          description: { fi: 'Myynnin ja markkinoinnin toteuttaminen', en: 'Carrying out sales and marketing' },
          legalBasis: 'f',
          legitimateInterest: {
            fi: 'Myynnin ja markkinoinnin toteuttaminen osana liiketoimintaamme',
            en: 'Carrying out sales and marketing as part of our business',
          },
          // Section 11: "we may track the opening of e-mails and clicks on their links, e.g. in our newsletters
          // and sales e-mails": tracking that is not strictly necessary, on the basis given for sales (f).
          deviceTracking: 'not_strictly_necessary',
          emailMarketing: true,
        },
      ],
      // Section 4 says nothing of prospects: not recorded.
      retention: null,
      // Section 5.
      sources: ['data_subject', 'employer', 'public_registers', 'public_web', 'purchased', 'third_party'],
      sourcesOther: {
        fi: 'Patentti- ja rekisterihallituksen Virre-järjestelmä, YTJ, verkkosivut, sosiaalisen median palvelut (esim. LinkedIn) ja kolmannen osapuolen palvelut; tietoja voidaan myös ostaa.',
        en: 'The Finnish Patent and Registration Office’s Virre service, YTJ, websites, social media services (e.g. LinkedIn) and third-party services; data may also be purchased.',
      },
      otherRecipients: [AUTHORITIES],
      securityMeasures: SECURITY,
      ...NO_AUTOMATED_DECISIONS,
      // No portability: the processing rests on legitimate interests, not on a contract or consent (10.6).
      rights: POLICY_RIGHTS,
    },
    dataSubjects: ['prospects'],
    // Section 3.1's categories, less orders and billing, which a prospect has none of; and the tracking of
    // opens and clicks in sales e-mails (section 11).
    dataCategories: ['contact', 'social', 'company', 'communications', 'emailTracking'],
    // Sections 6 and 7: the register and email (Google), the CRM (Zestia, servers at CapsuleCRM in the US).
    processors: ['Google Workspace', 'Zestia Ltd', 'CapsuleCRM Inc'],
  },
  {
    key: 'visitors',
    activity: {
      name: { fi: 'Verkkosivuston kävijät', en: 'Website visitors' },
      description: {
        fi: 'Keräämme verkkosivujen kävijöistä tietoja evästeettömällä ja anonymisoidulla analytiikalla (Plausible).',
        en: 'We collect data on the visitors of our website with cookieless, anonymised analytics (Plausible).',
      },
      purposes: [
        {
          description: {
            fi: 'Verkkosivujen käytön ja tehokkuuden seuraaminen ja analysointi, markkinoinnin kehittäminen ja väärinkäytösten estäminen',
            en: 'Following and analysing the use and effectiveness of the website, developing our marketing and preventing misuse',
          },
          legalBasis: 'f',
          legitimateInterest: {
            fi: 'Verkkosivujen käytön ja tehokkuuden seuraaminen ja analysointi, markkinoinnin kehittäminen ja väärinkäytösten estäminen',
            en: 'Following and analysing the use and effectiveness of the website, developing our marketing and preventing misuse',
          },
        },
      ],
      // Section 4: six (6) months.
      retention: { kind: 'duration', amount: 6, unit: 'months' },
      sources: ['data_subject'],
      otherRecipients: [AUTHORITIES],
      securityMeasures: SECURITY,
      ...NO_AUTOMATED_DECISIONS,
      rights: POLICY_RIGHTS,
    },
    dataSubjects: ['visitors'],
    dataCategories: ['ip', 'country', 'pages', 'referrer', 'device', 'duration'],
    // The analytics (Plausible) and the web host that keeps the IP logs (section 3.2).
    processors: ['Plausible', 'Verkkosivuston palveluntarjoaja'],
  },
  {
    key: 'newsletter',
    activity: {
      name: { fi: 'Uutiskirjeen tilaajat', en: 'Newsletter subscribers' },
      description: {
        fi: 'Käsittelemme henkilötietoja, jotta voimme toimittaa uutiskirjeen ja mahdollista muuta markkinointisisältöä. Seuraamme lisäksi sähköpostien avaamisia ja niissä olevien linkkien klikkauksia.',
        en: 'We process personal data to deliver the newsletter and possible other marketing content. We also track the opening of the emails and clicks on the links in them.',
      },
      purposes: [
        {
          description: {
            fi: 'Uutiskirjeen ja muun markkinointisisällön toimittaminen; sähköpostien avaamisten ja linkkien klikkausten seuraaminen',
            en: 'Delivering the newsletter and other marketing content; tracking email opens and link clicks',
          },
          legalBasis: 'a',
          // Consent is given by subscribing and withdrawn by cancelling the subscription (section 4).
          consentCollection: { fi: 'Tilaamalla uutiskirjeen', en: 'By subscribing to the newsletter' },
          consentWithdrawal: { fi: 'Peruuttamalla uutiskirjeen tilauksen', en: 'By cancelling the newsletter subscription' },
          // Section 3.3: the tracking of opens and clicks is part of the subscription ("in addition we track..."),
          // with no consent of its own.
          deviceTracking: 'not_strictly_necessary',
          trackingConsent: 'bundled',
          emailMarketing: true,
        },
      ],
      // Section 4: until the subscriber cancels the subscription.
      retention: { kind: 'until_event', event: { fi: 'tilaaja peruuttaa tilauksensa', en: 'the subscriber cancels the subscription' } },
      sources: ['data_subject'],
      otherRecipients: [AUTHORITIES],
      securityMeasures: SECURITY,
      ...NO_AUTOMATED_DECISIONS,
      // Section 10.6: portability where the processing is based on consent.
      rights: [...POLICY_RIGHTS, 'portability', 'withdraw_consent'],
    },
    dataSubjects: ['subscribers'],
    // The newsletter is delivered by e-mail: the address, and the tracking section 3.3 names. No phone
    // number or postal address: the policy does not say subscribers give them.
    dataCategories: ['email', 'emailTracking'],
    processors: [],
  },
  {
    key: 'bookkeeping',
    activity: {
      name: { fi: 'Kirjanpito', en: 'Bookkeeping' },
      description: {
        fi: 'Säilytämme kirjanpitolain velvoittamana kirjanpitoaineistoa, joka voi sisältää henkilötietoja. Kirjanpito- ja laskutusohjelmistona käytetään Fennoa Oy:n palvelua.',
        en: 'As the Accounting Act requires, we keep accounting records, which may contain personal data. Fennoa Oy’s accounting and invoicing software is used.',
      },
      purposes: [
        {
          description: {
            fi: 'Kirjanpitoaineiston hoitaminen ja säilyttäminen kirjanpitolain velvoittamana',
            en: 'Keeping the accounting records as the Accounting Act requires',
          },
          legalBasis: 'c',
          legalReference: 'Kirjanpitolaki (1336/1997)',
        },
      ],
      // Section 4: at least six (6) years, as the Accounting Act requires: counted as kirjanpitolaki 2:10 counts
      // it for vouchers and other accounting material (the ledgers have their own 10 years, above).
      retention: {
        kind: 'duration_after_event',
        amount: 6,
        unit: 'years',
        minimum: true,
        event: {
          fi: 'se kalenterivuosi päättyy, jonka aikana tilikausi päättyi',
          en: 'the calendar year in which the financial year ended is over',
        },
        legalReference: 'Kirjanpitolaki 1336/1997, 2 luku 10 § 2 mom.',
      },
      otherRecipients: [AUTHORITIES],
      securityMeasures: SECURITY,
      ...NO_AUTOMATED_DECISIONS,
      // Erasure and objection do not apply to data kept because the law requires it (Arts. 17(3)(b), 21(1)).
      rights: ['access', 'rectification', 'complaint'],
    },
    dataSubjects: ['customers', 'partners'],
    dataCategories: ['accounting', 'ledgers', 'billing'],
    // Kirjanpitolaki 2:10 counts each period from its own event: the ledgers 10 years from the end of the
    // financial year, the vouchers and other material 6 years from the end of the year in which it ended.
    categoryRetention: {
      ledgers: {
        kind: 'duration_after_event',
        amount: 10,
        unit: 'years',
        minimum: true,
        event: { fi: 'tilikausi päättyy', en: 'the financial year ends' },
        legalReference: 'Kirjanpitolaki 1336/1997, 2 luku 10 § 1 mom.',
      },
    },
    processors: ['Fennoa Oy'],
  },
  {
    key: 'platforms',
    activity: {
      name: { fi: 'Palveluidemme tunnistautuminen ja tuoteanalytiikka', en: 'Authentication and product analytics on our platforms' },
      description: {
        fi: 'Palveluissamme käytetään evästeitä tunnistautumiseen ja tuoteanalytiikkaan (PostHog).',
        en: 'Our services use cookies for authentication and product analytics (PostHog).',
      },
      // Section 11 names the purposes but the policy gives no legal basis for them: left to be determined.
      purposes: [
        // Section 11: cookies for authentication, which the service the user signs in to cannot work without.
        {
          description: { fi: 'Tunnistautuminen palveluihimme', en: 'Authentication to our services' },
          legalBasis: null,
          deviceTracking: 'strictly_necessary',
        },
        {
          description: {
            fi: 'Palveluidemme kehittäminen ja käyttäytymisen analysointi palveluissamme (tuoteanalytiikka)',
            en: 'Developing our services and analysing behaviour in them (product analytics)',
          },
          legalBasis: null,
          // Section 11: cookies for product analytics (PostHog), which the service does not need in order to work.
          deviceTracking: 'not_strictly_necessary',
        },
      ],
      sources: ['data_subject'],
      otherRecipients: [AUTHORITIES],
      securityMeasures: SECURITY,
      ...NO_AUTOMATED_DECISIONS,
      rights: POLICY_RIGHTS,
    },
    dataSubjects: ['platformUsers'],
    dataCategories: ['authentication', 'usage'],
    processors: ['PostHog'],
  },
]
