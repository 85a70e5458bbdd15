import { createServer, type Server, type ServerResponse } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { endKeepAliveOnStop } from '../src/lib/close-after-response'
import { stopListening } from '../src/lib/stop-listening'

/** A kept-alive HTTP/1.1 client over one raw socket: what it received, and when the server closed it. */
interface Client {
  socket: Socket
  received: () => string
  closed: Promise<void>
  send: (path: string) => void
  /** Resolves once `text` has arrived in what the server sent. */
  until: (text: string) => Promise<void>
}

function client(port: number): Promise<Client> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let got = ''
    const waiting: { text: string; done: () => void }[] = []
    socket.setEncoding('utf8')
    socket.on('data', (d: string) => {
      got += d
      for (const w of waiting.splice(0))
        if (got.includes(w.text)) w.done()
        else waiting.push(w)
    })
    const closed = new Promise<void>((r) => socket.on('close', () => r()))
    socket.on('connect', () =>
      resolve({
        socket,
        received: () => got,
        closed,
        send: (path) => socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`),
        until: (text) => (got.includes(text) ? Promise.resolve() : new Promise((done) => waiting.push({ text, done }))),
      }),
    )
  })
}

let server: Server | undefined
const sockets: Socket[] = []
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy()
  if (server?.listening) await new Promise((r) => server!.close(r))
  server = undefined
})

/**
 * A server whose /slow requests wait until released, and which never times a kept-alive connection
 * out (keepAliveTimeout 0): a connection left open by the shutdown stays open, so a test of the
 * mechanism cannot pass by waiting for Node's timeout.
 */
async function start() {
  const held: { res: ServerResponse; path: string }[] = []
  let arrived: () => void = () => {}
  server = createServer((req, res) => {
    if (req.url?.startsWith('/slow')) {
      held.push({ res, path: req.url })
      arrived()
      return
    }
    if (req.url === '/stream') {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.write('first part;')
      held.push({ res, path: req.url })
      arrived()
      return
    }
    res.end(`answer to ${req.url}`)
  })
  server.keepAliveTimeout = 0
  const keepAlive = endKeepAliveOnStop(server)
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  const heldCount = (n: number) =>
    held.length >= n ? Promise.resolve() : new Promise<void>((r) => (arrived = () => held.length >= n && r()))
  return { port, keepAlive, held, heldCount }
}

async function open(port: number) {
  const c = await client(port)
  sockets.push(c.socket)
  return c
}

/** The header block of the n-th response (from 0) the client received. */
function headers(c: Client, n: number): string {
  const parts = c.received().split('HTTP/1.1 ').slice(1)
  return (parts[n] ?? '').split('\r\n\r\n')[0]!.toLowerCase()
}

describe('endKeepAliveOnStop', () => {
  it('an idle kept-alive connection does not hold up the close', async () => {
    const { port, keepAlive } = await start()
    const c = await open(port)
    c.send('/a')
    await c.until('answer to /a')
    expect(headers(c, 0)).toContain('connection: keep-alive')

    keepAlive.closeAfterResponse()
    await stopListening(server!, () => {})
    await c.closed
    expect(server!.listening).toBe(false)
  })

  it('a busy kept-alive connection answers with connection: close and ends with its response', async () => {
    const { port, keepAlive, held, heldCount } = await start()
    const c = await open(port)
    c.send('/warm-up')
    await c.until('answer to /warm-up')
    c.send('/slow')
    await heldCount(1)

    // The shutdown begins while the request is in progress on a kept-alive connection.
    // The answer is sent once the server has stopped listening (server.close() has closed the
    // connections idle at that moment; this one was busy).
    keepAlive.closeAfterResponse()
    const closed = stopListening(server!, () => held[0]!.res.end('slow answer'))

    await closed
    await c.closed
    expect(c.received()).toContain('slow answer')
    expect(headers(c, 1)).toContain('connection: close')
  })

  it('a response already streaming when the shutdown begins ends its connection once finished', async () => {
    const { port, keepAlive, held, heldCount } = await start()
    const c = await open(port)
    c.send('/stream')
    await heldCount(1)
    await c.until('first part;')
    expect(headers(c, 0)).toContain('connection: keep-alive')

    keepAlive.closeAfterResponse()
    const closed = stopListening(server!, () => held[0]!.res.end('last part'))
    await closed
    await c.closed
    expect(c.received()).toContain('last part')
  })

  it('a request read after the shutdown began is answered, with connection: close', async () => {
    const { port, keepAlive } = await start()
    const c = await open(port)
    c.send('/before')
    await c.until('answer to /before')

    keepAlive.closeAfterResponse()
    c.send('/after')
    await c.until('answer to /after')
    expect(headers(c, 1)).toContain('connection: close')
    await c.closed
    await stopListening(server!, () => {})
  })
})
