import type { ActivityListQuery, FindingsQuery, ProcessorListQueryParsed, SearchQueryParsed } from '@seloste/schema'
import type { z } from 'zod'
import { listActivities } from '../services/activity-list'
import { listFindings } from '../services/findings'
import { listProcessors } from '../services/processors'
import { searchRegistry } from '../services/search'
import { renderExport, type ExportRender } from '../services/exports'
import { toJsonText } from '../lib/json-text'
import type { Db } from '../db/client'

/**
 * The reads that may run on a worker thread (reads/read-pool.ts): pure reads of the database whose
 * argument and result are plain data (they cross threads by structured clone; a task may return a
promise of them). A task must not write:
 * the workers' connections are read-only.
 */
export const readTasks = {
  /** As JSON text: the route sends it as it is (lib/json-text.ts). */
  listProcessors: (db: Db, query: ProcessorListQueryParsed) => toJsonText(listProcessors(db, query)),
  /** The activities list: it runs the compliance checks to count each activity's open findings. */
  listActivities: (db: Db, query: z.output<typeof ActivityListQuery>) => listActivities(db, query),
  listFindings: (db: Db, arg: { query: z.output<typeof FindingsQuery>; today?: string }) => listFindings(db, arg.query, arg.today),
  /** The search box: processors, activities and findings at once. */
  search: (db: Db, query: SearchQueryParsed) => searchRegistry(db, query),
  /** An export's file (the route writes its audit event on the app's connection). */
  renderExport: (db: Db, arg: ExportRender) => renderExport(db, arg),
}

export type ReadTasks = typeof readTasks
export type ReadTask = keyof ReadTasks
