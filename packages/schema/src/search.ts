import { z } from 'zod'
import { ActivityStatus } from './activities'
import { searchTerm } from './common'
import { Finding } from './findings'
import { ProcessorRole, ProcessorStatus } from './registry'

/** The most results of each kind one search answers with. */
export const SEARCH_LIMIT_MAX = 20

/** One search over processors, activities and findings (the dashboard's search box). */
export const SearchQuery = z
  .object({
    q: searchTerm(100).min(1, 'Required').meta({ description: 'A substring, any case, at most 100 characters; no control characters' }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(SEARCH_LIMIT_MAX)
      .default(8)
      .meta({ description: `Results of each kind, at most ${SEARCH_LIMIT_MAX}` }),
  })
  .meta({ id: 'SearchQuery' })
export type SearchQuery = z.input<typeof SearchQuery>
export type SearchQueryParsed = z.output<typeof SearchQuery>

export const SearchProcessorHit = z.object({
  id: z.number().int(),
  displayName: z.string(),
  displayNameEn: z.string().nullable().meta({ description: 'The name in English outputs; null: the display name serves both languages' }),
  legalName: z.string().nullable(),
  role: ProcessorRole,
  status: ProcessorStatus,
})
export type SearchProcessorHit = z.infer<typeof SearchProcessorHit>

export const SearchActivityHit = z.object({
  id: z.number().int(),
  name: z.object({ fi: z.string(), en: z.string() }),
  status: ActivityStatus,
})
export type SearchActivityHit = z.infer<typeof SearchActivityHit>

export const SearchFindingHit = Finding.pick({ key: true, checkId: true, severity: true, entity: true, message: true, link: true }).extend({
  acknowledged: z.boolean().meta({ description: 'Accepted as a risk until a date (still listed, no longer counted as open)' }),
})
export type SearchFindingHit = z.infer<typeof SearchFindingHit>

const group = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int().meta({ description: 'Every match, of which at most `limit` are listed' }) })

export const SearchResults = z
  .object({
    q: z.string(),
    processors: group(SearchProcessorHit).meta({ description: 'By name, legal entity or service; sorted by name' }),
    activities: group(SearchActivityHit).meta({ description: 'By name in either language; sorted by name' }),
    findings: group(SearchFindingHit).meta({ description: 'By message or record name in either language; open first, most severe first' }),
  })
  .meta({ id: 'SearchResults' })
export type SearchResults = z.infer<typeof SearchResults>
