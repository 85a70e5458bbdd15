import type { organisationEn } from './organisation.en'

/** Finnish strings of the organisation settings page: exactly the keys of organisation.en.ts. */
export const organisationFi: typeof organisationEn = {
  organisation: {
    title: 'Organisaatio',
    intro:
      'Rekisterinpitäjän tiedot sellaisina kuin seloste käsittelytoimista ne nimeää (tietosuoja-asetuksen 30 artiklan 1 kohdan a alakohta): nimi, yhteystiedot, tietosuojavastaava, edustaja ja yhteisrekisterinpitäjät.',
    readOnly: 'Tarkastajat voivat lukea organisaation tiedot; muokkaajat ja pääkäyttäjät muuttavat niitä.',
    saved: 'Organisaation tiedot tallennettu',
    updated: 'Muutettu viimeksi {{date}}',
    sections: {
      controller: 'Rekisterinpitäjä',
      controllerHint: 'Oikeushenkilö, jonka rekisteristä on kyse.',
      contact: 'Yhteyshenkilö tietosuoja-asioissa',
      contactHint:
        'Keneen ihmiset ja viranomaiset ottavat yhteyttä henkilötietoja koskevissa asioissa; myös mistä siirtojen suojatoimien jäljennöksiä voi pyytää.',
      dpo: 'Tietosuojavastaava (37 artikla)',
      dpoHint: 'Vastaa ”Ei”, jos tietosuojavastaavaa ei ole nimetty: ”Ei kirjattu” pysyy havaintona, kunnes kysymykseen on vastattu.',
      representative: 'Edustaja unionissa (27 artikla)',
      representativeHint:
        'Edustajan nimeää vain rekisterinpitäjä, joka ei ole sijoittautunut unioniin. Vastaa ”Ei”, jos organisaatio on sijoittautunut unioniin: ”Ei kirjattu” pysyy havaintona, kunnes kysymykseen on vastattu.',
      joint: 'Yhteisrekisterinpitäjät (26 artikla)',
      jointHint: 'Organisaatiot, jotka päättävät jonkin käsittelyn tarkoituksista ja keinoista yhdessä kanssanne.',
    },
    fields: {
      name: 'Nimi',
      businessId: 'Y-tunnus',
      address: 'Osoite',
      defaultLanguage: 'Tulosteiden oletuskieli',
      privacyContactName: 'Yhteyshenkilö',
      privacyContactEmail: 'Yhteyshenkilön sähköposti',
      dpoAppointed: 'Onko tietosuojavastaava nimetty?',
      dpoName: 'Tietosuojavastaavan nimi tai tehtävänimike',
      dpoEmail: 'Tietosuojavastaavan sähköposti',
      representativeNeeded: 'Tarvitseeko organisaatio edustajan unionissa?',
      representative: 'Edustajan nimi',
      representativeContact: 'Edustajan yhteystiedot',
      hasJointControllers: 'Onko yhteisrekisterinpitäjiä?',
      jointControllers: 'Yhteisrekisterinpitäjät ja heidän yhteystietonsa',
    },
    hints: {
      businessId: 'Suomalainen Y-tunnus, esim. 1234567-1.',
      defaultLanguage: 'Tulosteet ja julkinen luettelo käyttävät sitä, kun kieltä ei ole valittu.',
      dpoName: 'Anna nimi, sähköposti tai molemmat.',
      representativeContact: 'Osoite, sähköposti tai molemmat: seloste käsittelytoimista ja tietosuojaseloste kertovat ne.',
      jointControllers: 'Yksi riville: nimi, mistä päätätte yhdessä, yhteystieto.',
    },
    answer: {
      notRecorded: 'Ei kirjattu',
      notRecordedChoice: 'Ei vielä kirjattu',
      yes: 'Kyllä',
      no: 'Ei',
      dpoYes: 'Kyllä, tietosuojavastaava on nimetty',
      dpoNo: 'Tietosuojavastaavaa ei ole nimetty',
      jointYes: 'Kyllä, yhteisrekisterinpitäjiä on',
      jointNo: 'Ei yhteisrekisterinpitäjiä',
      representativeYes: 'Kyllä, edustaja on nimetty',
      representativeNo: 'Ei tarvita: sijoittautunut unioniin',
    },
  },
}
