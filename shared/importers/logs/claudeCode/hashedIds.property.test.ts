import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { HashedIdTable } from './hashedIds'

// Words from a few values collide in the slots all the time; full-range words test the unsigned ends.
const word = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(0, 1, 0x7fffffff, 0x80000000, 0xffffffff), fc.integer({ min: 0, max: 0xffffffff }))
const id = fc.tuple(word, word)

describe('HashedIdTable (property)', () => {
  it('numbers ids in the order a Map first sees them, finds each added one and no other, through growth', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), fc.array(id, { maxLength: 50 }), fc.integer({ min: 1, max: 64 }), (added, looked, expected) => {
        const table = new HashedIdTable(expected)
        const map = new Map<string, number>()
        for (const [high, low] of added) {
          const key = `${high}:${low}`
          if (!map.has(key)) map.set(key, map.size)
          expect(table.add(high, low)).toBe(map.get(key))
        }
        expect(table.size).toBe(map.size)
        for (const [high, low] of [...added, ...looked]) expect(table.find(high, low)).toBe(map.get(`${high}:${low}`) ?? -1)
        for (const [key, entry] of map) expect(`${table.high(entry)}:${table.low(entry)}`).toBe(key)
      }),
    )
  })
})
