import fc from 'fast-check'
import { expect, test } from 'vitest'
import { numberInOrder } from './numberInOrder'

/** What numberInOrder gives, from a Map. */
function reference(keys: readonly number[]): number[] {
  const numbers = new Map<number, number>()
  return keys.map((key) => {
    if (!numbers.has(key)) numbers.set(key, numbers.size)
    return numbers.get(key)!
  })
}

// Keys that repeat, share low or high halves (one slot before mixing), and reach 0 and 2^53 - 1.
const key = fc.oneof(
  fc.constantFrom(0, 1, 2 ** 32, 2 ** 32 + 1, 2 ** 52, Number.MAX_SAFE_INTEGER),
  fc.nat(50).map((n) => n * 2 ** 32),
  fc.nat(3000),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
)

test('numbers the keys 0, 1, 2… in the order first met, as a Map would, through every growth of its table (property)', () => {
  fc.assert(
    fc.property(fc.array(key, { maxLength: 5000 }), (keys) => {
      const numbered = Float64Array.from(keys)
      const expected = reference(keys)
      expect(numberInOrder(numbered)).toBe(new Set(keys).size)
      expect([...numbered]).toEqual(expected)
    }),
    { numRuns: 60 },
  )
})

test('stops as soon as there are more keys than asked for, and counts them all when there are not (property)', () => {
  fc.assert(
    fc.property(fc.array(key, { maxLength: 3000 }), fc.nat(3000), (keys, atMost) => {
      const distinct = new Set(keys).size
      expect(numberInOrder(Float64Array.from(keys), atMost)).toBe(distinct > atMost ? null : distinct)
    }),
    { numRuns: 60 },
  )
})
