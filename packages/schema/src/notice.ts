import { z } from 'zod'

// ---------------------------------------------------------------------------
// The privacy notice (GDPR Art. 13 and 14). Everything in it comes from the records except the
// few free-text blocks the owner writes once, in both languages.
// ---------------------------------------------------------------------------

/** A free-text block: the same text in Finnish and English; empty means not written yet. */
export const NoticeText = z
  .strictObject({ fi: z.string().trim().max(5000), en: z.string().trim().max(5000) })
  .meta({ id: 'NoticeText', description: 'The same text in Finnish and English (at most 5,000 characters each); empty when not written' })
export type NoticeText = z.infer<typeof NoticeText>

/** The blocks the owner writes: a summary, the security measures in plain words, how to exercise the rights. */
export const NOTICE_TEXT_KEYS = ['summary', 'security', 'exercisingRights'] as const
export type NoticeTextKey = (typeof NOTICE_TEXT_KEYS)[number]

export const NoticeTexts = z
  .object({
    summary: NoticeText,
    security: NoticeText.meta({ description: 'The security measures (Art. 32) in plain words' }),
    exercisingRights: NoticeText.meta({ description: 'How a data subject exercises the rights (to whom, in what form)' }),
    version: z.number().int().meta({ description: '0 when nothing has been saved yet' }),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'NoticeTexts' })
export type NoticeTexts = z.infer<typeof NoticeTexts>

export const NoticeTextsUpdate = z
  .strictObject({
    summary: NoticeText,
    security: NoticeText,
    exercisingRights: NoticeText,
    version: z.number().int().min(0).meta({ description: 'The version this change is based on (0 for the first save)' }),
  })
  .meta({ id: 'NoticeTextsUpdate' })
export type NoticeTextsUpdate = z.input<typeof NoticeTextsUpdate>
