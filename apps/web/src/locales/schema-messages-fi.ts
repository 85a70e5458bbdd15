/**
 * Finnish for the English messages written in @seloste/schema and by the API's services.
 * Keyed by the exact English text, because that text is what the schema and the API return.
 * (zod's own generic messages are localised by zod's Finnish locale instead.)
 */
export const schemaMessagesFi: Record<string, string> = {
  Required: 'Pakollinen tieto',
  'Must be an http(s) address': 'Anna http(s)-osoite, esim. https://esimerkki.fi',
  'Must be a date (YYYY-MM-DD)': 'Anna päivämäärä',
  'Must be an ISO 3166-1 alpha-2 country code, e.g. FI or US': 'Valitse maa',
  'Must be an email address': 'Anna sähköpostiosoite',
  'Must be a Finnish business ID (Y-tunnus) such as 1234567-1 with a valid check digit': 'Anna kelvollinen Y-tunnus, esim. 1234567-1',
  'Name the data protection officer or give their e-mail': 'Anna tietosuojavastaavan nimi tai sähköpostiosoite',
  'Name the joint controllers': 'Nimeä yhteisrekisterinpitäjät',
  'Name the representative in the Union': 'Nimeä edustaja unionissa',
  "Give the representative's contact details": 'Anna edustajan yhteystiedot',
  'End date cannot be before the start date': 'Päättymispäivä ei voi olla ennen alkamispäivää',
  'Inside the EEA no transfer safeguard applies: choose "none needed"':
    'ETA-alueella siirtoon ei tarvita suojatoimea: valitse "Ei tarvita"',
  'The country is outside the EEA: a transfer safeguard is needed': 'Maa on ETA-alueen ulkopuolella: siirto tarvitsee suojatoimen',
  'The EU-US Data Privacy Framework applies only to the United States': 'EU–USA-tietosuojakehys koskee vain Yhdysvaltoja',
  'Choose the adequacy decision': 'Valitse riittävyyspäätös',
  'This country has no such adequacy decision': 'Tällä maalla ei ole tällaista riittävyyspäätöstä',
  'For the United States choose the EU-US Data Privacy Framework': 'Valitse Yhdysvalloille EU–USA-tietosuojakehys',
  'Standard contractual clauses need a module (1-4)': 'Valitse vakiosopimuslausekkeiden moduuli (1–4)',
  'Choose the Art. 49 derogation': 'Valitse 49 artiklan poikkeus',
  'Describe the Art. 46 safeguard': 'Kuvaa 46 artiklan mukainen suojatoimi',
  'Say why no agreement is required': 'Kerro, miksi sopimusta ei tarvita',
  'Cannot end before it was signed': 'Voimassaolo ei voi päättyä ennen allekirjoitusta',
  'A processor cannot be its own parent': 'Käsittelijä ei voi olla oma emoyhtiönsä',
  'No processor with this id': 'Käsittelijää ei löydy',
  'This would make the processor its own ancestor': 'Käsittelijästä tulisi oman emoyhtiönsä tytäryhtiö',
  'The request has invalid fields': 'Lomakkeessa on virheitä',
  'Attach the document as the "file" field of a multipart form': 'Liitä asiakirja',
  'The processor has subsidiaries; move or delete them first': 'Käsittelijällä on tytäryhtiöitä: siirrä tai poista ne ensin',
  'The processor is already retired': 'Käsittelijä on jo poistettu käytöstä',
}
