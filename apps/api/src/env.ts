import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { DEFAULT_CONFIG, type AppConfig } from './lib/config'
import { smtpMailer } from './lib/mailer'

/** The repository root (apps/api/src, or the compiled apps/api/dist -> ../../..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z
    .string()
    .min(1)
    .default(join(REPO_ROOT, 'data', 'seloste.sqlite')),
  /** Set to "false" to start with an empty registry instead of the reference company's demo data. */
  SELOSTE_DEMO_DATA: z.enum(['true', 'false']).default('true'),
  WEB_DIST: z.string().default(join(REPO_ROOT, 'apps', 'web', 'dist')),
  /** The first administrator, created on a first start with no users. Without a password one is generated and printed once. */
  SELOSTE_ADMIN_EMAIL: z.email().optional(),
  SELOSTE_ADMIN_PASSWORD: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /**
   * The number of reverse proxies you run in front of Seloste (0 or "false": none; "true": 1). Only
   * the rightmost that many X-Forwarded-For/-Proto/-Host entries are believed: the rest the client wrote.
   */
  TRUST_PROXY: z
    .string()
    .default('0')
    .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v)))
    .pipe(z.number({ message: 'Must be a number of proxies (0, 1, 2, ...), or true/false' }).int().min(0).max(10)),
  /** SMTP server for list subscriptions and the daily digest, e.g. smtps://user:pass@smtp.example.fi:465. Unset: no mail features. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'Must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Seloste <no-reply@seloste.local>'),
  /** Worker threads for the heavy reads (list searches, findings); 0 runs them on the server's own thread. Default: one per core, at most 4. */
  SELOSTE_READ_WORKERS: z.coerce.number().int().min(0).max(16).optional(),
  /** On SIGTERM, how long requests in flight may take to finish before the database is closed anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /**
   * The address people reach Seloste at: the only source of absolute links (feed, calendar, mail).
   * Required in production (NODE_ENV=production, or HOST not a loopback address).
   */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  NODE_ENV: z.string().optional(),
  /**
   * A file outside the database (another disk, a mount the database's owner cannot rewrite, or one
   * you copy off the machine) where the server keeps the audit chain's head and checks it at start.
   */
  SELOSTE_AUDIT_HEAD_FILE: z.string().min(1).optional(),
})

export type Env = z.infer<typeof EnvSchema>

/** Reads the environment once; a bad value stops the start with a message that names it. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid configuration: ${problems}`)
  }
  const env = parsed.data
  // A relative DATABASE_PATH is taken from where the command was run (pnpm runs scripts in the package folder).
  const base = source.INIT_CWD ?? process.cwd()
  return {
    ...env,
    DATABASE_PATH: env.DATABASE_PATH === ':memory:' ? env.DATABASE_PATH : resolve(base, env.DATABASE_PATH),
    ...(env.SELOSTE_AUDIT_HEAD_FILE && { SELOSTE_AUDIT_HEAD_FILE: resolve(base, env.SELOSTE_AUDIT_HEAD_FILE) }),
  }
}

/** Loopback-only development starts may go without PUBLIC_BASE_URL; anything reachable from elsewhere may not. */
export function isProduction(env: Pick<Env, 'HOST' | 'NODE_ENV'>): boolean {
  const loopback = env.HOST === 'localhost' || env.HOST === '::1' || /^127\.\d+\.\d+\.\d+$/.test(env.HOST)
  return env.NODE_ENV === 'production' || !loopback
}

/** The server's configuration; the CLIs need only readEnv, so they run without PUBLIC_BASE_URL. */
export function appConfigFrom(env: Env): AppConfig {
  if (!env.PUBLIC_BASE_URL && isProduction(env)) {
    throw new Error(
      'Invalid configuration: PUBLIC_BASE_URL: Required when Seloste listens beyond this machine (HOST is not a loopback address) or NODE_ENV=production; set it to the address people reach Seloste at, e.g. https://seloste.example.fi',
    )
  }
  return {
    ...DEFAULT_CONFIG,
    session: { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS },
    trustProxy: env.TRUST_PROXY,
    auditHeadFile: env.SELOSTE_AUDIT_HEAD_FILE ?? null,
    mailer: env.SMTP_URL ? smtpMailer(env.SMTP_URL, env.MAIL_FROM) : null,
    publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/$/, '') ?? `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${env.PORT}`,
  }
}
