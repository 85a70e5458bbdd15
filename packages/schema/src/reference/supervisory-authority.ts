/**
 * The Finnish supervisory authority (GDPR Art. 51, 77): the complaint authority a Finnish privacy
 * notice names (Art. 13(2)(d), 14(2)(e)). Data, dated and sourced like the rest of the reference data:
 * update it from the source page and move `checkedOn`.
 */
export const SUPERVISORY_AUTHORITY = {
  name: { fi: 'Tietosuojavaltuutetun toimisto', en: 'Office of the Data Protection Ombudsman (Tietosuojavaltuutetun toimisto)' },
  visitingAddress: { fi: 'Lintulahdenkuja 4, 00530 Helsinki', en: 'Lintulahdenkuja 4, 00530 Helsinki, Finland' },
  postalAddress: { fi: 'PL 800, 00531 Helsinki', en: 'P.O. Box 800, 00531 Helsinki, Finland' },
  phone: '029 566 6700',
  email: 'tietosuoja@om.fi',
  website: 'https://tietosuoja.fi',
  /** Where the contact details were read. */
  source: 'https://tietosuoja.fi/yhteystiedot',
  /** The date a person last compared the details above with the source. */
  checkedOn: '2026-12-05',
} as const
