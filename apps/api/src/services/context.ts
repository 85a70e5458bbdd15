import type { Db } from '../db/client'

/** Who is acting. `null` id for the system itself (seeding, commands). */
export interface Actor {
  id: number | null
  email: string | null
}

export const SYSTEM_ACTOR: Actor = { id: null, email: 'system' }

/** What every service call knows about the request it serves; it all goes into the audit trail. */
export interface ServiceContext {
  db: Db
  actor: Actor
  requestId: string | null
  clientAddress: string | null
}

export function systemContext(db: Db): ServiceContext {
  return { db, actor: SYSTEM_ACTOR, requestId: null, clientAddress: null }
}

export function nowIso(): string {
  return new Date().toISOString()
}
