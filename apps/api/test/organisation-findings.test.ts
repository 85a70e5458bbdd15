/**
 * Art. 30(1)(a): the DPO (Art. 37), representative (Art. 27) and joint-controller (Art. 26) questions. Unanswered is not "no":
 * the check fires while a question is unrecorded and stops once it is answered, "no" included.
 */
import { describe, expect, it } from 'vitest'
import { organisationUnrecorded, type RegistryView } from '../src/findings/checks'
import { createTestContext } from './helpers'

const view = (organisation: RegistryView['organisation']): RegistryView => ({
  today: '2026-12-05',
  processors: [],
  activities: [],
  publishedKeys: null,
  unpublishedChanges: false,
  organisation,
})

describe('the organisation check (pure)', () => {
  it('flags each unrecorded question, in both languages, linking to the settings page', () => {
    const found = organisationUnrecorded(
      view({ name: 'Oy Esimerkki Ab', dpoAppointed: null, representativeNeeded: null, hasJointControllers: null }),
    )
    expect(found.map((f) => f.checkId)).toEqual([
      'organisation-dpo-unrecorded',
      'organisation-representative-unrecorded',
      'organisation-joint-controllers-unrecorded',
    ])
    for (const f of found) {
      expect(f).toMatchObject({
        severity: 'medium',
        link: '/organisation',
        entity: { type: 'organisation', id: null, name: { fi: 'Oy Esimerkki Ab', en: 'Oy Esimerkki Ab' } },
      })
      expect(f.message.fi).toMatch(/Ei ole kirjattu/)
      expect(f.message.en).toMatch(/is not recorded/)
    }
    expect(found[0]!.message.en).toContain('Art. 37')
    expect(found[1]!.message.en).toContain('Art. 27')
    expect(found[2]!.message.fi).toContain('26 artikla')
  })

  it('takes a recorded "no" as an answer, like a recorded "yes"', () => {
    expect(
      organisationUnrecorded(view({ name: 'X', dpoAppointed: false, representativeNeeded: false, hasJointControllers: false })),
    ).toEqual([])
    expect(
      organisationUnrecorded(view({ name: 'X', dpoAppointed: true, representativeNeeded: true, hasJointControllers: null })).map(
        (f) => f.checkId,
      ),
    ).toEqual(['organisation-joint-controllers-unrecorded'])
    expect(
      organisationUnrecorded(view({ name: 'X', dpoAppointed: null, representativeNeeded: false, hasJointControllers: true })).map(
        (f) => f.checkId,
      ),
    ).toEqual(['organisation-dpo-unrecorded'])
  })

  it('says nothing when there is no organisation to ask about', () => {
    expect(organisationUnrecorded(view(undefined))).toEqual([])
    expect(organisationUnrecorded(view(null))).toEqual([])
  })
})

describe('the organisation check on the demo data', () => {
  it('fires for both questions (the reference policy answers neither) and stops once each is answered', async () => {
    const ctx = await createTestContext({ demo: true })
    const checkIds = async () => ((await ctx.api.get('/api/findings')).body.open as { checkId: string }[]).map((f) => f.checkId)
    const before = await checkIds()
    expect(before).toContain('organisation-dpo-unrecorded')
    expect(before).toContain('organisation-joint-controllers-unrecorded')

    const dpo = await ctx.api.patch('/api/organisation', {
      dpoAppointed: true,
      dpoName: 'Tietosuojavastaava',
      dpoEmail: 'dpo@mikroni.fi',
      version: 1,
    })
    expect(dpo.status).toBe(200)
    const afterDpo = await checkIds()
    expect(afterDpo).not.toContain('organisation-dpo-unrecorded')
    expect(afterDpo).toContain('organisation-joint-controllers-unrecorded')

    const joint = await ctx.api.patch('/api/organisation', { hasJointControllers: false, version: 2 })
    expect(joint.status).toBe(200)
    expect(await checkIds()).not.toContain('organisation-joint-controllers-unrecorded')

    // Back to unrecorded: the question is open again (null is its own state, never "no").
    const reset = await ctx.api.patch('/api/organisation', { dpoAppointed: null, dpoName: null, dpoEmail: null, version: 3 })
    expect(reset.status).toBe(200)
    expect(await checkIds()).toContain('organisation-dpo-unrecorded')
  })

  it('has no representative finding on the demo data (a Finnish company, recorded as needing none), and raises one once the answer is cleared', async () => {
    const ctx = await createTestContext({ demo: true })
    const checkIds = async () => ((await ctx.api.get('/api/findings')).body.open as { checkId: string }[]).map((f) => f.checkId)
    expect(await checkIds()).not.toContain('organisation-representative-unrecorded')
    const cleared = await ctx.api.patch('/api/organisation', { representativeNeeded: null, version: 1 })
    expect(cleared.status).toBe(200)
    expect(await checkIds()).toContain('organisation-representative-unrecorded')
    const named = await ctx.api.patch('/api/organisation', {
      representativeNeeded: true,
      representative: 'EU Rep GmbH',
      representativeContact: 'Unter den Linden 1, Berlin; rep@example.eu',
      version: 2,
    })
    expect(named.status).toBe(200)
    expect(await checkIds()).not.toContain('organisation-representative-unrecorded')
  })
})

describe('the privacy notice on the representative (Art. 13(1)(a), 27)', () => {
  it('says each of the three states in words, and an unrecorded one is a blocking gap, like the DPO', async () => {
    const ctx = await createTestContext({ demo: true })
    const draft = async () => {
      const rendered = (await ctx.api.get('/api/notice/preview/rendered')).body
      const codes = ((await ctx.api.get('/api/notice/preview')).body.problems as { code: string }[]).map((p) => p.code)
      return { en: rendered.en.markdown as string, fi: rendered.fi.markdown as string, codes }
    }
    // The demo company is Finnish: recorded as needing none.
    let d = await draft()
    expect(d.en).toContain('The controller is established in the Union and so needs no representative in the Union (Article 27).')
    expect(d.fi).toContain('Rekisterinpitäjä on sijoittautunut unioniin, joten se ei tarvitse edustajaa unionissa (27 artikla).')
    expect(d.codes).not.toContain('representative_unrecorded')

    expect((await ctx.api.patch('/api/organisation', { representativeNeeded: null, version: 1 })).status).toBe(200)
    d = await draft()
    expect(d.en).toContain('Whether the controller has a representative in the Union (Article 27) is not recorded.')
    expect(d.en).not.toContain('needs no representative')
    expect(d.codes).toContain('representative_unrecorded')

    const named = await ctx.api.patch('/api/organisation', {
      representativeNeeded: true,
      representative: 'EU Rep GmbH',
      representativeContact: 'rep@example.eu',
      version: 2,
    })
    expect(named.status).toBe(200)
    d = await draft()
    expect(d.en).toContain('Representative in the Union (Article 27): EU Rep GmbH, rep@example.eu')
    expect(d.fi).toContain('Edustaja unionissa (27 artikla): EU Rep GmbH, rep@example.eu')
    expect(d.codes).not.toContain('representative_unrecorded')
  })
})
