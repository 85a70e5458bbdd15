/**
 * The API's text answers are gzip'd for clients that accept it, and read back by Python's gzip and
 * json modules; binary exports and clients that do not ask are answered as before.
 */
import { describe, expect, it } from 'vitest'
import { python } from './fixtures/readers'
import { createTestContext } from './helpers'

const ctx = await createTestContext({ demo: true })
const gzip = { headers: { 'accept-encoding': 'gzip, deflate, br' } }

describe('compressed API answers', () => {
  it('gzips the findings JSON for a browser, and Python reads back exactly the uncompressed answer', async () => {
    const plain = await ctx.api.get('/api/findings')
    expect(plain.status).toBe(200)
    expect(plain.headers.get('content-encoding')).toBeNull()
    const zipped = await ctx.api.request('GET', '/api/findings', undefined, gzip)
    expect(zipped.status).toBe(200)
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(zipped.headers.get('vary') ?? '').toMatch(/accept-encoding/i)
    expect(zipped.bytes.length).toBeLessThan(plain.bytes.length / 2)
    const read = python<unknown>(
      'import gzip, json, sys; print(json.dumps(json.loads(gzip.decompress(sys.stdin.buffer.read()))))',
      zipped.bytes,
    )
    expect(read).toEqual(plain.body)
  })

  it('leaves a spreadsheet (already a zip) as it is', async () => {
    const res = await ctx.api.request('GET', '/api/exports/ropa.xlsx', undefined, gzip)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBeNull()
    expect([...res.bytes.slice(0, 2)]).toEqual([0x50, 0x4b])
  })
})
