import { z } from 'zod'

/** The most characters the API searches for (SearchQuery in the schema). */
export const SEARCH_MAX_LENGTH = 100

/** The search page's state in the URL (?q=); a bad value falls back to none, so old links open. */
export const SearchPageSearch = z.object({
  q: z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().max(SEARCH_MAX_LENGTH)).optional().catch(undefined),
})
export type SearchPageSearch = z.output<typeof SearchPageSearch>

/**
 * Whether the API can search for a term: control characters (a NUL, a line break pasted in) are
 * refused by the API, so they are never sent; the page says what is wrong instead.
 */
export function isSearchable(term: string): boolean {
  // eslint-disable-next-line no-control-regex
  return term.length > 0 && !/[\u0000-\u001f\u007f-\u009f]/.test(term)
}

/** A dashboard path from the API, safe to hand to the router (never another site). */
export function isDashboardPath(link: string): boolean {
  return link.startsWith('/') && !link.startsWith('//')
}
