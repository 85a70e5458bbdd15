import type { PublicEntry, PublicLocation } from '@seloste/schema'
import type { TFunction } from 'i18next'
import type { Formatters } from '../../../lib/format'

/** One public field of an entry as the lines a person reads; null where nothing is recorded. */
export function entryFieldLines(entry: PublicEntry, field: string, t: TFunction, format: Formatters): string[] | null {
  const text = (v: string | null | undefined) => (v ? [v] : null)
  switch (field) {
    case 'name':
      return text(entry.name)
    case 'legalName':
      return text(entry.legalName)
    case 'nameEn':
      return text(entry.nameEn)
    case 'parentName':
      return text(entry.parentName)
    case 'parentNameEn':
      return text(entry.parentNameEn)
    case 'websiteUrl':
      return text(entry.websiteUrl)
    case 'privacyPolicyUrl':
      return text(entry.privacyPolicyUrl)
    case 'role':
      return [t(`enums.role.${entry.role}`)]
    case 'hqCountry':
      return text(format.country(entry.hqCountry))
    case 'effectiveDate':
      return text(format.date(entry.effectiveDate))
    case 'service':
    case 'purpose':
    case 'disclosureCondition': {
      const v = entry[field]
      const lines = [v.fi && `FI: ${v.fi}`, v.en && `EN: ${v.en}`].filter(Boolean) as string[]
      return lines.length ? lines : null
    }
    case 'locations':
      return entry.locations.length ? entry.locations.map((l) => locationLine(l, t, format)) : null
    default:
      return null
  }
}

function locationLine(l: PublicLocation, t: TFunction, format: Formatters): string {
  const org = l.internationalOrganisation
  const where = org ? org[format.lang] || org.fi || org.en : format.country(l.country)
  const safeguard =
    t(`enums.safeguardShort.${l.safeguard}`) + (l.sccModule ? ` (${t('publicList.values.sccModule', { module: l.sccModule })})` : '')
  return `${where}: ${t(`enums.transferKind.${l.kind}`)}, ${safeguard}`
}
