import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { logger } from '../lib/logger'
import type { Db } from '../db/client'
import { readTasks, type ReadTask, type ReadTasks } from './read-tasks'
import type { ReadReply, ReadRequest, ReadyMessage } from './read-worker'

/**
 * Where the heavy reads run (read-tasks.ts). The server is one JavaScript thread: a list search or the
 * findings checks hold it while they run, and the machine's other cores sit idle. With a file
 * database the reads go to worker threads, each with its own read-only connection (WAL lets them
 * read while the app writes); everything else, writes above all, stays on the app's connection.
 * A write is committed before its answer is sent, so a read that follows it sees it.
 */
export interface Reads {
  run<K extends ReadTask>(task: K, arg: Parameters<ReadTasks[K]>[1]): Promise<Awaited<ReturnType<ReadTasks[K]>>>
  /** Ends the workers (after the server has stopped taking requests). */
  close(): Promise<void>
}

/** The reads on the app's own connection, in the calling thread: in-memory databases (tests), and SELOSTE_READ_WORKERS=0. */
export function inThreadReads(db: Db): Reads {
  return {
    run: async (task, arg) => (readTasks[task] as (db: Db, arg: unknown) => never)(db, arg),
    close: async () => {},
  }
}

/**
 * One worker per core, at most four. The server's own thread does little per read (parse, check
 * access, send the worker's JSON), so under load the workers keep every core busy; measured on two
 * cores at 10,000 processors: 1 worker ~1,350 list searches a second, 2 workers ~1,950.
 */
export function defaultReadWorkers(): number {
  return Math.min(4, Math.max(1, availableParallelism()))
}

interface Slot {
  worker: Worker
  /** False from the worker's exit until its replacement is started. */
  live: boolean
  pending: Map<number, { resolve: (value: never) => void; reject: (err: Error) => void }>
  /** True once the worker has opened its connection (its first message). */
  ready: boolean
}

/**
 * A worker that dies before it was ready (it could not open the database), or sooner than this
 * after its start, is replaced only after RESTART_DELAY_MS (no crash loop). "Before it was ready"
 * is a fact, not a time: on a busy machine a start can take longer than STABLE_AFTER_MS.
 */
const STABLE_AFTER_MS = 5_000
const RESTART_DELAY_MS = 1_000

/**
 * The worker's code: the compiled dist/read-worker.js next to the compiled server (build.mjs), or,
 * when the server runs from TypeScript source (dev, tests), an entry that registers tsx first.
 */
const WORKER_ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('./read-worker-entry.mjs', import.meta.url)
  : new URL('./read-worker.js', import.meta.url)

/** The reads on `size` worker threads over the database file at `path` (already opened and migrated). */
export function workerReads(path: string, size: number): Reads {
  let nextId = 0
  let closing = false
  const slots: Slot[] = []

  const start = (index: number): void => {
    const startedAt = Date.now()
    const worker = new Worker(WORKER_ENTRY, { workerData: { path } })
    const slot: Slot = { worker, live: true, pending: new Map(), ready: false }
    slots[index] = slot
    worker.on('message', (reply: ReadReply | ReadyMessage) => {
      if ('ready' in reply) {
        slot.ready = true
        return
      }
      const waiting = slot.pending.get(reply.id)
      if (!waiting) return
      slot.pending.delete(reply.id)
      if ('result' in reply) waiting.resolve(reply.result as never)
      else waiting.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }))
    })
    // A worker that dies fails what it was doing (those requests get a 500) and is replaced.
    worker.on('error', (err) => logger.error('a read worker failed', { error: err.message }))
    worker.on('exit', (code) => {
      slot.live = false
      for (const { reject } of slot.pending.values()) reject(new Error(`the read worker stopped (exit code ${code})`))
      slot.pending.clear()
      if (closing) return
      if (slot.ready && Date.now() - startedAt >= STABLE_AFTER_MS) start(index)
      else setTimeout(() => !closing && start(index), RESTART_DELAY_MS).unref()
    })
  }
  for (let i = 0; i < size; i++) start(i)

  return {
    run(task, arg) {
      // The live worker with the fewest reads waiting; each runs its reads in order.
      const slot = slots
        .filter((s) => s.live)
        .reduce<Slot | undefined>((best, s) => (!best || s.pending.size < best.pending.size ? s : best), undefined)
      if (!slot) return Promise.reject(new Error('no read worker is running (they are being restarted)'))
      const id = nextId++
      return new Promise((resolve, reject) => {
        slot.pending.set(id, { resolve, reject })
        slot.worker.postMessage({ id, task, arg } satisfies ReadRequest)
      })
    },
    async close() {
      closing = true
      await Promise.all(slots.map((s) => s.worker.terminate()))
    },
  }
}
