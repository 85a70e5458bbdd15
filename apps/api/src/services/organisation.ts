import { eq } from 'drizzle-orm'
import { BusinessId, OrganisationInput, fieldErrorsFrom, type Organisation, type OrganisationUpdate } from '@seloste/schema'
import type { z } from 'zod'
import type { DbOrTx } from '../db/client'
import { organisation } from '../db/schema'
import { AppError, invalid, notFound } from '../lib/app-error'
import { recordAudit } from './audit'
import { nowIso, type ServiceContext } from './context'
import { requireVersion } from './processors'

function toOrganisation(row: typeof organisation.$inferSelect): Organisation {
  const { id: _id, ...rest } = row
  return rest
}

export function findOrganisation(db: DbOrTx): Organisation | null {
  const row = db.select().from(organisation).where(eq(organisation.id, 1)).get()
  return row ? toOrganisation(row) : null
}

export function getOrganisation(db: DbOrTx): Organisation {
  const org = findOrganisation(db)
  if (!org) throw notFound('Organisation')
  return org
}

export function updateOrganisation(ctx: ServiceContext, input: z.output<typeof OrganisationUpdate>): Organisation {
  return ctx.db.transaction(
    (tx) => {
      const before = requireVersion(tx.select().from(organisation).where(eq(organisation.id, 1)).get(), input.version, 'Organisation', () =>
        getOrganisation(tx),
      )
      const { version: _v, ...patch } = input
      const { id: _id, version: _bv, updatedAt: _u, ...current } = before
      const merged = OrganisationInput.safeParse({ ...current, ...patch })
      if (!merged.success) throw invalid(fieldErrorsFrom(merged.error.issues))
      tx.update(organisation)
        .set({ ...patch, version: before.version + 1, updatedAt: nowIso() })
        .where(eq(organisation.id, 1))
        .run()
      const after = getOrganisation(tx)
      recordAudit(tx, ctx, { action: 'update', entityType: 'organisation', entityId: 1, before: toOrganisation(before), after })
      return after
    },
    { behavior: 'immediate' },
  )
}

/** The Art. 37/27/26 facts, not recorded: what an organisation created without them (or before them) holds. */
export const ORGANISATION_UNRECORDED = {
  dpoAppointed: null,
  dpoName: null,
  dpoEmail: null,
  representativeNeeded: null,
  representative: null,
  representativeContact: null,
  hasJointControllers: null,
  jointControllers: null,
} satisfies Partial<Organisation>

type OrganisationCreate = Omit<Organisation, 'version' | 'updatedAt' | keyof typeof ORGANISATION_UNRECORDED> & Partial<Organisation>

/** Creates the organisation row (first start). */
export function createOrganisation(ctx: ServiceContext, given: OrganisationCreate): Organisation {
  const input = { ...ORGANISATION_UNRECORDED, ...given }
  if (!BusinessId.safeParse(input.businessId).success) throw new AppError('validation_failed', 'Invalid business ID')
  return ctx.db.transaction(
    (tx) => {
      tx.insert(organisation)
        .values({ id: 1, ...input, version: 1, updatedAt: nowIso() })
        .run()
      const after = getOrganisation(tx)
      recordAudit(tx, ctx, { action: 'create', entityType: 'organisation', entityId: 1, after })
      return after
    },
    { behavior: 'immediate' },
  )
}
