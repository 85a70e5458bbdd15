/**
 * The privacy notice's free-text blocks for the reference company, in the words of its privacy
 * policy (tietosuojaseloste of 27.6.2025): only what the policy itself says. English texts are
 * translations of the policy's Finnish.
 */
import type { NoticeTextsUpdate } from '@seloste/schema'
import { SECURITY } from './demo-activities'

export const DEMO_NOTICE_TEXTS: Omit<NoticeTextsUpdate, 'version'> = {
  // The policy's summary, without the two sentences the records contradict or complete: where the data
  // is kept (locations are not all recorded) and its list of processors (it leaves out Plausible; the
  // notice names every processor from the records in its own section). Typos of the original corrected.
  summary: {
    fi: [
      'Keräämme sinusta ne samat henkilötiedot mitkä käytännössä kaikki muutkin yritykset. Jos olet asiakkaamme tai liikekumppanimme, käytämme niitä sopimusvelvoitteiden täyttämiseen ja viestintään. Jos et ole asiakkaamme, käytämme niitä pääasiassa markkinointiin ja myynnin edistämiseen.',
      'Emme luovuta tietojasi kolmansille osapuolille kaupallisiin tarkoituksiin. Saamme tiedot pääasiassa sinulta, työnantajaltasi tai julkisista lähteistä (esim. YTJ).',
    ].join('\n'),
    en: [
      'We collect the same personal data about you as practically every other company. If you are our customer or business partner, we use it to fulfil our contractual obligations and to communicate with you. If you are not our customer, we use it mainly for marketing and to promote sales.',
      'We do not disclose your data to third parties for commercial purposes. We receive the data mainly from you, your employer or public sources (e.g. YTJ).',
    ].join('\n'),
  },
  // Section 9.
  security: SECURITY,
  // Section 10, its opening paragraph.
  exercisingRights: {
    fi: 'Mikäli haluat käyttää oikeuksiasi, ole hyvä ja lähetä kirjallinen vaatimus sähköpostitse rekisterin yhteyshenkilölle. Jos pyyntösi ovat ilmeisen perusteettomia tai kohtuuttomia (esim. toistuvat tietopyynnöt), voimme kieltäytyä pyynnöstä.',
    en: 'If you wish to exercise your rights, please send a written request by e-mail to the contact person of the register. If your requests are manifestly unfounded or excessive (e.g. repeated requests for data), we may refuse the request.',
  },
}
