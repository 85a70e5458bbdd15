import type { ActivityRecord, LocalizedText, NoticeText, Organisation, PublishedVersion } from '@seloste/schema'

/**
 * A linked processor or recipient as the notice names it; a recipient of role international_organisation
 * also says which organisation it is (null: not recorded). Absent for every other role.
 */
export type NoticeRecipient = ActivityRecord['processors'][number] & { internationalOrganisation?: LocalizedText | null }

/** What the notice says about an activity: its Art. 30 record without the internal fields (owner, approval, DPIA). */
export type NoticeActivity = { processors: NoticeRecipient[] } & Pick<
  ActivityRecord,
  | 'id'
  | 'name'
  | 'description'
  | 'purposes'
  | 'dataSubjectCategories'
  | 'dataCategories'
  | 'retention'
  | 'sources'
  | 'sourcesOther'
  | 'otherRecipients'
  | 'automatedDecisionMaking'
  | 'profiling'
  | 'automatedDecisionDescription'
>

/** The controller's facts a notice states (Art. 13(1)(a)-(b)). */
export type NoticeController = Pick<
  Organisation,
  | 'name'
  | 'businessId'
  | 'address'
  | 'privacyContactName'
  | 'privacyContactEmail'
  | 'dpoAppointed'
  | 'dpoName'
  | 'dpoEmail'
  | 'representativeNeeded'
  | 'representative'
  | 'representativeContact'
  | 'hasJointControllers'
  | 'jointControllers'
>

/**
 * Everything the notice is generated from, at one moment: a published notice version stores this
 * (so it is rendered again the same way in either language), a draft is built from the tables.
 */
export interface NoticeSnapshot {
  organisation: NoticeController | null
  activities: NoticeActivity[]
  texts: { summary: NoticeText; security: NoticeText; exercisingRights: NoticeText }
  /** The published processor list the notice's sections 6 and 7 are: rendered by the list's own renderers. */
  processorList: PublishedVersion | null
  /** False when the registry's public view has changed since that list version was published. */
  processorListCurrent: boolean
}

/** The version and date a rendering states; null for a draft. */
export interface NoticeStamp {
  version: number
  date: string
}
