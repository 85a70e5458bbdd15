import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { buildApp } from './app'
import { closeDatabase, DatabaseOpenError, openDatabase } from './db/client'
import { appConfigFrom, readEnv } from './env'
import { systemContext } from './services/context'
import { ensureFirstAdmin } from './services/users'
import { logger } from './lib/logger'
import { seedDemoData } from './seed/seed'

async function main() {
  const env = readEnv()
  let db
  try {
    db = openDatabase(env.DATABASE_PATH)
  } catch (err) {
    if (err instanceof DatabaseOpenError) {
      console.error(`Seloste cannot start: ${err.message}.\nSet DATABASE_PATH to a Seloste database file, or to a new path to start empty.`)
      process.exit(1)
    }
    throw err
  }
  if (env.SELOSTE_DEMO_DATA === 'true') {
    const seeded = seedDemoData(db)
    if (seeded.processors > 0) logger.info('loaded the demo data', { processors: seeded.processors })
  }

  const firstAdmin = await ensureFirstAdmin(systemContext(db), { email: env.SELOSTE_ADMIN_EMAIL, password: env.SELOSTE_ADMIN_PASSWORD })
  if (firstAdmin) {
    // Printed once, to the operator's terminal, on the first start only; it is never stored in clear.
    console.log(
      firstAdmin.generatedPassword
        ? `\nCreated the first administrator ${firstAdmin.email} with the password:\n\n    ${firstAdmin.generatedPassword}\n\nIt is shown only this once. Log in and change it, or reset it with: pnpm users reset-password --email ${firstAdmin.email}\n`
        : `Created the first administrator ${firstAdmin.email} from SELOSTE_ADMIN_EMAIL / SELOSTE_ADMIN_PASSWORD.`,
    )
  }

  const app = buildApp({ db, config: appConfigFrom(env) })
  // The built dashboard: static files, and index.html for every other path (client-side routes).
  if (existsSync(join(env.WEB_DIST, 'index.html'))) {
    const root = relative(process.cwd(), env.WEB_DIST) || '.'
    const indexHtml = readFileSync(join(env.WEB_DIST, 'index.html'), 'utf8')
    app.use('/assets/*', serveStatic({ root, onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }))
    app.use('/*', serveStatic({ root }))
    app.get('*', (c) => c.html(indexHtml))
  } else {
    logger.warn('the web app is not built; serving the API only', { webDist: env.WEB_DIST })
  }

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    console.log(`Seloste is running on http://${info.address}:${info.port} (database: ${env.DATABASE_PATH})`)
  })

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info('shutting down', { signal })
    // Stop accepting, let requests in flight finish, then checkpoint the WAL and close the database.
    server.close(() => {
      closeDatabase(db)
      process.exit(0)
    })
    setTimeout(() => {
      closeDatabase(db)
      process.exit(0)
    }, 10_000).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((err: unknown) => {
  console.error(`Seloste cannot start: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
