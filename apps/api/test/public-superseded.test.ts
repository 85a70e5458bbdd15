/**
 * An older public version says it has been superseded, and by which version, in both languages,
 * and links to the list in force; the newest version (and the list's own address) says nothing of
 * the kind. The page of an old version changes when a newer one is published (its ETag too).
 */
import { describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from './helpers'

async function publish(ctx: TestContext): Promise<number> {
  const preview = (await ctx.api.get('/api/public-list/preview')).body
  const res = await ctx.api.post('/api/public-list/publish', {
    basedOnVersion: preview.latest?.version ?? 0,
    confirmUnknownLocations: true,
  })
  expect(res.status, res.text).toBe(201)
  return res.body.version
}

describe('superseded banner on older public versions', () => {
  it('appears on version 1 once version 2 is published, in Finnish and English, and never on the newest', async () => {
    const ctx = await createTestContext({ demo: true })
    // The demo may come with its list already published: that version is the first one here.
    const latest = (await ctx.api.get('/api/public-list/preview')).body.latest?.version as number | undefined
    const first = latest ?? (await publish(ctx))
    const alone = await ctx.anonymous.get(`/public/processors/versions/${first}?lang=en`)
    expect(alone.status).toBe(200)
    expect(alone.text).not.toContain('class="superseded"')

    const entry = (await ctx.api.get(`/api/public-list/versions/${first}`)).body.content.entries[0]
    const current = (await ctx.api.get(`/api/processors/${entry.key}`)).body
    const edited = await ctx.api.patch(`/api/processors/${entry.key}`, {
      version: current.version,
      service: { fi: 'Uusi palvelu', en: 'A new service' },
    })
    expect(edited.status, edited.text).toBe(200)
    const second = await publish(ctx)
    expect(second).toBe(first + 1)

    const en = await ctx.anonymous.get(`/public/processors/versions/${first}?lang=en`)
    expect(en.status).toBe(200)
    expect(en.text).toMatch(
      new RegExp(
        `<p class="superseded" role="note"><strong>This is an old version of the list: version ${first} of [^<]+\\. It has been superseded by version ${second}\\.</strong> <a href="/public/processors\\?lang=en">Read the current list</a></p>`,
      ),
    )
    // Inside the header landmark, before the heading.
    expect(en.text.indexOf('class="superseded"')).toBeGreaterThan(en.text.indexOf('<header>'))
    expect(en.text.indexOf('class="superseded"')).toBeLessThan(en.text.indexOf('<h1>'))

    const fi = await ctx.anonymous.get(`/public/processors/versions/${first}?lang=fi`)
    expect(fi.text).toContain(`Sen on korvannut versio ${second}.`)
    expect(fi.text).toContain('<a href="/public/processors?lang=fi">Lue voimassa oleva luettelo</a>')

    for (const url of [`/public/processors/versions/${second}?lang=en`, '/public/processors?lang=en', '/public/processors?lang=fi']) {
      const res = await ctx.anonymous.get(url)
      expect(res.status).toBe(200)
      expect(res.text).not.toContain('class="superseded"')
    }
    // The old page's ETag changed with the banner, so a cache revalidating by ETag gets the new page.
    expect(en.headers.get('etag')).not.toBe(alone.headers.get('etag'))
    const revalidated = await ctx.anonymous.request('GET', `/public/processors/versions/${first}?lang=en`, undefined, {
      headers: { 'if-none-match': alone.headers.get('etag')! },
    })
    expect(revalidated.status).toBe(200)
    expect(revalidated.text).toContain('class="superseded"')
  })
})
