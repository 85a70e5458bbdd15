import { DEFAULT_THROTTLE } from '../services/throttle'
import type { ThrottlePolicy } from '../services/throttle'
import type { SessionPolicy } from '../services/sessions'
import type { Mailer } from './mailer'

/** What the HTTP layer needs to know about its deployment. */
export interface AppConfig {
  session: SessionPolicy
  throttle: ThrottlePolicy
  /**
   * How many reverse proxies you run in front of Seloste (0: none). Only the entries those proxies
   * appended to X-Forwarded-For / -Proto / -Host (the rightmost ones) are believed.
   */
  trustProxy: number
  /** Where SMTP is configured: list subscriptions and the daily digest. */
  mailer: Mailer | null
  /**
   * The address people reach Seloste at (e.g. https://seloste.example.fi), without a trailing slash:
   * the only source of absolute URLs (feed, calendar, mail). Never taken from the request's Host.
   */
  publicBaseUrl: string
  /** Where the audit chain's head is kept outside the database (SELOSTE_AUDIT_HEAD_FILE), or null. */
  auditHeadFile: string | null
}

export const DEFAULT_CONFIG: AppConfig = {
  session: { idleMinutes: 60, absoluteHours: 12 },
  throttle: DEFAULT_THROTTLE,
  trustProxy: 0,
  mailer: null,
  publicBaseUrl: 'http://localhost',
  auditHeadFile: null,
}
