/**
 * The notice's renderers read back by real readers: the HTML page by html-validate, the Markdown by
 * markdown-it (with hostile record text that tries to add structure), the JSON by JSON.parse.
 */
import { HtmlValidate } from 'html-validate'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import type { Language } from '@seloste/schema'
import { buildNotice } from '../src/notice/build'
import { renderNoticeHtml, renderNoticeJson, renderNoticeMarkdown } from '../src/notice/render'
import type { NoticeSnapshot } from '../src/notice/snapshot'
import { T } from '../src/public-list/texts'
import { loadNoticeSnapshot } from '../src/services/notice'
import { createTestContext } from './helpers'

const ctx = await createTestContext({ demo: true })
const snapshot = loadNoticeSnapshot(ctx.db)
const stamp = { version: 2, date: '2026-12-05' }
const today = '2026-12-05'

const HOSTILE = {
  name: 'Evil\n## Injected heading\n- injected item',
  description: '# Heading too <script>alert("x")</script> [link](https://evil.test/) **bold**',
}
const hostile: NoticeSnapshot = structuredClone(snapshot)
hostile.activities[0]!.name = { fi: HOSTILE.name, en: HOSTILE.name }
hostile.activities[0]!.description = { fi: HOSTILE.description, en: HOSTILE.description }
hostile.texts.summary = { fi: '=== \n> quote\n1. numbered', en: '---\n| a | b |' }

function tokens(markdown: string) {
  const parsed = new MarkdownIt({ html: true }).parse(markdown, {})
  return { block: parsed, all: parsed.flatMap((t) => [t, ...(t.children ?? [])]) }
}

describe.each(['fi', 'en'] as Language[])('the %s notice', (lang) => {
  it('HTML: valid, with the lang attribute, a printable style, every section heading and the processor list once', async () => {
    const html = renderNoticeHtml({ snapshot, lang, stamp, today })
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'doctype-style': 'off' } }).validateString(
      html,
    )
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([])
    expect(html).toContain(`<html lang="${lang}">`)
    expect(html).toContain('@media print')
    const doc = buildNotice(snapshot, lang, stamp)
    for (const s of doc.sections) if (s.heading) expect(html).toContain(`>${s.heading.replace(/&/g, '&amp;')}</h2>`)
    expect(html.match(/id="processors"/g)).toHaveLength(1)
    expect(html).toContain(T[lang].processorsHeading)
    expect(html).toContain(lang === 'fi' ? 'Päivitetty 5.12.2026' : 'Updated 5 December 2026')
  })

  it('HTML: record text is text, never markup', async () => {
    const html = renderNoticeHtml({ snapshot: hostile, lang, stamp, today })
    expect(html).not.toContain('<script>alert')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'doctype-style': 'off' } }).validateString(
      html,
    )
    expect(report.valid).toBe(true)
  })

  it('Markdown: the headings are exactly the template’s, whatever the records say', () => {
    const clean = tokens(renderNoticeMarkdown({ snapshot, lang, stamp, today }))
    const { block, all } = tokens(renderNoticeMarkdown({ snapshot: hostile, lang, stamp, today }))
    const headings = (b: typeof block) => b.flatMap((x, i) => (x.type === 'heading_open' ? [`${x.tag} ${b[i + 1]!.content}`] : []))
    const expected = headings(clean.block)
    // The hostile group heading folds the injected lines into its own text; no other heading appears.
    expect(headings(block).length).toBe(expected.length)
    expect(headings(block).filter((h) => h.includes('Injected'))).toEqual([])
    const types = new Set(all.map((x) => x.type))
    for (const made of ['html_block', 'html_inline', 'blockquote_open', 'fence', 'code_block', 'table_open', 'hr'])
      expect(types, made).not.toContain(made)
    // Lists: only the template's (the processor list numbers its processors); the summary's "1. numbered" stays text.
    const count = (list: typeof all, type: string) => list.filter((x) => x.type === type).length
    expect(count(all, 'ordered_list_open')).toBe(count(clean.all, 'ordered_list_open'))
    const hrefs = all.filter((x) => x.type === 'link_open').map((x) => String(x.attrGet('href')))
    for (const href of hrefs) expect(href).not.toContain('evil.test')
    const text = all
      .filter((x) => x.type === 'text')
      .map((x) => x.content)
      .join('')
    expect(text).toContain('<script>alert("x")</script>')
    expect(expected[0]).toBe(`h1 ${lang === 'fi' ? 'Tietosuojaseloste' : 'Privacy notice'}`)
    expect(expected).toContain(`h2 ${T[lang].processorsHeading}`)
    expect(expected).toContain(`h2 ${T[lang].transfersHeading}`)
  })

  it('JSON: the structured document, the processor list block carrying the list’s own JSON', () => {
    const json = JSON.parse(renderNoticeJson({ snapshot, lang, stamp, today }))
    expect(json).toMatchObject({ kind: 'privacy_notice', lang, version: 2, date: '2026-12-05', controller: { businessId: '3235836-5' } })
    const list = json.sections
      .flatMap((s: { blocks: { kind: string }[] }) => s.blocks)
      .filter((b: { kind: string }) => b.kind === 'processor_list')
    expect(list).toHaveLength(1)
    expect(list[0].content.version).toBe(snapshot.processorList!.version)
    expect(JSON.stringify(list[0].content)).toContain('Zestia')
  })
})
