/**
 * The privacy notice (GDPR Art. 13 and 14) as a structured document, built from a NoticeSnapshot.
 * Pure: the same snapshot gives the same document. Every sentence follows from a recorded fact;
 * a fact that is not recorded is said to be not recorded (and `checkNotice` blocks publishing),
 * never turned into "none".
 */
import {
  ART9_CONDITION_LABELS,
  DATA_SOURCE_LABELS,
  LEGAL_BASIS_LABELS,
  SUPERVISORY_AUTHORITY,
  describeRetention,
  isBlank,
  processorName,
  type Language,
  type LegalBasis,
  type NoticeBlock,
  type NoticeDocument,
  type NoticeProblem,
  type NoticeSection,
  type Purpose,
} from '@seloste/schema'
import { formatDate } from '../public-list/texts'
import type { NoticeActivity, NoticeSnapshot, NoticeStamp } from './snapshot'
import { N } from './texts'

type Localized = { fi: string; en: string }

/** The text in the language asked, or the other one when only that is written. */
export function pick(text: Localized, lang: Language): string {
  return (text[lang] || text[lang === 'fi' ? 'en' : 'fi']).trim()
}

/** Free text split into paragraphs at line breaks. */
function paragraphs(text: string): NoticeBlock[] {
  return text
    .split(/\r?\n/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ kind: 'paragraph', text: t }))
}

/** Ends a text as a sentence (no doubled full stop). */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}

function lowerFirst(text: string, lang: Language): string {
  return text.charAt(0).toLocaleLowerCase(lang) + text.slice(1)
}

/** Names of activities in a sentence, each as written, separated so that a name with "and" in it stays one name. */
function activityList(list: NoticeActivity[], lang: Language): string {
  return list.map((a) => activityName(a, lang)).join('; ')
}

/** "a, b ja c" / "a, b and c", the first word as written and the others in lower case. */
export function joinNames(names: string[], lang: Language): string {
  const words = names.map((n, i) => (i === 0 ? n : n.charAt(0).toLocaleLowerCase(lang) + n.slice(1)))
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} ${lang === 'fi' ? 'ja' : 'and'} ${words.at(-1)}`
}

export interface SubjectGroup {
  /** The categories of data subjects, in the order the activities list them. */
  subjects: { id: number; name: Localized }[]
  activities: NoticeActivity[]
}

/**
 * Activities grouped by the categories of data subjects they concern: two activities are in one group
 * when they share a category (customers' processing and bookkeeping both concern customers).
 * Activities without any category form a group of their own each (and raise a problem).
 */
export function groupBySubjects(activities: readonly NoticeActivity[]): SubjectGroup[] {
  const groups: SubjectGroup[] = []
  for (const activity of activities) {
    const ids = new Set(activity.dataSubjectCategories.map((c) => c.id))
    const joined = groups.filter((g) => g.subjects.some((s) => ids.has(s.id)))
    const group: SubjectGroup = { subjects: [], activities: [] }
    for (const g of joined) {
      group.subjects.push(...g.subjects)
      group.activities.push(...g.activities)
      groups.splice(groups.indexOf(g), 1)
    }
    group.activities.push(activity)
    for (const s of activity.dataSubjectCategories) if (!group.subjects.some((x) => x.id === s.id)) group.subjects.push(s)
    const at = joined.length ? Math.min(...joined.map((g) => g.activities[0]!.id)) : activity.id
    // Groups keep the order of their first activity.
    const index = groups.findIndex((g) => g.activities[0]!.id > at)
    groups.splice(index === -1 ? groups.length : index, 0, group)
  }
  for (const g of groups) g.activities.sort((a, b) => a.id - b.id)
  return groups
}

function basisText(p: Purpose, lang: Language): string {
  const t = N[lang]
  if (!p.legalBasis) return t.basisNotRecorded
  const parts = [`${t.basis}: ${LEGAL_BASIS_LABELS[p.legalBasis][lang]}`]
  // Each further fact is a clause of the same sentence.
  if (p.legalBasis === 'f')
    parts.push(isBlank(p.legitimateInterest) ? t.interestNotRecorded : `${t.interest}: ${pick(p.legitimateInterest, lang)}`)
  if ((p.legalBasis === 'c' || p.legalBasis === 'e') && p.legalReference) parts.push(`${t.law}: ${p.legalReference}`)
  if (p.legalBasis === 'a' && !isBlank(p.consentWithdrawal)) parts.push(`${t.withdrawal}: ${pick(p.consentWithdrawal, lang)}`)
  if (p.art9Condition) parts.push(`${t.art9}: ${ART9_CONDITION_LABELS[p.art9Condition][lang]}`)
  return parts.join('; ')
}

/** Art. 13(2)(e): whether providing the data is required, as far as the basis itself says it. */
function requirementText(basis: LegalBasis | null, lang: Language): string {
  const t = N[lang]
  switch (basis) {
    case 'a':
      return t.requirement.a
    case 'b':
      return t.requirement.b
    case 'c':
      return t.requirement.c
    default:
      return t.requirement.unknown
  }
}

function activityName(a: NoticeActivity, lang: Language): string {
  return pick(a.name, lang)
}

function processingSection(groups: SubjectGroup[], lang: Language): NoticeSection {
  const t = N[lang]
  const blocks: NoticeBlock[] = []
  if (groups.length === 0) blocks.push({ kind: 'paragraph', text: t.noActivities })
  groups.forEach((g, gi) => {
    const subjects = g.subjects.length
      ? joinNames(
          g.subjects.map((s) => pick(s.name, lang)),
          lang,
        )
      : t.subjectsNotRecorded
    blocks.push({ kind: 'heading', text: `2.${gi + 1}. ${subjects}` })
    for (const a of g.activities) {
      blocks.push({ kind: 'paragraph', text: `${t.activity}: ${activityName(a, lang)}.` })
      const description = pick(a.description, lang)
      if (description) blocks.push(...paragraphs(description))
      blocks.push({ kind: 'paragraph', text: t.purposesIntro })
      blocks.push({
        kind: 'list',
        items: a.purposes.map((p) => `${sentence(pick(p.description, lang))} ${capitalise(basisText(p, lang))}.`),
      })
      if (a.dataCategories.length === 0) blocks.push({ kind: 'paragraph', text: t.categoriesNotRecorded })
      else {
        blocks.push({ kind: 'paragraph', text: t.categoriesIntro })
        blocks.push({ kind: 'list', items: a.dataCategories.map((c) => `${pick(c.name, lang)}${c.special ? ` (${t.special})` : ''}`) })
      }
      const recipients = [
        ...a.processors
          .filter((p) => p.status !== 'retired')
          .map((p) =>
            p.role === 'international_organisation'
              ? `${processorName(p, lang)} (${t.internationalOrganisation}: ${p.internationalOrganisation?.[lang] ?? t.organisationNotRecorded})`
              : processorName(p, lang),
          ),
        ...a.otherRecipients.map((r) => {
          const condition = pick(r.condition, lang)
          return condition ? `${pick(r.name, lang)}: ${condition}` : pick(r.name, lang)
        }),
      ]
      blocks.push({ kind: 'paragraph', text: recipients.length ? t.recipientsIntro : t.noRecipientsRecorded })
      if (recipients.length) blocks.push({ kind: 'list', items: recipients })
    }
  })
  return { id: 'processing', heading: t.sections.processing, blocks }
}

function retentionSection(activities: NoticeActivity[], lang: Language): NoticeSection {
  const t = N[lang]
  const items: string[] = []
  for (const a of activities) {
    items.push(`${activityName(a, lang)}: ${a.retention ? describeRetention(a.retention, lang) : t.retentionNotRecorded}.`)
    for (const c of a.dataCategories)
      if (c.retention) items.push(`${activityName(a, lang)}, ${pick(c.name, lang)}: ${describeRetention(c.retention, lang)}.`)
  }
  return {
    id: 'retention',
    heading: t.sections.retention,
    blocks: items.length ? [{ kind: 'list', items }] : [{ kind: 'paragraph', text: t.noActivities }],
  }
}

function sourcesSection(activities: NoticeActivity[], lang: Language): NoticeSection {
  const t = N[lang]
  const items = activities.map((a) => {
    const named = a.sources.map((s, i) => (i === 0 ? DATA_SOURCE_LABELS[s][lang] : lowerFirst(DATA_SOURCE_LABELS[s][lang], lang)))
    const other = pick(a.sourcesOther, lang)
    if (named.length === 0 && !other) return `${activityName(a, lang)}: ${t.sourcesNotRecorded}`
    return `${activityName(a, lang)}: ${named.join(', ')}${named.length ? '.' : ''}${other ? `${named.length ? ' ' : ''}${other.replace(/\.?$/, '.')}` : ''}`
  })
  return {
    id: 'sources',
    heading: t.sections.sources,
    blocks: items.length ? [{ kind: 'list', items }] : [{ kind: 'paragraph', text: t.noActivities }],
  }
}

function requirementSection(activities: NoticeActivity[], lang: Language): NoticeSection {
  const t = N[lang]
  const items = activities.flatMap((a) =>
    a.purposes.map((p) => `${activityName(a, lang)} – ${pick(p.description, lang)}: ${requirementText(p.legalBasis, lang)}`),
  )
  return {
    id: 'requirement',
    heading: t.sections.requirement,
    blocks: [
      { kind: 'paragraph', text: t.requirementIntro },
      { kind: 'list', items },
    ],
  }
}

function automatedSection(activities: NoticeActivity[], lang: Language): NoticeSection {
  const t = N[lang]
  const blocks: NoticeBlock[] = []
  const used = activities.filter((a) => a.automatedDecisionMaking === true || a.profiling === true)
  const unknown = activities.filter((a) => a.automatedDecisionMaking === null || a.profiling === null)
  const none = activities.filter((a) => a.automatedDecisionMaking === false && a.profiling === false)
  if (activities.length && none.length === activities.length) blocks.push({ kind: 'paragraph', text: t.noAutomated })
  else {
    if (none.length) blocks.push({ kind: 'paragraph', text: t.noAutomatedIn(activityList(none, lang)) })
    for (const a of used) {
      const what = [a.automatedDecisionMaking ? t.automatedDecisions : null, a.profiling ? t.profiling : null]
        .filter(Boolean)
        .join(lang === 'fi' ? ' ja ' : ' and ')
      blocks.push({ kind: 'paragraph', text: `${activityName(a, lang)}: ${what}. ${pick(a.automatedDecisionDescription, lang)}`.trim() })
    }
    if (unknown.length) blocks.push({ kind: 'paragraph', text: t.automatedNotRecorded(activityList(unknown, lang)) })
  }
  return { id: 'automated', heading: t.sections.automated, blocks }
}

function securitySection(s: NoticeSnapshot, lang: Language): NoticeSection {
  const t = N[lang]
  const text = pick(s.texts.security, lang)
  return { id: 'security', heading: t.sections.security, blocks: text ? paragraphs(text) : [{ kind: 'paragraph', text: t.textNotWritten }] }
}

/** The activities whose purposes rest on one of these bases. */
function withBasis(activities: NoticeActivity[], bases: LegalBasis[]): NoticeActivity[] {
  return activities.filter((a) => a.purposes.some((p) => p.legalBasis && bases.includes(p.legalBasis)))
}

function rightsSection(s: NoticeSnapshot, lang: Language): NoticeSection {
  const t = N[lang]
  const activities = s.activities
  const blocks: NoticeBlock[] = []
  const howTo = pick(s.texts.exercisingRights, lang)
  blocks.push(...(howTo ? paragraphs(howTo) : [{ kind: 'paragraph' as const, text: t.textNotWritten }]))
  const o = s.organisation
  if (o?.privacyContactEmail)
    blocks.push({
      kind: 'paragraph',
      text: `${t.contactPerson}: ${[o.privacyContactName, o.privacyContactEmail].filter(Boolean).join(', ')}`,
    })
  const names = (list: NoticeActivity[]) => activityList(list, lang)
  const items: string[] = [t.rights.access, t.rights.rectification, t.rights.erasure, t.rights.restriction]
  const portable = withBasis(activities, ['a', 'b'])
  if (portable.length) items.push(t.rights.portability(names(portable)))
  const objectable = withBasis(activities, ['e', 'f'])
  if (objectable.length) items.push(t.rights.objection(names(objectable)))
  const marketing = activities.filter((a) => a.purposes.some((p) => p.emailMarketing))
  if (marketing.length) items.push(t.rights.directMarketing(names(marketing)))
  const consent = withBasis(activities, ['a'])
  if (consent.length) items.push(t.rights.withdrawal(names(consent)))
  const unknownBasis = activities.filter((a) => a.purposes.some((p) => p.legalBasis === null))
  blocks.push({ kind: 'list', items })
  if (unknownBasis.length) blocks.push({ kind: 'paragraph', text: t.rights.basisUnknown(names(unknownBasis)) })
  const a = SUPERVISORY_AUTHORITY
  blocks.push({ kind: 'heading', text: t.complaintHeading })
  blocks.push({ kind: 'paragraph', text: t.complaint(a.name[lang]) })
  blocks.push({
    kind: 'list',
    items: [
      `${t.visitingAddress}: ${a.visitingAddress[lang]}`,
      `${t.postalAddress}: ${a.postalAddress[lang]}`,
      `${t.phone}: ${a.phone}`,
      `${t.email}: ${a.email}`,
    ],
  })
  blocks.push({
    kind: 'link',
    text: t.authoritySource(formatDate(a.checkedOn, lang)),
    label: a.source.replace(/^https:\/\//, ''),
    href: a.source,
  })
  return { id: 'rights', heading: t.sections.rights, blocks }
}

function cookiesSection(activities: NoticeActivity[], lang: Language): NoticeSection {
  const t = N[lang]
  const necessary: string[] = []
  const other: string[] = []
  const unassessed: string[] = []
  for (const a of activities) {
    for (const p of a.purposes) {
      const what = `${activityName(a, lang)}: ${lowerFirst(pick(p.description, lang), lang)}`
      if (p.deviceTracking === 'strictly_necessary') necessary.push(what)
      else if (p.deviceTracking === 'not_strictly_necessary') {
        const consent = p.trackingConsent === 'separate' ? t.trackingSeparate : p.trackingConsent === 'bundled' ? t.trackingBundled : ''
        other.push(consent ? `${what} – ${consent}` : what)
      } else if (p.deviceTracking === null) unassessed.push(what)
    }
  }
  const blocks: NoticeBlock[] = []
  if (necessary.length) blocks.push({ kind: 'paragraph', text: t.necessaryIntro }, { kind: 'list', items: necessary })
  if (other.length) blocks.push({ kind: 'paragraph', text: t.otherTrackingIntro }, { kind: 'list', items: other })
  if (!necessary.length && !other.length && !unassessed.length) blocks.push({ kind: 'paragraph', text: t.noTracking })
  if (unassessed.length) blocks.push({ kind: 'paragraph', text: t.trackingNotAssessed }, { kind: 'list', items: unassessed })
  return { id: 'cookies', heading: t.sections.cookies, blocks }
}

function controllerSection(s: NoticeSnapshot, lang: Language): NoticeSection {
  const t = N[lang]
  const o = s.organisation
  if (!o) return { id: 'controller', heading: t.sections.controller, blocks: [{ kind: 'paragraph', text: t.controllerNotRecorded }] }
  const items = [`${o.name} (${t.businessId} ${o.businessId})`, o.address ? `${t.address}: ${o.address}` : t.addressNotRecorded]
  items.push(
    o.privacyContactEmail
      ? `${t.contactPerson}: ${[o.privacyContactName, o.privacyContactEmail].filter(Boolean).join(', ')}`
      : t.contactNotRecorded,
  )
  if (o.dpoAppointed === true) items.push(`${t.dpo}: ${[o.dpoName, o.dpoEmail].filter(Boolean).join(', ')}`)
  else if (o.dpoAppointed === false) items.push(t.noDpo)
  else items.push(t.dpoNotRecorded)
  if (o.hasJointControllers === true) items.push(`${t.jointControllers}: ${o.jointControllers ?? ''}`)
  else if (o.hasJointControllers === false) items.push(t.noJointControllers)
  else items.push(t.jointControllersNotRecorded)
  // Art. 27 concerns controllers not established in the Union: each of the three states in words.
  if (o.representativeNeeded === true)
    items.push(`${t.representative}: ${[o.representative, o.representativeContact].filter(Boolean).join(', ')}`)
  else if (o.representativeNeeded === false) items.push(t.noRepresentative)
  else items.push(t.representativeNotRecorded)
  return { id: 'controller', heading: t.sections.controller, blocks: [{ kind: 'list', items }] }
}

/** The whole notice in one language. `stamp` is the published version's number and date (null: a draft). */
export function buildNotice(s: NoticeSnapshot, lang: Language, stamp: NoticeStamp | null = null): NoticeDocument {
  const t = N[lang]
  const o = s.organisation
  const groups = groupBySubjects(s.activities)
  const ordered = groups.flatMap((g) => g.activities)
  const intro: NoticeBlock[] = []
  const summary = pick(s.texts.summary, lang)
  if (summary) intro.push(...paragraphs(summary))
  intro.push({ kind: 'paragraph', text: t.intro(o?.name ?? t.theController) })
  intro.push({ kind: 'paragraph', text: stamp ? t.dated(formatDate(stamp.date, lang), stamp.version) : t.draft })
  const sections: NoticeSection[] = [
    { id: 'basics', heading: t.sections.basics, blocks: intro },
    controllerSection(s, lang),
    processingSection(groups, lang),
    retentionSection(ordered, lang),
    sourcesSection(ordered, lang),
    requirementSection(ordered, lang),
    {
      id: 'recipients',
      // The list brings its own headings (sections 6 and 7).
      heading: s.processorList ? '' : t.sections.recipients,
      blocks: s.processorList
        ? [{ kind: 'processor_list', version: s.processorList.version, date: s.processorList.date }]
        : [{ kind: 'paragraph', text: t.processorListNotPublished }],
    },
    automatedSection(ordered, lang),
    securitySection(s, lang),
    rightsSection(s, lang),
    cookiesSection(ordered, lang),
    { id: 'changes', heading: t.sections.changes, blocks: [{ kind: 'paragraph', text: t.changesText }] },
  ]
  return {
    kind: 'privacy_notice',
    lang,
    title: t.title,
    controller: o ? { name: o.name, businessId: o.businessId } : null,
    version: stamp?.version ?? null,
    date: stamp?.date ?? null,
    sections,
  }
}

// ---- Completeness ---------------------------------------------------------------------

const both = (fi: string, en: string) => ({ fi, en })

/**
 * What the notice needs and the records do not say. Blocking problems stop publishing; each links to
 * the record where it is fixed.
 */
export function checkNotice(s: NoticeSnapshot): NoticeProblem[] {
  const out: NoticeProblem[] = []
  const org = (code: string, field: string | null, fi: string, en: string, severity: NoticeProblem['severity'] = 'blocking') =>
    out.push({
      code,
      severity,
      message: both(fi, en),
      link: { kind: 'organisation', id: null, name: s.organisation ? { fi: s.organisation.name, en: s.organisation.name } : null },
      field,
    })
  const o = s.organisation
  if (!o) org('organisation_missing', null, 'Rekisterinpitäjän tietoja ei ole kirjattu.', 'The controller is not recorded.')
  else {
    if (!o.address?.trim())
      org(
        'controller_address',
        'address',
        'Rekisterinpitäjän osoite puuttuu (13 art. 1 a).',
        "The controller's address is missing (Art. 13(1)(a)).",
      )
    if (!o.privacyContactEmail?.trim())
      org(
        'controller_contact',
        'privacyContactEmail',
        'Tietosuoja-asioiden yhteystieto puuttuu (13 art. 1 a).',
        'The contact for data protection matters is missing (Art. 13(1)(a)).',
      )
    if (o.dpoAppointed === null)
      org(
        'dpo_unrecorded',
        'dpoAppointed',
        'Ei ole kirjattu, onko tietosuojavastaava nimitetty (13 art. 1 b).',
        'Whether a data protection officer is appointed is not recorded (Art. 13(1)(b)).',
      )
    if (o.dpoAppointed === true && !o.dpoEmail?.trim())
      org(
        'dpo_contact',
        'dpoEmail',
        'Tietosuojavastaavan yhteystieto puuttuu (13 art. 1 b).',
        "The data protection officer's contact details are missing (Art. 13(1)(b)).",
      )
    if (o.representativeNeeded === null)
      org(
        'representative_unrecorded',
        'representativeNeeded',
        'Ei ole kirjattu, tarvitseeko rekisterinpitäjä edustajan unionissa (13 art. 1 a, 27 art.).',
        'Whether the controller needs a representative in the Union is not recorded (Art. 13(1)(a), 27).',
      )
    if (o.hasJointControllers === null)
      org(
        'joint_controllers_unrecorded',
        'hasJointControllers',
        'Ei ole kirjattu, onko yhteisrekisterinpitäjiä (26 art.).',
        'Whether there are joint controllers is not recorded (Art. 26).',
      )
  }
  for (const key of ['summary', 'security', 'exercisingRights'] as const) {
    const text = s.texts[key]
    for (const lang of ['fi', 'en'] as const) {
      if (!text[lang].trim()) {
        out.push({
          code: `text_${key}`,
          severity: 'blocking',
          message: both(
            `Tekstiä "${N.fi.textNames[key]}" ei ole kirjoitettu (${lang === 'fi' ? 'suomeksi' : 'englanniksi'}).`,
            `The text "${N.en.textNames[key]}" is not written (${lang === 'fi' ? 'in Finnish' : 'in English'}).`,
          ),
          link: { kind: 'notice_texts', id: null, name: null },
          field: `${key}.${lang}`,
        })
      }
    }
  }
  const list = (code: string, fi: string, en: string) =>
    out.push({ code, severity: 'blocking', message: both(fi, en), link: { kind: 'public_list', id: null, name: null }, field: null })
  if (!s.processorList)
    list(
      'processor_list_unpublished',
      'Käsittelijäluetteloa ei ole julkaistu: se on selosteen kohdat 6 ja 7.',
      'The processor list is not published: it is sections 6 and 7 of the notice.',
    )
  else if (!s.processorListCurrent)
    list(
      'processor_list_outdated',
      'Käsittelijäluettelossa on julkaisemattomia muutoksia: julkaise se ensin, jotta seloste kertoo käsittelijät oikein.',
      'The processor list has unpublished changes: publish it first, so that the notice names the processors as they are.',
    )
  if (s.activities.length === 0)
    out.push({
      code: 'no_activities',
      severity: 'blocking',
      message: both('Käsittelytoimia ei ole kirjattu.', 'No processing activities are recorded.'),
      link: { kind: 'activity', id: null, name: null },
      field: null,
    })
  for (const a of s.activities) {
    const name = { fi: pick(a.name, 'fi'), en: pick(a.name, 'en') }
    const act = (code: string, field: string, fi: string, en: string, severity: NoticeProblem['severity'] = 'blocking') =>
      out.push({
        code,
        severity,
        message: both(`${pick(a.name, 'fi')}: ${fi}`, `${pick(a.name, 'en')}: ${en}`),
        link: { kind: 'activity', id: a.id, name },
        field,
      })
    if (a.dataSubjectCategories.length === 0)
      act(
        'activity_subjects',
        'dataSubjectCategoryIds',
        'rekisteröityjen ryhmiä ei ole kirjattu.',
        'no categories of data subjects are recorded.',
      )
    a.purposes.forEach((p, i) => {
      const which = both(`tarkoitus ${i + 1}`, `purpose ${i + 1}`)
      if (p.legalBasis === null)
        act(
          'purpose_basis',
          `purposes.${i}.legalBasis`,
          `${which.fi}: oikeusperustetta ei ole kirjattu (13 art. 1 c).`,
          `${which.en}: the legal basis is not recorded (Art. 13(1)(c)).`,
        )
      if (p.legalBasis === 'f' && isBlank(p.legitimateInterest))
        act(
          'purpose_interest',
          `purposes.${i}.legitimateInterest`,
          `${which.fi}: oikeutettua etua ei ole nimetty (13 art. 1 d).`,
          `${which.en}: the legitimate interest is not named (Art. 13(1)(d)).`,
        )
      if ((p.legalBasis === 'c' || p.legalBasis === 'e') && !p.legalReference)
        act(
          'purpose_law',
          `purposes.${i}.legalReference`,
          `${which.fi}: lakia ei ole nimetty (6 art. 3 kohta).`,
          `${which.en}: the law is not named (Art. 6(3)).`,
        )
      if (p.legalBasis === 'a' && isBlank(p.consentWithdrawal))
        act(
          'purpose_withdrawal',
          `purposes.${i}.consentWithdrawal`,
          `${which.fi}: suostumuksen peruuttamistapaa ei ole kirjattu (13 art. 2 c).`,
          `${which.en}: how consent is withdrawn is not recorded (Art. 13(2)(c)).`,
        )
      if (p.deviceTracking === null)
        act(
          'purpose_tracking',
          `purposes.${i}.deviceTracking`,
          `${which.fi}: evästeitä ja seurantaa ei ole arvioitu; seloste sanoo, ettei sitä ole arvioitu.`,
          `${which.en}: cookies and tracking are not assessed; the notice says they are not assessed.`,
          'warning',
        )
    })
    if (!a.retention)
      act(
        'activity_retention',
        'retention',
        'säilytysaikaa ei ole kirjattu (13 art. 2 a).',
        'the retention period is not recorded (Art. 13(2)(a)).',
      )
    if (a.dataCategories.length === 0)
      act(
        'activity_categories',
        'dataCategories',
        'henkilötietoryhmiä ei ole kirjattu (14 art. 1 d).',
        'no categories of personal data are recorded (Art. 14(1)(d)).',
      )
    if (a.sources.length === 0 && isBlank(a.sourcesOther))
      act(
        'activity_sources',
        'sources',
        'tietolähteitä ei ole kirjattu (14 art. 2 f).',
        'the sources of the data are not recorded (Art. 14(2)(f)).',
      )
    if (a.automatedDecisionMaking === null)
      act(
        'activity_automated',
        'automatedDecisionMaking',
        'automaattista päätöksentekoa ei ole arvioitu (13 art. 2 f).',
        'automated decision-making is not assessed (Art. 13(2)(f)).',
      )
    if (a.profiling === null)
      act('activity_profiling', 'profiling', 'profilointia ei ole arvioitu (13 art. 2 f).', 'profiling is not assessed (Art. 13(2)(f)).')
  }
  return out
}

export const isBlocking = (p: NoticeProblem) => p.severity === 'blocking'
