import type { searchEn } from './search.en'

export const searchFi: typeof searchEn = {
  searchPage: {
    pageLabel: 'Hae rekisteristä',
    title: 'Haku',
    titleFor: 'Haku: {{q}}',
    intro:
      'Käsittelijät, käsittelytoimet ja havainnot yhdellä haulla: nimen, oikeushenkilön, palvelun tai havainnon tekstin mukaan, suomeksi tai englanniksi.',
    prompt: 'Kirjoita nimi, palvelu tai havainnon sana.',
    controlCharacters: 'Hakutekstissä on ohjausmerkki (kuten rivinvaihto). Poista se, niin haku toimii.',
    failed: 'Haku epäonnistui',
    loading: 'Haetaan…',
    noResults: 'Haulla ”{{q}}” ei löytynyt mitään',
    noResultsHint: 'Kokeile lyhyempää sanaa tai nimeä toisella kielellä.',
    summary: 'Osumat: käsittelijät {{processors}}, käsittelytoimet {{activities}}, havainnot {{findings}}.',
    countOf: '({{shown}}/{{total}})',
    noneOfKind: 'Ei osumia.',
    acknowledged: 'Kuitattu',
    allProcessors: 'Kaikki {{count}} käsittelijää luettelossa',
    allActivities: 'Kaikki {{count}} käsittelytointa luettelossa',
    allFindings: 'Kaikki {{count}} havaintoa yleiskuvassa',
  },
}
