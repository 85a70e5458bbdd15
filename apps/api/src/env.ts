import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/** The repository root (apps/api/src -> ../../..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default(join(REPO_ROOT, 'data', 'seloste.sqlite')),
  /** Set to "false" to start with an empty registry instead of the reference company's demo data. */
  SELOSTE_DEMO_DATA: z.enum(['true', 'false']).default('true'),
  WEB_DIST: z.string().default(join(REPO_ROOT, 'apps', 'web', 'dist')),
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
  return { ...env, DATABASE_PATH: env.DATABASE_PATH === ':memory:' ? env.DATABASE_PATH : resolve(base, env.DATABASE_PATH) }
}
