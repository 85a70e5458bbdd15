import type { FindingEntity } from '@seloste/schema'

/**
 * The name of the record a finding concerns, in the UI language. An activity's name is left out in
 * Finnish, where the message already starts with it, and the public list needs no name beyond its type.
 */
export function recordName(entity: FindingEntity, lang: 'fi' | 'en'): string | null {
  switch (entity.type) {
    case 'public_list':
      return null
    case 'activity':
      return lang === 'en' ? entity.name.en : null
    default:
      return entity.name[lang]
  }
}
