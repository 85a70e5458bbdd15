import { COUNTRY_CODES, countryName, type FindingEntity } from '@seloste/schema'

let byEnglishName: Map<string, string> | null = null

/** The country code for an English country name as the API writes it (the same Intl names). */
function codeOfEnglishName(name: string): string | undefined {
  byEnglishName ??= new Map(COUNTRY_CODES.map((code) => [countryName(code, 'en'), code]))
  return byEnglishName.get(name)
}

/**
 * The name of the record a finding concerns, in the UI language where that can be done here.
 * The API names entities in English only: a transfer is "CapsuleCRM Inc – United States" (the
 * country is translated here), an activity has its English name (left out in Finnish, where the
 * message already starts with the Finnish name), and the public list needs no name beyond its type.
 */
export function recordName(entity: FindingEntity, lang: 'fi' | 'en'): string | null {
  switch (entity.type) {
    case 'public_list':
      return null
    case 'activity':
      return lang === 'en' ? entity.name : null
    case 'transfer': {
      const at = entity.name.lastIndexOf(' – ')
      const code = at < 0 ? undefined : codeOfEnglishName(entity.name.slice(at + 3))
      return code ? `${entity.name.slice(0, at)} – ${countryName(code, lang)}` : entity.name
    }
    default:
      return entity.name
  }
}
