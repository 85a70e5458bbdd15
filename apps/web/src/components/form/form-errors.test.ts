import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../lib/api-client'
import { applyServerErrors, flattenErrors } from './form-errors'
import { summaryItems } from './summary-items'

describe('form errors', () => {
  it('flattens react-hook-form’s nested errors into dotted paths', () => {
    const errors = {
      displayName: { type: 'too_small', message: 'Required' },
      service: { fi: { type: 'custom', message: 'Too long' } },
      dataCategories: [undefined, { type: 'too_small', message: 'Empty' }],
    }
    expect(flattenErrors(errors as never)).toEqual([
      { path: 'displayName', message: 'Required' },
      { path: 'service.fi', message: 'Too long' },
      { path: 'dataCategories.1', message: 'Empty' },
    ])
  })

  it('puts the API’s field errors on the inputs and returns the ones no input shows', () => {
    const setError = vi.fn()
    const error = new ApiError(400, 'validation_failed', 'The request has invalid fields', [
      { path: 'sccModule', message: 'Standard contractual clauses need a module (1-4)' },
      { path: 'merged', message: 'Something about the whole record' },
    ])
    const unmatched = applyServerErrors(error, setError, ['country', 'sccModule'])
    expect(setError).toHaveBeenCalledWith('sccModule', { type: 'server', message: 'Standard contractual clauses need a module (1-4)' })
    expect(unmatched).toEqual([{ path: 'merged', message: 'Something about the whole record' }])
  })

  it('lists summary items in form order, linking list items to their list input', () => {
    const errors = {
      websiteUrl: { type: 'invalid_format', message: 'Must be an http(s) address' },
      dataCategories: [{ type: 'too_small', message: 'Empty' }],
      displayName: { type: 'too_small', message: 'Required' },
    }
    const items = summaryItems(
      errors as never,
      [{ path: 'parentId', message: 'No processor with this id' }],
      ['displayName', 'dataCategories', 'websiteUrl'],
      (p) => p.toUpperCase(),
    )
    expect(items.map((i) => [i.path, i.label, i.linked])).toEqual([
      ['displayName', 'DISPLAYNAME', true],
      ['dataCategories', 'DATACATEGORIES', true],
      ['websiteUrl', 'WEBSITEURL', true],
      ['parentId', 'PARENTID', false],
    ])
  })
})
