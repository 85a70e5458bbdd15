/**
 * Builds a benchmark database: the committed migrations (through the app's own openDatabase), then
 * N processors with about three transfers and one DPA each, written with prepared statements in one
 * transaction straight on better-sqlite3. The data is generated from a fixed seed, so every run of
 * the same size gets the same rows.
 *
 * Every generated record satisfies the API's rules (GDPR Chapter V safeguards per country, adequacy
 * decision ids from @seloste/schema, SCC modules, DPA reasons), and search_text is computed exactly
 * as apps/api/src/services/processors.ts does.
 *
 * CLI: pnpm exec tsx bench/seed.ts <file.sqlite> [processors]
 */
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'
import { ADEQUACY_DECISIONS, CHECKLIST_POINTS, isInEea } from '../packages/schema/src/index'
import type { Checklist, DpaStatus, ProcessorRole, ProcessorStatus, Safeguard, TiaStatus, TransferKind } from '../packages/schema/src/index'
import { closeDatabase, openDatabase, type Db } from '../apps/api/src/db/client'
import { systemContext } from '../apps/api/src/services/context'
import { createOrganisation, findOrganisation } from '../apps/api/src/services/organisation'

export interface SeedOptions {
  /** The database file to create (must not exist yet, or be an empty/compatible Seloste database). */
  path: string
  processors: number
  /** Average transfers per processor; the total is exactly round(processors * this). Default 3. */
  transfersPerProcessor?: number
  /** PRNG seed. Default 20251126. */
  seed?: number
}

export interface SeedResult {
  path: string
  processors: number
  transfers: number
  dpas: number
  ms: number
  /** Lower-case words that occur in names and services; run.ts keeps those matching 1-5 % of rows. */
  searchTermCandidates: string[]
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness.
// ---------------------------------------------------------------------------------------------

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rand = () => number
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
/** Picks by weight: [[value, weight], ...]. */
function weighted<T>(rand: Rand, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0)
  let r = rand() * total
  for (const [v, w] of table) {
    r -= w
    if (r < 0) return v
  }
  return table[table.length - 1]![0]
}
const chance = (rand: Rand, p: number) => rand() < p

// ---------------------------------------------------------------------------------------------
// Vocabulary.
// ---------------------------------------------------------------------------------------------

/** Name stems: Finnish, Nordic and English words of the kind SaaS vendors use. Each is ~1/60 of the names. */
const STEMS = [
  'Aalto',
  'Arktis',
  'Aurora',
  'Boreal',
  'Corvus',
  'Delfi',
  'Elina',
  'Fjord',
  'Graniitti',
  'Halla',
  'Helmi',
  'Ilmari',
  'Jäkälä',
  'Kajo',
  'Kide',
  'Kipinä',
  'Kotka',
  'Kuura',
  'Lumi',
  'Lynx',
  'Meridian',
  'Metsä',
  'Nimbus',
  'Nova',
  'Onyx',
  'Orbit',
  'Pilvi',
  'Pixel',
  'Polar',
  'Quanta',
  'Revontuli',
  'Routa',
  'Saga',
  'Sampo',
  'Signal',
  'Sisu',
  'Solmu',
  'Summit',
  'Taiga',
  'Tieto',
  'Tundra',
  'Tuuli',
  'Ukko',
  'Umbra',
  'Vega',
  'Vertex',
  'Vire',
  'Willow',
  'Zephyr',
  'Ahti',
  'Beacon',
  'Cobalt',
  'Dyna',
  'Ember',
  'Falcon',
  'Glacier',
  'Harbor',
  'Iris',
  'Juniper',
  'Kestrel',
] as const

const SUFFIXES = [
  'soft',
  'works',
  'labs',
  'logic',
  'ware',
  'net',
  'hub',
  'flow',
  'desk',
  'mail',
  'pay',
  'sense',
  'track',
  'link',
  'stack',
  'base',
  'ly',
  'io',
  'data',
  'cloud',
] as const

/** Optional product word after the name ("Lumiflow Analytics"); '' = none. */
const PRODUCTS = [
  '',
  '',
  '',
  '',
  '',
  '',
  'Analytics',
  'CRM',
  'Mail',
  'Pay',
  'Cloud',
  'HR',
  'Sign',
  'Chat',
  'Forms',
  'Backup',
  'Hosting',
  'Support',
  'Insights',
  'Connect',
  'Suite',
  'Books',
  'Ads',
  'Survey',
  'Voice',
] as const

/** Services in Finnish and English (the pair is what the API stores as service.fi / service.en). */
const SERVICES: readonly (readonly [string, string])[] = [
  ['Asiakkuudenhallinta (CRM)', 'Customer relationship management (CRM)'],
  ['Sähköpostipalvelu', 'Email service'],
  ['Palkanlaskenta', 'Payroll'],
  ['Kirjanpito ja tilinpäätös', 'Bookkeeping and financial statements'],
  ['Verkkosivujen ylläpito', 'Website hosting'],
  ['Pilvipalvelinympäristö', 'Cloud infrastructure'],
  ['Verkkoanalytiikka', 'Web analytics'],
  ['Asiakastuen palvelupiste', 'Customer support helpdesk'],
  ['Laskutus', 'Invoicing'],
  ['Maksunvälitys', 'Payment processing'],
  ['Uutiskirjeiden lähetys', 'Newsletter delivery'],
  ['Varmuuskopiointi', 'Backup service'],
  ['Videoneuvottelut', 'Video conferencing'],
  ['Rekrytointijärjestelmä', 'Recruitment system'],
  ['Tiedostojen jakaminen', 'File sharing'],
  ['Henkilöstöhallinto', 'HR management'],
  ['Tekstiviestipalvelu', 'SMS gateway'],
  ['Perintäpalvelu', 'Debt collection'],
  ['Tilintarkastus', 'Statutory audit'],
  ['Lakipalvelut', 'Legal services'],
  ['Kyselytyökalu', 'Survey tool'],
  ['Projektinhallinta', 'Project management'],
  ['Chat-palvelu verkkosivuilla', 'Website live chat'],
  ['Sähköinen allekirjoitus', 'Electronic signatures'],
  ['Tunnistautuminen ja kirjautuminen', 'Identity and login'],
  ['Lokienhallinta', 'Log management'],
  ['Virheiden seuranta', 'Error tracking'],
  ['Markkinoinnin automaatio', 'Marketing automation'],
  ['Puhelinvaihde', 'Telephony'],
  ['Kuljetus ja logistiikka', 'Shipping and logistics'],
  ['Verkkokauppa-alusta', 'E-commerce platform'],
  ['Tulostus- ja postituspalvelu', 'Printing and mailing'],
  ['Työterveyshuolto', 'Occupational health care'],
  ['Kalenteri ja ajanvaraus', 'Calendar and booking'],
  ['Tietoturvavalvonta', 'Security monitoring'],
  ['Käännöspalvelu', 'Translation service'],
  ['Koulutusalusta', 'Learning platform'],
  ['Matkanhallinta', 'Travel management'],
  ['Kulunvalvonta', 'Access control'],
  ['Asiakaskokemuksen mittaus', 'Customer feedback'],
]

const PURPOSES: readonly (readonly [string, string])[] = [
  ['asiakastietojen hallintaan', 'managing customer data'],
  ['laskutukseen ja kirjanpitoon', 'invoicing and bookkeeping'],
  ['henkilöstön tietojen käsittelyyn', 'processing employee data'],
  ['markkinointiviestintään', 'marketing communication'],
  ['palvelun tuottamiseen', 'providing the service'],
  ['asiakastukeen', 'customer support'],
  ['tietoturvan ylläpitoon', 'maintaining security'],
]

const DATA_CATEGORIES = [
  'nimi',
  'sähköpostiosoite',
  'puhelinnumero',
  'osoite',
  'laskutustiedot',
  'IP-osoite',
  'käyttölokit',
  'palkkatiedot',
  'henkilötunnus',
  'tilaushistoria',
] as const
const SUBJECT_CATEGORIES = ['asiakkaat', 'työntekijät', 'työnhakijat', 'verkkosivujen kävijät', 'yhteyshenkilöt', 'toimittajat'] as const

/** Company forms by headquarters country. */
const COMPANY_FORMS: Record<string, readonly string[]> = {
  FI: ['Oy', 'Oyj', 'Ab Oy'],
  SE: ['AB'],
  DK: ['ApS', 'A/S'],
  NO: ['AS'],
  EE: ['OÜ'],
  DE: ['GmbH', 'AG'],
  NL: ['B.V.'],
  IE: ['Limited', 'DAC'],
  FR: ['SAS'],
  US: ['Inc.', 'LLC', 'Corp.'],
  GB: ['Ltd', 'Limited', 'plc'],
  CH: ['AG', 'GmbH', 'SA'],
  IN: ['Private Limited', 'Pvt Ltd'],
  JP: ['K.K.', 'Co., Ltd.'],
  CA: ['Inc.', 'Ltd.'],
  AU: ['Pty Ltd'],
  SG: ['Pte. Ltd.'],
  KR: ['Co., Ltd.'],
  IL: ['Ltd.'],
  BR: ['Ltda.'],
  PH: ['Inc.'],
  UA: ['LLC'],
  NZ: ['Limited'],
}

const HQ_COUNTRIES: readonly (readonly [string, number])[] = [
  ['FI', 30],
  ['SE', 8],
  ['DE', 8],
  ['IE', 5],
  ['NL', 4],
  ['DK', 3],
  ['NO', 2],
  ['EE', 3],
  ['FR', 2],
  ['US', 20],
  ['GB', 6],
  ['CH', 2],
  ['IN', 2],
  ['JP', 1],
  ['CA', 1],
  ['AU', 1],
  ['SG', 1],
  ['IL', 1],
]

/** Where data goes: mostly the EEA and the US, then adequacy countries and a tail under SCCs. */
const TRANSFER_COUNTRIES: readonly (readonly [string, number])[] = [
  ['FI', 22],
  ['SE', 6],
  ['DE', 9],
  ['IE', 9],
  ['NL', 6],
  ['DK', 2],
  ['FR', 3],
  ['EE', 2],
  ['NO', 1],
  ['BE', 1],
  ['PL', 1],
  ['AT', 1],
  ['US', 20],
  ['GB', 5],
  ['CH', 2],
  ['JP', 1],
  ['CA', 1],
  ['KR', 1],
  ['IL', 1],
  ['NZ', 0.5],
  ['IN', 3],
  ['PH', 1],
  ['BR', 1],
  ['AU', 1],
  ['SG', 1],
  ['UA', 0.5],
  ['ZA', 0.5],
  ['MX', 0.5],
  ['VN', 0.5],
]

const TRANSFER_KINDS: readonly (readonly [TransferKind, number])[] = [
  ['storage', 4],
  ['processing', 3],
  ['remote_access', 2],
  ['support', 1],
]

const adequacyByCountry = new Map(ADEQUACY_DECISIONS.filter((d) => !d.frameworkOnly).map((d) => [d.country as string, d.id]))

// ---------------------------------------------------------------------------------------------
// Generators.
// ---------------------------------------------------------------------------------------------

/** A date (YYYY-MM-DD) between 2016-01-01 and 2025-10-31. */
function randomDate(rand: Rand, from = Date.UTC(2016, 0, 1), to = Date.UTC(2025, 9, 31)): string {
  return new Date(from + Math.floor(rand() * (to - from))).toISOString().slice(0, 10)
}

/** The date `years` later (29 February rolls over to 1 March). */
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10)
}

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
}

export function searchTextOf(r: { displayName: string; legalName: string | null; serviceFi: string; serviceEn: string }): string {
  // Same as apps/api/src/services/processors.ts searchTextOf.
  return [r.displayName, r.legalName ?? '', r.serviceFi, r.serviceEn].join('\n').toLowerCase()
}

interface TransferRow {
  country: string
  kind: TransferKind
  safeguard: Safeguard
  adequacyDecisionId: string | null
  dpfListingUrl: string | null
  dpfVerifiedOn: string | null
  sccModule: number | null
  derogation: string | null
  otherSafeguard: string | null
  tiaStatus: TiaStatus
}

/** A transfer to the country with a safeguard that the API's checkTransferRules accepts. */
function transferTo(rand: Rand, country: string): TransferRow {
  const base = {
    country,
    kind: weighted(rand, TRANSFER_KINDS),
    adequacyDecisionId: null,
    dpfListingUrl: null,
    dpfVerifiedOn: null,
    sccModule: null,
    derogation: null,
    otherSafeguard: null,
  }
  if (isInEea(country)) return { ...base, safeguard: 'none_needed', tiaStatus: 'not_needed' }
  if (country === 'US') {
    if (chance(rand, 0.75)) {
      return {
        ...base,
        safeguard: 'dpf',
        dpfListingUrl: 'https://www.dataprivacyframework.gov/participant/5780',
        dpfVerifiedOn: randomDate(rand, Date.UTC(2023, 7, 1)),
        tiaStatus: 'not_needed',
      }
    }
    return {
      ...base,
      safeguard: 'scc',
      sccModule: pick(rand, [2, 3] as const),
      tiaStatus: pick(rand, ['done', 'in_progress', 'required'] as const),
    }
  }
  const adequacy = adequacyByCountry.get(country)
  if (adequacy) return { ...base, safeguard: 'adequacy', adequacyDecisionId: adequacy, tiaStatus: 'not_needed' }
  const safeguard = weighted<Safeguard>(rand, [
    ['scc', 85],
    ['bcr', 7],
    ['derogation_art49', 3],
    ['other_art46', 2],
    ['unknown', 3],
  ])
  switch (safeguard) {
    case 'scc':
      return {
        ...base,
        safeguard,
        sccModule: weighted(rand, [
          [2, 7],
          [3, 2],
          [1, 1],
        ] as const),
        tiaStatus: pick(rand, ['done', 'done', 'in_progress', 'required', 'unknown'] as const),
      }
    case 'derogation_art49':
      return { ...base, safeguard, derogation: pick(rand, ['a', 'b'] as const), tiaStatus: 'not_needed' }
    case 'other_art46':
      return { ...base, safeguard, otherSafeguard: 'Approved code of conduct (Art. 40) with binding commitments', tiaStatus: 'done' }
    default:
      return { ...base, safeguard, tiaStatus: safeguard === 'unknown' ? 'unknown' : 'done' }
  }
}

function checklistFor(rand: Rand, status: DpaStatus): Checklist {
  const out = {} as Checklist
  CHECKLIST_POINTS.forEach((p, i) => {
    const st =
      status === 'signed'
        ? weighted(rand, [
            ['covered', 9],
            ['not_covered', 0.5],
            ['unknown', 0.5],
          ] as const)
        : status === 'in_negotiation'
          ? pick(rand, ['covered', 'unknown', 'not_covered'] as const)
          : 'unknown'
    out[p] = { status: st, clause: st === 'covered' ? `${i + 2}.${1 + Math.floor(rand() * 6)}` : null }
  })
  return out
}

/** Exactly `total` transfers spread over `n` processors (0-6 each, mean total/n). */
function transferCounts(rand: Rand, n: number, total: number): Uint8Array {
  const counts = new Uint8Array(n)
  if (n === 0) return counts
  const mean = total / n
  let sum = 0
  for (let i = 0; i < n; i++) {
    const c = Math.max(0, Math.min(6, Math.round(mean - 2 + rand() * 4)))
    counts[i] = c
    sum += c
  }
  while (sum !== total) {
    const i = Math.floor(rand() * n)
    if (sum < total && counts[i]! < 6) {
      counts[i]!++
      sum++
    } else if (sum > total && counts[i]! > 0) {
      counts[i]!--
      sum--
    }
  }
  return counts
}

// ---------------------------------------------------------------------------------------------
// The seed.
// ---------------------------------------------------------------------------------------------

/** Opens (migrating) the database at opts.path and fills it. Closes it before returning. */
export function seedDatabase(opts: SeedOptions): SeedResult {
  const started = performance.now()
  const db = openDatabase(opts.path)
  try {
    const result = fill(db, opts)
    return { ...result, path: opts.path, ms: performance.now() - started }
  } finally {
    closeDatabase(db)
  }
}

function fill(db: Db, opts: SeedOptions): Omit<SeedResult, 'path' | 'ms'> {
  const rand = mulberry32(opts.seed ?? 20251126)
  const n = opts.processors
  const totalTransfers = Math.round(n * (opts.transfersPerProcessor ?? 3))
  const sqlite = db.$client

  if (!findOrganisation(db)) {
    createOrganisation(systemContext(db), {
      name: 'Mikroni Digital',
      businessId: '3235836-5',
      address: 'Ahjokatu 14-16, 40320 JYVÄSKYLÄ',
      privacyContactName: 'Tietosuojavastaava',
      privacyContactEmail: 'privacy@example.fi',
      defaultLanguage: 'fi',
    })
  }
  const existing = sqlite.prepare('SELECT count(*) FROM processors').pluck().get() as number
  if (existing > 0) throw new Error(`${opts.path} already has ${existing} processors; seed a new file`)

  const insertProcessor =
    sqlite.prepare(`INSERT INTO processors (id, display_name, legal_name, parent_id, role, service_fi, service_en, purpose_fi, purpose_en,
      data_categories, data_subject_categories, website_url, privacy_policy_url, dpa_url, hq_country, status, start_date, end_date,
      disclosure_condition_fi, disclosure_condition_en, is_public, internal_notes, search_text, version, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertTransfer =
    sqlite.prepare(`INSERT INTO transfers (processor_id, country, kind, safeguard, adequacy_decision_id, dpf_listing_url, dpf_verified_on,
      scc_module, derogation, other_safeguard, tia_status, tia_url, notes, version, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertDpa =
    sqlite.prepare(`INSERT INTO dpas (processor_id, status, not_required_reason, signed_on, reference, document_url, valid_until, next_review_on,
      checklist, version, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)

  const counts = transferCounts(rand, n, totalTransfers)
  let transfersWritten = 0
  let dpasWritten = 0

  sqlite.transaction(() => {
    for (let id = 1; id <= n; id++) {
      const stem = pick(rand, STEMS)
      const suffix = pick(rand, SUFFIXES)
      const product = pick(rand, PRODUCTS)
      const brand = stem + suffix
      const displayName = product ? `${brand} ${product}` : brand
      const hq = weighted(rand, HQ_COUNTRIES)
      const legalName = chance(rand, 0.85) ? `${brand} ${pick(rand, COMPANY_FORMS[hq] ?? ['Ltd'])}` : null
      const [serviceFi, serviceEn] = pick(rand, SERVICES)
      const [purposeFi, purposeEn] = pick(rand, PURPOSES)
      const role = weighted<ProcessorRole>(rand, [
        ['processor', 60],
        ['sub_processor', 20],
        ['independent_controller', 10],
        ['recipient', 10],
      ])
      const status = weighted<ProcessorStatus>(rand, [
        ['active', 75],
        ['planned', 8],
        ['retired', 17],
      ])
      // Parents: an earlier processor, so that there is never a loop; sub-processors have one more often.
      const parentId = id > 20 && chance(rand, role === 'sub_processor' ? 0.35 : 0.05) ? 1 + Math.floor(rand() * (id - 1)) : null
      const created = randomDate(rand, Date.UTC(2019, 0, 1), Date.UTC(2025, 5, 30))
      const updated = randomDate(rand, Date.parse(created), Date.UTC(2025, 10, 20))
      const startDate =
        status === 'planned'
          ? randomDate(rand, Date.UTC(2025, 11, 1), Date.UTC(2026, 5, 30))
          : chance(rand, 0.8)
            ? randomDate(rand, Date.UTC(2012, 0, 1), Date.parse(created))
            : null
      const endDate = status === 'retired' ? randomDate(rand, Date.parse(startDate ?? created), Date.UTC(2025, 10, 20)) : null
      const domain = `${slug(brand)}.${hq === 'FI' ? 'fi' : hq === 'SE' ? 'se' : hq === 'DE' ? 'de' : 'com'}`
      const dataCategories = DATA_CATEGORIES.filter(() => chance(rand, 0.3))
      const subjects = SUBJECT_CATEGORIES.filter(() => chance(rand, 0.35))
      const isRecipient = role === 'recipient' || role === 'independent_controller'
      insertProcessor.run(
        id,
        displayName,
        legalName,
        parentId,
        role,
        serviceFi,
        serviceEn,
        purposeFi,
        purposeEn,
        JSON.stringify(dataCategories),
        JSON.stringify(subjects),
        `https://www.${domain}/`,
        chance(rand, 0.8) ? `https://www.${domain}/privacy` : null,
        chance(rand, 0.4) ? `https://www.${domain}/dpa` : null,
        hq,
        status,
        startDate,
        endDate,
        isRecipient ? 'vain lakisääteisissä tilanteissa' : '',
        isRecipient ? 'only where required by law' : '',
        chance(rand, 0.9) ? 1 : 0,
        chance(rand, 0.2) ? 'Sopimus uusittava seuraavassa katselmoinnissa.' : null,
        searchTextOf({ displayName, legalName, serviceFi, serviceEn }),
        1 + Math.floor(rand() * 4),
        `${created}T08:00:00.000Z`,
        `${updated}T12:00:00.000Z`,
      )

      // Transfers: the HQ country first when it is one of the usual destinations, then weighted picks.
      const wanted = counts[id - 1]!
      const countries = new Set<string>()
      if (wanted > 0 && TRANSFER_COUNTRIES.some(([c]) => c === hq) && chance(rand, 0.6)) countries.add(hq)
      for (let tries = 0; countries.size < wanted && tries < 50; tries++) countries.add(weighted(rand, TRANSFER_COUNTRIES))
      // Exactly `wanted` rows: a repeated country gets a second record (e.g. storage and support).
      const list = [...countries]
      while (list.length < wanted) list.push(pick(rand, list.length ? list : ['FI']))
      for (const country of list) {
        const t = transferTo(rand, country)
        const at = `${randomDate(rand, Date.parse(created), Date.UTC(2025, 10, 20))}T09:30:00.000Z`
        insertTransfer.run(
          id,
          t.country,
          t.kind,
          t.safeguard,
          t.adequacyDecisionId,
          t.dpfListingUrl,
          t.dpfVerifiedOn,
          t.sccModule,
          t.derogation,
          t.otherSafeguard,
          t.tiaStatus,
          t.tiaStatus === 'done' ? `https://intranet.example.fi/tia/${id}-${t.country.toLowerCase()}` : null,
          chance(rand, 0.1) ? 'Tarkistettu vuosikatselmoinnissa.' : null,
          1,
          at,
          at,
        )
        transfersWritten++
      }

      // DPAs: ~1 each (5 % none, 5 % an older one superseded by a newer one).
      const dpaCount = weighted(rand, [
        [0, 5],
        [1, 90],
        [2, 5],
      ] as const)
      for (let k = 0; k < dpaCount; k++) {
        const newest = k === dpaCount - 1
        const dpaStatus: DpaStatus = isRecipient
          ? weighted<DpaStatus>(rand, [
              ['not_required', 80],
              ['missing', 20],
            ])
          : newest
            ? weighted<DpaStatus>(rand, [
                ['signed', 72],
                ['in_negotiation', 12],
                ['missing', 10],
                ['not_required', 6],
              ])
            : 'signed'
        const signedOn = dpaStatus === 'signed' ? randomDate(rand, Date.UTC(2018, 4, 25), Date.UTC(2025, 9, 31)) : null
        const validUntil = signedOn && chance(rand, 0.3) ? addYears(signedOn, 3) : null
        const at = `${signedOn ?? randomDate(rand, Date.parse(created))}T10:00:00.000Z`
        insertDpa.run(
          id,
          dpaStatus,
          dpaStatus === 'not_required'
            ? isRecipient
              ? 'Itsenäinen rekisterinpitäjä; ei henkilötietojen käsittelijä'
              : 'Ei käsittele henkilötietoja'
            : null,
          signedOn,
          signedOn ? `DPA-${id}-${k + 1}` : null,
          signedOn && chance(rand, 0.5) ? `https://www.${domain}/legal/dpa.pdf` : null,
          validUntil,
          signedOn ? addYears(signedOn, 1) : null,
          JSON.stringify(checklistFor(rand, dpaStatus)),
          1,
          at,
          at,
        )
        dpasWritten++
      }
    }
  })()

  const candidates = new Set<string>()
  for (const s of STEMS) candidates.add(s.toLowerCase())
  for (const s of SUFFIXES) candidates.add(s)
  for (const p of PRODUCTS) if (p) candidates.add(p.toLowerCase())
  for (const [fi, en] of SERVICES) {
    for (const w of `${fi} ${en}`.toLowerCase().split(/[^\p{L}\p{N}-]+/u)) if (w.length >= 4) candidates.add(w)
  }
  return { processors: n, transfers: transfersWritten, dpas: dpasWritten, searchTermCandidates: [...candidates] }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const path = process.argv[2]
  if (!path) {
    console.error('usage: tsx bench/seed.ts <file.sqlite> [processors]')
    process.exit(2)
  }
  const result = seedDatabase({ path: resolve(path), processors: Number(process.argv[3] ?? 10_000) })
  console.log(
    `seeded ${result.processors} processors, ${result.transfers} transfers, ${result.dpas} DPAs into ${result.path} in ${(result.ms / 1000).toFixed(2)} s`,
  )
}
