/**
 * Legal reference data: the facts of EU law the rules, findings and published texts rely on.
 *
 * This file is data, not logic. Every entry carries its source; the whole file carries the date it
 * was last checked against those sources (`checkedOn`). A finding warns in the dashboard when that
 * date is more than 6 months old. How to update it: README.md, "Legal reference data".
 *
 * Where a fact could not be sourced it is left empty (null) and the entry says so in `note`: an act
 * number is never guessed.
 */
import { z } from 'zod'
import type { CountryCode } from '../geo'

const isoDate = z.iso.date()
const Localized = z.object({ fi: z.string().min(1), en: z.string().min(1) })

/** An international organisation (GDPR Art. 4(26)) to which a transfer can be recorded (Art. 30(1)(e)). */
export const InternationalOrganisationRef = z.object({
  /** Stable identifier used in records, e.g. "epo". */
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: Localized,
  source: z.url(),
})
export type InternationalOrganisationRef = z.infer<typeof InternationalOrganisationRef>

/** A Commission adequacy decision under GDPR Art. 45 (or Directive 95/46/EC Art. 25(6), kept in force by Art. 45(9)). */
export const AdequacyDecisionRef = z
  .object({
    /** Stable identifier used in records, e.g. "jp-2019". Never change one: transfers store it. */
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** The third country, or null for a decision on an international organisation. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable(),
    /** The international organisation's id (see INTERNATIONAL_ORGANISATIONS), or null for a country. */
    internationalOrganisation: z.string().nullable(),
    /** The act's number as published, e.g. "(EU) 2019/419"; null where no source gave it. */
    decision: z.string().nullable(),
    /** The act's full title, e.g. "Commission Implementing Decision (EU) 2026/179"; null with `decision`. */
    act: z.string().nullable(),
    adoptedOn: isoDate,
    /** The date the decision ceases to apply, where it has one (a sunset clause); null when open-ended. */
    validUntil: isoDate.nullable(),
    /** Renewals and extensions after adoption, newest last. */
    amendments: z.array(z.object({ on: isoDate, act: z.string().nullable(), what: z.string().min(1) })),
    /** Limits of the decision, where it does not cover every transfer to the country. */
    scope: Localized.nullable(),
    /** True where the only route is an organisation's participation in a framework (the US DPF). */
    frameworkOnly: z.boolean(),
    source: z.url(),
    /** What could not be sourced, or anything else the next checker should know. */
    note: z.string().nullable(),
  })
  .refine((d) => (d.country === null) !== (d.internationalOrganisation === null), {
    message: 'A decision is for a country or an international organisation',
  })
  .refine((d) => (d.decision === null) === (d.act === null), { message: 'The act number and title go together' })
export type AdequacyDecisionRef = z.infer<typeof AdequacyDecisionRef>

/** A transfer tool of GDPR Art. 46 (appropriate safeguards) or Art. 49 (derogations for specific situations). */
export const TransferToolRef = z.object({
  id: z.string(),
  article: z.string().min(1),
  name: Localized,
  /** The Commission act the tool rests on, where there is one (the SCCs). */
  act: z.string().nullable(),
  source: z.url(),
})
export type TransferToolRef = z.infer<typeof TransferToolRef>

export const LegalReference = z.object({
  /** The date a person last checked every entry below against its source. */
  checkedOn: isoDate,
  /** Who checks, and where the list of decisions lives. */
  checkedAgainst: z.array(z.url()).min(1),
  euMembers: z.array(z.string().regex(/^[A-Z]{2}$/)).length(27),
  /** EU territories with an ISO code of their own, inside the EU (and so the EEA). */
  euTerritories: z.array(z.string().regex(/^[A-Z]{2}$/)),
  /** EEA EFTA states: Iceland, Liechtenstein, Norway. */
  eeaEfta: z.array(z.string().regex(/^[A-Z]{2}$/)),
  eeaSources: z.array(z.url()).min(1),
  internationalOrganisations: z.array(InternationalOrganisationRef),
  adequacyDecisions: z.array(AdequacyDecisionRef),
  art46Tools: z.array(TransferToolRef),
  art49Derogations: z.array(TransferToolRef),
})
export type LegalReference = z.infer<typeof LegalReference>

const COMMISSION_ADEQUACY_PAGE =
  'https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en'
const GDPR = 'https://eur-lex.europa.eu/eli/reg/2016/679/oj'
/** EUR-Lex's European Legislation Identifier of a decision: the official text. */
const eli = (kind: 'dec' | 'dec_impl', year: number, number: number) => `https://eur-lex.europa.eu/eli/${kind}/${year}/${number}/oj`

const none = { amendments: [], scope: null, frameworkOnly: false, validUntil: null, note: null, internationalOrganisation: null }

// prettier-ignore
export const LEGAL_REFERENCE = LegalReference.parse({
  checkedOn: '2026-12-04',
  checkedAgainst: [COMMISSION_ADEQUACY_PAGE, 'https://eur-lex.europa.eu/'],
  euMembers: ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'],
  // Åland (FI) and the French outermost regions carry ISO codes of their own but are part of the EU.
  euTerritories: ['AX', 'GF', 'GP', 'MQ', 'RE', 'YT', 'MF'],
  eeaEfta: ['IS', 'LI', 'NO'],
  eeaSources: ['https://european-union.europa.eu/principles-countries-history/eu-countries_en', 'https://www.efta.int/eea'],
  internationalOrganisations: [
    { id: 'epo', name: { fi: 'Euroopan patenttijärjestö', en: 'European Patent Organisation' }, source: 'https://epo.org/en/news-events/news/epo-welcomes-european-commissions-adequacy-decision-safe-data-flows' },
  ],
  adequacyDecisions: [
    { ...none, id: 'ad-2010', country: 'AD', decision: '2010/625/EU', act: 'Commission Decision 2010/625/EU', adoptedOn: '2010-10-19', source: eli('dec', 2010, 625) },
    { ...none, id: 'ar-2003', country: 'AR', decision: '2003/490/EC', act: 'Commission Decision 2003/490/EC', adoptedOn: '2003-06-30', source: eli('dec', 2003, 490) },
    {
      ...none, id: 'br-2026', country: 'BR', decision: '(EU) 2026/179', act: 'Commission Implementing Decision (EU) 2026/179', adoptedOn: '2026-01-26', source: eli('dec_impl', 2026, 179),
      note: 'Published in the Official Journal 28.1.2026; first review four years after adoption.',
    },
    {
      ...none, id: 'ca-2002', country: 'CA', decision: '2002/2/EC', act: 'Commission Decision 2002/2/EC', adoptedOn: '2001-12-20', source: eli('dec', 2002, 2),
      scope: { en: 'Commercial organisations subject to PIPEDA', fi: 'PIPEDA-lain alaiset kaupalliset organisaatiot' },
    },
    { ...none, id: 'ch-2000', country: 'CH', decision: '2000/518/EC', act: 'Commission Decision 2000/518/EC', adoptedOn: '2000-07-26', source: eli('dec', 2000, 518) },
    { ...none, id: 'fo-2010', country: 'FO', decision: '2010/146/EU', act: 'Commission Decision 2010/146/EU', adoptedOn: '2010-03-05', source: eli('dec', 2010, 146) },
    {
      ...none, id: 'gb-2021', country: 'GB', decision: '(EU) 2021/1772', act: 'Commission Implementing Decision (EU) 2021/1772', adoptedOn: '2021-06-28', validUntil: '2031-12-27', source: eli('dec_impl', 2021, 1772),
      amendments: [{ on: '2025-12-19', act: null, what: 'Renewed for six years, valid until 27 December 2031 (it had been extended technically to 27 December 2025)' }],
      note: 'The act numbers of the 2025 technical extension and of the renewal were not in the sources checked: left empty, never guessed. The renewal date and the new end are sourced.',
    },
    { ...none, id: 'gg-2003', country: 'GG', decision: '2003/821/EC', act: 'Commission Decision 2003/821/EC', adoptedOn: '2003-11-21', source: eli('dec', 2003, 821) },
    { ...none, id: 'il-2011', country: 'IL', decision: '2011/61/EU', act: 'Commission Decision 2011/61/EU', adoptedOn: '2011-01-31', source: eli('dec', 2011, 61) },
    { ...none, id: 'im-2004', country: 'IM', decision: '2004/411/EC', act: 'Commission Decision 2004/411/EC', adoptedOn: '2004-04-28', source: eli('dec', 2004, 411) },
    { ...none, id: 'je-2008', country: 'JE', decision: '2008/393/EC', act: 'Commission Decision 2008/393/EC', adoptedOn: '2008-05-08', source: eli('dec', 2008, 393) },
    {
      ...none, id: 'jp-2019', country: 'JP', decision: '(EU) 2019/419', act: 'Commission Implementing Decision (EU) 2019/419', adoptedOn: '2019-01-23', source: eli('dec_impl', 2019, 419),
      scope: { en: 'Private-sector organisations (business operators under the APPI)', fi: 'Yksityisen sektorin organisaatiot (APPI-lain alaiset toimijat)' },
    },
    {
      ...none, id: 'kr-2022', country: 'KR', decision: '(EU) 2022/254', act: 'Commission Implementing Decision (EU) 2022/254', adoptedOn: '2021-12-17', source: eli('dec_impl', 2022, 254),
      scope: { en: 'Organisations subject to the Personal Information Protection Act, with the exceptions set out in the decision', fi: 'Henkilötietojen suojaa koskevan lain (PIPA) alaiset organisaatiot päätöksessä mainituin poikkeuksin' },
    },
    { ...none, id: 'nz-2013', country: 'NZ', decision: '2013/65/EU', act: 'Commission Implementing Decision 2013/65/EU', adoptedOn: '2012-12-19', source: eli('dec_impl', 2013, 65) },
    {
      ...none, id: 'us-dpf-2023', country: 'US', decision: '(EU) 2023/1795', act: 'Commission Implementing Decision (EU) 2023/1795', adoptedOn: '2023-07-10', source: eli('dec_impl', 2023, 1795),
      frameworkOnly: true,
      scope: {
        en: 'Only organisations certified under the EU-US Data Privacy Framework',
        fi: 'Vain EU–USA-tietosuojakehykseen (Data Privacy Framework) sertifioidut organisaatiot',
      },
      note: 'A listing is per legal entity, on the participant list kept by the US Department of Commerce (dataprivacyframework.gov).',
    },
    { ...none, id: 'uy-2012', country: 'UY', decision: '2012/484/EU', act: 'Commission Implementing Decision 2012/484/EU', adoptedOn: '2012-08-21', source: eli('dec_impl', 2012, 484) },
    {
      ...none, id: 'epo-2025', country: null, internationalOrganisation: 'epo', decision: null, act: null, adoptedOn: '2025-07-15', source: COMMISSION_ADEQUACY_PAGE,
      note: 'The first adequacy decision for an international organisation. Its act number was not in the sources checked: left empty, never guessed.',
    },
  ],
  art46Tools: [
    { id: 'scc', article: 'Art. 46(2)(c)', name: { fi: 'komission vakiosopimuslausekkeet', en: 'standard contractual clauses adopted by the Commission' }, act: 'Commission Implementing Decision (EU) 2021/914', source: eli('dec_impl', 2021, 914) },
    { id: 'bcr', article: 'Art. 46(2)(b), 47', name: { fi: 'yritystä koskevat sitovat säännöt', en: 'binding corporate rules' }, act: null, source: GDPR },
    { id: 'public-authorities', article: 'Art. 46(2)(a)', name: { fi: 'viranomaisten välinen oikeudellisesti sitova asiakirja', en: 'a legally binding instrument between public authorities' }, act: null, source: GDPR },
    { id: 'sa-scc', article: 'Art. 46(2)(d)', name: { fi: 'valvontaviranomaisen vakiotietosuojalausekkeet', en: 'standard clauses adopted by a supervisory authority' }, act: null, source: GDPR },
    { id: 'code-of-conduct', article: 'Art. 46(2)(e)', name: { fi: 'hyväksytyt käytännesäännöt', en: 'an approved code of conduct' }, act: null, source: GDPR },
    { id: 'certification', article: 'Art. 46(2)(f)', name: { fi: 'hyväksytty sertifiointimekanismi', en: 'an approved certification mechanism' }, act: null, source: GDPR },
    { id: 'authorised-clauses', article: 'Art. 46(3)(a)', name: { fi: 'valvontaviranomaisen hyväksymät sopimuslausekkeet', en: 'contractual clauses authorised by the supervisory authority' }, act: null, source: GDPR },
    { id: 'administrative-arrangements', article: 'Art. 46(3)(b)', name: { fi: 'viranomaisten hallinnolliset järjestelyt', en: 'administrative arrangements between public authorities' }, act: null, source: GDPR },
  ],
  // Art. 49 is for occasional, non-systematic transfers (EDPB Guidelines 2/2018).
  art49Derogations: [
    { id: 'a', article: 'Art. 49(1)(a)', name: { fi: 'rekisteröidyn nimenomainen suostumus', en: "the data subject's explicit consent" }, act: null, source: GDPR },
    { id: 'b', article: 'Art. 49(1)(b)', name: { fi: 'rekisteröidyn kanssa tehdyn sopimuksen täytäntöönpano', en: 'performance of a contract with the data subject' }, act: null, source: GDPR },
    { id: 'c', article: 'Art. 49(1)(c)', name: { fi: 'rekisteröidyn edun mukaisen sopimuksen täytäntöönpano', en: 'a contract concluded in the interest of the data subject' }, act: null, source: GDPR },
    { id: 'd', article: 'Art. 49(1)(d)', name: { fi: 'tärkeä yleinen etu', en: 'important reasons of public interest' }, act: null, source: GDPR },
    { id: 'e', article: 'Art. 49(1)(e)', name: { fi: 'oikeusvaateen laatiminen, esittäminen tai puolustaminen', en: 'the establishment, exercise or defence of legal claims' }, act: null, source: GDPR },
    { id: 'f', article: 'Art. 49(1)(f)', name: { fi: 'rekisteröidyn tai muiden henkilöiden elintärkeät edut', en: 'the vital interests of the data subject or of other persons' }, act: null, source: GDPR },
    { id: 'g', article: 'Art. 49(1)(g)', name: { fi: 'julkinen rekisteri', en: 'a public register' }, act: null, source: GDPR },
    { id: 'compelling_interests', article: 'Art. 49(1), second subparagraph', name: { fi: 'rekisterinpitäjän pakottava oikeutettu etu', en: 'compelling legitimate interests of the controller' }, act: null, source: GDPR },
  ],
})

/** The type the rest of the code reads: a decision with a country typed as an ISO code. */
export type AdequacyDecision = Omit<AdequacyDecisionRef, 'country'> & { country: CountryCode | null }
