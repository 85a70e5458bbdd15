import { countryName, versionInLanguage, type Language, type PublishedVersion } from '@seloste/schema'
import {
  agreementsSentence,
  countryList,
  formatDate,
  groupEntries,
  isUpcoming,
  kindText,
  otherTransfersSentence,
  pick,
  safeguardStatement,
  T,
  UNKNOWN_TEXTS,
} from './texts'

/**
 * Escapes text so that Markdown (and the HTML a Markdown renderer lets through) shows it literally
 * and it can never create structure, wherever it is placed:
 * - line breaks are folded into a space: after one, `## x`, `- x`, `> x` or `1. x` would start a
 *   heading, list or quote, and `===` or `---` would turn the line before into a heading;
 * - what starts markup mid-line is backslash-escaped: emphasis, code, links and images, tables,
 *   strikethrough, entities (`&copy;`), and raw HTML (`<` as `&lt;`);
 * - what starts a block at the start of a line is escaped at the start of the text too.
 */
export function md(text: string): string {
  return text
    .replace(/\s*[\r\n]\s*/g, ' ')
    .replace(/[\\`*_[\]|~&]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/^([#>+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
}

/** A link whose target cannot be broken out of: parentheses, angle brackets, spaces, quotes and backslashes percent-encoded. */
export function mdLink(url: string): string {
  const display = url.replace(/^https?:\/\//, '').replace(/\/$/, '')
  // By hand: encodeURIComponent leaves ( ) ' unencoded, and a ")" would end the link early.
  return `[${md(display)}](${url.replace(/[()\s<>"'\\`]/g, (c) => [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''))})`
}

/**
 * The privacy policy's sections 6 and 7 as Markdown: processors (with their sub-processors),
 * transfers outside the EEA with their basis, and disclosures to third parties.
 */
export function renderMarkdown(given: PublishedVersion, lang: Language, today: string): string {
  const version = versionInLanguage(given, lang)
  const t = T[lang]
  const { processors, recipients, transfers } = groupEntries(version.content.entries)
  const out: string[] = []

  out.push(`## ${t.processorsHeading}`, '')
  if (processors.length === 0) out.push(t.noProcessors, '')
  else {
    out.push(t.processorsIntro, '')
    processors.forEach(({ entry, children }, i) => {
      out.push(`${i + 1}. ${describe(entry)}`)
      for (const child of children) out.push(`   - ${describe(child, t.subProcessor)}`)
    })
    out.push('')
    const agreements = agreementsSentence(version.content, lang)
    if (agreements) out.push(md(agreements), '')
  }

  out.push(`## ${t.transfersHeading}`, '', `### ${t.transfersSub}`, '')
  if (transfers.length === 0) out.push(md(otherTransfersSentence(version.content, lang, false)), '')
  else {
    for (const { entry, location } of transfers) {
      const basis = safeguardStatement(location, lang, version.content.safeguardCopyContact)
      const link = location.safeguard === 'dpf' ? dpfTail(basis.link, lang) : ''
      out.push(
        `- **${md(entry.name)}**, ${md(countryName(location.country, lang))} (${kindText(location.kind, lang)}). ${md(basis.text)}${link}`,
      )
    }
    out.push('', md(otherTransfersSentence(version.content, lang, true)), '')
  }

  out.push(`### ${t.disclosuresSub}`, '', t.disclosuresIntro, '', `- ${t.authorities}`)
  for (const r of recipients) {
    const service = pick(r.service, lang)
    const condition = pick(r.disclosureCondition, lang) || pick(r.purpose, lang)
    const unknown = r.locations.length === 0 ? ` ${md(UNKNOWN_TEXTS[lang].locationNotRecorded)}` : ''
    out.push(
      `- **${md(r.name)}**${service ? ` (${md(service)})` : ''}${condition ? `: ${md(condition)}` : ''}.${unknown}${upcomingNote(r.effectiveDate)}`,
    )
  }
  out.push('', `_${t.updated} ${formatDate(version.date, lang)} (${t.version.toLowerCase()} ${version.version})._`, '')
  return out.join('\n')

  function upcomingNote(effectiveDate: string | null): string {
    return effectiveDate && effectiveDate > today ? ` ${md(t.upcoming(formatDate(effectiveDate, lang)))}` : ''
  }

  function describe(entry: (typeof version.content.entries)[number], note?: string): string {
    const service = pick(entry.service, lang)
    const purpose = pick(entry.purpose, lang)
    const eea = countryList(entry, lang, false)
    const parts = [`**${md(entry.name)}**${note ? ` (${note})` : ''}${service ? ` – ${md(service)}.` : '.'}`]
    if (purpose) parts.push(md(t.use(purpose)))
    if (eea.length) parts.push(md(t.locations(eea.join(', '))))
    if (entry.locations.length === 0) parts.push(md(UNKNOWN_TEXTS[lang].locationNotRecorded))
    if (isUpcoming(entry, today)) parts.push(md(t.upcoming(formatDate(entry.effectiveDate!, lang))))
    return parts.join(' ')
  }
}

function dpfTail(link: string | null, lang: Language): string {
  if (lang === 'fi') return link ? ` osoitteessa ${mdLink(link)}.` : ' osoitteessa www.dataprivacyframework.gov.'
  return link ? ` at ${mdLink(link)}.` : ' at www.dataprivacyframework.gov.'
}
