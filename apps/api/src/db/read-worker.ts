/**
 * A read worker (see read-pool.ts): one read-only connection, and the tasks of read-tasks.ts run on
 * it one message at a time. Errors go back as data; the pool turns them into errors again.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '../lib/app-error'
import { openReadOnly, type Db } from './client'
import { readTasks, type ReadTask } from './read-tasks'

export interface ReadRequest {
  id: number
  task: ReadTask
  arg: unknown
}
export type ReadReply =
  | { id: number; result: unknown }
  | { id: number; error: { app: true; code: AppError['code']; message: string; extra: AppError['extra'] } | { app: false; message: string; stack?: string } }

const port = parentPort
if (!port) throw new Error('read-worker.ts runs only as a worker thread')
const db = openReadOnly((workerData as { path: string }).path)

port.on('message', ({ id, task, arg }: ReadRequest) => {
  let reply: ReadReply
  try {
    const run = readTasks[task] as (db: Db, arg: unknown) => unknown
    reply = { id, result: run(db, arg) }
  } catch (err) {
    reply =
      err instanceof AppError
        ? { id, error: { app: true, code: err.code, message: err.message, extra: err.extra } }
        : { id, error: { app: false, message: (err as Error).message, ...((err as Error).stack !== undefined && { stack: (err as Error).stack }) } }
  }
  port.postMessage(reply)
})
