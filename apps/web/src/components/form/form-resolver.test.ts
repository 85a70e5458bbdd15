import { zodResolver } from '@hookform/resolvers/zod'
import { DpaInput, ProcessorInput, TransferInput } from '@seloste/schema'
import type { FieldValues, ResolverOptions } from 'react-hook-form'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { formResolver } from './form-resolver'

// The dashboard's map reads i18next (which needs a browser); a stand-in with the same contract.
vi.mock('../../lib/zod-error-map', () => ({
  formErrorMap: (issue: { code?: string }) => (issue.code === 'invalid_value' ? 'Choose an option' : undefined),
}))
const { formErrorMap } = await import('../../lib/zod-error-map')

const optionsOf = <V extends FieldValues>(): ResolverOptions<V> => ({ fields: {}, shouldUseNativeValidation: false })

/** formResolver answers as zodResolver (which the forms cast) did for the same schema and values. */
async function expectSameAsZodResolver<O, I extends FieldValues>(schema: z.ZodType<O, I>, values: Record<string, unknown>) {
  const input = values as I // deliberately wrong values: the point is the errors
  const ours = await formResolver(schema)(input, undefined, optionsOf<I>())
  const theirs = await zodResolver(schema, { error: formErrorMap })(input, undefined, optionsOf<I>())
  expect(ours).toEqual(theirs)
  return ours
}

describe('formResolver', () => {
  it('answers as zodResolver did: nested and list errors', async () => {
    const result = await expectSameAsZodResolver(ProcessorInput, {
      displayName: '',
      role: 'nope',
      service: { fi: 'x'.repeat(5000), en: '' },
      dataCategories: ['ok', ''],
    })
    expect(Object.keys(result.errors)).toEqual(expect.arrayContaining(['displayName', 'role', 'service', 'dataCategories']))
  })
  it('answers as zodResolver did: a rule across fields', async () => {
    const result = await expectSameAsZodResolver(ProcessorInput, {
      displayName: 'A',
      role: 'processor',
      startDate: '2025-06-01',
      endDate: '2025-01-01',
    })
    expect(Object.keys(result.errors)).toEqual(['endDate'])
  })
  it('answers as zodResolver did: an unknown field', async () => {
    await expectSameAsZodResolver(DpaInput, { status: 'signed', extra: 1 })
  })
  it('answers as zodResolver did: a union (the SCC module)', async () => {
    const result = await expectSameAsZodResolver(TransferInput, { country: 'US', kind: 'scc', sccModule: 7 })
    expect(result.errors).toHaveProperty('sccModule')
  })
  it('answers as zodResolver did: valid values, parsed', async () => {
    const result = await expectSameAsZodResolver(ProcessorInput, { displayName: ' A ', role: 'processor', legalName: '' })
    expect(result).toEqual({ values: { displayName: 'A', role: 'processor', legalName: null }, errors: {} })
  })

  it('puts each error at its path, the first issue of a field winning', async () => {
    const schema = z.strictObject({ a: z.string().min(2).max(1), list: z.array(z.string().min(1)) })
    const result = await formResolver(schema)({ a: 'xyz', list: ['', 'ok'] }, undefined, optionsOf())
    expect(result.values).toEqual({})
    expect(result.errors).toMatchObject({ a: { type: 'too_big' }, list: [{ type: 'too_small' }] })
  })

  it('validates what toInput makes of the values, and reports at the input’s paths', async () => {
    const schema = z.strictObject({ amount: z.number().int().nullable() })
    const resolve = formResolver(schema, (v: { amount: string }) => ({ amount: v.amount === '' ? null : Number(v.amount) }))
    expect(await resolve({ amount: '' }, undefined, optionsOf())).toEqual({ values: { amount: null }, errors: {} })
    const bad = await resolve({ amount: '1.5' }, undefined, optionsOf())
    expect(bad.errors).toMatchObject({ amount: { type: 'invalid_type' } })
  })
})
