import { ActivityListQuery } from '@seloste/schema'
import { describe, expect, it } from 'vitest'
import { ActivityListSearch, hasActivityFilters, toActivityQuery } from './list-search'

describe('the activities list state in the URL', () => {
  it('keeps valid values and drops bad ones, so an old or edited link still opens', () => {
    expect(
      ActivityListSearch.parse({
        q: 42,
        status: 'done',
        legalBasis: 'f',
        subject: 3,
        processor: 0,
        gap: 'everything',
        sort: 'findings',
        order: 'up',
      }),
    ).toEqual({
      q: '42',
      status: undefined,
      legalBasis: 'f',
      subject: 3,
      processor: undefined,
      gap: undefined,
      sort: 'findings',
      order: undefined,
    })
  })

  it('asks the API only for what is set, in a form its schema accepts', () => {
    const search = ActivityListSearch.parse({
      legalBasis: 'c',
      subject: 2,
      processor: 7,
      gap: 'noRetention',
      sort: 'updatedAt',
      order: 'desc',
    })
    const query = toActivityQuery(search)
    expect(query).toEqual({ legalBasis: 'c', subject: 2, processor: 7, gap: 'noRetention', sort: 'updatedAt', order: 'desc' })
    expect(ActivityListQuery.parse(query)).toEqual(query)
    expect(toActivityQuery(ActivityListSearch.parse({ sort: 'name', order: 'asc' }))).toEqual({})
  })

  it('counts sorting as no filter', () => {
    expect(hasActivityFilters(ActivityListSearch.parse({ sort: 'findings', order: 'desc' }))).toBe(false)
    expect(hasActivityFilters(ActivityListSearch.parse({ gap: 'findings' }))).toBe(true)
    expect(hasActivityFilters(ActivityListSearch.parse({ processor: 4 }))).toBe(true)
  })
})
