/**
 * The built dashboard as the server serves it (lib/dashboard.ts, the same call as server.ts), on a
 * small build made here: compression, caching by kind of file, robots.txt read by Python's robots
 * parser, the favicon, 404 for missing files and the shell for client-side routes.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { chooseEncoding, serveDashboard } from '../src/lib/dashboard'
import { buildApp } from '../src/app'
import { openDatabase } from '../src/db/client'
import { DEFAULT_CONFIG } from '../src/lib/config'
import { python } from './fixtures/readers'

const WEB_PUBLIC = join(import.meta.dirname, '../../web/public')
const INDEX =
  '<!doctype html><html lang="en"><head><title>Seloste</title><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>'
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word number ${i}`))};\n`
const STYLE = Array.from({ length: 100 }, (_, i) => `.c${i}{color:#${String(i).padStart(6, '0')}}`).join('\n')
const PRECOMPRESSED = `console.log(${JSON.stringify('x'.repeat(3000))})`

let app: ReturnType<typeof buildApp>
let dist: string

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'seloste-dist-'))
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), INDEX)
  writeFileSync(join(dist, 'assets/index-Ab12Cd34.js'), SCRIPT)
  writeFileSync(join(dist, 'assets/index-Ef56Gh78.css'), STYLE)
  // As the build's compress step leaves it: a .br beside the file (its content marks it as the build's own).
  writeFileSync(join(dist, 'assets/pre-Zz99.js'), PRECOMPRESSED)
  writeFileSync(join(dist, 'assets/pre-Zz99.js.br'), brotliCompressSync(Buffer.from(`${PRECOMPRESSED}//build`)))
  // The web app's real public files, as Vite copies them into the build.
  copyFileSync(join(WEB_PUBLIC, 'robots.txt'), join(dist, 'robots.txt'))
  copyFileSync(join(WEB_PUBLIC, 'favicon.svg'), join(dist, 'favicon.svg'))
  // As server.ts does it: the app on a database built from the migrations, then the dashboard (before any request).
  app = buildApp({ db: openDatabase(':memory:'), config: DEFAULT_CONFIG })
  serveDashboard(app, dist)
})

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers })

describe('the built dashboard', () => {
  it('sends JavaScript and CSS in brotli or gzip as the client accepts, the same bytes once decoded', async () => {
    for (const [path, content] of [
      ['/assets/index-Ab12Cd34.js', SCRIPT],
      ['/assets/index-Ef56Gh78.css', STYLE],
    ] as const) {
      const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' })
      expect(br.status).toBe(200)
      expect(br.headers.get('content-encoding')).toBe('br')
      expect(br.headers.get('vary')).toBe('Accept-Encoding')
      const brBytes = Buffer.from(await br.arrayBuffer())
      expect(brBytes.length).toBeLessThan(content.length / 2)
      expect(brotliDecompressSync(brBytes).toString()).toBe(content)
      const gz = await get(path, { 'accept-encoding': 'gzip' })
      expect(gz.headers.get('content-encoding')).toBe('gzip')
      expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(content)
      const plain = await get(path)
      expect(plain.headers.get('content-encoding')).toBeNull()
      expect(await plain.text()).toBe(content)
      expect(br.headers.get('etag')).not.toBe(plain.headers.get('etag'))
    }
    expect((await get('/assets/index-Ab12Cd34.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await get('/assets/index-Ef56Gh78.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
  })

  it("sends the build's own precompressed file where there is one", async () => {
    const res = await get('/assets/pre-Zz99.js', { 'accept-encoding': 'br' })
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(`${PRECOMPRESSED}//build`)
  })

  it('reads Accept-Encoding with its weights', () => {
    expect(chooseEncoding('gzip, br;q=0')).toBe('gzip')
    expect(chooseEncoding('identity')).toBeNull()
    expect(chooseEncoding('*')).toBe('br')
    expect(chooseEncoding(undefined)).toBeNull()
  })

  it('caches hashed assets for a year as immutable, revalidates the shell every time, and answers 304 to a matching ETag', async () => {
    expect((await get('/assets/index-Ab12Cd34.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const shell = await get('/')
    expect(shell.headers.get('cache-control')).toBe('no-cache')
    expect(shell.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await shell.text()).toBe(INDEX)
    const again = await get('/', { 'if-none-match': shell.headers.get('etag')! })
    expect(again.status).toBe(304)
    expect((await get('/robots.txt')).headers.get('cache-control')).not.toContain('immutable')
  })

  it('gives client-side routes the shell, and unknown files a 404 (not the shell)', async () => {
    for (const route of ['/processors', '/processors/12', '/settings/users']) {
      const res = await get(route)
      expect(res.status, route).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(await res.text()).toBe(INDEX)
    }
    for (const missing of [
      '/favicon.ico',
      '/sitemap.xml',
      '/assets/gone-123.js',
      '/wp-login.php',
      '/%2e%2e/%2e%2e/etc/passwd.txt',
      '/..%2f..%2fpackage.json',
    ]) {
      const res = await get(missing)
      expect(res.status, missing).toBe(404)
      expect(await res.text()).not.toContain('<div id="root">')
    }
    // The API's and the public list's own answers stay theirs (JSON), never the shell.
    const api = await get('/api/nothing-here')
    expect([401, 404]).toContain(api.status)
    expect(api.headers.get('content-type')).toContain('application/json')
    const publicMissing = await get('/public/nothing-here')
    expect(publicMissing.status).toBe(404)
    expect(publicMissing.headers.get('content-type')).toContain('application/json')
  })

  it('has a favicon and a robots.txt that keeps crawlers out of the dashboard and the API but lets them read the public list', async () => {
    const favicon = await get('/favicon.svg')
    expect(favicon.status).toBe(200)
    expect(favicon.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8')
    expect(await favicon.text()).toContain('<svg')
    const robots = await get('/robots.txt')
    expect(robots.status).toBe(200)
    expect(robots.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    const text = await robots.text()
    expect(text).toBe(readFileSync(join(WEB_PUBLIC, 'robots.txt'), 'utf8'))
    const verdicts = python<Record<string, boolean>>(
      `
import json, sys, urllib.robotparser
rp = urllib.robotparser.RobotFileParser()
rp.parse(sys.stdin.read().splitlines())
paths = ['/public/processors', '/public/processors.md?lang=en', '/api/processors', '/', '/processors/12']
print(json.dumps({p: rp.can_fetch('ExampleBot', 'https://seloste.example' + p) for p in paths}))
`,
      text,
    )
    expect(verdicts).toEqual({
      '/public/processors': true,
      '/public/processors.md?lang=en': true,
      '/api/processors': false,
      '/': false,
      '/processors/12': false,
    })
  })
})
