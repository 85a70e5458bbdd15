/**
 * The OpenAPI description of the public list (routes/public.ts). Those are plain Hono routes outside
 * /api (HTML pages, files, forms), so they are described here, into the API's own document, each
 * path with its own `servers` (the site root) because the document's server is /api.
 * test/openapi.test.ts checks that every route of the public router is described here and back.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import { EntryChange, Language, ProcessorRole, PublicController, Safeguard, TransferKind } from '@seloste/schema'
import { z } from 'zod'
import { errorResponses } from '../lib/openapi'

/** The prefix the public router is mounted at (app.ts); the description's paths start with it. */
export const PUBLIC_PREFIX = '/public'

const tags = ['Public list']
const LangQuery = z.object({
  lang: z
    .union([Language, z.literal('')])
    .optional()
    .meta({ description: "Language; the organisation's default when absent" }),
})
const TokenQuery = z.object({
  token: z.string().optional().meta({ description: 'The secret from the mail' }),
  lang: z.string().optional().meta({ description: '"en" for English; anything else is Finnish' }),
})

const text = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string() } } })
const html = (description: string) => text('text/html', description)
/** A link page's 404: its own page, or the JSON error body where mail is not configured and the route is not mounted at all. */
const unknownLink = (description: string) => ({
  description: `${description} (a page), or, without mail configured, the JSON error body`,
  content: { ...text('text/html', description).content, ...errorResponses(404)[404].content },
})
const NOT_MODIFIED = { description: 'Not modified since the If-None-Match / If-Modified-Since the client sent' }
/** The HTML pages answer a missing list or link with a page, the files with the error body. */
const NOT_PUBLISHED_PAGE = html('Not published yet (a page that says so)')

const PublicLocationJson = z.object({
  country: z.string().meta({ description: 'ISO 3166-1 alpha-2' }),
  countryName: z.string(),
  outsideEea: z.boolean(),
  kind: TransferKind,
  safeguard: Safeguard,
  adequacyDecision: z.string().nullable(),
  dpfListingUrl: z.string().nullable(),
  certifiedEntity: z
    .string()
    .nullable()
    .meta({ description: 'With DPF: the US legal entity certified under the Data Privacy Framework; null where not recorded' }),
  sccModule: z.number().int().nullable(),
  derogation: z.string().nullable(),
  basis: z.string().nullable().meta({ description: 'Outside the EEA: the sentence that states the transfer basis' }),
})

/** What GET /public/processors.json returns (public-list/render-data.ts renderJson). */
export const PublicListJson = z
  .object({
    version: z.number().int(),
    date: z.iso.date(),
    publishedAt: z.string(),
    language: Language,
    controller: PublicController,
    entries: z.array(
      z.object({
        name: z.string(),
        legalName: z.string().nullable(),
        role: ProcessorRole,
        parentName: z.string().nullable(),
        service: z.string(),
        purpose: z.string(),
        disclosureCondition: z.string().nullable(),
        websiteUrl: z.string().nullable(),
        privacyPolicyUrl: z.string().nullable(),
        hqCountry: z.string().nullable(),
        internationalOrganisation: z
          .string()
          .nullable()
          .optional()
          .meta({ description: 'Role international_organisation only: which organisation it is; null: not recorded' }),
        status: z.enum(['active', 'upcoming']),
        effectiveDate: z.string().nullable(),
        addedOn: z.string(),
        locations: z.array(PublicLocationJson),
      }),
    ),
    changes: z.array(EntryChange),
    links: z.record(z.string(), z.string()).meta({ description: 'The other formats and languages of this version' }),
  })
  .meta({ id: 'PublicListJson' })

const VERSION_FILE = z.object({
  file: z
    .string()
    .regex(/^[0-9]{1,9}(\.(json|md|csv))?$/)
    .meta({
      param: { name: 'file', in: 'path' },
      description: 'A version number, with .json, .md or .csv for a file (none: the HTML page)',
      example: '3.json',
    }),
})

const FORM = (fields: Record<string, z.ZodType>) => ({
  required: true,
  content: { 'application/x-www-form-urlencoded': { schema: z.object(fields) }, 'multipart/form-data': { schema: z.object(fields) } },
})

/** Registers the public list's routes in the API description. */
export function registerPublicListDescription(registry: OpenAPIHono['openAPIRegistry']): void {
  const get = (
    path: string,
    summary: string,
    ok: Record<string, unknown>,
    extra: Record<string, unknown> = {},
    query: z.ZodObject = LangQuery,
  ) =>
    registry.registerPath({
      method: 'get',
      path: `${PUBLIC_PREFIX}${path}`,
      tags,
      summary,
      request: { query },
      responses: { 200: ok, 304: NOT_MODIFIED, ...errorResponses(400), ...extra },
    })
  get('/processors', 'The published processor list (HTML page)', html('The page'), { 404: NOT_PUBLISHED_PAGE })
  get(
    '/processors.json',
    'The published processor list (JSON)',
    { description: 'The list', content: { 'application/json': { schema: PublicListJson } } },
    errorResponses(404),
  )
  get('/processors.md', 'The published processor list (Markdown)', text('text/markdown', 'The list'), errorResponses(404))
  get('/processors.csv', 'The published processor list (CSV)', text('text/csv', 'The list'), errorResponses(404))
  get('/processors/changes', 'What changed between the published versions (HTML page)', html('The page'), { 404: NOT_PUBLISHED_PAGE })
  get('/processors/feed.atom', 'The published versions as an Atom feed', text('application/atom+xml', 'The feed'))
  registry.registerPath({
    method: 'get',
    path: `${PUBLIC_PREFIX}/processors/versions/{file}`,
    tags,
    summary: 'An earlier published version (HTML page or file)',
    request: { params: VERSION_FILE, query: LangQuery },
    responses: {
      200: {
        description: 'The version',
        content: {
          'text/html': { schema: z.string() },
          'application/json': { schema: PublicListJson },
          'text/markdown': { schema: z.string() },
          'text/csv': { schema: z.string() },
        },
      },
      304: NOT_MODIFIED,
      ...errorResponses(400, 404),
    },
  })
  const SUBSCRIBE_NOTE = ' Present only where mail is configured (SMTP_URL); otherwise 404.'
  registry.registerPath({
    method: 'post',
    path: `${PUBLIC_PREFIX}/processors/subscribe`,
    tags,
    summary: 'Follow the list by mail (double opt-in: a confirmation mail is sent)',
    description: 'A form post from the public page.' + SUBSCRIBE_NOTE,
    request: { body: FORM({ email: z.email().max(320), lang: z.string().optional() }) },
    responses: {
      200: html('Check your mail'),
      400: html('Not an email address'),
      ...errorResponses(404, 413),
      429: html('Too many requests from this address'),
    },
  })
  get(
    '/processors/subscribe/confirm',
    'Confirm a subscription (the link in the mail)',
    html('Confirmed'),
    { 404: unknownLink('Unknown or used link') },
    TokenQuery,
  )
  get(
    '/processors/unsubscribe',
    'Asks to confirm the unsubscription (a GET changes nothing: mail scanners open links)',
    html('A page with the button'),
    { 404: unknownLink('Unknown link') },
    TokenQuery,
  )
  registry.registerPath({
    method: 'post',
    path: `${PUBLIC_PREFIX}/processors/unsubscribe`,
    tags,
    summary: 'Unsubscribe: the form on that page, or RFC 8058 one-click with the token in the URL',
    request: { query: TokenQuery, body: { ...FORM({ token: z.string().optional(), lang: z.string().optional() }), required: false } },
    responses: { 200: html('Unsubscribed'), 404: unknownLink('Unknown link'), ...errorResponses(413) },
  })
}
