import type { recordsEn } from './records.en'

export const recordsFi: typeof recordsEn = {
  activities: {
    title: 'Käsittelytoimet',
    new: 'Uusi käsittelytoimi',
    edit: 'Muokkaa käsittelytointa',
    matrix: 'Käsittelytoimet × käsittelijät',
  },
  exports: {
    title: 'Raportit ja viennit',
  },
}
