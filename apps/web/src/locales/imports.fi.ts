import type { importsEn } from './imports.en'

/** Tuontisivun tekstit suomeksi (issue 18): samat avaimet kuin imports.en.ts. */
export const importsFi: typeof importsEn = {
  imports: {
    title: 'Tuonti',
    intro:
      'Tuo käsittelijät tai käsittelytoimet taulukosta: muokattu Seloste-vienti, toimittajaluettelo tai ICO-mallin mukainen seloste. Mitään ei tallenneta ennen kuin vahvistat, ja silloin tallennetaan kaikki rivit tai ei yhtään.',
    forbiddenTitle: 'Vain pääkäyttäjät voivat tuoda tietoja',
    forbiddenText: 'Tuonti tallentaa monta tietuetta kerralla. Pyydä pääkäyttäjää.',
    steps: { file: '1. Valitse tiedosto', mapping: '2. Tarkista sarakkeet', preview: '3. Tarkista rivit ja vahvista' },
    fileHint:
      '.xlsx-työkirja tai .csv-tiedosto (UTF-8), enintään 2 Mt ja 1 000 riviä. Kaavoista luetaan niihin tallennettu arvo; niitä ei lasketa.',
    fileLabel: 'Taulukkotiedosto (.xlsx tai .csv)',
    upload: 'Lähetä tiedosto',
    failed: 'Tiedostoa ei tuotu',
    mappingIntro:
      '{{file}}, taulukko ”{{sheet}}”, otsikot rivillä {{row}}. Valitse, mihin kenttään kukin sarake tuodaan; tunnistamattomille arvoille voi valita merkityksen.',
    target: 'Tuo',
    targets: { processors: 'Käsittelijöinä ja vastaanottajina', activities: 'Käsittelytoimina' },
    language: 'Tiedoston tekstien kieli',
    columnsCaption: 'Tiedoston sarakkeet ja kentät, joihin ne tuodaan',
    column: 'Sarake tiedostossa',
    field: 'Kenttä',
    fieldFor: 'Kenttä sarakkeelle {{column}}',
    noHeader: 'Sarake {{n}} (ei otsikkoa)',
    notImported: 'Ei tuoda',
    derivedNote: 'Seloste pitää tai johtaa tämän muualla; ei tuoda.',
    unmatched: 'Tunnistamattomat arvot',
    unmatchedChoose: 'Valitse merkitys…',
    valueFor: 'Arvon ”{{value}}” merkitys',
    codePlaceholder: 'esim. US, kyllä',
    applyMapping: 'Käytä valintoja',
    previewCaption: 'Mitä tuonti tekisi, rivi riviltä',
    row: 'Rivi',
    name: 'Nimi',
    statusLabel: 'Tulos',
    details: 'Muutokset tai ongelmat',
    status: { create: 'Uusi', update: 'Päivitys', unchanged: 'Ei muutoksia', conflict: 'Ristiriita', error: 'Virhe' },
    problem: 'Rivi {{row}}, {{column}}: {{message}}',
    changes: 'Muuttuu: {{fields}}',
    blockedTitle: 'Korjaa ensin rivit, joissa on virheitä tai ristiriitoja',
    blockedText:
      'Korjaa tiedosto ja lue se uudelleen, tai muuta valintoja. Ristiriita tarkoittaa tietuetta, jota on muutettu tiedoston viennin jälkeen: vie tiedot uudelleen ja tee muutos uudestaan.',
    confirmHint: 'Vahvistus tallentaa kaikki uudet ja päivitetyt tietueet kerralla, kukin muutoshistoriaan kirjattuna.',
    confirm_one: 'Tuo {{count}} tietue',
    confirm_other: 'Tuo {{count}} tietuetta',
    done: {
      title: 'Tuotu',
      text: '{{created}} uutta, {{updated}} päivitetty, {{unchanged}} ennallaan.',
      openProcessors: 'Avaa käsittelijät',
      openActivities: 'Avaa käsittelytoimet',
    },
  },
}
