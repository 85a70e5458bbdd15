/**
 * How fast the auditor's exports are on a large registry: seeds a temporary database through the
 * API's own services (so that the audit trail, which the "as of" exports are rebuilt from, is the
 * real one), then times every export of now and of a moment before a round of later edits.
 *
 * Run: node --import tsx bench/exports.ts   (or: pnpm --filter @seloste/api exec tsx ../../bench/exports.ts)
 *
 * Environment:
 *   BENCH_EXPORT_ACTIVITIES   processing activities (default 1000)
 *   BENCH_EXPORT_PROCESSORS   processors, each with 0-5 transfers and a DPA (default 10000)
 *   BENCH_EXPORT_KEEP         "1": keep the database file and print its path
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ActivityInput, DpaInput, ProcessorInput, TransferInput } from '../packages/schema/src/index'
import {
  ActivityInput as ActivityInputSchema,
  ActivityListQuery,
  DpaInput as DpaInputSchema,
  ProcessorInput as ProcessorInputSchema,
  SearchQuery,
  TransferInput as TransferInputSchema,
} from '../packages/schema/src/index'
import { closeDatabase, openDatabase, type Db } from '../apps/api/src/db/client'
import { createActivity, updateActivity } from '../apps/api/src/services/activities'
import { systemContext } from '../apps/api/src/services/context'
import { createDpa } from '../apps/api/src/services/dpas'
import { listActivities } from '../apps/api/src/services/activity-list'
import { measureExports } from '../apps/api/src/services/exports'
import { listFindings } from '../apps/api/src/services/findings'
import { createOrganisation } from '../apps/api/src/services/organisation'
import { createProcessor, updateProcessor } from '../apps/api/src/services/processors'
import { searchRegistry } from '../apps/api/src/services/search'
import { createTransfer } from '../apps/api/src/services/transfers'
import { createDataCategory, createDataSubjectCategory } from '../apps/api/src/services/vocabulary'

const ACTIVITIES = count('BENCH_EXPORT_ACTIVITIES', 1000)
const PROCESSORS = count('BENCH_EXPORT_PROCESSORS', 10000)

function count(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: "${raw}" is not a positive whole number`)
  return n
}

/** A small deterministic generator, so that every run builds the same registry. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = mulberry32(20251126)
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
const sample = <T>(list: readonly T[], n: number): T[] => [...new Set(Array.from({ length: n }, () => pick(list)))]

const TRANSFERS: TransferInput[] = [
  { country: 'FI', kind: 'storage', safeguard: 'none_needed' },
  { country: 'DE', kind: 'processing', safeguard: 'none_needed' },
  { country: 'IE', kind: 'storage', safeguard: 'none_needed' },
  {
    country: 'US',
    kind: 'storage',
    safeguard: 'dpf',
    dpfListingUrl: 'https://www.dataprivacyframework.gov/participant/5780',
    certifiedEntity: 'Bench Corp',
  },
  { country: 'US', kind: 'support', safeguard: 'scc', sccModule: 2, tiaStatus: 'done' },
  { country: 'IN', kind: 'remote_access', safeguard: 'scc', sccModule: 3, tiaStatus: 'in_progress' },
  { country: 'JP', kind: 'processing', safeguard: 'adequacy', adequacyDecisionId: 'jp-2019' },
]

function seed(db: Db): { ms: number; events: number } {
  const started = performance.now()
  const ctx = systemContext(db)
  createOrganisation(ctx, {
    name: 'Mikroni Digital',
    businessId: '3235836-5',
    address: 'c/o Askelvirta Offices, Ahjokatu 14-16, 40320 JYVÄSKYLÄ',
    privacyContactName: 'Roni Äikäs',
    privacyContactEmail: 'roni@mikroni.fi',
    defaultLanguage: 'fi',
  })
  const transfers = TRANSFERS.map((t) => TransferInputSchema.parse(t))
  const processorIds: number[] = []
  for (let i = 1; i <= PROCESSORS; i++) {
    const input: ProcessorInput = {
      displayName: `Processor ${i} ${pick(['Cloud', 'Analytics', 'Mail', 'CRM', 'Payments', 'Hosting'])}`,
      legalName: `Processor ${i} Oy`,
      role: pick(['processor', 'processor', 'processor', 'sub_processor', 'recipient'] as const),
      service: { fi: `Palvelu ${i}`, en: `Service ${i}` },
      purpose: { fi: 'asiakastietojen hallintaan', en: 'managing customer data' },
      dataCategories: ['Nimi', 'Sähköposti'],
      status: 'active',
      isPublic: rand() < 0.8,
    }
    const p = createProcessor(ctx, ProcessorInputSchema.parse(input))
    processorIds.push(p.id)
    for (const t of sample(transfers, Math.floor(rand() * 6))) createTransfer(ctx, p.id, t)
    const dpa: DpaInput = rand() < 0.85 ? { status: 'signed', signedOn: '2024-05-01', reference: `DPA-${i}` } : { status: 'missing' }
    createDpa(ctx, p.id, DpaInputSchema.parse(dpa))
  }
  const subjects = Array.from(
    { length: 20 },
    (_, i) => createDataSubjectCategory(ctx, { name: { fi: `Rekisteröityjen ryhmä ${i + 1}`, en: `Data subjects ${i + 1}` } }).id,
  )
  const categories = Array.from(
    { length: 60 },
    (_, i) => createDataCategory(ctx, { name: { fi: `Tietoryhmä ${i + 1}`, en: `Data category ${i + 1}` }, special: false }).id,
  )
  for (let i = 1; i <= ACTIVITIES; i++) {
    const input: ActivityInput = {
      name: { fi: `Käsittelytoimi ${i}`, en: `Processing activity ${i}` },
      description: { fi: 'Kuvaus '.repeat(10), en: 'Description '.repeat(10) },
      purposes: [
        { description: { fi: 'Sopimuksen täyttäminen', en: 'Performing the contract' }, legalBasis: 'b' },
        {
          description: { fi: 'Markkinointi', en: 'Marketing' },
          legalBasis: 'f',
          legitimateInterest: { fi: 'Markkinointi', en: 'Marketing' },
        },
      ],
      dataSubjectCategoryIds: sample(subjects, 3),
      dataCategories: sample(categories, 6).map((id) => ({ id })),
      retention: {
        kind: 'duration_after_event',
        amount: 5,
        unit: 'years',
        event: { fi: 'asiakassuhde päättyy', en: 'the customer relationship ends' },
      },
      sources: ['data_subject', 'employer'],
      processorIds: sample(processorIds, 10),
      otherRecipients: [
        { name: { fi: 'Viranomaiset', en: 'Authorities' }, condition: { fi: 'lain vaatiessa', en: 'when the law requires it' } },
      ],
      securityMeasures: { fi: 'Palomuurit, salasanat, pääsynhallinta.', en: 'Firewalls, passwords, access control.' },
      automatedDecisionMaking: false,
      profiling: false,
      rights: ['access', 'rectification', 'erasure', 'objection', 'complaint'],
    }
    createActivity(ctx, ActivityInputSchema.parse(input))
  }
  const events = db.$client.prepare('SELECT count(*) FROM audit_events').pluck().get() as number
  return { ms: performance.now() - started, events }
}

/** A round of later edits, so that "as of" before them has something to undo. */
function editSome(db: Db): void {
  const ctx = systemContext(db)
  for (let id = 1; id <= Math.min(PROCESSORS, 500); id++) updateProcessor(ctx, id, { displayName: `Renamed processor ${id}`, version: 1 })
  for (let id = 1; id <= Math.min(ACTIVITIES, 100); id++) updateActivity(ctx, id, { owner: 'Roni Äikäs', version: 1 })
}

/**
 * The dashboard reads that run every compliance check: the activities list, the search box (as a
 * user types) and the findings list, in-process, median of 5 after one warm-up. "After a change":
 * each call follows a write, so the checks run again; "unchanged": the result the connection kept
 * (services/findings.ts, checkRegistry) answers.
 */
function measureLists(db: Db): void {
  const touch = db.$client.prepare('UPDATE processors SET internal_notes = internal_notes WHERE id = 1')
  const median = (f: () => unknown, changed: boolean): number => {
    f()
    const times = Array.from({ length: 5 }, () => {
      if (changed) touch.run()
      const t = performance.now()
      f()
      return performance.now() - t
    }).sort((a, b) => a - b)
    return times[2]!
  }
  const reads: [string, () => unknown][] = [
    ['GET /api/activities (all, by name)', () => listActivities(db, ActivityListQuery.parse({}))],
    ['GET /api/activities?gap=findings', () => listActivities(db, ActivityListQuery.parse({ gap: 'findings' }))],
    ['GET /api/search?q=proc (search box)', () => searchRegistry(db, SearchQuery.parse({ q: 'proc' }))],
    ['GET /api/findings (all checks)', () => listFindings(db, {})],
  ]
  console.log('')
  console.log('| read (in-process, median of 5) | after a change (ms) | unchanged (ms) |')
  console.log('|---|---:|---:|')
  for (const [name, f] of reads) console.log(`| ${name} | ${median(f, true).toFixed(0)} | ${median(f, false).toFixed(0)} |`)
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'seloste-bench-exports-'))
  const path = join(dir, 'exports.sqlite')
  const db = openDatabase(path)
  // A throwaway database: no need to wait for the disk on every one of the seed's transactions.
  db.$client.pragma('synchronous = OFF')
  try {
    console.log(`[exports] seeding ${PROCESSORS} processors and ${ACTIVITIES} activities through the services...`)
    const seeded = seed(db)
    console.log(`[exports] seeded in ${(seeded.ms / 1000).toFixed(1)} s, ${seeded.events} audit events`)
    const before = new Date().toISOString()
    while (new Date().toISOString() <= before) await new Promise((r) => setTimeout(r, 2))
    editSome(db)
    db.$client.pragma('synchronous = FULL')

    await measureExports(db, { lang: 'fi' }) // warm-up: module loading, JIT
    const timings = await measureExports(db, { asOf: before, lang: 'fi' })
    console.log('')
    console.log('| export | format | moment | time (ms) | size (KiB) |')
    console.log('|---|---|---|---:|---:|')
    for (const t of timings) {
      console.log(
        `| ${t.export} | ${t.format} | ${t.moment === 'now' ? 'now' : 'as of (audit trail)'} | ${t.ms.toFixed(0)} | ${(t.bytes / 1024).toFixed(0)} |`,
      )
    }
    const slowest = Math.max(...timings.map((t) => t.ms))
    measureLists(db)
    console.log('')
    console.log(`[exports] slowest: ${(slowest / 1000).toFixed(2)} s (${PROCESSORS} processors, ${ACTIVITIES} activities)`)
  } finally {
    closeDatabase(db)
    if (process.env.BENCH_EXPORT_KEEP === '1') console.log(`[exports] kept ${path}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

await main()
