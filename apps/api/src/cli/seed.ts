/**
 * Loads the reference company's demo data into the database (idempotent).
 * `pnpm seed` adds it where missing; `pnpm seed --reset` deletes every processor and loads it afresh.
 */
import { closeDatabase, openDatabase } from '../db/client'
import { readEnv } from '../env'
import { resetDemoData, seedDemoData } from '../seed/seed'

const env = readEnv()
const db = openDatabase(env.DATABASE_PATH)
const reset = process.argv.includes('--reset')
const result = reset ? resetDemoData(db) : seedDemoData(db)
closeDatabase(db)
console.log(
  `${reset ? 'Reset' : 'Seeded'} ${env.DATABASE_PATH}: organisation ${result.organisation ? 'created' : 'kept'}, ${result.processors} processors loaded.`,
)
