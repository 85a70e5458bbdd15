import type { ThrottlePolicy } from '../services/login'
import type { SessionPolicy } from '../services/sessions'
import type { Mailer } from './mailer'

/** What the HTTP layer needs to know about its deployment. */
export interface AppConfig {
  session: SessionPolicy
  throttle: ThrottlePolicy
  /** Take the client address and scheme from X-Forwarded-For / X-Forwarded-Proto (only behind a proxy you run). */
  trustProxy: boolean
  /** Where SMTP is configured: list subscriptions and the daily digest. */
  mailer: Mailer | null
  /** The address people reach Seloste at, for links in mail (e.g. https://seloste.example.fi). */
  publicBaseUrl: string | null
}

export const DEFAULT_CONFIG: AppConfig = {
  session: { idleMinutes: 60, absoluteHours: 12 },
  throttle: { perAccount: 5, perAddress: 20, windowMinutes: 15 },
  trustProxy: false,
  mailer: null,
  publicBaseUrl: null,
}
