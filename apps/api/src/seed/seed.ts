import { sql } from 'drizzle-orm'
import { DpaInput, ProcessorInput, TransferInput } from '@seloste/schema'
import type { Db } from '../db/client'
import { processors } from '../db/schema'
import { systemContext } from '../services/context'
import { createDpa } from '../services/dpas'
import { createOrganisation, findOrganisation } from '../services/organisation'
import { createProcessor, deleteProcessor } from '../services/processors'
import { createTransfer } from '../services/transfers'
import { DEMO_ORGANISATION, DEMO_PROCESSORS, DEMO_PUBLISHED_ON } from './demo-data'
import { latestVersion, publishPublicList } from '../services/public-list'

export interface SeedResult {
  organisation: boolean
  processors: number
}

/**
 * Loads the reference company into an empty registry. Idempotent: the organisation is created
 * only when missing and processors only when the registry has none, so a second run adds nothing.
 * Everything goes through the services, so the demo data passes the same rules and leaves the same
 * audit trail as a person's edits.
 */
export function seedDemoData(db: Db): SeedResult {
  const ctx = systemContext(db)
  const result: SeedResult = { organisation: false, processors: 0 }
  if (!findOrganisation(db)) {
    createOrganisation(ctx, DEMO_ORGANISATION)
    result.organisation = true
  }
  const existing = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM processors`).n
  if (existing > 0) return result

  const ids = new Map<string, number>()
  for (const demo of DEMO_PROCESSORS) {
    const parentId = demo.parentKey ? ids.get(demo.parentKey) : undefined
    const created = createProcessor(ctx, ProcessorInput.parse({ ...demo.processor, parentId: parentId ?? null }))
    ids.set(demo.key, created.id)
    for (const t of demo.transfers ?? []) createTransfer(ctx, created.id, TransferInput.parse(t))
    if (demo.dpa) createDpa(ctx, created.id, DpaInput.parse(demo.dpa))
    result.processors++
  }
  // The reference policy's sections 6 and 7 as the first published version, dated as the policy.
  if (!latestVersion(db)) publishPublicList(ctx, { basedOnVersion: 0, date: DEMO_PUBLISHED_ON })
  return result
}

/**
 * Deletes every processor (with its transfers and DPAs) through the service, leaves first so that no
 * parent is deleted before its subsidiaries, and loads the demo data again. Each deletion is audited.
 */
export function resetDemoData(db: Db): SeedResult {
  const ctx = systemContext(db)
  for (;;) {
    const leaves = db
      .select({ id: processors.id, version: processors.version })
      .from(processors)
      .where(sql`NOT EXISTS (SELECT 1 FROM processors c WHERE c.parent_id = ${processors.id})`)
      .all()
    if (leaves.length === 0) break
    for (const p of leaves) deleteProcessor(ctx, p.id, p.version)
  }
  return seedDemoData(db)
}
