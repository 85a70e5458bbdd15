import type { IncomingMessage, Server, ServerResponse } from 'node:http'

export interface KeepAliveEnd {
  /**
   * From now on every response ends its connection: one not yet started carries `Connection: close`
   * (Node then closes the socket once it is sent), one already streaming has its connection closed
   * once it is idle. Call it when the shutdown begins, before `stopListening`.
   */
  closeAfterResponse(): void
}

/**
 * Ends kept-alive connections at shutdown instead of letting them linger.
 *
 * `server.close()` stops listening and closes the keep-alive connections that are idle at that
 * moment, then waits for the others. A connection busy at that moment would, without this, answer
 * with `Connection: keep-alive` and then sit idle until `keepAliveTimeout` (5 s, plus Node's 1 s
 * margin) — or carry the client's next request, and the one after: a client that keeps sending
 * over a kept-alive connection holds the shutdown up for as long as it sends. So the responses in
 * progress when the shutdown begins, and any request read after it, answer with
 * `Connection: close`: each connection carries at most the request it is on, and ends with it.
 *
 * Install it when the server is created: it tracks the responses in progress ('request' is
 * prepended, so the header is set before the app's handler can send anything).
 */
export function endKeepAliveOnStop(server: Server): KeepAliveEnd {
  const open = new Set<ServerResponse>()
  let closing = false

  const closeWhenDone = (res: ServerResponse) => {
    if (!res.headersSent) {
      res.setHeader('connection', 'close')
      return
    }
    // Already streaming with keep-alive announced: once it has finished the connection is idle
    // (Node marks it so right after 'finish'), and an idle connection of a closed server may go.
    res.once('finish', () => setImmediate(() => server.closeIdleConnections()))
  }

  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (closing) {
      closeWhenDone(res)
      return
    }
    open.add(res)
    res.once('close', () => open.delete(res))
  })

  return {
    closeAfterResponse() {
      if (closing) return
      closing = true
      for (const res of open) closeWhenDone(res)
      open.clear()
    },
  }
}
