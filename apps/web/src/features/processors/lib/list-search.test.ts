import { describe, expect, it } from 'vitest'
import { hasFilters, ProcessorListSearch, toListQuery } from './list-search'

describe('the list state in the URL', () => {
  it('keeps valid values and drops bad ones, so an old or edited link still opens', () => {
    const parsed = ProcessorListSearch.parse({
      q: 123,
      status: 'active',
      role: 'nonsense',
      country: 'XX',
      outsideEea: true,
      page: 0,
      pageSize: 25,
    })
    expect(parsed).toEqual({
      q: '123',
      status: 'active',
      role: undefined,
      country: undefined,
      outsideEea: true,
      page: undefined,
      pageSize: 25,
    })
  })

  it('fills in the defaults and turns booleans into query strings for the API', () => {
    expect(toListQuery({ q: '  slack ', outsideEea: false })).toEqual({
      q: 'slack',
      status: undefined,
      role: undefined,
      country: undefined,
      safeguard: undefined,
      dpaStatus: undefined,
      outsideEea: 'false',
      sort: 'displayName',
      order: 'asc',
      page: 1,
      pageSize: 25,
    })
  })

  it('counts search and filters, not sort or paging, as filters', () => {
    expect(hasFilters({ sort: 'status', order: 'desc', page: 3 })).toBe(false)
    expect(hasFilters({ dpaStatus: 'missing' })).toBe(true)
    expect(hasFilters({ outsideEea: false })).toBe(true)
  })
})
