import type { governanceEn } from './governance.en'

export const governanceFi: typeof governanceEn = {
  publicList: {
    title: 'Julkinen luettelo',
  },
  audit: {
    title: 'Muutosloki',
  },
  users: {
    title: 'Käyttäjät',
  },
}
