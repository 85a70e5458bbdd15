/**
 * Start-up drill: the server is started on files that are not a usable Seloste database (damaged
 * pages, a damaged header, a truncated file, foreign SQLite databases, a text file, a directory, a
 * database from a newer version) and on a port that is taken. Each start must end with exit code 1
 * and a short message in plain words on stderr: no stack trace, one paragraph. A file that is not
 * ours must be left as it was.
 *
 *   DRILL_MODE=short|long   (the same cases either way)
 */
import { copyFileSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, closeSync, writeSync, truncateSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import {
  Drill,
  openDb,
  rng,
  runDrill,
  sha256File,
  spawnTs,
  SERVER_SCRIPT,
  startServer,
  stopServer,
  Sqlite,
  tempDir,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
} from './lib'

const drill = new Drill('startup')

interface Case {
  name: string
  /** Makes the file (or directory) and returns the DATABASE_PATH to start with. */
  make: (dir: string, good: string) => string | Promise<string>
  /** The file must be byte-identical after the failed start (files that are not ours). */
  unchanged?: boolean
  port?: () => Promise<{ port: number; close: () => void }>
}

const random = rng(Number(process.env.DRILL_SEED ?? 1234))

function garbage(n: number): Buffer {
  const b = Buffer.alloc(n)
  for (let i = 0; i < n; i++) b[i] = random.int(0, 255)
  return b
}

function overwrite(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+')
  writeSync(fd, bytes, 0, bytes.length, offset)
  closeSync(fd)
}

function pageSizeOf(path: string): number {
  const header = readFileSync(path).subarray(16, 18)
  const size = header.readUInt16BE(0)
  return size === 1 ? 65536 : size
}

const CASES: Case[] = [
  {
    name: 'damaged: garbage over b-tree pages',
    make: (dir, good) => {
      const path = join(dir, 'damaged-pages.sqlite')
      copyFileSync(good, path)
      const page = pageSizeOf(path)
      const pages = statSync(path).size / page
      // Every third page after the first (the schema page stays readable), fully overwritten.
      for (let p = 2; p < pages; p += 3) overwrite(path, (p - 1) * page, garbage(page))
      return path
    },
  },
  {
    name: 'damaged: garbage over the schema page (header kept)',
    make: (dir, good) => {
      const path = join(dir, 'damaged-schema.sqlite')
      copyFileSync(good, path)
      overwrite(path, 100, garbage(pageSizeOf(path) - 100))
      return path
    },
  },
  {
    name: 'damaged: garbage over the file header',
    make: (dir, good) => {
      const path = join(dir, 'damaged-header.sqlite')
      copyFileSync(good, path)
      overwrite(path, 0, garbage(100))
      return path
    },
  },
  {
    name: 'damaged: truncated to a third',
    make: (dir, good) => {
      const path = join(dir, 'truncated.sqlite')
      copyFileSync(good, path)
      const page = pageSizeOf(path)
      truncateSync(path, Math.max(page, Math.floor(statSync(path).size / 3 / page) * page))
      return path
    },
  },
  {
    name: 'foreign SQLite database with a conflicting table',
    unchanged: true,
    make: (dir) => {
      const path = join(dir, 'foreign-conflict.sqlite')
      const db = new Sqlite(path)
      db.exec(`CREATE TABLE processors (name TEXT PRIMARY KEY, price REAL); INSERT INTO processors VALUES ('Intel i7', 299.0)`)
      db.close()
      return path
    },
  },
  {
    name: 'foreign SQLite database with unrelated tables',
    unchanged: true,
    make: (dir) => {
      const path = join(dir, 'foreign-other.sqlite')
      const db = new Sqlite(path)
      db.exec(`CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO recipes (title) VALUES ('karjalanpiirakka')`)
      db.close()
      return path
    },
  },
  {
    name: 'Seloste database from a newer version',
    make: (dir, good) => {
      const path = join(dir, 'newer.sqlite')
      copyFileSync(good, path)
      const db = openDb(path)
      db.exec(`INSERT INTO __drizzle_migrations (hash, created_at) VALUES (lower(hex(randomblob(32))), 4102444800000)`)
      db.pragma('journal_mode = DELETE')
      db.close()
      return path
    },
    unchanged: true,
  },
  {
    name: 'plain text file',
    unchanged: true,
    make: (dir) => {
      const path = join(dir, 'notes.txt')
      writeFileSync(path, 'These are my notes, not a database.\n'.repeat(200))
      return path
    },
  },
  {
    name: 'a directory',
    make: (dir) => {
      const path = join(dir, 'a-directory')
      mkdirSync(path)
      return path
    },
  },
  {
    name: 'port already in use',
    make: (_dir, good) => good,
    port: () =>
      new Promise((res) => {
        const blocker = createServer()
        blocker.listen(0, '127.0.0.1', () => {
          const address = blocker.address()
          res({ port: typeof address === 'object' && address ? address.port : 0, close: () => blocker.close() })
        })
      }),
  },
]

const STACK_LINE = /^\s+at\s.+(\(|:\d+)/m

runDrill(drill, async () => {
  const dir = tempDir('startup')
  // A real Seloste database to damage: made by the server itself, shut down cleanly.
  const good = join(dir, 'good.sqlite')
  const first = await startServer(good, { demo: true })
  const goodStop = await stopServer(first)
  drill.check(goodStop.code === 0, `the reference server did not stop cleanly (${goodStop.code ?? goodStop.signal})`)
  drill.figure('reference database (bytes)', statSync(good).size)

  // The cases run three at a time (each is a server start that must fail).
  const runCase = async (c: Case): Promise<{ problems: string[]; figure: string }> => {
    const path = await c.make(dir, good)
    const before = c.unchanged ? sha256File(path) : null
    const blocker = c.port ? await c.port() : null
    const started = performance.now()
    const child = spawnTs(SERVER_SCRIPT, {
      PORT: String(blocker?.port ?? 0),
      HOST: '127.0.0.1',
      DATABASE_PATH: path,
      SELOSTE_DEMO_DATA: 'true',
      SELOSTE_ADMIN_EMAIL: ADMIN_EMAIL,
      SELOSTE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      WEB_DIST: join(dir, 'no-web'),
    })
    // Only a stuck start is killed: a slow one on a busy machine must still end with exit 1.
    const timer = setTimeout(() => child.proc.kill('SIGKILL'), 180_000)
    const exit = await child.exited
    clearTimeout(timer)
    blocker?.close()
    const ms = performance.now() - started
    const stderr = child.err().trim()
    const problems: string[] = []
    if (exit.code !== 1) problems.push(`exit ${exit.code ?? exit.signal} instead of 1`)
    if (!stderr.startsWith('Seloste cannot start:')) problems.push(`stderr does not start with "Seloste cannot start:"`)
    if (STACK_LINE.test(stderr) || STACK_LINE.test(child.out())) problems.push('a stack trace was printed')
    if (/\n\s*\n/.test(stderr)) problems.push('the message is more than one paragraph')
    if (stderr.length > 800) problems.push(`the message is ${stderr.length} characters long`)
    if (/running on http/.test(child.out())) problems.push('the server started')
    if (before !== null && sha256File(path) !== before) problems.push('the file was changed')
    const summary = stderr.split(dir).join('<tmp>').replace(/\s+/g, ' ')
    if (problems.length) drill.violation(`${c.name}: ${problems.join('; ')} — stderr: ${summary.slice(0, 400) || '(empty)'}`)
    // The figure shows the message up to the generic hint that follows it.
    const message = summary.split(/\. Set (DATABASE_PATH|PORT)/)[0]!.slice(0, 240)
    return {
      problems,
      figure: `${problems.length ? 'FAIL' : 'ok'}${c.unchanged && !problems.length ? ' (file unchanged)' : ''}, exit ${exit.code ?? exit.signal} in ${ms.toFixed(0)} ms: "${message}"`,
    }
  }
  const outcomes: { problems: string[]; figure: string }[] = new Array(CASES.length)
  let next = 0
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      while (next < CASES.length) {
        const i = next++
        outcomes[i] = await runCase(CASES[i]!)
      }
    }),
  )
  CASES.forEach((c, i) => drill.figure(c.name, outcomes[i]!.figure))
  const passed = outcomes.filter((o) => o.problems.length === 0).length
  drill.figure('cases passed', `${passed}/${CASES.length}`)

  // And the good database still starts (the drill's files are not all refused for another reason).
  const again = await startServer(good)
  const stop = await stopServer(again)
  drill.check(stop.code === 0, 'the undamaged database did not start and stop cleanly')
})
