import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isImplausible, MAX_REQUEST_TOKENS, readTokenCounts } from './tokenCounts'

const FIELDS = ['input_tokens', 'output_tokens'] as const

describe('readTokenCounts', () => {
  it('gives whole counts within the bound as they are, absent or null ones as 0 (property)', () => {
    const count = fc.oneof(fc.integer({ min: 0, max: MAX_REQUEST_TOKENS }), fc.constant(null), fc.constant(undefined))
    fc.assert(
      fc.property(count, count, (input, output) => {
        expect(readTokenCounts({ input_tokens: input, output_tokens: output }, FIELDS, MAX_REQUEST_TOKENS)).toEqual({ input_tokens: input ?? 0, output_tokens: output ?? 0 })
      }),
    )
  })

  it('names the first count that is negative, fractional, too large, not finite or not a number (property)', () => {
    const implausible = fc.oneof(
      fc.integer({ max: -1 }),
      fc.double({ min: 0.001, max: 1e6, noInteger: true }),
      fc.double({ min: MAX_REQUEST_TOKENS + 1, max: 1e300 }),
      fc.constantFrom(Infinity, -Infinity, NaN, 18446744073709551617),
      fc.string(),
      fc.boolean(),
    )
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_REQUEST_TOKENS }), implausible, (good, bad) => {
        const counts = readTokenCounts({ input_tokens: good, output_tokens: bad }, FIELDS, MAX_REQUEST_TOKENS)
        expect(isImplausible(counts)).toBe(true)
        expect(counts).toEqual({ implausible: `implausible token count: output_tokens is ${typeof bad === 'number' ? String(bad) : JSON.stringify(bad)}` })
      }),
    )
  })
})
