/**
 * The value of a comma-separated X-Forwarded-* header that the outermost trusted proxy wrote:
 * the `hops`-th entry from the right (or the leftmost one when fewer proxies appended to it).
 */
export function forwardedValue(hops: number, header: string | undefined): string | null {
  if (hops <= 0 || !header) return null
  const entries = header
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
  if (entries.length === 0) return null
  return entries[Math.max(0, entries.length - hops)] ?? null
}
