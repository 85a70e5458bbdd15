/**
 * Writes the API description (the same document GET /api/openapi.json serves) to a file or stdout,
 * for linters and client generators: builds the app on an empty in-memory database, no server.
 *
 *   tsx src/cli/openapi.ts [out.json]
 */
import { writeFileSync } from 'node:fs'
import { buildApp } from '../app'
import { closeDatabase, openDatabase } from '../db/client'

const db = openDatabase(':memory:')
try {
  const res = await buildApp({ db }).request('/api/openapi.json')
  if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}: ${await res.text()}`)
  const text = JSON.stringify(await res.json(), null, 2) + '\n'
  const out = process.argv[2]
  if (out) writeFileSync(out, text)
  else process.stdout.write(text)
} finally {
  closeDatabase(db)
}
