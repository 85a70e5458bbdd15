/**
 * Graceful shutdown drill: many requests are in flight — creates whose bodies arrive slowly over
 * their own connections, and a stream of reads and updates over keep-alive connections — when the
 * server gets SIGTERM. Then:
 *   - every request in flight completes with its success status (none is cut off or refused);
 *   - a new connection after SIGTERM is refused (the server stopped accepting);
 *   - the process exits 0 before its 10 s fallback;
 *   - the WAL was checkpointed (the -wal file is absent or empty) and integrity_check is ok;
 *   - every acknowledged create is in the database.
 *
 *   SHUTDOWN_ROUNDS  how many times (default 2 short, 5 long)
 *   SLOW_REQUESTS    slow creates in flight (default 24)
 *   FAST_CLIENTS     keep-alive clients sending reads and updates (default 8)
 */
import { connect } from 'node:net'
import { join } from 'node:path'
import { checkDatabaseFile } from '../apps/api/src/db/backup'
import { call, Drill, envInt, fileSize, login, openDb, rng, runDrill, sleep, slowRequest, startServer, tempDir, token, type Reply } from './lib'

const drill = new Drill('shutdown')
const ROUNDS = envInt('SHUTDOWN_ROUNDS', 2, 5)
const SLOW = envInt('SLOW_REQUESTS', 24, 24)
const FAST = envInt('FAST_CLIENTS', 8, 8)
const random = rng()

function tryConnect(port: number): Promise<'refused' | 'accepted'> {
  return new Promise((res) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      res('accepted')
    })
    socket.once('error', () => res('refused'))
  })
}

runDrill(drill, async () => {
  drill.figure('seed', random.seed)
  const totals = { slow: 0, slowOk: 0, fast: 0, fastOk: 0, refusedAfter: 0, failed: 0 }
  const exitMs: number[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    const dir = tempDir('shutdown')
    const dbPath = join(dir, 'seloste.sqlite')
    const server = await startServer(dbPath, { demo: true })
    const cookie = await login(server.base)
    const created = new Set<string>()
    const problems: string[] = []

    // Slow creates: each over its own connection, the body trickling in over 1.5-3 s.
    const slow: Promise<Reply | Error>[] = []
    for (let i = 0; i < SLOW; i++) {
      const displayName = `shutdown r${round} slow ${i} ${token()}`
      slow.push(
        slowRequest(server.base, cookie, 'POST', '/api/processors', { displayName, role: 'processor', internalNotes: 'x'.repeat(2000) }, random.int(1500, 3000)).then(
          (r) => {
            if (r.status === 201) created.add(displayName)
            return r
          },
          (e: Error) => e,
        ),
      )
    }
    // Fast clients: reads and updates back to back over keep-alive connections, until SIGTERM + 300 ms.
    let stopFast = false
    const termAtRef = { t: Infinity }
    const fast = Array.from({ length: FAST }, async (_, c) => {
      const res = await call(server.base, cookie, 'POST', '/api/processors', { displayName: `shutdown r${round} fast ${c}`, role: 'processor' })
      let version = res.body.version as number
      const id = res.body.id as number
      const outcomes: (Reply | Error)[] = []
      while (!stopFast && outcomes.length < 10_000) {
        const write = random.next() < 0.5
        const sentAt = performance.now()
        try {
          const r = write
            ? await call(server.base, cookie, 'PATCH', `/api/processors/${id}`, { version, internalNotes: token() })
            : await call(server.base, cookie, 'GET', random.next() < 0.5 ? '/api/processors?pageSize=100' : '/api/audit?pageSize=100')
          if (write && r.status === 200) version = r.body.version
          outcomes.push(r)
        } catch (e) {
          outcomes.push(Object.assign(e as Error, { sentAt }))
          if (sentAt >= termAtRef.t) break
        }
      }
      return outcomes
    })

    await sleep(random.int(400, 1200))
    const termAt = performance.now()
    termAtRef.t = termAt
    server.proc.kill('SIGTERM')
    await sleep(150)
    const afterTerm = await tryConnect(server.port)
    await sleep(150)
    stopFast = true
    const slowResults = await Promise.all(slow)
    const fastResults = (await Promise.all(fast)).flat()
    const exit = await Promise.race([server.exited, sleep(20_000).then(() => null)])
    const ms = performance.now() - termAt
    exitMs.push(ms)

    for (const r of slowResults) {
      totals.slow++
      if (r instanceof Error) problems.push(`a slow create failed: ${r.message}`)
      else if (r.status !== 201) problems.push(`a slow create answered ${r.status}: ${r.text.slice(0, 160)}`)
      else totals.slowOk++
    }
    for (const r of fastResults) {
      totals.fast++
      // A request sent after SIGTERM on a connection the server closed is not "in flight": it fails to
      // connect or is reset before it is read. Anything that got an HTTP answer must be a success.
      if (r instanceof Error) {
        const code = (r.cause as { code?: string } | undefined)?.code ?? ''
        const sentAt = (r as Error & { sentAt: number }).sentAt
        if (sentAt < termAt) problems.push(`a keep-alive request sent ${(termAt - sentAt).toFixed(0)} ms before SIGTERM failed: ${r.message} ${code}`)
        else if (!/ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET|EPIPE/.test(code)) problems.push(`a keep-alive request failed: ${r.message} ${code}`)
        else totals.refusedAfter++
        continue
      }
      if (r.status >= 200 && r.status < 300) totals.fastOk++
      else problems.push(`a keep-alive request answered ${r.status}: ${r.text.slice(0, 160)}`)
    }
    if (afterTerm !== 'refused') problems.push('a new connection was accepted after SIGTERM')
    if (!exit) problems.push('the server did not exit within 20 s of SIGTERM')
    else if (exit.code !== 0) problems.push(`the server exited with ${exit.code ?? exit.signal}`)
    if (ms >= 10_000) problems.push(`the exit took ${ms.toFixed(0)} ms: the 10 s fallback, not a drained server`)
    const wal = fileSize(`${dbPath}-wal`)
    if (wal !== null && wal !== 0) problems.push(`the WAL was not checkpointed (${wal} bytes left)`)
    const check = checkDatabaseFile(dbPath)
    if (!check.ok) problems.push(`after the shutdown: ${check.problems.join('; ')}`)
    const db = openDb(dbPath, true)
    const names = new Set(db.prepare('SELECT display_name FROM processors').pluck().all() as string[])
    db.close()
    for (const name of created) if (!names.has(name)) problems.push(`an acknowledged create is missing: ${name}`)
    for (const p of problems.slice(0, 20)) drill.violation(`round ${round}: ${p}`)
    totals.failed += problems.length
    console.log(
      `   round ${round}: ${slowResults.length} slow creates in flight, ${fastResults.length} keep-alive requests; exit ${exit?.code ?? exit?.signal ?? 'none'} ${ms.toFixed(0)} ms after SIGTERM; new connection ${afterTerm}; WAL ${wal === null ? 'absent' : `${wal} bytes`}; ${problems.length} problems`,
    )
  }
  drill.figure('rounds (SIGTERM with requests in flight)', ROUNDS)
  drill.figure('slow creates in flight at SIGTERM', totals.slow)
  drill.figure('... completed with 201', totals.slowOk)
  drill.figure('keep-alive requests around SIGTERM', totals.fast)
  drill.figure('... answered 2xx', totals.fastOk)
  drill.figure('... sent after SIGTERM and refused (not in flight)', totals.refusedAfter)
  drill.figure('exit after SIGTERM (ms, each round)', exitMs.map((m) => m.toFixed(0)).join(', '))
})
