import type { MessageCode } from '@seloste/schema'

/**
 * The codes (packages/schema `MessageCode`) that the dashboard says in words of its own, by locale
 * key (the users' strings, locales/governance.*.ts, load with the users page and the password dialog,
 * the only places these codes are answered; another feature whose strings load with its route maps
 * its own codes, as the findings' acknowledgement does). Every other code is shown as the schema's English sentence, or its Finnish from
 * apiMessagesFi below. lib/api-messages.ts says a code in the UI language.
 */
export const OWN_WORDS = {
  last_admin: 'users.messages.lastAdmin',
  password_too_short: 'users.messages.tooShort',
  password_too_long: 'users.messages.tooLong',
  password_common: 'users.messages.common',
  password_is_email: 'users.messages.sameAsEmail',
  email_taken: 'users.messages.emailTaken',
  wrong_current_password: 'users.messages.wrongCurrent',
} as const satisfies Partial<Record<MessageCode, string>>

export type OwnWordsCode = keyof typeof OWN_WORDS
export type PlainMessageCode = Exclude<MessageCode, OwnWordsCode>

/**
 * Finnish for the sentences of @seloste/schema's MESSAGES that the dashboard shows as they are in
 * English, keyed by their code (the API's error body carries it as `messageCode`). Codes with words
 * of the dashboard's own are in OWN_WORDS above. zod's own generic messages are
 * localised by zod's Finnish locale instead.
 */
export const apiMessagesFi: Record<PlainMessageCode, string> = {
  required: 'Pakollinen tieto',
  http_url: 'Anna http(s)-osoite, esim. https://esimerkki.fi',
  date: 'Anna päivämäärä',
  country_code: 'Valitse maa',
  email: 'Anna sähköpostiosoite',
  business_id: 'Anna kelvollinen Y-tunnus, esim. 1234567-1',
  dpo_unnamed: 'Anna tietosuojavastaavan nimi tai sähköpostiosoite',
  joint_controllers_unnamed: 'Nimeä yhteisrekisterinpitäjät',
  representative_unnamed: 'Nimeä edustaja unionissa',
  representative_no_contact: 'Anna edustajan yhteystiedot',
  end_before_start: 'Päättymispäivä ei voi olla ennen alkamispäivää',
  eea_no_safeguard: 'ETA-alueella siirtoon ei tarvita suojatoimea: valitse "Ei tarvita"',
  safeguard_needed: 'Maa on ETA-alueen ulkopuolella: siirto tarvitsee suojatoimen',
  dpf_us_only: 'EU–USA-tietosuojakehys koskee vain Yhdysvaltoja',
  adequacy_unchosen: 'Valitse riittävyyspäätös',
  adequacy_not_for_country: 'Tällä maalla ei ole tällaista riittävyyspäätöstä',
  us_choose_dpf: 'Valitse Yhdysvalloille EU–USA-tietosuojakehys',
  dpf_certified_entity_missing: 'Anna Data Privacy Framework -sertifioidun yhdysvaltalaisen yhtiön nimi (esim. Google LLC)',
  dpf_certified_entity_not_dpf: 'Sertifioitu yhtiö kirjataan vain, kun suojatoimi on EU–USA-tietosuojakehys',
  scc_module_missing: 'Valitse vakiosopimuslausekkeiden moduuli (1–4)',
  derogation_unchosen: 'Valitse 49 artiklan poikkeus',
  art46_undescribed: 'Kuvaa 46 artiklan mukainen suojatoimi',
  not_required_unexplained: 'Kerro, miksi sopimusta ei tarvita',
  ends_before_signed: 'Voimassaolo ei voi päättyä ennen allekirjoitusta',
  own_parent: 'Käsittelijä ei voi olla oma emoyhtiönsä',
  processor_not_found: 'Käsittelijää ei löydy',
  own_ancestor: 'Käsittelijästä tulisi oman emoyhtiönsä tytäryhtiö',
  invalid_fields: 'Lomakkeessa on virheitä',
  unknown_field: 'Tuntematon kenttä',
  unknown_parameter: 'Tuntematon kyselyparametri',
  file_missing: 'Liitä asiakirja',
  has_subsidiaries: 'Käsittelijällä on tytäryhtiöitä: siirrä tai poista ne ensin',
  already_retired: 'Käsittelijä on jo poistettu käytöstä',
  either_language: 'Kirjoita suomeksi tai englanniksi (tai molemmilla kielillä)',
  risk_reason_missing: 'Kerro, miksi riski hyväksytään',
  date_in_past: 'Päivämäärän on oltava tänään tai myöhemmin',
  acceptance_too_long: 'Enintään kaksi vuotta eteenpäin: hyväksytyt riskit on arvioitava uudelleen',
  finding_not_open: 'Havainto ei ole enää avoin',
  international_organisation_unknown:
    'Tunnisteella ei löydy kansainvälistä järjestöä oikeudellisesta viitetiedosta: valitse järjestö luettelosta tai kirjoita sen nimi',
  international_organisation_both: 'Valitse järjestö luettelosta tai kirjoita sen nimi, ei molempia',
  international_organisation_role: 'Järjestö kirjataan vain vastaanottajalle, joka on merkitty kansainväliseksi järjestöksi',
  locations_unrecorded:
    'Joidenkin luettelon palveluiden tietojen sijaintia ei ole kirjattu, ja luettelossa kerrotaan se: kirjaa sijainnit tai vahvista julkaisu tällaisenaan',
}
