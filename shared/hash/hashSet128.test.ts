import fc from 'fast-check'
import { expect, test } from 'vitest'
import { HashSet128 } from './hashSet128'

// Few distinct words, so hashes repeat, share first words (one slot) and include all-zero ones.
const word = fc.constantFrom(0, 1, -1, 0x7fffffff, -0x80000000, 4096, 8192)
const hash = fc.tuple(word, word, word, word)

test('adding says "new" exactly when a Set of the same hashes grows, through every growth (property)', () => {
  fc.assert(
    fc.property(fc.array(hash, { maxLength: 3000 }), (hashes) => {
      const set = new HashSet128()
      const reference = new Set<string>()
      for (const words of hashes) {
        const key = words.join(',')
        expect(set.add(words)).toBe(!reference.has(key))
        reference.add(key)
        expect(set.size).toBe(reference.size)
      }
    }),
    { numRuns: 60 },
  )
})

test('counting says how often each hash was added before, as a Map of counts does, through every growth, from any size and read at any offset of a word list (property)', () => {
  fc.assert(
    fc.property(fc.array(hash, { maxLength: 3000 }), fc.nat(5000), fc.boolean(), (hashes, expected, mixed) => {
      const set = new HashSet128(expected)
      const reference = new Map<string, number>()
      const list = Int32Array.from(hashes.flat())
      hashes.forEach((words, index) => {
        const key = words.join(',')
        const before = reference.get(key) ?? 0
        // Plain adds in between count too.
        if (mixed && index % 3 === 0) expect(set.add(words)).toBe(before === 0)
        else expect(index % 2 === 0 ? set.addCounting(words) : set.addCounting(list, index * 4)).toBe(before)
        reference.set(key, before + 1)
        expect(set.size).toBe(reference.size)
      })
    }),
    { numRuns: 60 },
  )
})

test('hashes that differ only in their last word are different', () => {
  const set = new HashSet128()
  for (let i = 0; i < 10_000; i++) expect(set.add([7, 7, 7, i])).toBe(true)
  for (let i = 0; i < 10_000; i++) expect(set.add([7, 7, 7, i])).toBe(false)
  expect(set.size).toBe(10_000)
})

test('holds a hash exactly when a Set of the hashes added has it, read at any offset of a word list, without adding it (property)', () => {
  fc.assert(
    fc.property(fc.array(hash, { maxLength: 3000 }), fc.array(hash, { maxLength: 50 }), (added, asked) => {
      const set = new HashSet128()
      for (const words of added) set.add(words)
      const reference = new Set(added.map((words) => words.join(',')))
      const list = Int32Array.from(asked.flat())
      asked.forEach((words, i) => expect(set.has(list, i * 4)).toBe(reference.has(words.join(','))))
      expect(set.size).toBe(reference.size)
    }),
    { numRuns: 60 },
  )
})

test('cleared, it holds nothing and counts from zero again, as a new set would, whatever it held (property)', () => {
  fc.assert(
    fc.property(fc.array(hash, { maxLength: 500 }), fc.array(hash, { maxLength: 500 }), (before, after) => {
      const set = new HashSet128(before.length)
      for (const words of before) set.addCounting(words)
      set.clear()
      expect(set.size).toBe(0)
      const fresh = new HashSet128(before.length)
      for (const words of after) expect(set.addCounting(words)).toBe(fresh.addCounting(words))
      expect(set.size).toBe(fresh.size)
    }),
    { numRuns: 60 },
  )
})
