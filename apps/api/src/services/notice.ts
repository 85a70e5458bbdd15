import { internationalOrganisationOf } from '@seloste/schema'
import type { DbOrTx } from '../db/client'
import type { NoticeSnapshot } from '../notice/snapshot'
import { loadCurrentSnapshot } from './as-of'
import { getNoticeTexts } from './notice-texts'
import { hasUnpublishedChanges, latestVersion } from './public-list'

/** The notice's facts as the registry stands now: the draft a new version would freeze. */
export function loadNoticeSnapshot(db: DbOrTx): NoticeSnapshot {
  const registry = loadCurrentSnapshot(db)
  const o = registry.organisation
  const texts = getNoticeTexts(db)
  const processorList = latestVersion(db)
  // Which international organisation a recipient of that role is (Art. 13(1)(e) names the recipients).
  const organisations = new Map(registry.processors.map((p) => [p.id, internationalOrganisationOf(p)]))
  return {
    organisation: o && {
      name: o.name,
      businessId: o.businessId,
      address: o.address,
      privacyContactName: o.privacyContactName,
      privacyContactEmail: o.privacyContactEmail,
      dpoAppointed: o.dpoAppointed,
      dpoName: o.dpoName,
      dpoEmail: o.dpoEmail,
      representativeNeeded: o.representativeNeeded,
      representative: o.representative,
      representativeContact: o.representativeContact,
      hasJointControllers: o.hasJointControllers,
      jointControllers: o.jointControllers,
    },
    activities: [...registry.activities]
      .sort((a, b) => a.id - b.id)
      .map((a) => ({
        id: a.id,
        name: a.name,
        description: a.description,
        purposes: a.purposes,
        dataSubjectCategories: a.dataSubjectCategories,
        dataCategories: a.dataCategories,
        retention: a.retention,
        sources: a.sources,
        sourcesOther: a.sourcesOther,
        processors: a.processors.map((p) =>
          p.role === 'international_organisation' ? { ...p, internationalOrganisation: organisations.get(p.id) ?? null } : p,
        ),
        otherRecipients: a.otherRecipients,
        automatedDecisionMaking: a.automatedDecisionMaking,
        profiling: a.profiling,
        automatedDecisionDescription: a.automatedDecisionDescription,
      })),
    texts: { summary: texts.summary, security: texts.security, exercisingRights: texts.exercisingRights },
    processorList,
    processorListCurrent: processorList !== null && !hasUnpublishedChanges(db),
  }
}
