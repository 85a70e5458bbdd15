import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from './db/client'
import type { Reads } from './reads/read-pool'
import type { AppConfig } from './lib/config'
import { createApp, createRouter } from './lib/create-app'
import { completeDocument } from './lib/openapi'
import { refuseUndeclaredQueryParameters } from './lib/query-parameters'
import { activitiesRouter } from './routes/activities'
import { auditRouter } from './routes/audit'
import { authRouter } from './routes/auth'
import { catalogueRouter } from './routes/catalogue'
import { dpasRouter } from './routes/dpas'
import { exportsRouter } from './routes/exports'
import { findingsRouter } from './routes/findings'
import { importsRouter } from './routes/imports'
import { metaRouter } from './routes/meta'
import { noticeRouter } from './routes/notice'
import { organisationRouter } from './routes/organisation'
import { processorsRouter } from './routes/processors'
import { publicRouter } from './routes/public'
import { publicNoticeRouter, registerPublicNoticeDescription } from './routes/public-notice'
import { PUBLIC_PREFIX, registerPublicListDescription } from './routes/public-doc'
import { publicListRouter } from './routes/public-list'
import { searchRouter } from './routes/search'
import { transfersRouter } from './routes/transfers'
import { usersRouter } from './routes/users'
import { vocabularyRouter } from './routes/vocabulary'

/** Every /api route, chained so that the web app's typed client sees each one. */
export function apiRoutes() {
  return createRouter()
    .route('/', metaRouter)
    .route('/auth', authRouter)
    .route('/users', usersRouter)
    .route('/audit', auditRouter)
    .route('/public-list', publicListRouter)
    .route('/', findingsRouter)
    .route('/organisation', organisationRouter)
    .route('/processors', processorsRouter)
    .route('/', transfersRouter)
    .route('/', dpasRouter)
    .route('/', activitiesRouter)
    .route('/vocabulary', vocabularyRouter)
    .route('/exports', exportsRouter)
    .route('/imports', importsRouter)
    .route('/', catalogueRouter)
    .route('/notice', noticeRouter)
    .route('/', searchRouter)
}

/** The typed shape of the API, for `hc<AppType>('/api')` in the web app. */
export type AppType = ReturnType<typeof apiRoutes>

export const OPENAPI_INFO = {
  title: 'Seloste API',
  version: '0.1.0',
  description:
    "GDPR processor registry: processors, their transfers and data processing agreements, the records of processing activities and the auditor's exports, and the public processor list (served at the site root, /public). Every /api route except health, login and this description needs the session cookie from POST /api/auth/login (see the security schemes). Requests are strict: an unknown body field, or a query parameter the operation does not declare, is a 400 that names it in error.fields[].path (messageCode unknown_field or unknown_parameter).",
}

/** The API description: generated from the routes' schemas, then completed from the shell (lib/openapi.ts). */
function describeApi(api: ReturnType<typeof createRouter>): object {
  const doc = api.getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO, servers: [{ url: '/api' }] })
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    // The public list is served at the site root, not under the document's server (/api).
    if (path.startsWith(`${PUBLIC_PREFIX}/`))
      Object.assign(item, {
        servers: [{ url: '/', description: 'The site root: the public list is served outside /api, without an account' }],
      })
  }
  return completeDocument(doc)
}

export function buildApp(deps: { db: Db; config?: AppConfig; reads?: Reads }) {
  const app = createApp(deps)
  const api = apiRoutes()
  registerPublicListDescription(api.openAPIRegistry)
  registerPublicNoticeDescription(api.openAPIRegistry)
  let described: object | null = null
  // Generated once, on first request: the routes are all mounted by then and do not change.
  api.get('/openapi.json', (c) => c.json((described ??= describeApi(api))))
  mountDocsPage(api)
  // One rule for every /api operation: a query parameter it does not declare is a 400 (decision 013).
  app.use('/api/*', refuseUndeclaredQueryParameters(api.openAPIRegistry, '/api', PUBLIC_PREFIX))
  app.route('/api', api)
  app.route(PUBLIC_PREFIX, publicRouter)
  app.route(PUBLIC_PREFIX, publicNoticeRouter)
  return app
}

const swaggerDist = join(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'), '..')
const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Seloste API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });`

/** A browsable API reference (Swagger UI served from the npm package; no inline scripts, nothing fetched). */
function mountDocsPage(api: ReturnType<typeof createRouter>) {
  const assets: Record<string, [string, string]> = {
    'swagger-ui.css': ['text/css; charset=utf-8', 'swagger-ui.css'],
    'swagger-ui-bundle.js': ['text/javascript; charset=utf-8', 'swagger-ui-bundle.js'],
  }
  const cache = new Map<string, string>()
  api.get('/docs', (c) => c.html(DOCS_HTML))
  api.get('/docs/init.js', (c) => c.body(DOCS_INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
  api.get('/docs/:asset', (c) => {
    const entry = assets[c.req.param('asset')]
    if (!entry) return c.notFound()
    const [type, file] = entry
    if (!cache.has(file)) cache.set(file, readFileSync(join(swaggerDist, file), 'utf8'))
    return c.body(cache.get(file)!, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' })
  })
}
