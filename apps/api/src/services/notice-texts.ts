import { eq } from 'drizzle-orm'
import type { NoticeTexts, NoticeTextsUpdate } from '@seloste/schema'
import type { z } from 'zod'
import type { DbOrTx } from '../db/client'
import { noticeTexts } from '../db/schema'
import { AppError } from '../lib/app-error'
import { recordAudit } from './audit'
import { nowIso, type ServiceContext } from './context'

type Row = typeof noticeTexts.$inferSelect

function toTexts(row: Row | undefined): NoticeTexts {
  if (!row)
    return { summary: { fi: '', en: '' }, security: { fi: '', en: '' }, exercisingRights: { fi: '', en: '' }, version: 0, updatedAt: null }
  return {
    summary: { fi: row.summaryFi, en: row.summaryEn },
    security: { fi: row.securityFi, en: row.securityEn },
    exercisingRights: { fi: row.exercisingRightsFi, en: row.exercisingRightsEn },
    version: row.version,
    updatedAt: row.updatedAt,
  }
}

/** The notice's free-text blocks; all empty (version 0) until the first save. */
export function getNoticeTexts(db: DbOrTx): NoticeTexts {
  return toTexts(db.select().from(noticeTexts).where(eq(noticeTexts.id, 1)).get())
}

/** Saves the three blocks as a whole, based on the version the editor read (409 when someone saved since). */
export function updateNoticeTexts(ctx: ServiceContext, input: z.output<typeof NoticeTextsUpdate>): NoticeTexts {
  return ctx.db.transaction(
    (tx) => {
      const row = tx.select().from(noticeTexts).where(eq(noticeTexts.id, 1)).get()
      const before = toTexts(row)
      if (before.version !== input.version) {
        throw new AppError(
          'version_conflict',
          `The notice texts were changed by someone else (now version ${before.version}, yours ${input.version})`,
          { current: before },
        )
      }
      const values = {
        summaryFi: input.summary.fi,
        summaryEn: input.summary.en,
        securityFi: input.security.fi,
        securityEn: input.security.en,
        exercisingRightsFi: input.exercisingRights.fi,
        exercisingRightsEn: input.exercisingRights.en,
        version: before.version + 1,
        updatedAt: nowIso(),
      }
      if (row) tx.update(noticeTexts).set(values).where(eq(noticeTexts.id, 1)).run()
      else
        tx.insert(noticeTexts)
          .values({ id: 1, ...values })
          .run()
      const after = getNoticeTexts(tx)
      recordAudit(tx, ctx, {
        action: row ? 'update' : 'create',
        entityType: 'notice_texts',
        entityId: 1,
        before: row ? before : undefined,
        after,
      })
      return after
    },
    { behavior: 'immediate' },
  )
}
