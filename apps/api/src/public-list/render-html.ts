import { changeInLanguage, countryName, versionInLanguage, type Language, type PublicEntry, type PublishedVersion } from '@seloste/schema'
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
  statementChangeText,
  T,
  UNKNOWN_TEXTS,
} from './texts'

/** Escapes text for HTML content and attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

const BASE = '/public/processors'

/** Links between the public pages, keeping the language. */
export function publicLinks(lang: Language, version?: number) {
  const q = `?lang=${lang}`
  const v = version === undefined ? BASE : `${BASE}/versions/${version}`
  return {
    page: `${v}${q}`,
    json: `${v}.json${q}`,
    md: `${v}.md${q}`,
    csv: `${v}.csv${q}`,
    changes: `${BASE}/changes${q}`,
    feed: `${BASE}/feed.atom${q}`,
    other: `${version === undefined ? BASE : v}?lang=${lang === 'fi' ? 'en' : 'fi'}`,
  }
}

const STYLE = `
:root{color-scheme:light;--ink:#1b2430;--muted:#5b6675;--line:#d9dee5;--accent:#1f5f99;--bg:#f6f8fa}
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
.wrap{max-width:52rem;margin:0 auto;padding:2rem 1.25rem 4rem}
header{border-bottom:1px solid var(--line);margin-bottom:1.5rem;padding-bottom:1rem}
header p{margin:.25rem 0;color:var(--muted)}h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.3rem;margin:2.25rem 0 .75rem}h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
a{color:var(--accent)}a:focus-visible{outline:3px solid #f0b429;outline-offset:2px}
ol,ul{padding-left:1.4rem}li{margin:.6rem 0}
.meta{font-size:.9rem;color:var(--muted)}.tag{display:inline-block;font-size:.8rem;border:1px solid var(--line);border-radius:1rem;padding:0 .5rem;margin-left:.35rem;background:#fff;color:var(--muted)}
.upcoming{border-color:#c58a00;color:#7a5400;background:#fff8e6}
.superseded{margin:0 0 1.25rem;padding:.75rem 1rem;border:1px solid #c58a00;border-left-width:.35rem;border-radius:.35rem;background:#fff8e6;color:#5c3f00}
nav.formats ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.75rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
form.subscribe{margin-top:1.25rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}form.subscribe label{width:100%}\ninput[type=email]{font:inherit;padding:.4rem .6rem;border:1px solid #8a94a3;border-radius:.35rem;min-width:16rem}\nbutton{font:inherit;padding:.4rem .9rem;border-radius:.35rem;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}\nfooter{margin-top:3rem;border-top:1px solid var(--line);padding-top:1rem;font-size:.9rem;color:var(--muted)}
@media print{body{background:#fff;font-size:11pt}.skip,nav.formats,form.subscribe,.no-print{display:none}.wrap{max-width:none;padding:0}a{color:inherit}h2,h3{break-after:avoid}}
`

/** A public page; `description` (for search engines and link previews) defaults to the title. */
export function page(
  lang: Language,
  title: string,
  body: string,
  alternate?: { href: string; label: string },
  feed?: string,
  description = title,
): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="icon" type="image/svg+xml" href="/favicon.svg">
<meta name="description" content="${esc(description)}">
${feed ? `<link rel="alternate" type="application/atom+xml" title="${esc(title)}" href="${esc(feed)}">` : ''}
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#content">${lang === 'fi' ? 'Siirry sisältöön' : 'Skip to content'}</a>
<div class="wrap">
${alternate ? `<p class="meta"><a href="${esc(alternate.href)}" lang="${lang === 'fi' ? 'en' : 'fi'}">${esc(alternate.label)}</a></p>` : ''}
${body}
</div>
</body>
</html>
`
}

function entryItem(entry: PublicEntry, lang: Language, today: string, children: PublicEntry[] = []): string {
  const t = T[lang]
  const service = pick(entry.service, lang)
  const purpose = pick(entry.purpose, lang)
  const eea = countryList(entry, lang, false)
  const upcoming = isUpcoming(entry, today)
  const sub = entry.role === 'sub_processor' ? ` <span class="tag">${esc(t.subProcessor)}</span>` : ''
  return `<li${upcoming ? ' class="is-upcoming"' : ''}><strong>${esc(entry.name)}</strong>${sub}${upcoming ? ` <span class="tag upcoming">${esc(t.upcoming(formatDate(entry.effectiveDate!, lang)))}</span>` : ''}${service ? ` – ${esc(service)}.` : ''}
${purpose ? ` ${esc(t.use(purpose))}` : ''}${eea.length ? ` ${esc(t.locations(eea.join(', ')))}` : ''}${entry.locations.length === 0 ? ` ${esc(UNKNOWN_TEXTS[lang].locationNotRecorded)}` : ''}
<span class="meta">${esc(t.addedOn)} ${esc(formatDate(entry.addedOn, lang))}.</span>${children.length ? `\n<ul>${children.map((c) => entryItem(c, lang, today)).join('\n')}</ul>` : ''}</li>`
}

/** The list's content (sections 6 and 7) as HTML, without the page around it. */
export function renderHtmlFragment(given: PublishedVersion, lang: Language, today: string): string {
  const version = versionInLanguage(given, lang)
  const t = T[lang]
  const { processors, recipients, transfers } = groupEntries(version.content.entries)
  const parts: string[] = []
  parts.push(`<section aria-labelledby="processors"><h2 id="processors">${esc(t.processorsHeading)}</h2>`)
  if (processors.length === 0) parts.push(`<p>${esc(t.noProcessors)}</p>`)
  else {
    parts.push(`<p>${esc(t.processorsIntro)}</p><ol>`)
    for (const { entry, children } of processors) parts.push(entryItem(entry, lang, today, children))
    parts.push('</ol>')
    const agreements = agreementsSentence(version.content, lang)
    if (agreements) parts.push(`<p>${esc(agreements)}</p>`)
  }
  parts.push(
    `</section><section aria-labelledby="transfers"><h2 id="transfers">${esc(t.transfersHeading)}</h2><h3>${esc(t.transfersSub)}</h3>`,
  )
  if (transfers.length === 0) parts.push(`<p>${esc(otherTransfersSentence(version.content, lang, false))}</p>`)
  else {
    parts.push('<ul>')
    for (const { entry, location } of transfers) {
      const basis = safeguardStatement(location, lang, version.content.safeguardCopyContact)
      const link = basis.link
        ? ` <a href="${esc(basis.link)}">${esc(basis.link.replace(/^https?:\/\//, '').replace(/\/$/, ''))}</a>.`
        : location.safeguard === 'dpf'
          ? ' www.dataprivacyframework.gov.'
          : ''
      const at = location.safeguard === 'dpf' ? (lang === 'fi' ? ' osoitteessa' : ' at') : ''
      parts.push(
        `<li><strong>${esc(entry.name)}</strong>, ${esc(countryName(location.country, lang))} (${esc(kindText(location.kind, lang))}). ${esc(basis.text)}${at}${link}</li>`,
      )
    }
    parts.push(`</ul><p>${esc(otherTransfersSentence(version.content, lang, true))}</p>`)
  }
  parts.push(`<h3>${esc(t.disclosuresSub)}</h3><p>${esc(t.disclosuresIntro)}</p><ul><li>${esc(t.authorities)}</li>`)
  for (const r of recipients) {
    const service = pick(r.service, lang)
    const condition = pick(r.disclosureCondition, lang) || pick(r.purpose, lang)
    const upcoming = isUpcoming(r, today) ? ` <span class="tag upcoming">${esc(t.upcoming(formatDate(r.effectiveDate!, lang)))}</span>` : ''
    const unknown = r.locations.length === 0 ? ` ${esc(UNKNOWN_TEXTS[lang].locationNotRecorded)}` : ''
    parts.push(
      `<li><strong>${esc(r.name)}</strong>${service ? ` (${esc(service)})` : ''}${condition ? `: ${esc(condition)}` : ''}.${unknown}${upcoming}</li>`,
    )
  }
  parts.push('</ul></section>')
  return parts.join('\n')
}

/** The public page: the list, its version and date, and links to the other formats and languages. */
export function renderHtml(
  version: PublishedVersion,
  lang: Language,
  today: string,
  options: {
    archived?: boolean
    subscribe?: boolean
    /** The newest version's number, on an older version's page. */ supersededBy?: number
  } = {},
): string {
  const t = T[lang]
  const links = publicLinks(lang, options.archived ? version.version : undefined)
  const c = version.content.controller
  const newer = options.supersededBy !== undefined && options.supersededBy > version.version ? options.supersededBy : null
  // An old version says so before anything else, and links to the list in force.
  const banner =
    newer === null
      ? ''
      : `<p class="superseded" role="note"><strong>${esc(t.superseded(version.version, formatDate(version.date, lang), newer))}</strong> <a href="${esc(publicLinks(lang).page)}">${esc(t.readCurrent)}</a></p>\n`
  const body = `<header>
${banner}<p>${esc(t.controller)}: ${esc(c.name)} (${esc(c.businessId)})</p>
<h1>${esc(t.title)}</h1>
<p><time datetime="${esc(version.date)}">${esc(t.updated)} ${esc(formatDate(version.date, lang))}</time> · ${esc(t.version)} ${version.version}</p>
</header>
<main id="content">
${renderHtmlFragment(version, lang, today)}
</main>
<footer>
<nav class="formats" aria-label="${esc(t.otherFormats)}"><ul>
<li><a href="${esc(links.md)}">Markdown</a></li><li><a href="${esc(links.json)}">JSON</a></li><li><a href="${esc(links.csv)}">CSV</a></li>
<li><a href="${esc(links.changes)}">${esc(t.changesTitle)}</a></li><li><a href="${esc(links.feed)}">Atom</a></li>
</ul></nav>
${options.subscribe ? subscribeForm(lang) : ''}
</footer>`
  // The description says only recorded facts, in the page's own words.
  const description = `${t.title}: ${c.name} (${c.businessId}). ${t.updated} ${formatDate(version.date, lang)}, ${t.version.toLowerCase()} ${version.version}.`
  return page(lang, `${t.title} – ${c.name}`, body, { href: links.other, label: t.language }, links.feed, description)
}

/** Shown only where mail is configured: without SMTP the feature is hidden, not broken. */
function subscribeForm(lang: Language): string {
  const t = T[lang]
  return `<form class="subscribe" method="post" action="${BASE}/subscribe">
<input type="hidden" name="lang" value="${lang}">
<label for="subscribe-email">${esc(t.subscribeLabel)}</label>
<input id="subscribe-email" name="email" type="email" required autocomplete="email" maxlength="320">
<button type="submit">${esc(t.subscribeButton)}</button>
</form>`
}

/** A short page for the subscription steps (check your mail, confirmed, unsubscribed). */
export function renderMessagePage(
  lang: Language,
  heading: string,
  text: string,
  status: 'ok' | 'error' = 'ok',
  form?: { action: string; token: string; button: string },
): string {
  const links = publicLinks(lang)
  const formHtml = form
    ? `<form method="post" action="${esc(form.action)}"><input type="hidden" name="token" value="${esc(form.token)}"><input type="hidden" name="lang" value="${lang}"><button type="submit">${esc(form.button)}</button></form>`
    : ''
  return page(
    lang,
    heading,
    `<main id="content"><h1>${esc(heading)}</h1><p${status === 'error' ? ' role="alert"' : ''}>${esc(text)}</p>${formHtml}<p><a href="${esc(links.page)}">${esc(T[lang].title)}</a></p></main>`,
  )
}

export function changeText(given: PublishedVersion['changes'][number], lang: Language): string {
  const change = changeInLanguage(given, lang)
  const t = T[lang]
  if (change.kind === 'statement') return statementChangeText(change, lang)
  if (change.kind === 'added') return `${t.added}: ${change.name}`
  if (change.kind === 'removed') return `${t.removed}: ${change.name}`
  return `${t.changed}: ${change.name} (${change.fields.map((f) => t.fields[f] ?? f).join(', ')})`
}

/** The change history: every version, newest first, with what it added, removed and changed. */
export function renderChangesHtml(versions: readonly PublishedVersion[], lang: Language): string {
  const t = T[lang]
  const links = publicLinks(lang)
  const controller = versions[0]?.content.controller
  const items = versions
    .map((v) => {
      const changes = v.changes.length
        ? `<ul>${v.changes.map((c) => `<li>${esc(changeText(c, lang))}</li>`).join('')}</ul>`
        : `<p>${esc(t.noChanges)}</p>`
      return `<li><h2><a href="${esc(publicLinks(lang, v.version).page)}">${esc(t.version)} ${v.version}</a> · <time datetime="${esc(v.date)}">${esc(formatDate(v.date, lang))}</time></h2>${changes}</li>`
    })
    .join('\n')
  const body = `<header>${controller ? `<p>${esc(t.controller)}: ${esc(controller.name)} (${esc(controller.businessId)})</p>` : ''}<h1>${esc(t.changesTitle)}</h1>
<p><a href="${esc(links.page)}">${esc(t.title)}</a> · <a href="${esc(links.feed)}">Atom</a></p></header>
<main id="content"><ol reversed>${items}</ol></main>`
  return page(
    lang,
    `${t.changesTitle} – ${t.title}`,
    body,
    { href: `${BASE}/changes?lang=${lang === 'fi' ? 'en' : 'fi'}`, label: t.language },
    links.feed,
  )
}

export function renderNotPublished(lang: Language): string {
  return page(lang, T[lang].title, `<main id="content"><h1>${esc(T[lang].title)}</h1><p>${esc(T[lang].noVersion)}</p></main>`)
}
