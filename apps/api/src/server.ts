import { serve } from '@hono/node-server'
import { existsSync } from 'node:fs'
import type { Server } from 'node:http'
import { join } from 'node:path'
import { buildApp } from './app'
import { closeDatabase, DatabaseOpenError, openDatabase } from './db/client'
import { appConfigFrom, readEnv } from './env'
import { systemContext } from './services/context'
import { ensureFirstAdmin } from './services/users'
import { findOrganisation } from './services/organisation'
import { logger } from './lib/logger'
import { stopListening } from './lib/stop-listening'
import { endKeepAliveOnStop } from './lib/close-after-response'
import { serveDashboard } from './lib/dashboard'
import { seedDemoData } from './seed/seed'
import { recordDailyCounts, todayIso } from './services/findings'
import { defaultReadWorkers, inThreadReads, workerReads } from './reads/read-pool'
import { isDigestTime, sendDailyDigest } from './services/digest'
import { scheduleSessionPurge } from './services/sessions'
import { checkAuditTrailAtStart, writeAuditHeadFile } from './lib/audit-head'
import { currentAuditHead, formatAuditHead } from './services/audit'
import { currentCatalogue } from './services/catalogue-store'

async function main() {
  const env = readEnv()
  // Before the database is touched: a configuration that cannot run says so first.
  const config = appConfigFrom(env)
  // The vendor catalogue (shipped, or SELOSTE_CATALOGUE_FILE) is validated before anything starts.
  try {
    currentCatalogue()
  } catch (err) {
    console.error(`Seloste cannot start: ${(err as Error).message}`)
    process.exit(1)
  }
  let db
  try {
    db = openDatabase(env.DATABASE_PATH)
  } catch (err) {
    if (err instanceof DatabaseOpenError) {
      console.error(
        `Seloste cannot start: ${err.message}.\nSet DATABASE_PATH to a Seloste database file or to a new path to start empty, or restore a backup: pnpm restore <file> --force.`,
      )
      process.exit(1)
    }
    throw err
  }
  // Nothing is appended to a trail that does not hold: the start stops here and says why (decision 007).
  const headFile = env.SELOSTE_AUDIT_HEAD_FILE ?? null
  let audit: ReturnType<typeof checkAuditTrailAtStart>
  try {
    audit = checkAuditTrailAtStart(db, headFile)
  } catch (err) {
    console.error(`Seloste cannot start: ${(err as Error).message}.`)
    process.exit(1)
  }
  if (!audit.report.intact) {
    const { brokenAt, reason, events } = audit.report
    console.error(
      [
        '',
        '!!! THE AUDIT TRAIL IS BROKEN: Seloste will not start and will append nothing to it. !!!',
        `    At event ${brokenAt}: ${reason} (${events} events read${audit.anchor ? `; saved head ${formatAuditHead(audit.anchor)} from ${headFile}` : ''}).`,
        '    Someone changed the database outside Seloste, or restored an older copy under a newer head.',
        '    Keep this database file as evidence, restore the newest backup whose .head matches (pnpm restore <file> --force),',
        '    and check it with: pnpm audit:verify --head-file <file>',
        '',
      ].join('\n'),
    )
    closeDatabase(db)
    process.exit(1)
  }
  if (!headFile)
    logger.warn('SELOSTE_AUDIT_HEAD_FILE is not set: deleting the newest audit events would go unnoticed (see README, Security)')

  // Only a new database gets the demo data: a registry someone emptied on purpose stays empty.
  if (env.SELOSTE_DEMO_DATA === 'true' && !findOrganisation(db)) {
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

  if (headFile) writeAuditHeadFile(headFile, currentAuditHead(db))
  logger.info('audit trail intact', { head: formatAuditHead(currentAuditHead(db)) })

  const workers = env.SELOSTE_READ_WORKERS ?? defaultReadWorkers()
  const reads = env.DATABASE_PATH === ':memory:' || workers === 0 ? inThreadReads(db) : workerReads(env.DATABASE_PATH, workers)
  const app = buildApp({ db, config, reads })
  // The built dashboard: static files (compressed, cached by kind), index.html for client-side routes.
  if (existsSync(join(env.WEB_DIST, 'index.html'))) {
    serveDashboard(app, env.WEB_DIST)
  } else {
    logger.warn('the web app is not built; serving the API only', { webDist: env.WEB_DIST })
  }

  // The findings trend: today's open counts now, and again every hour (the last call of a day stands).
  // The checks run as a read (on a worker thread with a file database); only the counts are written here.
  const recordCounts = () => {
    const today = todayIso()
    reads
      .run('listFindings', { query: {}, today })
      .then((findings) => recordDailyCounts(db, today, findings.counts))
      .catch((err: unknown) => logger.error('could not record the daily finding counts', { error: (err as Error).message }))
  }
  // The daily digest by email, where SMTP is configured: the first hourly tick after 07:00 sends it.
  const digest = () => {
    if (!config.mailer || !isDigestTime()) return
    sendDailyDigest(db, config.mailer, config.publicBaseUrl).catch((err: unknown) =>
      logger.error('the daily digest failed', { error: (err as Error).message }),
    )
  }
  // Sessions that can no longer be used are removed at start and every hour, so they do not pile up.
  scheduleSessionPurge(db, config.session, (err) => logger.error('could not remove expired sessions', { error: (err as Error).message }))
  // The first run waits a moment, so that a large registry's checks do not delay the start.
  setTimeout(() => {
    recordCounts()
    digest()
  }, 5_000).unref()
  const hourly = setInterval(() => {
    recordCounts()
    digest()
  }, 3600_000)
  hourly.unref()

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    console.log(`Seloste is running on http://${info.address}:${info.port} (database: ${env.DATABASE_PATH})`)
  })
  // A port in use (or an address that cannot be bound) ends the start with a message, not a stack trace.
  server.on('error', (err: NodeJS.ErrnoException) => {
    const reason = err.code === 'EADDRINUSE' ? 'the port is already in use' : err.message
    console.error(
      `Seloste cannot start: cannot listen on ${env.HOST}:${env.PORT} (${reason}).\nSet PORT (and HOST) to a free address, or stop what is using it.`,
    )
    process.exit(1)
  })
  const keepAlive = endKeepAliveOnStop(server as Server)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    const signalledAt = performance.now()
    // Phases of the shutdown at LOG_LEVEL=debug (times only; nothing about the requests).
    const phase = (msg: string) => logger.debug(msg, { signal, ms: Math.round(performance.now() - signalledAt) })
    phase('shutdown: signal received')
    // Every response from now on ends its connection: a kept-alive connection carries no further
    // request and does not sit idle until keepAliveTimeout (lib/close-after-response.ts).
    keepAlive.closeAfterResponse()
    // Take the connections already waiting to be accepted, stop listening, let requests in flight
    // finish, then end the read workers, checkpoint the WAL and close the database.
    void stopListening(server, () => {
      // Logged once the listening socket is closed: from this line on a new connection is refused.
      logger.info('shutting down', { signal })
    })
      .then(() => {
        phase('shutdown: every connection has ended')
        return reads.close()
      })
      .finally(() => {
        phase('shutdown: read workers ended')
        closeDatabase(db)
        phase('shutdown: database checkpointed and closed')
        process.exit(0)
      })
    // A bound for a client that holds its request open (a body that never ends), not for a busy
    // machine: with the connections ended as above, draining under load takes a few seconds.
    setTimeout(() => {
      logger.warn(`shutdown: connections still open after ${env.SHUTDOWN_GRACE_SECONDS} s; closing the database anyway`)
      closeDatabase(db)
      process.exit(0)
    }, env.SHUTDOWN_GRACE_SECONDS * 1000).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((err: unknown) => {
  console.error(`Seloste cannot start: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
