import { z } from 'zod'
import { MESSAGES } from './messages'

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

// ---- The generated document ------------------------------------------------------

/** Where a problem is fixed: the record it comes from. */
export const NoticeLink = z
  .object({
    kind: z.enum(['organisation', 'activity', 'notice_texts', 'public_list']),
    id: z.number().int().nullable(),
    name: z
      .object({ fi: z.string(), en: z.string() })
      .nullable()
      .meta({ description: "The record's name in each language, for the link text" }),
  })
  .meta({ id: 'NoticeLink' })
export type NoticeLink = z.infer<typeof NoticeLink>

/** A missing or unknown item the notice needs (Art. 13/14): blocking ones stop publishing. */
export const NoticeProblem = z
  .object({
    code: z.string(),
    severity: z.enum(['blocking', 'warning']),
    message: z.object({ fi: z.string(), en: z.string() }),
    link: NoticeLink,
    field: z.string().nullable().meta({ description: 'The field of the record to fill in' }),
  })
  .meta({ id: 'NoticeProblem' })
export type NoticeProblem = z.infer<typeof NoticeProblem>

export const NoticeBlock = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('paragraph'), text: z.string() }),
    z.object({ kind: z.literal('heading'), text: z.string() }),
    z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
    z.object({ kind: z.literal('link'), text: z.string(), label: z.string(), href: z.string() }),
    z.object({ kind: z.literal('processor_list'), version: z.number().int(), date: z.string() }),
  ])
  .meta({ id: 'NoticeBlock' })
export type NoticeBlock = z.infer<typeof NoticeBlock>

export const NoticeSection = z.object({ id: z.string(), heading: z.string(), blocks: z.array(NoticeBlock) }).meta({ id: 'NoticeSection' })
export type NoticeSection = z.infer<typeof NoticeSection>

export const NoticeDocument = z
  .object({
    kind: z.literal('privacy_notice'),
    lang: z.enum(['fi', 'en']),
    title: z.string(),
    controller: z.object({ name: z.string(), businessId: z.string() }).nullable(),
    version: z.number().int().nullable().meta({ description: 'null for a draft' }),
    date: z.string().nullable().meta({ description: 'The date of the version (YYYY-MM-DD); null for a draft' }),
    sections: z.array(NoticeSection),
  })
  .meta({ id: 'NoticeDocument' })
export type NoticeDocument = z.infer<typeof NoticeDocument>

// ---- Published versions ------------------------------------------------------------

/** A section of the notice that differs from the previous version. */
export const NoticeChange = z
  .object({
    section: z.string(),
    heading: z.object({ fi: z.string(), en: z.string() }),
    kind: z.enum(['added', 'changed', 'removed']),
  })
  .meta({ id: 'NoticeChange' })
export type NoticeChange = z.infer<typeof NoticeChange>

export const NoticeVersionSummary = z
  .object({
    version: z.number().int(),
    date: z.string(),
    publishedAt: z.string(),
    changes: z.array(NoticeChange),
    contentHash: z.string(),
  })
  .meta({ id: 'NoticeVersionSummary' })
export type NoticeVersionSummary = z.infer<typeof NoticeVersionSummary>

export const NoticePreview = z
  .object({
    latest: NoticeVersionSummary.nullable(),
    problems: z.array(NoticeProblem),
    changes: z.array(NoticeChange).meta({ description: 'What publishing now would change, section by section' }),
    publishable: z.boolean().meta({ description: 'No blocking problem, and something to publish' }),
  })
  .meta({ id: 'NoticePreview' })
export type NoticePreview = z.infer<typeof NoticePreview>

export const NoticePublishInput = z
  .strictObject({
    basedOnVersion: z.number().int().min(0).meta({ description: 'The latest version number the admin previewed (0 for the first)' }),
    date: z.iso.date({ message: MESSAGES.date }).optional().meta({ description: 'The date of the version; today by default' }),
  })
  .meta({ id: 'NoticePublishInput' })
export type NoticePublishInput = z.input<typeof NoticePublishInput>
