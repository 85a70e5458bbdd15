/**
 * The baseline: an empty Hono route on @hono/node-server (the same packages and versions as the API),
 * GET / -> "ok". Run as a child: PORT=<port> node --import tsx bench/empty-server.ts
 */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

// hono and @hono/node-server are dependencies of apps/api, resolved from there (not from lib.ts, to keep autocannon out of this process).
const apiRequire = createRequire(new URL('../apps/api/package.json', import.meta.url))

type HonoApp = { get: (path: string, handler: (c: { text: (s: string) => Response }) => Response) => void; fetch: unknown }
const { Hono } = (await import(pathToFileURL(apiRequire.resolve('hono')).href)) as { Hono: new () => HonoApp }
const { serve } = (await import(pathToFileURL(apiRequire.resolve('@hono/node-server')).href)) as {
  serve: (opts: { fetch: unknown; port: number; hostname: string }) => { close: (cb: () => void) => void }
}

const app = new Hono()
app.get('/', (c) => c.text('ok'))
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' })
const stop = () => server.close(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
