/** The part of autocannon's API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  interface AutocannonRequest {
    method?: string
    path?: string
    body?: string | Buffer
    headers?: Record<string, string>
    setupRequest?: (request: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown> | null
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void
  }

  interface AutocannonOptions {
    url: string
    connections?: number
    pipelining?: number
    duration?: number
    timeout?: number
    headers?: Record<string, string>
    requests?: AutocannonRequest[]
  }

  type Instance = EventEmitter & PromiseLike<unknown> & { stop(): void }

  function autocannon(opts: AutocannonOptions): Instance
  export default autocannon
}
