import type { complianceEn } from './compliance.en'

export const complianceFi: typeof complianceEn = {
  overview: {
    title: 'Yleiskuva',
  },
}
