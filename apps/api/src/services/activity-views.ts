import type { ActivityView } from '../findings/checks'
import type { DbOrTx } from '../db/client'
import { loadActivityRecords } from './activities'

/** The records of processing activities as the compliance checks read them. */
export function activityViews(db: DbOrTx): ActivityView[] {
  return loadActivityRecords(db).map((a) => ({
    id: a.id,
    name: { fi: a.name.fi || a.name.en, en: a.name.en || a.name.fi },
    status: a.status,
    processorIds: a.processors.map((p) => p.id),
    purposes: a.purposes.map((p) => ({
      legalBasis: p.legalBasis,
      assessmentUrl: p.liaUrl,
      art9Condition: p.art9Condition,
      deviceTracking: p.deviceTracking,
      trackingConsent: p.trackingConsent,
      emailMarketing: p.emailMarketing,
    })),
    rights: a.rights,
    hasRetention: a.retention !== null || (a.dataCategories.length > 0 && a.dataCategories.every((c) => c.retention !== null)),
    dataCategoryCount: a.dataCategories.length,
    processesSpecialCategories: a.dataCategories.some((c) => c.special),
    nextReviewOn: a.nextReviewOn,
  }))
}
