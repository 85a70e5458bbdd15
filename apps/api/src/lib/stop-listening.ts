import type { Server } from 'node:net'

/** Node's listen backlog (`server.listen` without one): no more connections than this can wait in the kernel's queue. */
const LISTEN_BACKLOG = 511

/**
 * Stops listening without resetting the connections the kernel has already opened for the server.
 *
 * libuv (1.45 on) accepts one connection per turn of the event loop. On a busy machine a turn can
 * take hundreds of milliseconds, so at SIGTERM a client may have opened its connection and sent its
 * request seconds ago while the connection still waits in the kernel's accept queue; closing the
 * listening socket then resets it (the client sees ECONNRESET: a request in flight, lost). So the
 * queue is taken first: the loop turns until a whole turn accepts nothing (the queue was empty when
 * that turn polled, and the connection accepted last has had its request read, so the server
 * counts it as busy, not idle). At most `LISTEN_BACKLOG` connections are taken: every connection
 * queued when this was called is among them (the queue is first in, first out); later ones came
 * after the shutdown began. Only then `server.close()`: the listening socket closes (a new
 * connection is refused), idle keep-alive connections close, requests in progress finish.
 *
 * `stoppedListening` runs once the listening socket is closed; the promise settles when the last
 * connection has ended.
 */
export function stopListening(server: Server, stoppedListening: () => void): Promise<void> {
  let accepted = 0
  const count = () => accepted++
  server.on('connection', count)
  return new Promise((resolve) => {
    // The first check runs in the turn that delivered the signal, whose poll may have accepted a
    // connection before `count` listened: it only starts the count; the verdict needs a whole turn.
    let seen = -1
    const turn = () => {
      if (accepted !== seen && accepted < LISTEN_BACKLOG) {
        seen = accepted
        setImmediate(turn)
        return
      }
      server.off('connection', count)
      server.close(() => resolve())
      stoppedListening()
    }
    setImmediate(turn)
  })
}
