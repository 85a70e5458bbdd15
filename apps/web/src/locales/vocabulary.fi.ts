import type { vocabularyEn } from './vocabulary.en'

/** Finnish strings of the vocabulary page: exactly the keys of vocabulary.en.ts. */
export const vocabularyFi: typeof vocabularyEn = {
  vocabularyPage: {
    title: 'Ryhmät',
    intro:
      'Selosteen yhteinen sanasto (tietosuoja-asetuksen 30 artiklan 1 kohdan c alakohta): rekisteröityjen ryhmät ja henkilötietoryhmät, joista käsittelytoimet valitsevat. Uusi nimi näkyy heti jokaisessa käsittelytoimessa; yhdistäminen siirtää jokaisen käytön toiseen ryhmään.',
    readOnly: 'Tarkastajat voivat lukea ryhmät; muokkaajat ja pääkäyttäjät muuttavat niitä.',
    dataTitle: 'Henkilötietoryhmät',
    subjectTitle: 'Rekisteröityjen ryhmät',
    empty: 'Ryhmiä ei vielä ole. Ne lisätään käsittelytoimen lomakkeelta.',
    columns: {
      nameFi: 'Suomeksi',
      nameEn: 'Englanniksi',
      use: 'Käytössä',
    },
    special: 'Erityinen (9 artikla)',
    activityCount_one: '{{count}} käsittelytoimessa',
    activityCount_other: '{{count}} käsittelytoimessa',
    unused: 'Ei käytössä',
    notWritten: 'Ei kirjoitettu',
    rename: {
      action: 'Nimeä',
      actionOf: 'Nimeä ”{{name}}” uudelleen',
      title: 'Nimeä ”{{name}}” uudelleen',
      submit: 'Tallenna',
      done: 'Uusi nimi: ”{{name}}”',
      eitherLanguage: 'Kirjoita nimi suomeksi tai englanniksi (tai molemmilla)',
    },
    merge: {
      action: 'Yhdistä',
      actionOf: 'Yhdistä ”{{name}}” toiseen ryhmään',
      title: 'Yhdistä ”{{name}}” toiseen ryhmään',
      into: 'Yhdistettävä ryhmään',
      choose: 'Valitse ryhmä',
      explain_one:
        '{{count}} käsittelytoimi, joka käyttää ryhmää ”{{name}}”, käyttää sen sijaan valittua ryhmää, ja ”{{name}}” poistetaan. Jokainen muuttunut käsittelytoimi kirjataan muutoslokiin.',
      explain_other:
        '{{count}} käsittelytointa, jotka käyttävät ryhmää ”{{name}}”, käyttävät sen sijaan valittua ryhmää, ja ”{{name}}” poistetaan. Jokainen muuttunut käsittelytoimi kirjataan muutoslokiin.',
      explainUnused: '”{{name}}” ei ole minkään käsittelytoimen käytössä: yhdistäminen vain poistaa sen.',
      specialMismatch:
        'Vain toinen ryhmistä on erityinen henkilötietoryhmä (9 artiklan 1 kohta). Tee niistä samanlaiset (uudelleennimeäminen) ennen yhdistämistä.',
      noOther: 'Muuta ryhmää, johon yhdistää, ei ole.',
      submit: 'Yhdistä',
      done: '”{{from}}” yhdistettiin ryhmään ”{{into}}”',
    },
    remove: {
      action: 'Poista',
      actionOf: 'Poista ”{{name}}”',
      title: 'Poistetaanko ”{{name}}”?',
      text: 'Ryhmä poistetaan sanastosta. Poisto kirjataan muutoslokiin.',
      confirm: 'Poista',
      done: '”{{name}}” poistettiin',
      inUseTitle: 'Vielä käytössä',
      inUse_one: 'Ryhmää ei voi poistaa, kun tämä käsittelytoimi käyttää sitä. Poista se käsittelytoimesta tai yhdistä se toiseen ryhmään.',
      inUse_other:
        'Ryhmää ei voi poistaa, kun nämä {{count}} käsittelytointa käyttävät sitä. Poista se niistä tai yhdistä se toiseen ryhmään.',
      usedByCaption: 'Käsittelytoimet, jotka käyttävät sitä',
    },
    conflict: 'Joku muu muutti ryhmää sillä välin. Ikkuna näyttää sen nyt sellaisena kuin se on; tarkista ja yritä uudelleen.',
  },
}
