/**
 * One search over processors, activities and findings (the dashboard's search box). Processors are
 * found as the processors list finds them (the trigram index, `listProcessors`); activities by name in
 * either language; findings by their message or their record's name, as the findings list has them.
 * Each kind answers with at most `limit` results and the number of all its matches.
 */
import type { SearchQueryParsed, SearchResults } from '@seloste/schema'
import type { DbOrTx } from '../db/client'
import { byName, loadActivityRecords } from './activities'
import { listFindings, todayIso } from './findings'
import { listProcessors } from './processors'

export function searchRegistry(db: DbOrTx, query: SearchQueryParsed, today = todayIso()): SearchResults {
  const { q, limit } = query
  const term = q.toLocaleLowerCase('fi')
  const has = (...texts: (string | null | undefined)[]) => texts.some((t) => t && t.toLocaleLowerCase('fi').includes(term))

  const page = listProcessors(db, { q, sort: 'displayName', order: 'asc', page: 1, pageSize: limit })
  const activities = loadActivityRecords(db)
    .filter((a) => has(a.name.fi, a.name.en))
    .sort(byName)
  const { open, acknowledged } = listFindings(db, {}, today)
  const findings = [...open, ...acknowledged].filter((f) => has(f.message.fi, f.message.en, f.entity.name.fi, f.entity.name.en))

  return {
    q,
    processors: {
      items: page.items.map(({ id, displayName, displayNameEn, legalName, role, status }) => ({
        id,
        displayName,
        displayNameEn,
        legalName,
        role,
        status,
      })),
      total: page.total,
    },
    activities: {
      items: activities.slice(0, limit).map(({ id, name, status }) => ({ id, name, status })),
      total: activities.length,
    },
    findings: {
      items: findings.slice(0, limit).map(({ key, checkId, severity, entity, message, link, acknowledgement }) => ({
        key,
        checkId,
        severity,
        entity,
        message,
        link,
        acknowledged: acknowledgement !== null,
      })),
      total: findings.length,
    },
  }
}
