/**
 * The web app's initial JavaScript, gzipped: what a first visit downloads before the dashboard runs.
 *
 * If apps/web/scripts/bundle-size.mjs exists (the web app's own tool), its output is shown as well.
 * The figure the target is judged on is computed here: every <script src> and
 * <link rel="modulepreload" href> of apps/web/dist/index.html, gzipped with zlib (level 9), summed.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { REPO_ROOT } from './lib'

export const BUNDLE_TARGET_KB = 200

export interface BundleReport {
  built: boolean
  files: { file: string; bytes: number; gzip: number }[]
  totalBytes: number
  totalGzip: number
  /** Output of apps/web/scripts/bundle-size.mjs, when that script exists. */
  scriptOutput: string | null
  scriptError: string | null
  problems: string[]
}

const WEB = join(REPO_ROOT, 'apps', 'web')
const DIST = join(WEB, 'dist')
const SCRIPT = join(WEB, 'scripts', 'bundle-size.mjs')

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  return m ? (m[1] ?? m[2] ?? m[3] ?? null) : null
}

/** The initial JS files named by index.html (local ones only), in document order, without duplicates. */
export function initialScripts(html: string): string[] {
  const out: string[] = []
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(m[0], 'src')
    if (src) out.push(src)
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], 'rel') ?? '').toLowerCase().split(/\s+/)
    const href = attr(m[0], 'href')
    if (href && rel.includes('modulepreload')) out.push(href)
  }
  return [...new Set(out.filter((u) => !/^[a-z]+:\/\//i.test(u) && !u.startsWith('//')))]
}

export function measureBundle(): BundleReport {
  const report: BundleReport = { built: false, files: [], totalBytes: 0, totalGzip: 0, scriptOutput: null, scriptError: null, problems: [] }
  const index = join(DIST, 'index.html')
  if (!existsSync(index)) return report
  report.built = true

  for (const url of initialScripts(readFileSync(index, 'utf8'))) {
    const rel = decodeURIComponent(url.split(/[?#]/)[0]!).replace(/^\.?\//, '')
    const file = join(DIST, rel)
    if (!existsSync(file)) {
      report.problems.push(`index.html names ${url}, which is not in dist`)
      continue
    }
    const content = readFileSync(file)
    const gzip = gzipSync(content, { level: 9 }).length
    report.files.push({ file: rel, bytes: content.length, gzip })
    report.totalBytes += content.length
    report.totalGzip += gzip
  }

  if (existsSync(SCRIPT)) {
    try {
      report.scriptOutput = execFileSync(process.execPath, [SCRIPT], {
        cwd: WEB,
        encoding: 'utf8',
        timeout: 60_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      }).trim()
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string }
      // The script may exit non-zero to signal a missed budget; keep what it printed.
      report.scriptOutput = (e.stdout ?? '').trim() || null
      report.scriptError = (e.stderr ?? '').trim() || e.message
    }
  }
  return report
}
