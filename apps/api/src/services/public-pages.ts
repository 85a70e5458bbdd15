/**
 * What the public processor list's pages say, without HTTP: which version a request means, its
 * rendering in each format, the changes page and the feed, and the subscription flow with its
 * throttle. The route (routes/public.ts) parses the request and serves these through the
 * rendering cache (lib/rendering-cache.ts).
 */
import type { Language, PublishedVersion } from '@seloste/schema'
import { z } from 'zod'
import type { Db } from '../db/client'
import { AppError } from '../lib/app-error'
import { logger } from '../lib/logger'
import type { Mailer } from '../lib/mailer'
import { renderAtom, renderCsv, renderJson } from '../public-list/render-data'
import { renderChangesHtml, renderHtml } from '../public-list/render-html'
import { renderMarkdown } from '../public-list/render-markdown'
import { findOrganisation } from './organisation'
import { getVersion, latestVersionStamp, listVersions } from './public-list'
import { subscribe } from './subscriptions'

export type PublicFormat = 'html' | 'json' | 'md' | 'csv'

export const PUBLIC_CONTENT_TYPES: Record<PublicFormat | 'atom', string> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
}

/** The language asked for (`?lang=`), or the organisation's default when none is asked for. */
export function publicLanguage(db: Db, lang: string | undefined): Language {
  if (lang === undefined || lang === '') return findOrganisation(db)?.defaultLanguage ?? 'fi'
  if (lang === 'fi' || lang === 'en') return lang
  throw new AppError('validation_failed', 'Unknown language', { fields: [{ path: 'lang', message: 'Must be "fi" or "en"' }] })
}

/** Today's date (UTC): part of a rendering, since an announced processor turns active at midnight. */
export function today(): string {
  return new Date().toISOString().slice(0, 10)
}

function render(
  version: PublishedVersion,
  format: PublicFormat,
  lang: Language,
  archived: boolean,
  subscribe: boolean,
  supersededBy?: number,
): string {
  switch (format) {
    case 'html':
      return renderHtml(version, lang, today(), { archived, subscribe, ...(supersededBy !== undefined && { supersededBy }) })
    case 'json':
      return renderJson(version, lang, today())
    case 'md':
      return renderMarkdown(version, lang, today())
    case 'csv':
      return renderCsv(version, lang, today())
  }
}

/** The version number a request means: the one it names, or the latest; null when none is published. */
export function versionToServe(db: Db, number: number | null): number | null {
  return number ?? latestVersionStamp(db)?.version ?? null
}

/** The newest published version when it is newer than `number`: an older version's page names it. */
export function newerVersion(db: Db, number: number): { version: number; publishedAt: string } | null {
  const latest = latestVersionStamp(db)
  return latest && latest.version > number ? latest : null
}

/**
 * One published version in a format and language, with the moment it last changed: its publication,
 * or, for an older version, the publication of the newer one its page then names ("superseded by").
 */
export function renderVersion(
  db: Db,
  number: number,
  format: PublicFormat,
  lang: Language,
  options: { archived: boolean; subscribe: boolean; supersededBy: { version: number; publishedAt: string } | null },
) {
  const version = getVersion(db, number)
  const newer = options.supersededBy
  return {
    body: render(version, format, lang, options.archived, options.subscribe, newer?.version),
    lastModified: new Date((newer ?? version).publishedAt),
  }
}

/** The page listing every published version's changes. */
export function renderChangesPage(db: Db, lang: Language): string {
  return renderChangesHtml(listVersions(db), lang)
}

/** The Atom feed of published versions; links are made from `origin` (the configured address). */
export function renderFeed(db: Db, lang: Language, origin: string): string {
  return renderAtom(listVersions(db), lang, origin)
}

const EmailField = z.email().max(320)

/**
 * A subscription request from the public page: a confirmation mail to the address, unless it is
 * not an email address ('bad_email'). A mail that cannot be sent is logged, not shown: the page
 * says the same whether or not the address exists.
 */
export async function requestSubscription(
  db: Db,
  mailer: Mailer,
  input: { email: string; language: Language; baseUrl: string },
): Promise<'sent' | 'bad_email'> {
  const email = EmailField.safeParse(input.email.trim())
  if (!email.success) return 'bad_email'
  const organisation = findOrganisation(db)?.name ?? 'Seloste'
  await subscribe(db, mailer, { email: email.data, language: input.language, organisation, baseUrl: input.baseUrl }).catch(
    (err: unknown) => {
      logger.warn('a subscription mail could not be sent', { error: (err as Error).message })
    },
  )
  return 'sent'
}

/**
 * At most `limit` subscription requests per client address within `windowMs` (each sends a mail).
 * Addresses whose attempts are all older than the window are forgotten, swept at most once every
 * `sweepEveryMs`, so the map holds only the addresses seen within about the last window.
 */
export class SubscribeThrottle {
  private readonly attempts = new Map<string, number[]>()
  private lastSweep: number

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 3600_000,
    private readonly now: () => number = Date.now,
    private readonly sweepEveryMs = 60_000,
  ) {
    this.lastSweep = now()
  }

  /** Records an attempt from `address` and says whether it is allowed (a refused one is not recorded). */
  allow(address: string | null): boolean {
    const now = this.now()
    if (now - this.lastSweep >= this.sweepEveryMs) this.sweep(now)
    const key = address ?? 'unknown'
    const recent = (this.attempts.get(key) ?? []).filter((t) => now - t < this.windowMs)
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent)
      return false
    }
    this.attempts.set(key, [...recent, now])
    return true
  }

  /** How many addresses are held (for tests and the curious). */
  get size(): number {
    return this.attempts.size
  }

  private sweep(now: number): void {
    this.lastSweep = now
    for (const [key, times] of this.attempts) if (times.every((t) => now - t >= this.windowMs)) this.attempts.delete(key)
  }
}
