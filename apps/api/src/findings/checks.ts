/**
 * Compliance checks: each a pure function from a view of the registry to findings. One check, one
 * rule, testable on its own; add a check by writing a function and listing it in CHECKS.
 */
import {
  CATALOGUE_FACT_LABELS,
  CHECKLIST_POINTS,
  adequacyCitation,
  adequacySubjectName,
  countryName,
  DATA_SUBJECT_RIGHT_LABELS,
  dpaRequired,
  type CheckId,
  type DataSubjectRight,
  type DeviceTracking,
  type TrackingConsent,
  LEGAL_REFERENCE,
  findAdequacyDecision,
  hasGeneralAdequacy,
  internationalOrganisationOf,
  isInEea,
  processorName,
  type Finding,
  type Processor,
  type Severity,
  type Transfer,
} from '@seloste/schema'
import { formatDate } from '../public-list/texts'

/** An activity as the checks need it (GDPR Art. 30 record). */
export interface ActivityView {
  id: number
  name: { fi: string; en: string }
  status: string
  processorIds: number[]
  purposes: {
    legalBasis: string | null
    assessmentUrl: string | null
    art9Condition: string | null
    /** 917/2014 205 §: cookies or similar tracking; null when not assessed. */
    deviceTracking?: DeviceTracking | null
    trackingConsent?: TrackingConsent | null
    emailMarketing?: boolean
  }[]
  /** The data subject rights recorded as applying. */
  rights?: DataSubjectRight[]
  hasRetention: boolean
  dataCategoryCount: number
  processesSpecialCategories: boolean
  nextReviewOn: string | null
}

export interface RegistryView {
  /** Today as YYYY-MM-DD: the checks never read the clock themselves. */
  today: string
  processors: Processor[]
  activities: ActivityView[]
  /** Whether the activities feature is there to be checked against (usage checks need it). */
  publishedKeys: Set<number> | null
  unpublishedChanges: boolean
  /** The date the legal reference data was last checked; the data file's own date unless a test says otherwise. */
  referenceCheckedOn?: string
  /** The controller's Art. 37 and Art. 26 answers (null: not recorded); absent when no organisation is recorded. */
  organisation?: OrganisationView | null
}

/** What the organisation checks read: the questions of Art. 30(1)(a) that have a yes/no answer. */
export interface OrganisationView {
  name: string
  dpoAppointed: boolean | null
  representativeNeeded: boolean | null
  hasJointControllers: boolean | null
}

/** The dashboard page where the organisation's own details are recorded. */
export const ORGANISATION_LINK = '/organisation'

export type NewFinding = Omit<Finding, 'acknowledgement'>
export type Check = (view: RegistryView) => NewFinding[]

const processorLink = (id: number) => `/processors/${id}`
/** A processor in English findings: its English name where one is recorded. */
const enName = (p: { displayName: string; displayNameEn?: string | null }) => processorName(p, 'en')
export const bothNames = (p: { displayName: string; displayNameEn?: string | null }) => ({ fi: p.displayName, en: enName(p) })
const activityLink = (id: number) => `/activities/${id}`

function finding(
  checkId: CheckId,
  severity: Severity,
  entity: NewFinding['entity'],
  link: string,
  fi: string,
  en: string,
  detail?: string,
): NewFinding {
  return {
    key: [checkId, entity.type, entity.id ?? '-', ...(detail ? [detail] : [])].join(':'),
    checkId,
    severity,
    entity,
    link,
    message: { fi, en },
  }
}

/** Adds months to a YYYY-MM-DD date. */
export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + months)
  return d.toISOString().slice(0, 10)
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

const live = (p: Processor) => p.status !== 'retired'

function eachTransfer(view: RegistryView, fn: (p: Processor, t: Transfer) => NewFinding[]): NewFinding[] {
  return view.processors.filter(live).flatMap((p) => p.transfers.flatMap((t) => fn(p, t)))
}

/** A name that reads the same in both languages (a processor's own name). */
export const same = (name: string) => ({ fi: name, en: name })

function transferEntity(p: Processor, t: Transfer) {
  return {
    type: 'transfer' as const,
    id: t.id,
    name: { fi: `${p.displayName} – ${countryName(t.country, 'fi')}`, en: `${enName(p)} – ${countryName(t.country, 'en')}` },
  }
}

/** A transfer outside the EEA needs a safeguard that applies to its country. */
export const transferSafeguard: Check = (view) =>
  eachTransfer(view, (p, t) => {
    // An international organisation is under Chapter V wherever its seat is (Art. 44).
    if (isInEea(t.country) && p.role !== 'international_organisation') return []
    const fi = countryName(t.country, 'fi')
    const en = countryName(t.country, 'en')
    const entity = transferEntity(p, t)
    if (t.safeguard === 'unknown' || t.safeguard === 'none_needed') {
      return [
        finding(
          'transfer-no-safeguard',
          'high',
          entity,
          processorLink(p.id),
          `${p.displayName}: siirrolle maahan ${fi} ei ole kirjattu siirtoperustetta.`,
          `${enName(p)}: the transfer to ${en} has no safeguard recorded.`,
        ),
      ]
    }
    if (t.safeguard === 'dpf' && t.country !== 'US') {
      return [
        finding(
          'transfer-safeguard-not-applicable',
          'high',
          entity,
          processorLink(p.id),
          `${p.displayName}: Data Privacy Framework koskee vain Yhdysvaltoja, ei maata ${fi}.`,
          `${enName(p)}: the Data Privacy Framework applies only to the United States, not ${en}.`,
        ),
      ]
    }
    if (t.safeguard === 'adequacy') {
      const decision = t.adequacyDecisionId ? findAdequacyDecision(t.adequacyDecisionId) : undefined
      const fits =
        decision &&
        !decision.frameworkOnly &&
        (decision.internationalOrganisation
          ? p.role === 'international_organisation'
          : decision.country === t.country && p.role !== 'international_organisation')
      if (!fits) {
        return [
          finding(
            'transfer-safeguard-not-applicable',
            'high',
            entity,
            processorLink(p.id),
            `${p.displayName}: maalla ${fi} ei ole kirjattua riittävyyspäätöstä.`,
            `${enName(p)}: ${en} has no adequacy decision that covers this transfer.`,
          ),
        ]
      }
    }
    if (t.safeguard === 'scc' && t.sccModule == null) {
      return [
        finding(
          'transfer-scc-no-module',
          'high',
          entity,
          processorLink(p.id),
          `${p.displayName}: vakiosopimuslausekkeiden moduuli puuttuu (${fi}).`,
          `${enName(p)}: the standard contractual clauses have no module (${en}).`,
        ),
      ]
    }
    return []
  })

/** SCCs to a country without adequacy need a transfer impact assessment (Schrems II). */
export const sccWithoutTia: Check = (view) =>
  eachTransfer(view, (p, t) =>
    t.safeguard === 'scc' && !isInEea(t.country) && !hasGeneralAdequacy(t.country) && t.tiaStatus !== 'done'
      ? [
          finding(
            'transfer-scc-no-tia',
            'medium',
            transferEntity(p, t),
            processorLink(p.id),
            `${p.displayName}: siirrolle maahan ${countryName(t.country, 'fi')} vakiosopimuslausekkein ei ole tehty siirtovaikutusten arviointia (TIA).`,
            `${enName(p)}: no transfer impact assessment for the SCC transfer to ${countryName(t.country, 'en')}.`,
          ),
        ]
      : [],
  )

/** A DPF basis must be checked against the participant list at least once a year. */
export const dpfVerification: Check = (view) =>
  eachTransfer(view, (p, t) => {
    if (t.safeguard !== 'dpf') return []
    if (!t.dpfVerifiedOn) {
      return [
        finding(
          'dpf-not-verified',
          'medium',
          transferEntity(p, t),
          processorLink(p.id),
          `${p.displayName}: Data Privacy Framework -sertifiointia ei ole koskaan tarkistettu.`,
          `${enName(p)}: the Data Privacy Framework certification has never been verified.`,
        ),
      ]
    }
    if (addMonths(t.dpfVerifiedOn, 12) < view.today) {
      return [
        finding(
          'dpf-verification-stale',
          'medium',
          transferEntity(p, t),
          processorLink(p.id),
          `${p.displayName}: Data Privacy Framework -sertifiointi tarkistettiin viimeksi ${formatDate(t.dpfVerifiedOn!, 'fi')}, yli 12 kuukautta sitten.`,
          `${enName(p)}: the Data Privacy Framework certification was last verified on ${formatDate(t.dpfVerifiedOn!, 'en')}, over 12 months ago.`,
        ),
      ]
    }
    return []
  })

/** Headquarters or parent outside the EEA but every location inside it: remote access and support are likely. */
export const foreignHeadquarters: Check = (view) => {
  const byId = new Map(view.processors.map((p) => [p.id, p]))
  return view.processors.filter(live).flatMap((p) => {
    const parent = p.parent ? byId.get(p.parent.id) : undefined
    const foreign = [p.hqCountry, parent?.hqCountry].find((c): c is string => !!c && !isInEea(c))
    if (!foreign || p.transfers.some((t) => !isInEea(t.country))) return []
    return [
      finding(
        'foreign-hq-eea-locations',
        'low',
        { type: 'processor', id: p.id, name: bothNames(p) },
        processorLink(p.id),
        `${p.displayName}: kotipaikka tai emoyhtiö on ETA-alueen ulkopuolella (${countryName(foreign, 'fi')}), mutta kaikki kirjatut sijainnit ovat ETA-alueella. Tarkista etäkäyttö ja tukipalvelut.`,
        `${enName(p)}: headquarters or parent outside the EEA (${countryName(foreign, 'en')}) while every recorded location is inside it. Verify remote access and support.`,
      ),
    ]
  })
}

/** Processors (Art. 28) need a signed DPA that is in force and reviewed; sub-processors are covered by their processor's. */
export const dpaStatus: Check = (view) =>
  view.processors
    .filter((p) => live(p) && dpaRequired(p))
    .flatMap((p) => {
      const entity = { type: 'processor' as const, id: p.id, name: bothNames(p) }
      const current = p.dpas[0]
      if (!current || current.status === 'missing') {
        return [
          finding(
            'dpa-missing',
            'high',
            entity,
            processorLink(p.id),
            `${p.displayName}: henkilötietojen käsittelysopimus (DPA) puuttuu.`,
            `${enName(p)}: the data processing agreement (DPA) is missing.`,
          ),
        ]
      }
      if (current.status === 'in_negotiation') {
        return [
          finding(
            'dpa-not-signed',
            'medium',
            entity,
            processorLink(p.id),
            `${p.displayName}: käsittelysopimus on vielä neuvoteltavana.`,
            `${enName(p)}: the DPA is still being negotiated.`,
          ),
        ]
      }
      if (current.status !== 'signed') return []
      const out: NewFinding[] = []
      const dpaEntity = { type: 'dpa' as const, id: current.id, name: bothNames(p) }
      if (current.validUntil && current.validUntil < view.today) {
        out.push(
          finding(
            'dpa-expired',
            'high',
            dpaEntity,
            processorLink(p.id),
            `${p.displayName}: käsittelysopimus päättyi ${formatDate(current.validUntil!, 'fi')}.`,
            `${enName(p)}: the DPA expired on ${formatDate(current.validUntil!, 'en')}.`,
          ),
        )
      } else if (current.validUntil && current.validUntil <= addDays(view.today, 30)) {
        out.push(
          finding(
            'dpa-expiring',
            'low',
            dpaEntity,
            processorLink(p.id),
            `${p.displayName}: käsittelysopimus päättyy ${formatDate(current.validUntil!, 'fi')}.`,
            `${enName(p)}: the DPA ends on ${formatDate(current.validUntil!, 'en')}.`,
          ),
        )
      }
      if (current.nextReviewOn && current.nextReviewOn < view.today) {
        out.push(
          finding(
            'dpa-review-overdue',
            'medium',
            dpaEntity,
            processorLink(p.id),
            `${p.displayName}: käsittelysopimuksen katselmointi oli määrä tehdä ${formatDate(current.nextReviewOn!, 'fi')}.`,
            `${enName(p)}: the DPA review was due on ${formatDate(current.nextReviewOn!, 'en')}.`,
          ),
        )
      } else if (current.nextReviewOn && current.nextReviewOn <= addDays(view.today, 30)) {
        out.push(
          finding(
            'dpa-review-due',
            'low',
            dpaEntity,
            processorLink(p.id),
            `${p.displayName}: käsittelysopimuksen katselmointi erääntyy ${formatDate(current.nextReviewOn!, 'fi')}.`,
            `${enName(p)}: the DPA review is due on ${formatDate(current.nextReviewOn!, 'en')}.`,
          ),
        )
      }
      const notCovered = CHECKLIST_POINTS.filter((k) => current.checklist[k].status === 'not_covered')
      const unknown = CHECKLIST_POINTS.filter((k) => current.checklist[k].status === 'unknown')
      if (notCovered.length) {
        out.push(
          finding(
            'dpa-checklist-not-covered',
            'medium',
            dpaEntity,
            processorLink(p.id),
            `${p.displayName}: käsittelysopimus ei kata 28 artiklan 3 kohdan alakohtia ${notCovered.map((k) => `(${k})`).join(', ')}.`,
            `${enName(p)}: the DPA does not cover Art. 28(3) points ${notCovered.map((k) => `(${k})`).join(', ')}.`,
          ),
        )
      }
      if (unknown.length) {
        out.push(
          finding(
            'dpa-checklist-unknown',
            'low',
            dpaEntity,
            processorLink(p.id),
            `${p.displayName}: 28 artiklan 3 kohdan tarkistuslista on käymättä (${unknown.length}/8 kohtaa tuntematta).`,
            `${enName(p)}: the Art. 28(3) checklist is not done (${unknown.length} of 8 points unknown).`,
          ),
        )
      }
      return out
    })

/** The public list and the records must agree on who is used. */
export const publicListUsage: Check = (view) => {
  const used = new Map<number, ActivityView['name'][]>()
  for (const a of view.activities) for (const id of a.processorIds) used.set(id, [...(used.get(id) ?? []), a.name])
  const names = (list: ActivityView['name'][], lang: 'fi' | 'en') => list.map((n) => n[lang]).join(', ')
  return view.processors.flatMap((p) => {
    const entity = { type: 'processor' as const, id: p.id, name: bothNames(p) }
    const activities = used.get(p.id) ?? []
    if (p.status === 'retired') {
      return activities.length
        ? [
            finding(
              'retired-processor-in-use',
              'medium',
              entity,
              processorLink(p.id),
              `${p.displayName} on poistettu käytöstä, mutta käsittelytoimet käyttävät sitä yhä: ${names(activities, 'fi')}.`,
              `${enName(p)} is retired but still linked to: ${names(activities, 'en')}.`,
            ),
          ]
        : []
    }
    if (activities.length && !p.isPublic && p.role !== 'independent_controller') {
      return [
        finding(
          'used-not-public',
          'medium',
          entity,
          processorLink(p.id),
          `${p.displayName} palvelee käsittelytoimia (${names(activities, 'fi')}), mutta ei näy julkisessa käsittelijäluettelossa.`,
          `${enName(p)} serves processing activities (${names(activities, 'en')}) but is not in the public processor list.`,
        ),
      ]
    }
    if (view.activities.length && !activities.length && p.isPublic) {
      return [
        finding(
          'public-not-used',
          'low',
          entity,
          processorLink(p.id),
          `${p.displayName} on julkisessa luettelossa, mutta mikään käsittelytoimi ei käytä sitä.`,
          `${enName(p)} is in the public list but no processing activity uses it.`,
        ),
      ]
    }
    return []
  })
}

/** Art. 30 records need a legal basis, a retention period and data categories; Art. 6(1)(f) and Art. 9 their justification. */
export const activityCompleteness: Check = (view) =>
  view.activities.flatMap((a) => {
    const entity = { type: 'activity' as const, id: a.id, name: a.name }
    const fi = a.name.fi
    const en = a.name.en
    const out: NewFinding[] = []
    if (a.purposes.length === 0 || a.purposes.some((p) => !p.legalBasis)) {
      out.push(
        finding(
          'activity-no-legal-basis',
          'high',
          entity,
          activityLink(a.id),
          `${fi}: käsittelyperuste puuttuu.`,
          `${en}: a legal basis is missing.`,
        ),
      )
    }
    if (!a.hasRetention)
      out.push(
        finding(
          'activity-no-retention',
          'medium',
          entity,
          activityLink(a.id),
          `${fi}: säilytysaika puuttuu.`,
          `${en}: no retention period.`,
        ),
      )
    if (a.dataCategoryCount === 0)
      out.push(
        finding(
          'activity-no-data-categories',
          'medium',
          entity,
          activityLink(a.id),
          `${fi}: henkilötietoryhmät puuttuvat.`,
          `${en}: no categories of personal data.`,
        ),
      )
    if (a.purposes.some((p) => p.legalBasis === 'f' && !p.assessmentUrl)) {
      out.push(
        finding(
          'legitimate-interest-no-assessment',
          'medium',
          entity,
          activityLink(a.id),
          `${fi}: oikeutetun edun tasapainotestiä ei ole linkitetty.`,
          `${en}: a legitimate interest has no assessment linked.`,
        ),
      )
    }
    if (a.processesSpecialCategories && a.purposes.some((p) => !p.art9Condition)) {
      out.push(
        finding(
          'special-categories-no-art9',
          'high',
          entity,
          activityLink(a.id),
          `${fi}: erityisiä henkilötietoryhmiä käsitellään ilman 9 artiklan perustetta.`,
          `${en}: special categories are processed without an Art. 9 condition.`,
        ),
      )
    }
    return out
  })

/** The published list must follow the registry. */
export const publicListStale: Check = (view) =>
  view.unpublishedChanges
    ? [
        finding(
          'public-list-outdated',
          'medium',
          { type: 'public_list', id: null, name: { fi: 'Julkinen käsittelijäluettelo', en: 'Public processor list' } },
          '/public-list',
          'Rekisteri on muuttunut viimeksi julkaistun käsittelijäluettelon jälkeen.',
          'The registry has changed since the public processor list was last published.',
        ),
      ]
    : []

/**
 * A processor or recipient in use with no location recorded: whether its data leaves the EEA is
 * unknown, and the public list has to say so (unknown is never "inside the EEA").
 */
export const locationNotRecorded: Check = (view) =>
  view.processors
    .filter((p) => live(p) && p.transfers.length === 0)
    .map((p) =>
      finding(
        'location-not-recorded',
        'medium',
        { type: 'processor', id: p.id, name: bothNames(p) },
        processorLink(p.id),
        `${p.displayName}: tietojen sijaintia (maita, joissa tietoja säilytetään tai käsitellään) ei ole kirjattu, joten ei tiedetä, siirtyvätkö tiedot ETA-alueen ulkopuolelle.`,
        `${enName(p)}: no location is recorded (the countries where the data is stored or processed), so nobody knows whether the data leaves the EEA.`,
      ),
    )

/**
 * A recipient recorded as an international organisation must say which one (Art. 30(1)(e): "recipients
 * ... including ... international organisations"): the record and the public list cannot name it otherwise.
 */
export const internationalOrganisationUnrecorded: Check = (view) =>
  view.processors
    .filter((p) => live(p) && p.role === 'international_organisation' && !internationalOrganisationOf(p))
    .map((p) =>
      finding(
        'international-organisation-unrecorded',
        'medium',
        { type: 'processor', id: p.id, name: bothNames(p) },
        processorLink(p.id),
        `${p.displayName}: vastaanottaja on merkitty kansainväliseksi järjestöksi, mutta ei ole kirjattu, mikä järjestö se on (30 artiklan 1 kohdan e alakohta). Valitse järjestö luettelosta tai kirjoita sen nimi.`,
        `${enName(p)}: the recipient is recorded as an international organisation, but which organisation it is is not recorded (Art. 30(1)(e)). Choose it from the list or give its name.`,
      ),
    )

/** A DPA marked signed is proven by the agreement itself: one with neither a link nor an uploaded document is a claim without its evidence. */
export const signedDpaWithoutDocument: Check = (view) =>
  view.processors
    .filter((p) => live(p) && dpaRequired(p))
    .flatMap((p) => {
      const current = p.dpas[0]
      if (!current || current.status !== 'signed' || current.documentUrl || current.document) return []
      return [
        finding(
          'dpa-no-document',
          'low',
          { type: 'dpa', id: current.id, name: bothNames(p) },
          processorLink(p.id),
          `${p.displayName}: käsittelysopimus on merkitty allekirjoitetuksi, mutta sopimusasiakirjaa ei ole liitetty eikä linkitetty.`,
          `${enName(p)}: the DPA is marked signed but no copy of the agreement is attached or linked.`,
        ),
      ]
    })

const purposeDetail = (i: number) => `purpose-${i + 1}`

/**
 * Laki sähköisen viestinnän palveluista (917/2014) 205 §: storing or reading information on the
 * user's device (cookies, pixels, tracked links) needs consent unless strictly necessary for the
 * service the user asked for. Legitimate interest (or no basis) does not do.
 */
export const trackingWithoutConsent: Check = (view) =>
  view.activities.flatMap((a) =>
    a.purposes.flatMap((p, i) =>
      p.deviceTracking === 'not_strictly_necessary' && p.legalBasis !== 'a'
        ? [
            finding(
              'tracking-without-consent',
              'high',
              { type: 'activity', id: a.id, name: a.name },
              activityLink(a.id),
              `${a.name.fi}: käyttötarkoitus ${i + 1} käyttää evästeitä tai vastaavaa seurantaa, joka ei ole välttämätöntä, ${p.legalBasis === 'f' ? 'oikeutetun edun perusteella' : 'ilman kirjattua perustetta'}. Laki sähköisen viestinnän palveluista (205 §) edellyttää siihen suostumuksen.`,
              `${a.name.en}: purpose ${i + 1} uses cookies or similar tracking that is not strictly necessary ${p.legalBasis === 'f' ? 'on legitimate interest' : 'with no basis recorded'}. Finnish law (Act 917/2014, section 205) requires consent for it.`,
              purposeDetail(i),
            ),
          ]
        : [],
    ),
  )

/** Consent to tracking must be specific and freely given (GDPR Art. 4(11), 7(4)): not a condition of the service asked for. */
export const trackingConsentBundled: Check = (view) =>
  view.activities.flatMap((a) =>
    a.purposes.flatMap((p, i) =>
      p.deviceTracking === 'not_strictly_necessary' && p.legalBasis === 'a' && p.trackingConsent !== 'separate'
        ? [
            finding(
              'tracking-consent-bundled',
              'medium',
              { type: 'activity', id: a.id, name: a.name },
              activityLink(a.id),
              p.trackingConsent === 'bundled'
                ? `${a.name.fi}: seurannan (esim. sähköpostien avausten ja klikkausten) suostumus sisältyy palveluun, eikä sitä voi antaa tai jättää antamatta erikseen.`
                : `${a.name.fi}: ei ole kirjattu, kysytäänkö suostumus seurantaan (esim. sähköpostien avausten ja klikkausten) erikseen vai sisältyykö se palveluun.`,
              p.trackingConsent === 'bundled'
                ? `${a.name.en}: consent to tracking (e.g. e-mail opens and clicks) is bundled into the service and cannot be given or refused on its own.`
                : `${a.name.en}: it is not recorded whether consent to tracking (e.g. e-mail opens and clicks) is asked separately or bundled into the service.`,
              purposeDetail(i),
            ),
          ]
        : [],
    ),
  )

/** E-mail marketing is sent with some tool: the processor that sends it must be in the record (Art. 30(1)(d), 28). */
export const emailMarketingWithoutProcessor: Check = (view) =>
  view.activities.flatMap((a) =>
    a.processorIds.length === 0 && a.purposes.some((p) => p.emailMarketing)
      ? [
          finding(
            'email-marketing-no-processor',
            'medium',
            { type: 'activity', id: a.id, name: a.name },
            activityLink(a.id),
            `${a.name.fi}: sähköpostimarkkinoinnin lähettämiseen käytettyä palvelua (käsittelijää) ei ole kirjattu.`,
            `${a.name.en}: the service (processor) that sends the e-mail marketing is not recorded.`,
          ),
        ]
      : [],
  )

/** Rights that apply to every processing, whatever its basis: access, rectification, restriction (Arts. 15, 16, 18) and complaint (Art. 77). */
export const ALWAYS_APPLICABLE_RIGHTS: readonly DataSubjectRight[] = ['access', 'rectification', 'restriction', 'complaint']

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1)

export const rightsMissing: Check = (view) =>
  view.activities.flatMap((a) =>
    a.rights === undefined
      ? []
      : ALWAYS_APPLICABLE_RIGHTS.filter((r) => !a.rights!.includes(r)).map((r) =>
          finding(
            'activity-right-missing',
            'medium',
            { type: 'activity', id: a.id, name: a.name },
            activityLink(a.id),
            `${a.name.fi}: rekisteröidyn oikeuksista puuttuu ${lowerFirst(DATA_SUBJECT_RIGHT_LABELS[r].fi)}, joka koskee kaikkea käsittelyä.`,
            `${a.name.en}: the data subject rights recorded do not include ${lowerFirst(DATA_SUBJECT_RIGHT_LABELS[r].en)}, which applies to all processing.`,
            r,
          ),
        ),
  )

// ---------------------------------------------------------------------------
// Legal reference data and Chapter V (issue 11, sections 2 and 3).
// ---------------------------------------------------------------------------

/** The adequacy decision a transfer rests on: the chosen one, or for the DPF the EU-US decision. */
function decisionOf(t: Transfer) {
  if (t.safeguard === 'adequacy' && t.adequacyDecisionId) return findAdequacyDecision(t.adequacyDecisionId)
  if (t.safeguard === 'dpf') return findAdequacyDecision('us-dpf-2023')
  return undefined
}

/** A decision with a validity end (the UK's sunset clause) that a transfer relies on: ended, or ending within 6 months. */
export const adequacyDecisionEnding: Check = (view) =>
  eachTransfer(view, (p, t) => {
    const d = decisionOf(t)
    if (!d?.validUntil || addMonths(view.today, 6) < d.validUntil) return []
    const name = { fi: adequacySubjectName(d, 'fi'), en: adequacySubjectName(d, 'en') }
    const cite = { fi: adequacyCitation(d, 'fi'), en: adequacyCitation(d, 'en') }
    if (d.validUntil < view.today) {
      return [
        finding(
          'adequacy-decision-ended',
          'high',
          transferEntity(p, t),
          processorLink(p.id),
          `${p.displayName}: siirto perustuu riittävyyspäätökseen (${name.fi}, ${cite.fi}), jonka voimassaolo päättyi ${formatDate(d.validUntil, 'fi')}.`,
          `${enName(p)}: the transfer rests on the adequacy decision for ${name.en} (${cite.en}), which ended on ${formatDate(d.validUntil, 'en')}.`,
        ),
      ]
    }
    return [
      finding(
        'adequacy-decision-ending',
        'medium',
        transferEntity(p, t),
        processorLink(p.id),
        `${p.displayName}: siirto perustuu riittävyyspäätökseen (${name.fi}, ${cite.fi}), jonka voimassaolo päättyy ${formatDate(d.validUntil, 'fi')}. Varaudu toiseen siirtoperusteeseen.`,
        `${enName(p)}: the transfer rests on the adequacy decision for ${name.en} (${cite.en}), which ends on ${formatDate(d.validUntil, 'en')}. Prepare another basis.`,
      ),
    ]
  })

/** The legal reference data (adequacy decisions, EEA) must be checked against its sources at least every 6 months. */
export const referenceDataStale: Check = (view) => {
  const checkedOn = view.referenceCheckedOn ?? LEGAL_REFERENCE.checkedOn
  if (addMonths(checkedOn, 6) >= view.today) return []
  return [
    finding(
      'reference-data-stale',
      'medium',
      { type: 'organisation', id: null, name: { fi: 'Oikeudelliset viitetiedot', en: 'Legal reference data' } },
      '/',
      `Riittävyyspäätökset ja muut oikeudelliset viitetiedot tarkistettiin viimeksi ${formatDate(checkedOn, 'fi')}, yli 6 kuukautta sitten. Tarkista ne lähteistä ja päivitä Seloste.`,
      `The adequacy decisions and other legal reference data were last checked on ${formatDate(checkedOn, 'en')}, over 6 months ago. Check them against their sources and update Seloste.`,
    ),
  ]
}

/**
 * The SCC module must fit the parties (Decision (EU) 2021/914). The registry is the controller's, so
 * the exporter and importer are derived from the record that holds the transfer:
 * - a processor (Art. 28): the controller exports to its processor, module 2 (C→P);
 * - a sub-processor: its processor exports to it, module 3 (P→P);
 * - an independent controller or a recipient: controller to controller, module 1 (C→C).
 * Module 4 (P→C) is for a processor exporting to its controller, which a controller's own registry
 * never records as its transfer, so it never fits. International organisations: no module is derived.
 */
export function expectedSccModule(role: Processor['role']): 1 | 2 | 3 | null {
  if (role === 'processor') return 2
  if (role === 'sub_processor') return 3
  if (role === 'independent_controller' || role === 'recipient') return 1
  return null
}

export const sccModuleFit: Check = (view) =>
  eachTransfer(view, (p, t) => {
    if (t.safeguard !== 'scc' || t.sccModule == null) return []
    const expected = expectedSccModule(p.role)
    if (expected === null || expected === t.sccModule) return []
    return [
      finding(
        'transfer-scc-module-mismatch',
        'medium',
        transferEntity(p, t),
        processorLink(p.id),
        `${p.displayName}: vakiosopimuslausekkeiden moduuli ${t.sccModule} ei sovi osapuolille; roolin perusteella odotettu moduuli on ${expected}.`,
        `${enName(p)}: SCC module ${t.sccModule} does not fit the parties; its role calls for module ${expected}.`,
        String(t.sccModule),
      ),
    ]
  })

/**
 * A transfer impact assessment is expected for every Art. 46 tool (EDPB Recommendations 01/2020), not only
 * SCCs: BCRs and other safeguards too. SCC transfers keep their own check id (acknowledgements hold it).
 */
export const art46WithoutTia: Check = (view) =>
  eachTransfer(view, (p, t) =>
    (t.safeguard === 'bcr' || t.safeguard === 'other_art46') &&
    !isInEea(t.country) &&
    !hasGeneralAdequacy(t.country) &&
    t.tiaStatus !== 'done'
      ? [
          finding(
            'transfer-art46-no-tia',
            'medium',
            transferEntity(p, t),
            processorLink(p.id),
            `${p.displayName}: siirrolle maahan ${countryName(t.country, 'fi')} 46 artiklan suojatoimin ei ole tehty siirtovaikutusten arviointia (TIA).`,
            `${enName(p)}: no transfer impact assessment for the Art. 46 transfer to ${countryName(t.country, 'en')}.`,
          ),
        ]
      : [],
  )

/**
 * Art. 49 derogations are for occasional, non-systematic transfers (EDPB Guidelines 2/2018). Storage and
 * ongoing processing by a service are systematic by nature; remote access and support may be occasional.
 */
export const art49Systematic: Check = (view) =>
  eachTransfer(view, (p, t) =>
    t.safeguard === 'derogation_art49' && (t.kind === 'storage' || t.kind === 'processing')
      ? [
          finding(
            'transfer-art49-systematic',
            'high',
            transferEntity(p, t),
            processorLink(p.id),
            `${p.displayName}: 49 artiklan poikkeus on tarkoitettu satunnaisiin siirtoihin, mutta siirto maahan ${countryName(t.country, 'fi')} on jatkuvaa (${t.kind === 'storage' ? 'tietojen säilytys' : 'tietojen käsittely'}). Tarvitaan riittävyyspäätös tai 46 artiklan suojatoimi.`,
            `${enName(p)}: an Art. 49 derogation is for occasional transfers, but the transfer to ${countryName(t.country, 'en')} is systematic (${t.kind}). It needs an adequacy decision or an Art. 46 safeguard.`,
          ),
        ]
      : [],
  )

/**
 * A DPF listing is per legal entity, a US one, usually not the contracting entity: the transfer names the
 * certified company (records made before it was asked have none, and the public list says so), and the
 * recipient needs a US home country.
 */
export const dpfEntity: Check = (view) =>
  eachTransfer(view, (p, t) => {
    if (t.safeguard !== 'dpf') return []
    const out: NewFinding[] = []
    if (!t.certifiedEntity) {
      out.push(
        finding(
          'dpf-no-certified-entity',
          'medium',
          transferEntity(p, t),
          processorLink(p.id),
          `${p.displayName}: siirrolle maahan ${countryName(t.country, 'fi')} ei ole kirjattu Data Privacy Framework -sertifioitua yhdysvaltalaista yhtiötä; julkinen luettelo kertoo, ettei sitä ole kirjattu.`,
          `${enName(p)}: the transfer to ${countryName(t.country, 'en')} names no US company certified under the Data Privacy Framework; the public list says it is not recorded.`,
        ),
      )
    }
    // A transfer that names its certified company stands on that US company, not on the processor's home.
    if (!t.certifiedEntity && !p.hqCountry) {
      out.push(
        finding(
          'dpf-home-country-unknown',
          'medium',
          transferEntity(p, t),
          processorLink(p.id),
          `${p.displayName}: kotimaata ei ole kirjattu; Data Privacy Framework koskee vain yhdysvaltalaisia yhtiöitä.`,
          `${enName(p)}: no home country is recorded; the Data Privacy Framework covers only US companies.`,
        ),
      )
    }
    return out
  })

/**
 * Art. 30(1)(a) names the DPO (Art. 37), the representative (Art. 27) and the joint controllers (Art. 26) where there are any. A
 * question nobody answered is not a "no": the exports say "not recorded", and this finding asks for
 * the answer (a recorded "no" closes it as well as a name does).
 */
export const organisationUnrecorded: Check = (view) => {
  const o = view.organisation
  if (!o) return []
  const entity = { type: 'organisation' as const, id: null, name: same(o.name) }
  const out: NewFinding[] = []
  if (o.dpoAppointed === null) {
    out.push(
      finding(
        'organisation-dpo-unrecorded',
        'medium',
        entity,
        ORGANISATION_LINK,
        'Ei ole kirjattu, onko organisaatiolla tietosuojavastaavaa (37 artikla). Seloste käsittelytoimista (30 artiklan 1 kohdan a alakohta) ja tietosuojaseloste (13 artiklan 1 kohdan b alakohta) kertovat tietosuojavastaavan yhteystiedot, jos sellainen on nimetty. Kirjaa vastaus organisaation tietoihin, myös "ei".',
        'Whether the organisation has a data protection officer (Art. 37) is not recorded. The record of processing (Art. 30(1)(a)) and the privacy notice (Art. 13(1)(b)) give the DPO\'s contact details when one is designated. Record the answer in the organisation settings, "No" included.',
      ),
    )
  }
  if (o.representativeNeeded === null) {
    out.push(
      finding(
        'organisation-representative-unrecorded',
        'medium',
        entity,
        ORGANISATION_LINK,
        'Ei ole kirjattu, tarvitseeko organisaatio edustajan unionissa (27 artikla). Edustajaa ei tarvita, kun rekisterinpitäjä on sijoittautunut unioniin; muuten seloste käsittelytoimista (30 artiklan 1 kohdan a alakohta) ja tietosuojaseloste (13 artiklan 1 kohdan a alakohta) kertovat edustajan nimen ja yhteystiedot. Kirjaa vastaus organisaation tietoihin.',
        "Whether the organisation needs a representative in the Union (Art. 27) is not recorded. None is needed when the controller is established in the Union; otherwise the record of processing (Art. 30(1)(a)) and the privacy notice (Art. 13(1)(a)) give the representative's name and contact details. Record the answer in the organisation settings.",
      ),
    )
  }
  if (o.hasJointControllers === null) {
    out.push(
      finding(
        'organisation-joint-controllers-unrecorded',
        'medium',
        entity,
        ORGANISATION_LINK,
        'Ei ole kirjattu, päättääkö organisaatio käsittelyn tarkoituksista ja keinoista yhdessä muiden kanssa (yhteisrekisterinpitäjät, 26 artikla). Seloste käsittelytoimista nimeää yhteisrekisterinpitäjät (30 artiklan 1 kohdan a alakohta). Kirjaa vastaus organisaation tietoihin, myös "ei".',
        'Whether the organisation determines purposes and means jointly with others (joint controllers, Art. 26) is not recorded. The record of processing names joint controllers (Art. 30(1)(a)). Record the answer in the organisation settings, "No" included.',
      ),
    )
  }
  return out
}

/**
 * Vendor catalogue (decision 009): a processor linked to an entry whose facts changed since the owner
 * last saw them (created from it, linked, accepted or dismissed), or whose entry the catalogue no
 * longer has. The record is never changed by a new catalogue; the owner reviews the diff.
 */
export const vendorFactsChanged: Check = (view) =>
  view.processors
    .filter((p) => live(p) && p.catalogue && p.catalogue.status !== 'current')
    .map((p) => {
      const link = p.catalogue!
      const entity = { type: 'processor' as const, id: p.id, name: bothNames(p) }
      if (link.status === 'removed') {
        return finding(
          'vendor-facts-changed',
          'medium',
          entity,
          processorLink(p.id),
          `${p.displayName}: toimittajaluettelossa ei enää ole merkintää "${link.entryId}", johon tietue on linkitetty; tarkista sen tiedot itse.`,
          `${enName(p)}: the vendor catalogue no longer has the entry "${link.entryId}" the record is linked to; check its facts yourself.`,
        )
      }
      const facts = (lang: 'fi' | 'en') => link.changedFacts.map((f) => CATALOGUE_FACT_LABELS[f][lang]).join(', ')
      return finding(
        'vendor-facts-changed',
        'medium',
        entity,
        processorLink(p.id),
        `${p.displayName}: toimittajaluettelon tiedot palvelusta ${link.entryName} ovat muuttuneet luettelon version ${link.version} jälkeen (${facts('fi')}); käy erot läpi ja hyväksy tai ohita ne.`,
        `${enName(p)}: the vendor catalogue's facts about ${link.entryName} have changed since catalogue version ${link.version} (${facts('en')}); review the differences and accept or dismiss them.`,
      )
    })

export const CHECKS: Check[] = [
  transferSafeguard,
  sccWithoutTia,
  dpfVerification,
  foreignHeadquarters,
  dpaStatus,
  publicListUsage,
  activityCompleteness,
  publicListStale,
  locationNotRecorded,
  signedDpaWithoutDocument,
  trackingWithoutConsent,
  trackingConsentBundled,
  emailMarketingWithoutProcessor,
  rightsMissing,
  adequacyDecisionEnding,
  referenceDataStale,
  sccModuleFit,
  art46WithoutTia,
  art49Systematic,
  dpfEntity,
  organisationUnrecorded,
  vendorFactsChanged,
  internationalOrganisationUnrecorded,
]

export function runChecks(view: RegistryView): NewFinding[] {
  return CHECKS.flatMap((check) => check(view))
}
