/**
 * A fuzzer driven by the API description, property-based (fast-check): for EVERY operation in
 * GET /api/openapi.json (the /api routes and the public list's), as EVERY role (no session,
 * auditor, editor, admin), requests built from the schemas (valid ones and mutated ones) with hostile path parameters,
 * queries and bodies — wrong types, huge strings (100 KB - 2 MB), nesting 1,000+ deep, arrays of
 * 10,000, prototype-pollution keys, NUL bytes, lone surrogates, RTL/zero-width/emoji text, SQL and
 * HTML injection, 1e309 / -0 / "NaN", malformed JSON and wrong content types. For each request:
 *   - never a 5xx; an /api error is the API's JSON error body;
 *   - the status is one the description declares for that operation;
 *   - a JSON body is valid (ajv, JSON Schema 2020-12) against the schema declared for that status,
 *     and a body's media type is one declared for it;
 *   - a rejected request (4xx) changes nothing: every table except sessions and the login throttle
 *     is row-for-row the same (a failed login may add only its own "login_failed" audit event);
 *   - a read changes no registry data (it may add its own audit event: exports are audited);
 *   - an accepted write (a generated payload that happens to be valid) is audited;
 *   - Object.prototype is not polluted.
 * After each operation's runs: integrity_check ok, no foreign-key violations, the audit chain intact.
 *
 *   HOSTILE_RUNS  cases per operation and role (default 4: the short form in the test command;
 *                 the long form, e.g. 250, is a thousand cases per operation)
 *   HOSTILE_SEED  repeat a run (the seed of a failure is in its message)
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../src/lib/config'
import { verifyAuditChain } from '../src/services/audit'
import { createSession } from '../src/services/sessions'
import { systemContext } from '../src/services/context'
import { createUser } from '../src/services/users'
import { createTestContext, TEST_PASSWORD } from './helpers'

const RUNS = Number(process.env.HOSTILE_RUNS ?? 4)
const SEED = process.env.HOSTILE_SEED ? Number(process.env.HOSTILE_SEED) : undefined
/** Operations with nothing to vary but undeclared query parameters get fewer cases in the short form. */
const RUNS_WITHOUT_INPUTS = process.env.HOSTILE_RUNS ? RUNS : Math.min(RUNS, 2)

// ---------------------------------------------------------------------------------------------
// The application under test, its description and a sacrificial user (the admin is never a target).
// ---------------------------------------------------------------------------------------------

const ctx = await createTestContext({ demo: true })
const sqlite = ctx.db.$client
const adminId = sqlite.prepare(`SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1`).pluck().get() as number
const victim = await createUser(systemContext(ctx.db), {
  email: 'victim@example.test',
  name: 'Victim',
  role: 'editor',
  password: TEST_PASSWORD,
})
const ROLES = ['anonymous', 'auditor', 'editor', 'admin'] as const
type Role = (typeof ROLES)[number]
const roleUserIds: Record<Exclude<Role, 'anonymous'>, number> = {
  admin: adminId,
  auditor: (
    await createUser(systemContext(ctx.db), {
      email: 'fuzz-auditor@example.test',
      name: 'Fuzz Auditor',
      role: 'auditor',
      password: TEST_PASSWORD,
    })
  ).id,
  editor: (
    await createUser(systemContext(ctx.db), {
      email: 'fuzz-editor@example.test',
      name: 'Fuzz Editor',
      role: 'editor',
      password: TEST_PASSWORD,
    })
  ).id,
}
const doc = (await ctx.api.get('/api/openapi.json')).body as OpenApiDoc

interface OpenApiDoc {
  servers: { url: string }[]
  paths: Record<string, Record<string, OperationObject> & { servers?: { url: string }[] }>
  components: { schemas: Record<string, JsonSchema> }
}
interface OperationObject {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: JsonSchema }[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>
}
/** The JSON Schema keywords this file reads (the document's schemas have more; they pass through). */
interface JsonSchema {
  $ref?: string
  type?: string | string[]
  const?: unknown
  enum?: unknown[]
  example?: unknown
  default?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  minItems?: number
  minLength?: number
  minimum?: number
  exclusiveMinimum?: number
  format?: string
  [keyword: string]: unknown
}

interface Operation {
  method: string
  /** The server the path is under: /api, or the site root for the public list. */
  base: string
  path: string
  responses: OperationObject['responses']
  pathParams: string[]
  query: { name: string; schema: JsonSchema }[]
  bodyType: string | null
  bodySchema: JsonSchema | null
}

const OPERATIONS: Operation[] = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
    .map(([method, value]) => {
      const op = value as OperationObject
      const content = op.requestBody?.content ?? {}
      const bodyType = Object.keys(content)[0] ?? null
      return {
        method: method.toUpperCase(),
        base: String((item.servers ?? doc.servers)[0]!.url).replace(/\/$/, ''),
        path,
        responses: op.responses,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        bodyType,
        bodySchema: bodyType ? content[bodyType]!.schema : null,
      }
    }),
)

// ---------------------------------------------------------------------------------------------
// Valid examples from the JSON Schemas, to mutate: hostile values then reach deeper than the parser.
// ---------------------------------------------------------------------------------------------

function deref(s: JsonSchema | undefined): JsonSchema {
  let out = s ?? {}
  for (let i = 0; out.$ref && i < 20; i++) out = doc.components.schemas[String(out.$ref).split('/').pop()!] ?? {}
  return out
}

function example(schema: JsonSchema | undefined, depth = 0): unknown {
  const s = deref(schema)
  if (depth > 10) return null
  if ('const' in s) return s.const
  if (Array.isArray(s.enum)) return s.enum[0]
  if (s.example !== undefined) return s.example
  if (s.default !== undefined) return s.default
  const alternatives = s.anyOf ?? s.oneOf
  if (alternatives) {
    const usable = alternatives
      .map(deref)
      .find((a) => a.type !== 'null' && !(Array.isArray(a.enum) && a.enum.length === 1 && a.enum[0] === ''))
    return example(usable ?? alternatives[0], depth + 1)
  }
  if (s.allOf) return Object.assign({}, ...s.allOf.map((a) => example(a, depth + 1)))
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries<JsonSchema>(s.properties ?? {}))
        if ((s.required ?? []).includes(k)) out[k] = example(v, depth + 1)
      return out
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => example(s.items, depth + 1))
    case 'string':
      if (s.format === 'date') return '2025-03-14'
      if (s.format === 'date-time') return '2025-03-14T09:26:53.000Z'
      if (s.format === 'email') return 'someone@example.test'
      if (s.format === 'uri') return 'https://example.test/terms'
      return 'Example ' + 'x'.repeat(Math.max(0, (s.minLength ?? 0) - 8))
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 1
    case 'boolean':
      return true
    default:
      return null
  }
}

function propertyNames(schema: JsonSchema | null): string[] {
  const s = deref(schema ?? {})
  const names = new Set(Object.keys(s.properties ?? {}))
  for (const part of [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])])
    for (const k of Object.keys(deref(part).properties ?? {})) names.add(k)
  return [...names]
}

function optionalExamples(schema: JsonSchema | null): Record<string, unknown> {
  const s = deref(schema ?? {})
  return Object.fromEntries(Object.entries<JsonSchema>(s.properties ?? {}).map(([k, v]) => [k, example(v)]))
}

// ---------------------------------------------------------------------------------------------
// Hostile values.
// ---------------------------------------------------------------------------------------------

export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE processors; --",
  "Robert'); DROP TABLE users;--",
  '" OR ""="',
  '1; SELECT * FROM users --',
  "admin'--",
  '%',
  '_',
  '\\',
  "\\'; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(document.cookie)',
  '<svg/onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
  '<!--',
  ']]>',
  '&amp;&lt;',
  '../../../../etc/passwd',
  'file:///etc/passwd',
  '\r\nSet-Cookie: hacked=1',
  '=cmd|"/c calc"!A1',
  '@SUM(1+1)',
  '+1+1',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x1F',
  '  42  ',
  '١٢٣',
  '１２３',
]
export const UNICODE = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  '\uFFFE\uFFFF',
  '\u202Eevil\u202C',
  '\u200B\u200C\u200D\u2060\uFEFF',
  'مرحبا بالعالم',
  'שלום עולם',
  '👩‍👩‍👧‍👦🏳️‍🌈🇫🇮',
  'Z̷̧̛̗͎̰̈́a̶̡͍͆l̵̰̊g̵̢̈o̴͚̓',
  'ÅÄÖ åäö',
  '\u0085\u2028\u2029',
  '\t\n\r\v\f',
  'İıŞş ß',
  '\u00A0',
  '𝕳𝖔𝖘𝖙𝖎𝖑𝖊',
]

const hugeString = fc
  .tuple(fc.constantFrom('a', 'ä', '€', '😀', '<', "'", '\u0000', '\uD800'), fc.constantFrom(100_000, 300_000, 1_000_000, 2_000_000))
  .map(([c, n]) => c.repeat(Math.ceil(n / c.length)))
const weirdNumber = fc.constantFrom(
  -0,
  0,
  -1,
  0.5,
  1e21,
  2 ** 53 + 2,
  -(2 ** 31) - 1,
  2 ** 31,
  1e308,
  5e-324,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
)
const hostileScalar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: hugeString },
  { weight: 2, arbitrary: weirdNumber },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, '', ' ') },
)
const deepValue = fc.tuple(fc.constantFrom(1000, 2500, 5000), fc.boolean()).map(([depth, asArray]) => {
  let v: unknown = 'bottom'
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v }
  return v
})
const bigArray = fc
  .tuple(fc.constantFrom(10_000, 20_000), fc.constantFrom<unknown>('x', 1, null, {}, 'Example'))
  .map(([n, v]) => Array.from({ length: n }, () => v))
const POLLUTION = [
  '{"__proto__": {"polluted": "yes"}}',
  '{"constructor": {"prototype": {"polluted": "yes"}}}',
  '{"__proto__": null}',
  '{"prototype": {"polluted": "yes"}}',
  '{"toString": "x", "valueOf": 1, "hasOwnProperty": "x"}',
]
const pollution = fc.constantFrom(...POLLUTION).map((t) => JSON.parse(t) as unknown)
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: hostileScalar },
  { weight: 1, arbitrary: deepValue },
  { weight: 1, arbitrary: bigArray },
  { weight: 1, arbitrary: pollution },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 5 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'a', '', '$where', '0'), hostileScalar, {
      maxKeys: 4,
    }),
  },
)

const RAW_BODIES = [
  '',
  '{',
  '}',
  '{"a":',
  '[1,2',
  '{"a":1}}',
  'nul',
  '{"a":1,}',
  "{'a':1}",
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"version":1e309}',
  '{"version":-0}',
  '{"version":"1"}',
  '\uFEFF{}',
  '{}\u0000',
  '\u0000',
  '{"displayName":"\\ud800","role":"processor"}',
  '{"displayName":"a\\u0000b","role":"processor"}',
  '{"__proto__":{"polluted":"yes"},"displayName":"proto","role":"processor"}',
  '"just a string"',
  '42',
  'null',
  '[]',
  '['.repeat(100_000),
  '['.repeat(50_000) + ']'.repeat(50_000),
  '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
  '{"displayName":"' + 'x'.repeat(1_100_000) + '","role":"processor"}',
]
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=----nope',
  'application/xml',
  'application/merge-patch+json',
]

/** Lone surrogates replaced, so that encodeURIComponent accepts the string (the raw forms are sent as %-escapes). */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

const hostileSegment = fc.oneof(
  fc.constantFrom(
    '0',
    '-1',
    '1.5',
    '1e3',
    '01',
    '+1',
    '%201',
    '99999999999999999999',
    '9007199254740993',
    'NaN',
    'null',
    'undefined',
    '%00',
    '%FF',
    '%E0%A4%A',
    '%',
    '%25',
    '..',
    '%2e%2e%2f',
    '1;DROP TABLE processors',
    "1'%20OR%20'1'='1",
    '%3Cscript%3E',
    'x'.repeat(10_000),
    '%F0%9F%98%80',
    '%EF%BB%BF1',
    '1%00',
  ),
  hostileScalar.map((v) => encodeURIComponent(wellFormed(String(v))).slice(0, 20_000)),
)
const RAW_QUERY_VALUES = ['%', '%G1', '%E0%A4', '%00', '%FF%FE', '%C0%AF', '%ED%A0%80']
const hostileQueryValue = fc.oneof(
  { weight: 4, arbitrary: hostileScalar.map((v) => encodeURIComponent(wellFormed(String(v))).slice(0, 300_000)) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERY_VALUES) },
)

// ---------------------------------------------------------------------------------------------
// Requests.
// ---------------------------------------------------------------------------------------------

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; contentType: string }
  | { kind: 'raw'; text: string; contentType: string | null }
  | { kind: 'form'; fields: [string, string | { name: string; bytes: Uint8Array }][] }

interface HostileRequest {
  method: string
  url: string
  body: Body
  headers: Record<string, string>
  role: Role
}

function validIds(path: string, param: string): number[] {
  if (path.startsWith('/users')) return [victim.id, 999_999]
  if (param === 'version') return [1, 2]
  return [1, 2, 3, 4, 5]
}

function pathArb(op: Operation): fc.Arbitrary<string> {
  if (op.pathParams.length === 0) return fc.constant(op.path)
  return fc
    .tuple(
      ...op.pathParams.map((p) =>
        fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...validIds(op.path, p)).map(String) }, { weight: 2, arbitrary: hostileSegment }),
      ),
    )
    .map((values) => op.pathParams.reduce((path, p, i) => path.replace(`{${p}}`, values[i]!), op.path))
}

function queryArb(op: Operation): fc.Arbitrary<string> {
  const declared = op.query.map((q) =>
    fc.option(
      fc
        .oneof(
          { weight: 3, arbitrary: fc.constant(encodeURIComponent(String(example(q.schema)))) },
          { weight: 1, arbitrary: hostileQueryValue },
        )
        .map((v) => `${encodeURIComponent(q.name)}=${v}`),
      { freq: 3 },
    ),
  )
  const extra = fc.array(
    fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'page', 'pageSize', 'q', 'lang', 'x', '', 'a[b]', 'format'), hostileQueryValue)
      .map(([k, v]) => `${encodeURIComponent(k)}=${v}`),
    { maxLength: 3 },
  )
  return fc.tuple(fc.tuple(...declared), extra).map(([d, e]) => [...d.filter((x): x is string => x !== null), ...e].join('&'))
}

function jsonBodyArb(op: Operation): fc.Arbitrary<Body> {
  const base = example(op.bodySchema ?? undefined)
  const keys = propertyNames(op.bodySchema)
  const withOptional = { ...(base as object), ...optionalExamples(op.bodySchema) }
  const mutated = keys.length
    ? fc
        .tuple(fc.dictionary(fc.constantFrom(...keys), hostileValue, { minKeys: 1, maxKeys: 4, noNullPrototype: true }), fc.boolean())
        .map(([changes, full]) => ({ ...(full ? withOptional : (base as object)), ...changes }))
    : hostileValue
  const missing = keys.length
    ? fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(base as object).filter(([key]) => key !== k)))
    : hostileValue
  const json = fc.oneof(
    { weight: 5, arbitrary: mutated },
    { weight: 2, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(base, withOptional) },
    { weight: 1, arbitrary: missing },
    { weight: 1, arbitrary: pollution.map((p) => Object.assign(JSON.parse(JSON.stringify(base ?? {})), p)) },
  )
  return fc.oneof(
    { weight: 6, arbitrary: json.map((value): Body => ({ kind: 'json', value, contentType: 'application/json' })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(json, fc.constantFrom(...CONTENT_TYPES))
        .map(([value, contentType]): Body => ({ kind: 'json', value, contentType })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...RAW_BODIES), fc.option(fc.constantFrom(...CONTENT_TYPES), { freq: 5 }))
        .map(([text, contentType]): Body => ({ kind: 'raw', text, contentType: contentType ?? 'application/json' })),
    },
    { weight: 1, arbitrary: fc.constantFrom<Body>({ kind: 'none' }, { kind: 'raw', text: '{}', contentType: null }) },
  )
}

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
function formBodyArb(): fc.Arbitrary<Body> {
  const name = fc.oneof(
    fc.constantFrom('dpa.pdf', 'a.PDF', '', '.pdf', '../../etc/passwd', 'x'.repeat(5000) + '.pdf'),
    hostileScalar.map((v) => String(v).slice(0, 5000)),
  )
  const bytes = fc.oneof(
    fc.constant(PDF),
    fc.uint8Array({ maxLength: 2000 }),
    fc.constantFrom(100_000, 2_000_000).map((n) => new Uint8Array(n).fill(0x25)),
    hostileScalar.map((v) => new TextEncoder().encode(String(v))),
  )
  const field = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constant('file'), fc.record({ name, bytes })) },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom('file', 'document', '__proto__', ''),
        hostileScalar.map((v) => String(v).slice(0, 100_000)),
      ),
    },
  )
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .array(field, { minLength: 0, maxLength: 3 })
        .map((fields): Body => ({ kind: 'form', fields: fields as [string, string | { name: string; bytes: Uint8Array }][] })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc',
            '--x--',
            '',
            'not multipart at all',
            '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\r\n--x--\r\n',
          ),
          fc.constantFrom(
            'multipart/form-data',
            'multipart/form-data; boundary=x',
            'multipart/form-data; boundary=',
            'multipart/form-data; boundary="unclosed',
            'application/json',
          ),
        )
        .map(([text, contentType]): Body => ({ kind: 'raw', text, contentType })),
    },
    { weight: 1, arbitrary: jsonBodyArb({ ...OPERATIONS[0]!, bodySchema: { type: 'object', properties: { file: { type: 'string' } } } }) },
  )
}

function requestArb(op: Operation, role: Role): fc.Arbitrary<HostileRequest> {
  const body: fc.Arbitrary<Body> =
    op.bodyType === 'multipart/form-data'
      ? formBodyArb()
      : op.bodyType
        ? jsonBodyArb(op)
        : op.method === 'GET'
          ? fc.constant({ kind: 'none' })
          : fc.oneof(
              { weight: 3, arbitrary: fc.constant<Body>({ kind: 'none' }) },
              { weight: 1, arbitrary: jsonBodyArb({ ...op, bodySchema: { type: 'object' } }) },
            )
  return fc
    .tuple(pathArb(op), queryArb(op), body)
    .map(([path, query, b]) => ({ method: op.method, url: `${op.base}${path}${query ? `?${query}` : ''}`, body: b, headers: {}, role }))
}

function describeRequest(r: HostileRequest): string {
  const short = (s: string) => (s.length > 300 ? `${JSON.stringify(s.slice(0, 300))}... (${s.length} chars)` : JSON.stringify(s))
  let body = ''
  if (r.body.kind === 'json') {
    let text: string
    try {
      text = JSON.stringify(r.body.value) ?? 'undefined'
    } catch (e) {
      text = `<unserialisable: ${(e as Error).message}>`
    }
    body = ` json(${r.body.contentType}) ${short(text)}`
  } else if (r.body.kind === 'raw') body = ` raw(${r.body.contentType}) ${short(r.body.text)}`
  else if (r.body.kind === 'form')
    body = ` form ${short(JSON.stringify(r.body.fields.map(([k, v]) => [k, typeof v === 'string' ? v : { name: v.name, size: v.bytes.length }])))}`
  return `${r.role}: ${r.method} ${short(r.url)}${body}`
}

function buildRequest(r: HostileRequest, cookie: string): Request | Error {
  const headers = new Headers({ cookie, ...r.headers })
  let body: RequestInit['body']
  try {
    if (r.body.kind === 'json') {
      // JSON.stringify itself refuses some values (too deep for its stack): then send the raw text form.
      body = JSON.stringify(r.body.value)
      headers.set('content-type', r.body.contentType)
    } else if (r.body.kind === 'raw') {
      body = r.body.text
      if (r.body.contentType) headers.set('content-type', r.body.contentType)
    } else if (r.body.kind === 'form') {
      const form = new FormData()
      for (const [k, v] of r.body.fields)
        form.append(
          k,
          typeof v === 'string' ? v : new Blob([v.bytes], { type: 'application/pdf' }),
          typeof v === 'string' ? undefined : v.name,
        )
      body = form
    }
    return new Request(`http://localhost${r.url}`, { method: r.method, headers, body })
  } catch (e) {
    return e as Error
  }
}

// ---------------------------------------------------------------------------------------------
// What "nothing changed" means.
// ---------------------------------------------------------------------------------------------

const VOLATILE = new Set(['sessions', 'login_throttle', 'audit_events'])
const TABLES = (
  sqlite
    .prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[]
).filter((t) => !VOLATILE.has(t))
const tableReaders = new Map(TABLES.map((t) => [t, sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw(true)] as const))
const maxSeq = sqlite.prepare('SELECT coalesce(max(seq), 0) FROM audit_events').pluck()
const newEvents = sqlite.prepare('SELECT action FROM audit_events WHERE seq > ?').pluck()

// Which tables a statement wrote to, noted by temporary triggers on this connection (the app's own:
// the in-process app writes through ctx.db). A rolled-back write takes its note with it. Only the
// noted tables are hashed again, so the digest below costs little when (as for most hostile
// requests) nothing was written, and stays exact: a table with no note has had no row written.
sqlite.exec('CREATE TEMP TABLE touched (name TEXT PRIMARY KEY)')
for (const t of TABLES)
  for (const op of ['INSERT', 'UPDATE', 'DELETE'])
    sqlite.exec(
      `CREATE TEMP TRIGGER "touched_${t}_${op}" AFTER ${op} ON main."${t}" BEGIN INSERT OR IGNORE INTO temp.touched VALUES ('${t}'); END`,
    )
const takeTouched = sqlite.prepare('DELETE FROM temp.touched RETURNING name').pluck()
const hashes = new Map<string, string>()

function hashTable(t: string): string {
  const h = createHash('sha256')
  for (const row of tableReaders.get(t)!.all())
    h.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('base64') : v))).update('\n')
  return h.digest('hex')
}

/** One hash per table over every row (sessions, the login throttle and the audit trail apart). */
function digest(): Map<string, string> {
  const touched = takeTouched.all() as string[]
  const stale = hashes.size ? touched : TABLES
  for (const t of stale) hashes.set(t, hashTable(t))
  return new Map(hashes)
}

function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([k, v]) => after.get(k) !== v).map(([k]) => k)
}

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',')
function prototypePolluted(): boolean {
  return (
    Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== PROTO_KEYS || ({} as Record<string, unknown>).polluted !== undefined
  )
}

// ---------------------------------------------------------------------------------------------
// What the description promises: the declared statuses, media types and JSON schemas.
// ---------------------------------------------------------------------------------------------

// OpenAPI 3.1 schemas are JSON Schema 2020-12; `example` and the like are annotations (strict off).
const ajv = new Ajv2020({ strict: false, allErrors: false })
addFormats(ajv)
ajv.addFormat('binary', true)
ajv.addSchema({ $id: 'openapi.json', components: doc.components })
const validators = new Map<string, ValidateFunction>()
function validatorFor(schema: JsonSchema): ValidateFunction {
  const text = JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')
  let v = validators.get(text)
  if (!v) validators.set(text, (v = ajv.compile(JSON.parse(text))))
  return v
}

const operationPatterns = OPERATIONS.map((op) => ({
  op,
  re: new RegExp(`^${(op.base + op.path).replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+')}$`),
}))
/** The described operation a request's (normalised) path reaches, if any. */
function operationAt(method: string, pathname: string): Operation | null {
  return operationPatterns.find(({ op, re }) => op.method === method && re.test(pathname))?.op ?? null
}

const mediaType = (contentType: string | null) => (contentType ?? '').split(';')[0]!.trim().toLowerCase()

/** The answer against the operation's description: a declared status, a declared media type, a valid JSON body. */
function checkAgainstDescription(op: Operation, res: Response, text: string): string[] {
  const declared = op.responses[String(res.status)]
  if (!declared)
    return [
      `answered ${res.status}, which ${op.method} ${op.path} does not declare (declared: ${Object.keys(op.responses).join(', ')}): ${text.slice(0, 200)}`,
    ]
  if (text === '' || !declared.content) return []
  const type = mediaType(res.headers.get('content-type'))
  const media = declared.content[type]
  if (!media) return [`answered ${res.status} as ${type}, not one of the declared ${Object.keys(declared.content).join(', ')}`]
  if (type !== 'application/json' || !media.schema) return []
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return [`answered ${res.status} as JSON that does not parse: ${text.slice(0, 200)}`]
  }
  const validate = validatorFor(media.schema)
  if (validate(body)) return []
  return [
    `answered ${res.status} with a body not valid against its schema: ${ajv.errorsText(validate.errors)} (body: ${text.slice(0, 200)})`,
  ]
}

const stats = new Map<string, Map<number, number>>()
function countStatus(key: string, status: number) {
  const m = stats.get(key) ?? new Map<number, number>()
  m.set(status, (m.get(status) ?? 0) + 1)
  stats.set(key, m)
}

/** Sends one hostile request and checks every promise; returns the problems (empty when all hold). */
async function probe(key: string, r: HostileRequest, opts: { api: boolean; op: Operation | null }): Promise<string[]> {
  // A fresh session per request: a hostile logout or password change cannot end the others.
  const cookie = r.role === 'anonymous' ? '' : `seloste_session=${createSession(ctx.db, roleUserIds[r.role], DEFAULT_CONFIG.session).token}`
  const request = buildRequest(r, cookie)
  if (request instanceof Error) return [] // the client could not even form it (e.g. a value JSON cannot serialise)
  const before = digest()
  const seqBefore = maxSeq.get() as number
  const res = await ctx.app.request(request)
  const text = await res.text()
  const after = digest()
  const problems: string[] = []
  countStatus(key, res.status)
  if (res.status >= 500) problems.push(`answered ${res.status}: ${text.slice(0, 300)}`)
  const changed = changedTables(before, after)
  const events = newEvents.all(seqBefore) as string[]
  if (res.status >= 400) {
    if (changed.length) problems.push(`a rejected request (${res.status}) changed ${changed.join(', ')}`)
    // A refused login or password change records the failed attempt (issue 13), nothing else.
    const unexpected = events.filter((a) => a !== 'login_failed' && a !== 'change_password_failed')
    if (unexpected.length) problems.push(`a rejected request (${res.status}) added audit events: ${unexpected.join(', ')}`)
  } else if (r.method === 'GET') {
    // A read may record that it happened (exports are audited), but changes no registry data.
    if (changed.length) problems.push(`a read (${res.status}) changed ${changed.join(', ')}`)
  } else if (res.status < 300 && changed.length > 0 && events.length === 0) {
    // An accepted change that changed nothing (a save of the same values) rightly leaves no event.
    problems.push(`an accepted ${r.method} (${res.status}) changed ${changed.join(', ')} but left no audit event`)
  }
  if (opts.api && res.status >= 400) {
    let body: { error?: { code?: unknown; message?: unknown } } | null = null
    try {
      body = JSON.parse(text)
    } catch {
      /* checked below */
    }
    if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string')
      problems.push(`a ${res.status} without the API's error body: ${text.slice(0, 200)}`)
  }
  if (opts.op) {
    // A path segment such as ".." is resolved by the URL itself: then another operation (or none) answers.
    const pathname = new URL(request.url).pathname
    const answering = operationAt(request.method, pathname)
    if (answering) problems.push(...checkAgainstDescription(answering, res, text))
    // No operation there: a 404, unless the shell refused first (no session, cross-site, body limit or type).
    else if (![401, 403, 404, 413, 415].includes(res.status))
      problems.push(`answered ${res.status} at ${pathname}, where no operation is described`)
  }
  if (prototypePolluted()) problems.push('Object.prototype was polluted')
  return problems
}

function checkDatabase(): string[] {
  const problems: string[] = []
  const integrity = sqlite.pragma('integrity_check', { simple: true })
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`)
  const fk = sqlite.pragma('foreign_key_check') as unknown[]
  if (fk.length) problems.push(`${fk.length} foreign-key violations`)
  const chain = verifyAuditChain(ctx.db)
  if (!chain.intact) problems.push(`the audit chain is broken at ${chain.brokenAt}: ${chain.reason}`)
  return problems
}

async function runProperty(key: string, arb: fc.Arbitrary<HostileRequest>, numRuns: number, api: boolean, op: Operation | null) {
  const details = await fc.check(
    fc.asyncProperty(arb, async (r) => {
      const problems = await probe(key, r, { api, op })
      if (problems.length) throw new Error(problems.join('; '))
    }),
    { numRuns, seed: SEED, endOnFailure: true },
  )
  if (details.failed) {
    const r = details.counterexample?.[0]
    const reason = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
    throw new Error(
      `${key}: ${reason}\n  request: ${r ? describeRequest(r) : '?'}\n  seed ${details.seed}, path ${details.counterexamplePath} (HOSTILE_SEED=${details.seed} repeats it)`,
    )
  }
  const db = checkDatabase()
  if (db.length) throw new Error(`${key}: after ${numRuns} cases: ${db.join('; ')}`)
}

// ---------------------------------------------------------------------------------------------
// The tests.
// ---------------------------------------------------------------------------------------------

const timeoutFor = (runs: number) => 30_000 + runs * 400

describe('every operation in the API description, as every role', () => {
  it('covers the description (the operations below are not an empty list)', () => {
    expect(OPERATIONS.length).toBeGreaterThan(70)
    expect(OPERATIONS.map((o) => `${o.method} ${o.base}${o.path}`)).toEqual(
      expect.arrayContaining([
        'POST /api/processors',
        'PATCH /api/processors/{id}',
        'POST /api/auth/login',
        'POST /api/dpas/{id}/document',
        'GET /public/processors.json',
        'POST /public/processors/unsubscribe',
      ]),
    )
  })

  it('catches an undeclared status, an undeclared media type and a body its schema refuses (the checks can fail)', () => {
    const op = OPERATIONS.find((o) => o.method === 'GET' && o.path === '/processors/{id}')!
    const json = (status: number, body: unknown, type = 'application/json') =>
      [new Response(null, { status, headers: { 'content-type': type } }), JSON.stringify(body)] as const
    expect(checkAgainstDescription(op, ...json(418, { error: { code: 'internal', message: 'x' } }))).toEqual([
      expect.stringMatching(/^answered 418, which GET \/processors\/\{id\} does not declare/),
    ])
    expect(checkAgainstDescription(op, ...json(404, { error: { code: 'not_found', message: 'x' } }, 'text/html'))).toEqual([
      expect.stringMatching(/as text\/html, not one of the declared/),
    ])
    expect(checkAgainstDescription(op, ...json(404, { error: { code: 'no_such_code', message: 'x' } }))).toEqual([
      expect.stringMatching(/not valid against its schema/),
    ])
    expect(checkAgainstDescription(op, ...json(200, { id: 'one' }))).toEqual([expect.stringMatching(/not valid against its schema/)])
    expect(checkAgainstDescription(op, ...json(404, { error: { code: 'not_found', message: 'Processor not found' } }))).toEqual([])
  })

  it('sees a written row, and not a write that was rolled back or that stored the same values (the change check can fail)', () => {
    const before = digest()
    const id = sqlite.prepare('SELECT id FROM processors ORDER BY id LIMIT 1').pluck().get() as number
    const name = sqlite.prepare('SELECT display_name FROM processors WHERE id = ?').pluck().get(id) as string
    sqlite.prepare('UPDATE processors SET display_name = ? WHERE id = ?').run(name, id)
    expect(changedTables(before, digest())).toEqual([])
    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare('UPDATE processors SET display_name = ? WHERE id = ?').run(`${name} (rolled back)`, id)
        throw new Error('roll back')
      })(),
    ).toThrow('roll back')
    expect(changedTables(before, digest())).toEqual([])
    sqlite.prepare('UPDATE processors SET display_name = ? WHERE id = ?').run(`${name} (changed)`, id)
    expect(changedTables(before, digest())).toEqual(['processors'])
    sqlite.prepare('UPDATE processors SET display_name = ? WHERE id = ?').run(name, id)
    expect(changedTables(before, digest())).toEqual([])
  })

  for (const op of OPERATIONS) {
    const hasInputs = op.pathParams.length > 0 || op.query.length > 0 || op.bodyType !== null || op.method !== 'GET'
    const runs = hasInputs ? RUNS : RUNS_WITHOUT_INPUTS
    const key = `${op.method} ${op.base}${op.path}`
    it(
      `${key}: ${runs} cases per role, no 5xx, only declared answers, no partial write`,
      async () => {
        for (const role of ROLES) await runProperty(key, requestArb(op, role), runs, op.base === '/api', op)
      },
      timeoutFor(runs * ROLES.length),
    )
  }
})

describe('hostile conditional requests to the public list', () => {
  const routes = OPERATIONS.filter((o) => o.base === '' && o.method === 'GET')
  const headerArb = fc.record(
    {
      'if-none-match': fc.constantFrom('*', '"x"', 'W/"x", "y"', '\u00ff'.repeat(10), ''.padEnd(8000, '"')),
      'if-modified-since': fc.constantFrom('yesterday', 'Thu, 01 Jan 1970 00:00:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT', '-1', ''),
      'accept-language': fc.constantFrom('fi', 'en', '*', 'x'.repeat(5000)),
    },
    { requiredKeys: [] },
  )
  it('finds the public list in the description', () => {
    expect(routes.map((o) => o.path)).toEqual(
      expect.arrayContaining(['/public/processors', '/public/processors.json', '/public/processors/versions/{file}']),
    )
  })
  for (const op of routes) {
    const path = op.path
    it(
      `GET ${path}: ${RUNS} hostile cases, no 5xx, only declared answers, nothing written`,
      async () => {
        const segment = path.includes('{file}')
          ? fc.oneof(fc.constantFrom('1', '1.json', '1.md', '1.csv', '2', '999999999', '1.xlsx'), hostileSegment)
          : fc.constant('')
        const query = fc
          .array(
            fc
              .tuple(
                fc.constantFrom('lang', 'token', 'format', '__proto__', 'page'),
                fc.oneof(fc.constantFrom('fi', 'en', 'sv', ''), hostileQueryValue),
              )
              .map(([k, v]) => `${k}=${v}`),
            { maxLength: 3 },
          )
          .map((parts) => parts.join('&'))
        const arb = fc.tuple(segment, query, headerArb).map(([s, q, headers]): HostileRequest => ({
          method: 'GET',
          url: `${path.replace('{file}', s)}${q ? `?${q}` : ''}`,
          body: { kind: 'none' },
          headers: headers as Record<string, string>,
          role: 'anonymous',
        }))
        await runProperty(`GET ${path}`, arb, RUNS, false, op)
      },
      timeoutFor(RUNS),
    )
  }
})

describe('injection strings are stored and shown as text', () => {
  const NAME = `Robert'); DROP TABLE processors;-- <script>alert(1)</script> "><img src=x onerror=alert(1)> 👩‍👩‍👧 \u202Eevil\u202C a\u200Bb`
  const TEXTS = {
    legalName: `' OR '1'='1 -- & <b>bold</b>`,
    service: { fi: '<svg/onload=alert(1)>', en: '1; SELECT * FROM users -- ${7*7} {{7*7}}' },
    purpose: { fi: 'مرحبا <i>x</i>', en: '=cmd|"/c calc"!A1' },
    internalNotes: 'a\u0000b NUL, \\ backslash, % and _ wildcards, \r\nSet-Cookie: hacked=1',
  }

  it('round-trips byte for byte through the API and is escaped on the public page', async () => {
    const api = ctx.api
    const created = await api.post('/api/processors', { displayName: NAME, role: 'processor', ...TEXTS, isPublic: true })
    expect(created.status, created.text).toBe(201)
    const id = created.body.id as number
    const read = await api.get(`/api/processors/${id}`)
    expect(read.status).toBe(200)
    expect(read.body.displayName).toBe(NAME)
    expect(read.body.legalName).toBe(TEXTS.legalName)
    expect(read.body.service).toEqual(TEXTS.service)
    expect(read.body.purpose).toEqual(TEXTS.purpose)
    expect(read.body.internalNotes).toBe(TEXTS.internalNotes)
    // Stored as text, not executed: the tables are all still there, the row holds the exact string.
    expect(sqlite.prepare('SELECT display_name FROM processors WHERE id = ?').pluck().get(id)).toBe(NAME)
    expect(sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE name IN ('processors', 'users')`).pluck().get()).toBe(2)

    // Searching with the injection strings finds the record and nothing else breaks.
    for (const q of ["Robert'); DROP", '%', '_', '<script>']) {
      const found = await api.get(`/api/processors?q=${encodeURIComponent(q)}&pageSize=100`)
      expect(found.status, q).toBe(200)
      if (q !== '%' && q !== '_')
        expect(
          found.body.items.map((i: { id: number }) => i.id),
          q,
        ).toContain(id)
    }
    // '%' is a character, not a LIKE wildcard: the search finds exactly the processors whose text holds one.
    const wildcard = await api.get(`/api/processors?q=${encodeURIComponent('%')}&pageSize=100`)
    const withPercent = sqlite.prepare(`SELECT count(*) FROM processors WHERE instr(search_text, '%') > 0`).pluck().get() as number
    expect(wildcard.body.total).toBe(withPercent)
    expect(wildcard.body.total).toBeLessThan(sqlite.prepare('SELECT count(*) FROM processors').pluck().get() as number)

    // Publish, then the public page shows it escaped, and the data formats carry it verbatim.
    const preview = await api.get('/api/public-list/preview')
    expect(preview.status).toBe(200)
    const published = await api.post('/api/public-list/publish', {
      confirmUnknownLocations: true,
      basedOnVersion: preview.body.latest?.version ?? 0,
    })
    expect(published.status, published.text).toBe(201)
    for (const lang of ['fi', 'en']) {
      const page = await ctx.anonymous.get(`/public/processors?lang=${lang}`)
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toMatch(/^text\/html/)
      expect(page.text).not.toContain('<script>alert(1)</script>')
      expect(page.text).not.toContain('<img src=x onerror')
      expect(page.text).not.toContain('<svg/onload')
      expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      const decoded = page.text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#0?39;|&#x27;|&apos;/g, "'")
        .replace(/&amp;/g, '&')
      expect(decoded).toContain(NAME)
      const json = await ctx.anonymous.get(`/public/processors.json?lang=${lang}`)
      expect(json.status).toBe(200)
      expect(JSON.stringify(json.body)).toContain(JSON.stringify(NAME).slice(1, -1))
    }
    expect(checkDatabase()).toEqual([])
  })
})

afterAll(() => {
  // The figures: how the operations answered their hostile cases (per route when HOSTILE_RUNS is set).
  const format = (m: Map<number, number>) =>
    [...m]
      .sort((a, b) => a[0] - b[0])
      .map(([s, n]) => `${s}×${n}`)
      .join(' ')
  const all = new Map<number, number>()
  for (const m of stats.values()) for (const [s, n] of m) all.set(s, (all.get(s) ?? 0) + n)
  const total = [...all.values()].reduce((a, b) => a + b, 0)
  const lines = process.env.HOSTILE_RUNS ? [...stats].map(([key, m]) => `  ${key.padEnd(48)} ${format(m)}`) : []
  console.log(
    [`hostile input: ${total} requests over ${stats.size} routes (HOSTILE_RUNS=${RUNS}), answers: ${format(all)}`, ...lines].join('\n'),
  )
})
