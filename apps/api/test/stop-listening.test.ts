import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { stopListening } from '../src/lib/stop-listening'

const CLIENTS = 20
/** Only a stuck client takes this long to open its connections; a slow machine is not a failure. */
const STUCK_MS = 60_000

// Opens CLIENTS connections, sends a whole request on each, writes the marker file once every
// request has left, then prints what each connection got back: a status line or the error.
const CLIENT_SCRIPT = `
const net = require('node:net'), fs = require('node:fs')
const [port, marker, n] = process.argv.slice(1)
const results = []
let sent = 0
for (let i = 0; i < Number(n); i++) {
  const s = net.connect(Number(port), '127.0.0.1')
  let got = ''
  s.setEncoding('utf8')
  s.on('data', (d) => (got += d))
  s.on('connect', () => s.write('GET /r' + i + ' HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n', () => {
    if (++sent === Number(n)) fs.writeFileSync(marker, 'sent')
  }))
  let error = null
  s.on('error', (e) => (error = e.code))
  s.on('close', () => {
    results.push(error ?? got.split('\\r\\n')[0])
    if (results.length === Number(n)) console.log(JSON.stringify(results))
  })
}
`

let dir: string | undefined
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Blocks this thread (and so the server's event loop) until the file exists: nothing is accepted meanwhile. */
function blockUntilExists(path: string) {
  const deadline = Date.now() + STUCK_MS
  const pause = new Int32Array(new SharedArrayBuffer(4))
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`the clients did not send their requests within ${STUCK_MS / 1000} s`)
    Atomics.wait(pause, 0, 0, 5)
  }
}

describe('stopListening', () => {
  it('answers every request whose connection was still waiting to be accepted, then refuses new ones', async () => {
    dir = mkdtempSync(join(tmpdir(), 'seloste-stop-listening-'))
    const marker = join(dir, 'sent')
    const server = createServer((req, res) => res.end(req.url))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { port } = server.address() as AddressInfo

    const client = spawn(process.execPath, ['-e', CLIENT_SCRIPT, String(port), marker, String(CLIENTS)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    client.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
    const exited = new Promise<number | null>((r) => client.on('exit', r))

    // The event loop does not turn until every request has been sent: all CLIENTS connections wait
    // in the kernel's accept queue, as they do on a machine too busy to accept them (libuv takes one
    // per turn). Closing the listening socket now would reset every one of them.
    blockUntilExists(marker)
    let refusedAfter: Promise<string> | undefined
    const closed = stopListening(server, () => {
      refusedAfter = new Promise((r) => {
        const s = connect(port, '127.0.0.1')
        s.on('connect', () => {
          s.destroy()
          r('accepted')
        })
        s.on('error', (e: NodeJS.ErrnoException) => r(e.code ?? e.message))
      })
    })
    await closed
    expect(await exited).toBe(0)
    const results = JSON.parse(out) as string[]
    expect(results).toHaveLength(CLIENTS)
    expect(results.filter((r) => r !== 'HTTP/1.1 200 OK')).toEqual([])
    expect(await refusedAfter).toBe('ECONNREFUSED')
  })
})
