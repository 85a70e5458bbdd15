/**
 * The published processor list's routes, for everyone, without an account: request parsing and
 * answers only. What the pages say is in services/public-pages.ts; renderings are kept, compressed
 * and validated (ETag, Last-Modified) by lib/rendering-cache.ts.
 */
import { Hono, type Context } from 'hono'
import { AppError } from '../lib/app-error'
import { clientAddress, type AppEnv } from '../lib/create-app'
import { cachedResponse, rendered } from '../lib/rendering-cache'
import { renderMessagePage, renderNotPublished } from '../public-list/render-html'
import { T } from '../public-list/texts'
import {
  PUBLIC_CONTENT_TYPES,
  publicLanguage,
  renderChangesPage,
  renderFeed,
  renderVersion,
  requestSubscription,
  SubscribeThrottle,
  today,
  versionToServe,
  newerVersion,
  type PublicFormat,
} from '../services/public-pages'
import { latestVersionStamp } from '../services/public-list'
import { confirmSubscription, isSubscriptionToken, unsubscribe } from '../services/subscriptions'

const language = (c: Context<AppEnv>) => publicLanguage(c.var.db, c.req.query('lang'))

/** Serves one version (the latest when `number` is null) in a format and the requested language. */
function serveVersion(c: Context<AppEnv>, number: number | null, format: PublicFormat, archived: boolean): Response | Promise<Response> {
  const lang = language(c)
  const wanted = versionToServe(c.var.db, number)
  if (wanted === null) {
    if (format === 'html') return c.html(renderNotPublished(lang), 404)
    throw new AppError('not_found', 'The processor list has not been published yet')
  }
  const subscribe = !archived && c.var.config.mailer !== null
  // "today" is part of the key: an announced processor turns from upcoming to active at midnight.
  // An older version's page names the newest one, so it changes when a newer one is published.
  const newer = newerVersion(c.var.db, wanted)
  const entry = rendered(c.var.db, `v|${wanted}|${format}|${lang}|${archived}|${subscribe}|${today()}|${newer?.version ?? ''}`, () =>
    renderVersion(c.var.db, wanted, format, lang, { archived, subscribe, supersededBy: newer }),
  )
  const file = format === 'html' ? undefined : `processors-v${wanted}-${lang}.${format}`
  return cachedResponse(c, entry, PUBLIC_CONTENT_TYPES[format], file)
}

/** At most 10 subscription requests per client address an hour (each sends a mail). */
const subscribeThrottle = new SubscribeThrottle(10, 3600_000)

async function formField(c: Context<AppEnv>, name: string): Promise<string> {
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
  const value = (body as Record<string, unknown>)[name]
  return typeof value === 'string' ? value : ''
}

/** The published processor list, for everyone, without an account. Only published data is read. */
export const publicRouter = new Hono<AppEnv>()
  .get('/processors', (c) => serveVersion(c, null, 'html', false))
  .get('/processors.json', (c) => serveVersion(c, null, 'json', false))
  .get('/processors.md', (c) => serveVersion(c, null, 'md', false))
  .get('/processors.csv', (c) => serveVersion(c, null, 'csv', false))
  .get('/processors/changes', (c) => {
    const lang = language(c)
    const latest = latestVersionStamp(c.var.db)
    if (!latest) return c.html(renderNotPublished(lang), 404)
    const entry = rendered(c.var.db, `changes|${latest.version}|${lang}`, () => ({
      body: renderChangesPage(c.var.db, lang),
      lastModified: new Date(latest.publishedAt),
    }))
    return cachedResponse(c, entry, PUBLIC_CONTENT_TYPES.html)
  })
  .get('/processors/feed.atom', (c) => {
    const lang = language(c)
    const latest = latestVersionStamp(c.var.db)
    // Links in the feed come from the configured address only: a Host header is the client's to write.
    const origin = c.var.config.publicBaseUrl
    const entry = rendered(c.var.db, `feed|${latest?.version ?? 0}|${lang}|${origin}`, () => ({
      body: renderFeed(c.var.db, lang, origin),
      lastModified: latest ? new Date(latest.publishedAt) : null,
    }))
    return cachedResponse(c, entry, PUBLIC_CONTENT_TYPES.atom)
  })
  .post('/processors/subscribe', async (c) => {
    const mailer = c.var.config.mailer
    if (!mailer) return c.notFound()
    // The throttle comes before the body is parsed: a refused client costs no work (so its
    // language is not known yet, and the answer is in both).
    if (!subscribeThrottle.allow(clientAddress(c))) {
      const lang = c.req.query('lang') === 'en' ? 'en' : 'fi'
      return c.html(
        renderMessagePage(
          lang,
          T[lang].subscribeButton,
          'Liian monta pyyntöä; yritä myöhemmin uudelleen. / Too many requests; try again later.',
          'error',
        ),
        429,
      )
    }
    const lang = (await formField(c, 'lang')) === 'en' ? 'en' : 'fi'
    const t = T[lang]
    const outcome = await requestSubscription(c.var.db, mailer, {
      email: await formField(c, 'email'),
      language: lang,
      baseUrl: c.var.config.publicBaseUrl,
    })
    if (outcome === 'bad_email') return c.html(renderMessagePage(lang, t.subscribeButton, t.badEmail, 'error'), 400)
    return c.html(renderMessagePage(lang, t.checkMail, t.checkMailText))
  })
  .get('/processors/subscribe/confirm', (c) => {
    // The subscription routes exist only where mail is configured, as the form does.
    if (!c.var.config.mailer) return c.notFound()
    const lang = c.req.query('lang') === 'en' ? 'en' : 'fi'
    const t = T[lang]
    return confirmSubscription(c.var.db, c.req.query('token') ?? '')
      ? c.html(renderMessagePage(lang, t.confirmed, t.confirmedText))
      : c.html(renderMessagePage(lang, t.badLink, t.badLinkText, 'error'), 404)
  })
  .get('/processors/unsubscribe', (c) => {
    if (!c.var.config.mailer) return c.notFound()
    const lang = c.req.query('lang') === 'en' ? 'en' : 'fi'
    const t = T[lang]
    const token = c.req.query('token') ?? ''
    // A GET only asks: mail scanners open links, and must not unsubscribe anyone by doing so.
    if (!isSubscriptionToken(c.var.db, token)) return c.html(renderMessagePage(lang, t.badLink, t.badLinkText, 'error'), 404)
    return c.html(
      renderMessagePage(lang, t.unsubscribeHeading, t.unsubscribeText, 'ok', {
        action: '/public/processors/unsubscribe',
        token,
        button: t.unsubscribeButton,
      }),
    )
  })
  .post('/processors/unsubscribe', async (c) => {
    if (!c.var.config.mailer) return c.notFound()
    // The form on the page above, and RFC 8058 one-click unsubscribe (token in the URL).
    const token = c.req.query('token') ?? (await formField(c, 'token'))
    const lang = c.req.query('lang') === 'en' ? 'en' : (await formField(c, 'lang')) === 'en' ? 'en' : 'fi'
    const t = T[lang]
    return unsubscribe(c.var.db, token)
      ? c.html(renderMessagePage(lang, t.unsubscribed, t.unsubscribedText))
      : c.html(renderMessagePage(lang, t.badLink, t.badLinkText, 'error'), 404)
  })
  .get('/processors/versions/:file{[0-9]{1,9}(\\.(json|md|csv))?}', (c) => {
    const [number, ext] = c.req.param('file').split('.') as [string, PublicFormat | undefined]
    return serveVersion(c, Number(number), ext ?? 'html', true)
  })
