/** Shared pieces of the benchmark: latency statistics, child servers and the autocannon driver. */
import autocannon from 'autocannon'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const API_DIR = join(REPO_ROOT, 'apps', 'api')
/** Resolves packages the way apps/api does (hono, @hono/node-server, tsx live there, not at the root). */
export const apiRequire = createRequire(join(API_DIR, 'package.json'))
/** tsx's ESM loader, for `node --import <loader> file.ts` (one process, no tsx CLI wrapper in between). */
export const TSX_LOADER = pathToFileURL(apiRequire.resolve('tsx')).href

// ---------------------------------------------------------------------------------------------
// Statistics.
// ---------------------------------------------------------------------------------------------

export interface Latency {
  count: number
  mean: number
  p50: number
  p90: number
  p99: number
  p999: number
  max: number
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!
}

export function summarize(samples: number[]): Latency {
  const sorted = Float64Array.from(samples).sort()
  const sum = samples.reduce((s, v) => s + v, 0)
  return {
    count: sorted.length,
    mean: sorted.length ? sum / sorted.length : NaN,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
  }
}

/** One measured scenario: over HTTP (autocannon) or in-process (direct calls). */
export interface Measure {
  name: string
  how: 'http' | 'in-process'
  /** Completed requests or calls (all status codes). */
  requests: number
  seconds: number
  /** 2xx responses (or calls) per second. */
  rps: number
  /** Latency of the 2xx responses (or of each call), in milliseconds. */
  latency: Latency
  errors: number
  timeouts: number
  non2xx: number
  statusCodes: Record<string, number>
  /**
   * CPU time (user + system) the server process (or, in-process, the bench) spent per request or
   * call. Unlike latency it hardly depends on queueing or on other programs sharing the machine.
   */
  cpuMsPerRequest: number
  /** 409 answers (update: another request changed the record first); not counted in non2xx. */
  conflicts?: number
  /** Mean size of a 2xx response in bytes (headers included), over HTTP. */
  meanBytes?: number
  /** Public list: the first request of the version (it renders, and compresses), in ms. */
  firstMs?: number
  /** Public list: the Content-Encoding the server answered with ('identity' for none). */
  encoding?: string
  /** How the figures were taken when not the usual way (e.g. sequentially, because one request is slow). */
  note?: string
}

// ---------------------------------------------------------------------------------------------
// Child processes.
// ---------------------------------------------------------------------------------------------

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address ? address.port : 0
      srv.close(() => resolvePort(port))
    })
  })
}

/** utime + stime of a process from /proc/<pid>/stat, in ms. */
function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // Fields 14 and 15 of stat(5); the split starts at field 3.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
  } catch {
    return NaN
  }
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The process and all its descendants (Linux /proc), e.g. pnpm -> sh -> node, or one node. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The command name (field 2) may hold spaces: the parent pid is the 2nd field after its ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      // the process ended meanwhile
    }
  }
  const tree: number[] = []
  const visit = (pid: number) => {
    tree.push(pid)
    for (const c of children.get(pid) ?? []) visit(c)
  }
  visit(root)
  return tree
}

/** Resident memory (VmRSS, MiB) of a process and its descendants, and how many processes that is. */
export function treeRssMiB(root: number | undefined): { mib: number; processes: number } {
  if (root === undefined) return { mib: NaN, processes: 0 }
  let kib = 0
  let processes = 0
  for (const pid of processTree(root)) {
    try {
      const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (m) {
        kib += Number(m[1])
        processes++
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return { mib: kib / 1024, processes }
}

/** Samples a process tree's resident memory every `everyMs` until stopped; the peak in MiB. */
export function sampleRss(root: number | undefined, everyMs = 250): { stop: () => number } {
  let peak = treeRssMiB(root).mib
  const timer = setInterval(() => (peak = Math.max(peak, treeRssMiB(root).mib)), everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      return Math.max(peak, treeRssMiB(root).mib)
    },
  }
}

/** Every child still running, so that a Ctrl-C or a crash of the bench stops them too. */
const running = new Set<ChildServer>()

export class ChildServer {
  private readonly proc: ChildProcess
  private log = ''
  private exited: Promise<number | null>
  private exitCode: number | null | undefined = undefined
  /** performance.now() when the process was spawned. */
  readonly spawnedAt = performance.now()

  private constructor(
    readonly name: string,
    readonly baseUrl: string,
    script: string,
    opts: { cwd: string; env: NodeJS.ProcessEnv; nodeArgs?: string[] },
  ) {
    // Compiled JavaScript (the production server, apps/api/dist/server.js) runs on plain node.
    const loader = script.endsWith('.ts') ? ['--import', TSX_LOADER] : ['--enable-source-maps']
    this.proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...loader, script], {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString('utf8')).slice(-20_000)
    }
    this.proc.stdout!.on('data', keep)
    this.proc.stderr!.on('data', keep)
    this.exited = new Promise((r) =>
      this.proc.on('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? -1 : null)
        running.delete(this)
        r(this.exitCode)
      }),
    )
    running.add(this)
  }

  get pid(): number | undefined {
    return this.proc.pid
  }

  /** CPU time the child has used so far, in ms (Linux /proc; NaN elsewhere). */
  cpuMs(): number {
    return processCpuMs(this.proc.pid)
  }

  /** The child's recent stdout and stderr, for error messages. */
  output(): string {
    return this.log.trim()
  }

  /** Starts `node [--import tsx] <script>` and waits until GET <healthPath> answers 200. */
  static async start(
    name: string,
    script: string,
    opts: { cwd: string; env: NodeJS.ProcessEnv; port: number; healthPath: string; timeoutMs?: number; nodeArgs?: string[] },
  ): Promise<ChildServer> {
    const child = new ChildServer(name, `http://127.0.0.1:${opts.port}`, script, opts)
    const deadline = Date.now() + (opts.timeoutMs ?? 300_000)
    while (Date.now() < deadline) {
      if (child.exitCode !== undefined) throw new Error(`${name} exited (code ${child.exitCode}) before it was ready:\n${child.output()}`)
      try {
        const res = await fetch(child.baseUrl + opts.healthPath)
        await res.arrayBuffer()
        if (res.ok) return child
      } catch {
        // not listening yet
      }
      await sleep(100)
    }
    await child.stop()
    throw new Error(`${name} did not answer ${opts.healthPath} within ${(opts.timeoutMs ?? 300_000) / 1000} s:\n${child.output()}`)
  }

  /** SIGTERM (the server checkpoints and closes its database), SIGKILL after 15 s. */
  async stop(): Promise<void> {
    if (this.exitCode !== undefined) return
    this.proc.kill('SIGTERM')
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 15_000)
    await this.exited
    clearTimeout(timer)
  }
}

/** Stops every child that is still running (used on errors and on Ctrl-C). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((c) => c.stop()))
}

// ---------------------------------------------------------------------------------------------
// Load.
// ---------------------------------------------------------------------------------------------

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PATCH'
  /** Called before every request: the path and, for POST/PATCH, the body; `tag` comes back in onResponse. */
  next: () => { path: string; body?: string; tag?: unknown }
  headers?: Record<string, string>
  /** Called with every response's status and body, and the tag of the request it answers. */
  onResponse?: (status: number, body: string, tag: unknown) => void
  /** 409s are expected (optimistic concurrency): count them apart, not as non-2xx. */
  conflictsExpected?: boolean
}

/**
 * autocannon appends every chunk of every response body to a string (`req.body += data`), which
 * decodes it as UTF-8: for a compressed or large body that decoding, in the load generator, becomes
 * the bottleneck (measured: ~300 responses/s of 270 KB of brotli, while the server sat 80 % idle,
 * against ~15,000/s of the same size of ASCII). Where no onResponse reads the body, the bench turns
 * that off per connection; the sizes still come from autocannon's byte counts. This reaches into
 * autocannon's client (pinned in package.json), so it checks that the hook is still there.
 */
function discardBodies(client: unknown): void {
  const queue = (client as { pipelinedRequests?: { addBody?: unknown } }).pipelinedRequests
  if (typeof queue?.addBody !== 'function')
    throw new Error('autocannon internals changed: Client#pipelinedRequests.addBody is gone (bench/lib.ts discardBodies)')
  queue.addBody = () => {}
}

export interface LoadOptions {
  baseUrl: string
  connections: number
  seconds: number
  /** The server's CPU time so far (ms), read before and after the run. */
  serverCpuMs?: () => number
}

interface AutocannonResult {
  duration: number
  errors: number
  timeouts: number
  non2xx: number
  statusCodeStats: Record<string, { count: number }>
}

/**
 * Runs autocannon against one endpoint for a fixed time and measures the latency of every 2xx
 * response itself, with sub-millisecond resolution (autocannon's own histogram records whole
 * milliseconds, too coarse for responses that take under a millisecond).
 */
export async function load(name: string, spec: RequestSpec, opts: LoadOptions): Promise<Measure> {
  const samples: number[] = []
  let responses = 0
  let okBytes = 0
  const first = spec.next()
  const onResponse = spec.onResponse
  // One request in flight per connection (no pipelining): the connection's context carries its tag.
  const instance = autocannon({
    url: opts.baseUrl,
    connections: opts.connections,
    pipelining: 1,
    duration: opts.seconds,
    timeout: 30,
    headers: spec.headers ?? {},
    ...(!onResponse && { setupClient: discardBodies }),
    requests: [
      {
        method: spec.method,
        path: first.path,
        ...(first.body !== undefined && { body: first.body }),
        setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
          const n = spec.next()
          context.tag = n.tag
          return n.body === undefined ? { ...req, path: n.path } : { ...req, path: n.path, body: n.body }
        },
        ...(onResponse && {
          onResponse: (status: number, body: string, context: Record<string, unknown>) =>
            onResponse(status, String(body ?? ''), context.tag),
        }),
      },
    ],
  })
  instance.on('response', (_client: unknown, statusCode: number, bytes: number, responseTime: number) => {
    responses++
    if (statusCode >= 200 && statusCode < 300) {
      samples.push(responseTime)
      okBytes += bytes
    }
  })
  const cpuBefore = opts.serverCpuMs?.() ?? NaN
  const result = (await instance) as AutocannonResult
  const cpuUsed = (opts.serverCpuMs?.() ?? NaN) - cpuBefore
  const statusCodes: Record<string, number> = {}
  for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = Number(s.count)
  const conflicts = spec.conflictsExpected ? (statusCodes['409'] ?? 0) : 0
  return {
    name,
    how: 'http',
    requests: responses,
    seconds: result.duration,
    rps: samples.length / result.duration,
    latency: summarize(samples),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx - conflicts,
    statusCodes,
    cpuMsPerRequest: responses > 0 ? cpuUsed / responses : NaN,
    ...(spec.conflictsExpected && { conflicts }),
    meanBytes: samples.length ? okBytes / samples.length : NaN,
  }
}

/** Calls fn repeatedly for about `seconds` (at least minCalls times) and measures each call. */
export function timeCalls(name: string, fn: () => void, seconds: number, minCalls = 50, maxCalls = 500_000): Measure {
  const samples: number[] = []
  const cpu = process.cpuUsage()
  const started = performance.now()
  const until = started + seconds * 1000
  while (samples.length < maxCalls && (samples.length < minCalls || performance.now() < until)) {
    const t0 = performance.now()
    fn()
    samples.push(performance.now() - t0)
  }
  const elapsed = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  return {
    name,
    how: 'in-process',
    requests: samples.length,
    seconds: elapsed,
    rps: samples.length / elapsed,
    latency: summarize(samples),
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    statusCodes: {},
    cpuMsPerRequest: (used.user + used.system) / 1000 / samples.length,
  }
}

/**
 * Replaces the "## Lighthouse" section of a Markdown text (up to the next "## " heading) with
 * `newSection`, or appends it. `pnpm lighthouse` writes that section of docs/performance.md, and
 * `pnpm bench`, which rewrites the rest of the file, carries it over.
 */
export function replaceSection(markdown: string, newSection: string): string {
  const start = markdown.search(/^## Lighthouse\s*$/m)
  if (start < 0) return `${markdown.replace(/\s*$/, '')}\n\n${newSection}`
  const rest = markdown.slice(start + 1)
  const next = rest.search(/^## /m)
  const end = next < 0 ? markdown.length : start + 1 + next
  return `${markdown.slice(0, start)}${newSection}${next < 0 ? '' : `\n${markdown.slice(end)}`}`
}

/** The "## Lighthouse" section of a Markdown text, or null. */
export function lighthouseSection(markdown: string): string | null {
  const start = markdown.search(/^## Lighthouse\s*$/m)
  if (start < 0) return null
  const next = markdown.slice(start + 1).search(/^## /m)
  return markdown.slice(start, next < 0 ? markdown.length : start + 1 + next).replace(/\s*$/, '\n')
}
