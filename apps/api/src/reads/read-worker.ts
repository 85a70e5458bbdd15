/**
 * A read worker (see read-pool.ts): one read-only connection, and the tasks of read-tasks.ts run on
 * it one message at a time. An error goes back as its message; the pool fails the read with it (a
 * 500). The request was validated and its access checked on the server's thread before it was sent,
 * so a task has no expected errors to report.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openReadOnly, type Db } from '../db/client'
import { readTasks, type ReadTask } from './read-tasks'

export interface ReadRequest {
  id: number
  task: ReadTask
  arg: unknown
}
export type ReadReply = { id: number; result: unknown } | { id: number; error: { message: string; stack?: string } }
/** Sent once, when the connection is open: the pool tells a failed start from a crash by it. */
export interface ReadyMessage {
  ready: true
}

const port = parentPort
if (!port) throw new Error('read-worker.ts runs only as a worker thread')
const db = openReadOnly((workerData as { path: string }).path)
port.postMessage({ ready: true } satisfies ReadyMessage)

port.on('message', async ({ id, task, arg }: ReadRequest) => {
  let reply: ReadReply
  try {
    const run = readTasks[task] as (db: Db, arg: unknown) => unknown
    reply = { id, result: await run(db, arg) }
  } catch (err) {
    const { message, stack } = err as Error
    reply = { id, error: { message, ...(stack !== undefined && { stack }) } }
  }
  port.postMessage(reply)
})
