/**
 * The privacy notice rendered as an accessible, printable HTML page, as Markdown to paste into a
 * website, and as JSON. Sections 6 and 7 are the published processor list, rendered by the list's own
 * renderers (public-list/), never written twice. Record text is escaped with the list's helpers.
 */
import { Feed } from 'feed'
import type { Language, NoticeBlock, NoticeChange, NoticeVersionSummary, PublishedVersion } from '@seloste/schema'
import { esc, page, renderHtmlFragment } from '../public-list/render-html'
import { renderJson } from '../public-list/render-data'
import { md, mdLink, renderMarkdown } from '../public-list/render-markdown'
import { formatDate } from '../public-list/texts'
import { buildNotice } from './build'
import type { NoticeSnapshot, NoticeStamp } from './snapshot'

export const NOTICE_BASE = '/public/notice'

const W = {
  fi: {
    otherFormats: 'Muut muodot',
    changes: 'Muutoshistoria',
    language: 'In English',
    controller: 'Rekisterinpitäjä',
    updated: 'Päivitetty',
    version: 'Versio',
    draft: 'Luonnos',
    title: 'Tietosuojaseloste',
    notPublished: 'Tietosuojaselostetta ei ole vielä julkaistu.',
    firstVersion: 'Ensimmäinen julkaistu versio.',
    change: { added: 'Lisätty', changed: 'Muutettu', removed: 'Poistettu' },
  },
  en: {
    otherFormats: 'Other formats',
    changes: 'Change history',
    language: 'Suomeksi',
    controller: 'Controller',
    updated: 'Updated',
    version: 'Version',
    draft: 'Draft',
    title: 'Privacy notice',
    notPublished: 'The privacy notice has not been published yet.',
    firstVersion: 'The first published version.',
    change: { added: 'Added', changed: 'Changed', removed: 'Removed' },
  },
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
  if (!s.processorList || s.processorList.version !== block.version)
    throw new Error('The notice names a processor list version it does not carry')
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
  const dated = stamp
    ? `<p><time datetime="${esc(stamp.date)}">${esc(w.updated)} ${esc(formatDate(stamp.date, lang))}</time> · ${esc(w.version)} ${stamp.version}</p>`
    : `<p>${esc(w.draft)}</p>`
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
  const description = stamp
    ? `${doc.title}${c ? `: ${c.name} (${c.businessId})` : ''}. ${w.updated} ${formatDate(stamp.date, lang)}, ${w.version.toLowerCase()} ${stamp.version}.`
    : title
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
    blocks: sec.blocks.map((b) =>
      b.kind === 'processor_list' ? { ...b, content: JSON.parse(renderJson(listVersion(snapshot, b), lang, today)) as unknown } : b,
    ),
  }))
  return `${JSON.stringify({ ...doc, sections }, null, 2)}\n`
}

// ---- Change history, feed ----------------------------------------------------------------------

export function noticeChangeText(change: NoticeChange, lang: Language): string {
  return `${W[lang].change[change.kind]}: ${change.heading[lang]}`
}

/** The change history: every version, newest first, with the sections it changed. */
export function renderNoticeChangesHtml(
  versions: readonly NoticeVersionSummary[],
  lang: Language,
  controller: { name: string; businessId: string } | null,
): string {
  const w = W[lang]
  const items = versions
    .map((v) => {
      const changes = v.changes.length
        ? `<ul>${v.changes.map((c) => `<li>${esc(noticeChangeText(c, lang))}</li>`).join('')}</ul>`
        : `<p>${esc(w.firstVersion)}</p>`
      return `<li><h2><a href="${esc(noticeLinks(lang, v.version).page)}">${esc(w.version)} ${v.version}</a> · <time datetime="${esc(v.date)}">${esc(formatDate(v.date, lang))}</time></h2>${changes}</li>`
    })
    .join('\n')
  const links = noticeLinks(lang)
  const body = `<header>${controller ? `<p>${esc(w.controller)}: ${esc(controller.name)} (${esc(controller.businessId)})</p>` : ''}<h1>${esc(w.changes)}</h1>
<p><a href="${esc(links.page)}">${esc(w.title)}</a> · <a href="${esc(links.feed)}">Atom</a></p></header>
<main id="content"><ol reversed>${items}</ol></main>`
  return page(
    lang,
    `${w.changes} – ${w.title}`,
    body,
    { href: `${NOTICE_BASE}/changes?lang=${lang === 'fi' ? 'en' : 'fi'}`, label: w.language },
    links.feed,
  )
}

export function renderNoticeNotPublished(lang: Language): string {
  return page(lang, W[lang].title, `<main id="content"><h1>${esc(W[lang].title)}</h1><p>${esc(W[lang].notPublished)}</p></main>`)
}

/** The Atom feed of the notice's versions; links come from the configured public address only. */
export function renderNoticeAtom(versions: readonly NoticeVersionSummary[], lang: Language, origin: string, controller: string): string {
  const w = W[lang]
  const latest = versions[0]
  const home = `${origin}${NOTICE_BASE}?lang=${lang}`
  const feed = new Feed({
    title: `${w.title} – ${controller}`,
    id: home,
    link: home,
    language: lang,
    updated: latest ? new Date(latest.publishedAt) : new Date(0),
    copyright: controller,
    author: { name: controller || 'Seloste', link: home },
    feedLinks: { atom: `${origin}${NOTICE_BASE}/feed.atom?lang=${lang}` },
  })
  for (const v of versions) {
    // Escaped: feed readers render the summary and content as HTML.
    const lines = (v.changes.length ? v.changes.map((c) => noticeChangeText(c, lang)) : [w.firstVersion]).map(esc)
    feed.addItem({
      title: `${w.version} ${v.version} (${v.date})`,
      id: `${origin}${NOTICE_BASE}/versions/${v.version}`,
      link: `${origin}${noticeLinks(lang, v.version).page}`,
      date: new Date(v.publishedAt),
      description: lines.join('; '),
      content: `<ul>${lines.map((l) => `<li>${l}</li>`).join('')}</ul>`,
    })
  }
  return feed.atom1()
}
