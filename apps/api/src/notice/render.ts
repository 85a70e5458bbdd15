/**
 * The privacy notice rendered as an accessible, printable HTML page, as Markdown to paste into a
 * website, and as JSON. Sections 6 and 7 are the published processor list, rendered by the list's own
 * renderers (public-list/), never written twice. Record text is escaped with the list's helpers.
 */
import type { Language, NoticeBlock, PublishedVersion } from '@seloste/schema'
import { esc, page, renderHtmlFragment } from '../public-list/render-html'
import { renderJson } from '../public-list/render-data'
import { md, mdLink, renderMarkdown } from '../public-list/render-markdown'
import { formatDate } from '../public-list/texts'
import { buildNotice } from './build'
import type { NoticeSnapshot, NoticeStamp } from './snapshot'

export const NOTICE_BASE = '/public/notice'

const W = {
  fi: { otherFormats: 'Muut muodot', changes: 'Muutoshistoria', language: 'In English', controller: 'Rekisterinpitäjä', updated: 'Päivitetty', version: 'Versio', draft: 'Luonnos', print: 'Tulosta' },
  en: { otherFormats: 'Other formats', changes: 'Change history', language: 'Suomeksi', controller: 'Controller', updated: 'Updated', version: 'Version', draft: 'Draft', print: 'Print' },
} as const

/** Links between the notice's public pages, keeping the language. */
export function noticeLinks(lang: Language, version?: number) {
  const q = `?lang=${lang}`
  const v = version === undefined ? NOTICE_BASE : `${NOTICE_BASE}/versions/${version}`
  return {
    page: `${v}${q}`,
    json: `${v}.json${q}`,
    md: `${v}.md${q}`,
    changes: `${NOTICE_BASE}/changes${q}`,
    feed: `${NOTICE_BASE}/feed.atom${q}`,
    other: `${v}?lang=${lang === 'fi' ? 'en' : 'fi'}`,
  }
}

interface RenderInput {
  snapshot: NoticeSnapshot
  lang: Language
  /** The published version's number and date; null for a draft (the preview). */
  stamp: NoticeStamp | null
  /** Today (YYYY-MM-DD), for the processor list's "upcoming" notes. */
  today: string
}

function listVersion(s: NoticeSnapshot, block: Extract<NoticeBlock, { kind: 'processor_list' }>): PublishedVersion {
  // The block names the list version the snapshot carries; the two are frozen together.
  if (!s.processorList || s.processorList.version !== block.version) throw new Error('The notice names a processor list version it does not carry')
  return s.processorList
}

// ---- HTML ----------------------------------------------------------------------------------

function htmlBlocks(blocks: NoticeBlock[], s: NoticeSnapshot, lang: Language, today: string): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'paragraph':
          return `<p>${esc(b.text)}</p>`
        case 'heading':
          return `<h3>${esc(b.text)}</h3>`
        case 'list':
          return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`
        case 'link':
          return `<p>${esc(b.text)} <a href="${esc(b.href)}">${esc(b.label)}</a>.</p>`
        case 'processor_list':
          return renderHtmlFragment(listVersion(s, b), lang, today)
      }
    })
    .join('\n')
}

/** The notice's sections as HTML, without the page around it (the dashboard's preview). */
export function renderNoticeHtmlFragment({ snapshot, lang, stamp, today }: RenderInput): string {
  const doc = buildNotice(snapshot, lang, stamp)
  return doc.sections
    .map((sec) =>
      sec.heading
        ? `<section aria-labelledby="notice-${sec.id}"><h2 id="notice-${sec.id}">${esc(sec.heading)}</h2>\n${htmlBlocks(sec.blocks, snapshot, lang, today)}</section>`
        : htmlBlocks(sec.blocks, snapshot, lang, today),
    )
    .join('\n')
}

/** The public page: the notice, its version and date, links to the other formats, languages and versions. */
export function renderNoticeHtml(input: RenderInput & { archived?: boolean }): string {
  const { lang, stamp, snapshot } = input
  const w = W[lang]
  const doc = buildNotice(snapshot, lang, stamp)
  const links = noticeLinks(lang, input.archived && stamp ? stamp.version : undefined)
  const c = doc.controller
  const dated = stamp ? `<p><time datetime="${esc(stamp.date)}">${esc(w.updated)} ${esc(formatDate(stamp.date, lang))}</time> · ${esc(w.version)} ${stamp.version}</p>` : `<p>${esc(w.draft)}</p>`
  const body = `<header>
${c ? `<p>${esc(w.controller)}: ${esc(c.name)} (${esc(c.businessId)})</p>` : ''}
<h1>${esc(doc.title)}</h1>
${dated}
</header>
<main id="content">
${renderNoticeHtmlFragment(input)}
</main>
<footer>
<nav class="formats" aria-label="${esc(w.otherFormats)}"><ul>
<li><a href="${esc(links.md)}">Markdown</a></li><li><a href="${esc(links.json)}">JSON</a></li>
<li><a href="${esc(links.changes)}">${esc(w.changes)}</a></li><li><a href="${esc(links.feed)}">Atom</a></li>
</ul></nav>
</footer>`
  const title = c ? `${doc.title} – ${c.name}` : doc.title
  const description = stamp ? `${doc.title}${c ? `: ${c.name} (${c.businessId})` : ''}. ${w.updated} ${formatDate(stamp.date, lang)}, ${w.version.toLowerCase()} ${stamp.version}.` : title
  return page(lang, title, body, { href: links.other, label: w.language }, links.feed, description)
}

// ---- Markdown --------------------------------------------------------------------------------

/** The notice as Markdown: every record text escaped, so no record can add a heading, list or link. */
export function renderNoticeMarkdown({ snapshot, lang, stamp, today }: RenderInput): string {
  const doc = buildNotice(snapshot, lang, stamp)
  const out: string[] = [`# ${md(doc.title)}`, '']
  if (doc.controller) out.push(md(`${W[lang].controller}: ${doc.controller.name} (${doc.controller.businessId})`), '')
  for (const sec of doc.sections) {
    if (sec.heading) out.push(`## ${md(sec.heading)}`, '')
    for (const b of sec.blocks) {
      switch (b.kind) {
        case 'paragraph':
          out.push(md(b.text), '')
          break
        case 'heading':
          out.push(`### ${md(b.text)}`, '')
          break
        case 'list':
          out.push(...b.items.map((i) => `- ${md(i)}`), '')
          break
        case 'link':
          out.push(`${md(b.text)} ${mdLink(b.href)}.`, '')
          break
        case 'processor_list':
          out.push(renderMarkdown(listVersion(snapshot, b), lang, today).trimEnd(), '')
          break
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`
}

// ---- JSON ----------------------------------------------------------------------------------------

/** The structured document; the processor list block carries the list's own JSON rendering. */
export function renderNoticeJson({ snapshot, lang, stamp, today }: RenderInput): string {
  const doc = buildNotice(snapshot, lang, stamp)
  const sections = doc.sections.map((sec) => ({
    ...sec,
    blocks: sec.blocks.map((b) => (b.kind === 'processor_list' ? { ...b, content: JSON.parse(renderJson(listVersion(snapshot, b), lang, today)) as unknown } : b)),
  }))
  return `${JSON.stringify({ ...doc, sections }, null, 2)}\n`
}
