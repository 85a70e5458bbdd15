/** Calendar arithmetic on YYYY-MM-DD dates in the user's own time zone (what "today" means to them). */

export function todayLocal(now = new Date()): string {
  return isoDate(now)
}

function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

function parse(date: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1)
}

export function addDaysLocal(date: string, days: number): string {
  const d = parse(date)
  d.setDate(d.getDate() + days)
  return isoDate(d)
}

export function addMonthsLocal(date: string, months: number): string {
  const d = parse(date)
  const day = d.getDate()
  d.setDate(1)
  d.setMonth(d.getMonth() + months)
  // 29 Feb + 24 months is 28 Feb, not 1 Mar.
  const last = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate()
  d.setDate(Math.min(day, last))
  return isoDate(d)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000)
}
