import {
  DpaStatus,
  isCountryCode,
  ProcessorRole,
  type CountryCode,
  ProcessorSort,
  ProcessorStatus,
  Safeguard,
  type ProcessorListQuery,
} from '@seloste/schema'
import { z } from 'zod'

export const PAGE_SIZES = [10, 25, 50, 100] as const
export const DEFAULT_PAGE_SIZE = 25

/**
 * The list's state as URL search params, so a copied link reproduces the view. Every field
 * falls back to "not set" on a bad value: an old or hand-edited link still opens.
 * (The router parses values as JSON, so page=2 arrives as a number and outsideEea=true as a boolean.)
 */
export const ProcessorListSearch = z.object({
  q: z.union([z.string(), z.number()]).transform(String).optional().catch(undefined),
  status: ProcessorStatus.optional().catch(undefined),
  role: ProcessorRole.optional().catch(undefined),
  country: z
    .string()
    .refine((v): v is CountryCode => isCountryCode(v))
    .optional()
    .catch(undefined),
  safeguard: Safeguard.optional().catch(undefined),
  dpaStatus: DpaStatus.optional().catch(undefined),
  outsideEea: z.boolean().optional().catch(undefined),
  sort: ProcessorSort.optional().catch(undefined),
  order: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.number().int().min(1).optional().catch(undefined),
  pageSize: z
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .optional()
    .catch(undefined),
})
export type ProcessorListSearch = z.output<typeof ProcessorListSearch>

export const FILTER_KEYS = ['q', 'status', 'role', 'country', 'safeguard', 'dpaStatus', 'outsideEea'] as const

export function hasFilters(search: ProcessorListSearch): boolean {
  return FILTER_KEYS.some((k) => search[k] !== undefined && search[k] !== '')
}

/** The API query for a URL state: defaults filled in. */
export function toListQuery(search: ProcessorListSearch): ProcessorListQuery {
  return {
    q: search.q?.trim() || undefined,
    status: search.status,
    role: search.role,
    country: search.country,
    safeguard: search.safeguard,
    dpaStatus: search.dpaStatus,
    outsideEea: search.outsideEea === undefined ? undefined : search.outsideEea ? 'true' : 'false',
    sort: search.sort ?? 'displayName',
    order: search.order ?? 'asc',
    page: search.page ?? 1,
    pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE,
  }
}
